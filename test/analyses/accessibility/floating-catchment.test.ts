import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { floatingCatchment, GovGraphError, parseCatchmentJson, parseCostMatrix, weights, type CatchmentCost, type CatchmentInput } from "../../../src/index.js";
import { base, columnsOf, network } from "./examples.js";

describe("floatingCatchment agrees with PySAL access", () => {
  // Expected values computed by PySAL itself: see the fixture's "produced" line.
  const text = readFileSync(new URL("../../fixtures/accessibility/pysal-small.json", import.meta.url), "utf8");
  const fixture = JSON.parse(text) as {
    demand: { id: string; value: number }[];
    supply: { id: string; value: number }[];
    costs: CatchmentCost[];
    maxCost: number;
    cases: Record<string, { method: "2sfca" | "3sfca"; gravityAlpha?: number }>;
    expected: Record<string, (number | null)[]>;
  };
  const csv = "origin,destination,cost\n" + fixture.costs.map((c) => `${c.from},${c.to},${c.cost}`).join("\n");
  const forms = {
    records: fixture.costs,
    columns: columnsOf(fixture),
    "parseCatchmentJson": parseCatchmentJson(text).input.costs,
    "parseCostMatrix": parseCostMatrix(csv, fixture),
  };
  for (const [name, { method, gravityAlpha }] of Object.entries(fixture.cases)) {
    for (const [form, costs] of Object.entries(forms)) {
      it(`${name}, costs as ${form}: within 1e-12 relative, NaN where PySAL has none`, () => {
        // PySAL's 3SFCA in the peer script weighs every pair 1 (step_fn({inf: 1})); its gravity has scale 1.
        const weight = gravityAlpha !== undefined ? weights.gravity({ scale: 1, alpha: gravityAlpha }) : method === "3sfca" ? weights.step({ Infinity: 1 }) : undefined;
        const rows = floatingCatchment({ demand: fixture.demand, supply: fixture.supply, costs, method, maxCost: fixture.maxCost, weight });
        const expected = fixture.expected[name]!;
        expect(rows.map((r) => r.id)).toEqual(fixture.demand.map((d) => d.id));
        rows.forEach((r, i) => {
          const want = expected[i];
          if (want === null) expect(r.access).toBeNaN();
          else expect(Math.abs(r.access - want!) / Math.abs(want!)).toBeLessThanOrEqual(1e-12);
        });
      });
    }
  }
});

describe("floatingCatchment with typed-array costs", () => {
  it("gives bit-identical results to the same costs as records, for every method", () => {
    fc.assert(
      fc.property(network, fc.constantFrom("2sfca", "e2sfca", "3sfca", "gravity" as const), fc.integer({ min: 0, max: 60 }), (input, method, maxCost) => {
        const records = floatingCatchment({ ...input, method, maxCost });
        expect(floatingCatchment({ ...input, costs: columnsOf(input), method, maxCost })).toEqual(records);
      }),
    );
  });

  it("lists every bad index and cost, and rejects columns of other types or lengths", () => {
    const costs = { from: Int32Array.of(0, 4, -1, 1), to: Int32Array.of(0, 1, 2, 1), cost: Float64Array.of(1, Number.NaN, 2, Number.POSITIVE_INFINITY) };
    let error: GovGraphError | undefined;
    try {
      floatingCatchment({ ...base, costs });
    } catch (e) {
      error = e as GovGraphError;
    }
    expect(error?.code).toBe("invalid_input");
    expect(error?.issues.map((i) => `${i.code} ${i.pointer}`)).toEqual([
      "unknown_reference /costs/from/1",
      "invalid_value /costs/cost/1",
      "unknown_reference /costs/from/2",
      "unknown_reference /costs/to/2",
      "invalid_value /costs/cost/3",
    ]);
    expect(error?.message).toMatch(/costs\.from\[1\] is 4, not a position in demand \(0 to 3\)/);
    const short = { from: Int32Array.of(0), to: Int32Array.of(0, 1), cost: Float64Array.of(1) };
    expect(() => floatingCatchment({ ...base, costs: short })).toThrow(/costs\.from, costs\.to and costs\.cost have 1, 2 and 1 entries/);
    const untyped = { from: [0], to: Int32Array.of(0), cost: Float64Array.of(1) } as unknown as CatchmentInput["costs"];
    expect(() => floatingCatchment({ ...base, costs: untyped })).toThrow(/costs\.from is an array; use an Int32Array/);
    const untypedCost = { from: Int32Array.of(0), to: Int32Array.of(0), cost: [1] } as unknown as CatchmentInput["costs"];
    expect(() => floatingCatchment({ ...base, costs: untypedCost })).toThrow(/costs\.cost is an array; use a Float64Array/);
  });

  it("reports a pair given twice, whether the pairs come row by row or not", () => {
    const grouped = { from: Int32Array.of(0, 0, 1, 0), to: Int32Array.of(0, 1, 0, 0), cost: Float64Array.of(1, 2, 3, 4) };
    expect(() => floatingCatchment({ ...base, costs: grouped })).toThrow(/pair 3 of costs repeats pair 0 \(demand\[0\] -> supply\[0\]\)/);
    const rows = { from: Int32Array.of(0, 0, 1, 1), to: Int32Array.of(0, 1, 0, 0), cost: Float64Array.of(1, 2, 3, 4) };
    expect(() => floatingCatchment({ ...base, costs: rows })).toThrow(/pair 3 of costs repeats pair 2 \(demand\[1\] -> supply\[0\]\)/);
  });
});

describe("floatingCatchment options", () => {
  it("names unknown and mistyped fields, with the data's problems, in one error", () => {
    let error: GovGraphError | undefined;
    try {
      floatingCatchment({ ...base, maxcost: 30, method: "4sfca", demand: [{ id: "A", value: -1 }] } as unknown as CatchmentInput);
    } catch (e) {
      error = e as GovGraphError;
    }
    expect(error?.issues.map((i) => `${i.code} ${i.pointer}`)).toEqual(["invalid_option /maxcost", "invalid_option /method", "invalid_value /demand/0/value", "unknown_reference /costs/2/from", "unknown_reference /costs/3/from", "unknown_reference /costs/4/from", "unknown_reference /costs/5/from", "unknown_reference /costs/6/from"]);
    expect(floatingCatchment({ ...base, method: undefined, maxCost: undefined })).toEqual(floatingCatchment({ ...base }));
  });
});

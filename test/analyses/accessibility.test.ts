import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildGeoCosts, floatingCatchment, GovGraphError, greatCircleKm, weights, type CatchmentInput } from "../../src/index.js";
import { base, network } from "./accessibility/examples.js";

const access = (input: CatchmentInput) => Object.fromEntries(floatingCatchment(input).map((r) => [r.id, r.access]));

describe("floatingCatchment on the paper example", () => {
  it("2SFCA: supply-to-demand ratios summed over the clinics in reach", () => {
    // Step 1: D_X = 100 (A) + 200 (B) = 300 (C is 40 away), R_X = 10 / 300.
    //         D_Y = 100 + 200 + 100 = 400, R_Y = 6 / 400.
    // Step 2: A_A = A_B = R_X + R_Y; A_C = R_Y; D reaches nothing.
    const a = access({ ...base, method: "2sfca", maxCost: 30 });
    expect(a.A).toBeCloseTo(10 / 300 + 6 / 400, 12);
    expect(a.B).toBeCloseTo(10 / 300 + 6 / 400, 12);
    expect(a.C).toBeCloseTo(6 / 400, 12);
    expect(a.D).toBeNaN();
    // Every doctor in reach is shared out: 100 A_A + 200 A_B + 100 A_C = 10 + 6.
    expect(100 * a.A! + 200 * a.B! + 100 * a.C!).toBeCloseTo(16, 10);
  });

  it("E2SFCA: Luo & Qi's steps {10: 1, 20: 0.68, 30: 0.22} weigh both steps by default", () => {
    // Weights: A-X 1, A-Y 0.22, B-X 0.68, B-Y 0.22 (30 is in the last step), C-Y 1, C-X 0 (beyond 30).
    // Step 1: D_X = 100*1 + 200*0.68 = 236; D_Y = 100*0.22 + 200*0.22 + 100*1 = 166.
    // Step 2: A_A = 1*10/236 + 0.22*6/166; A_B = 0.68*10/236 + 0.22*6/166; A_C = 1*6/166.
    const a = access({ ...base, method: "e2sfca" });
    expect(a.A).toBeCloseTo(10 / 236 + (0.22 * 6) / 166, 12);
    expect(a.B).toBeCloseTo((0.68 * 10) / 236 + (0.22 * 6) / 166, 12);
    expect(a.C).toBeCloseTo(6 / 166, 12);
    expect(a.D).toBeNaN(); // its only clinic weighs 0 at 50: out of reach
    expect(access({ ...base, method: "e2sfca", weight: weights.step({ 10: 1, 20: 0.68, 30: 0.22 }) })).toEqual(a);
  });

  it("3SFCA: selection weights over every clinic with a cost, even beyond maxCost", () => {
    // Weight: the E2SFCA steps; maxCost 20, so A-Y (25) and B-Y (30) are out of reach but still compete.
    // Selection: G_AX = 1 / (1 + 0.22); G_BX = 0.68 / (0.68 + 0.22); G_CY = 1 / (1 + 0) (C-X weighs 0).
    // Step 1: D_X = 100 * G_AX * 1 + 200 * G_BX * 0.68; D_Y = 100 * G_CY * 1 = 100.
    // Step 2: A_A = G_AX * 1 * 10 / D_X; A_B = G_BX * 0.68 * 10 / D_X; A_C = 1 * 1 * 6 / 100.
    const gAX = 1 / 1.22;
    const gBX = 0.68 / 0.9;
    const dX = 100 * gAX + 200 * gBX * 0.68;
    const a = access({ ...base, method: "3sfca", maxCost: 20, weight: weights.step({ 10: 1, 20: 0.68, 30: 0.22 }) });
    expect(a.A).toBeCloseTo((gAX * 10) / dX, 12);
    expect(a.B).toBeCloseTo((gBX * 0.68 * 10) / dX, 12);
    expect(a.C).toBeCloseTo(0.06, 12);
    expect(a.D).toBeNaN();
    expect(100 * a.A! + 200 * a.B! + 100 * a.C!).toBeCloseTo(16, 10);
  });

  it("3SFCA defaults to PySAL's steps {10: 0.962, 20: 0.704, 30: 0.377, 60: 0.042}", () => {
    const a = access({ ...base, method: "3sfca" });
    const b = access({ ...base, method: "3sfca", weight: weights.step({ 10: 0.962, 20: 0.704, 30: 0.377, 60: 0.042 }) });
    expect(a).toEqual(b);
    // D reaches X at 50 with weight 0.042, so it is in reach under the default.
    expect(a.D).toBeGreaterThan(0);
  });

  it("gravity: A_i = sum_j S_j W(c_ij) / V_j with V_j = sum_k P_k W(c_kj)", () => {
    // W = 10 / max(c, 10): A-X 1, A-Y 0.4, B-X 2/3, B-Y 1/3, C-X 0.25, C-Y 1, D-X 0.2; no maxCost.
    // V_X = 100*1 + 200*(2/3) + 100*0.25 + 50*0.2 = 268.33...; V_Y = 100*0.4 + 200/3 + 100*1 = 206.66...
    const vX = 100 + 200 * (2 / 3) + 25 + 10;
    const vY = 40 + 200 / 3 + 100;
    const a = access({ ...base, method: "gravity", weight: weights.gravity({ scale: 10, alpha: -1, minCost: 10 }) });
    expect(a.A).toBeCloseTo(10 / vX + (6 * 0.4) / vY, 12);
    expect(a.B).toBeCloseTo((10 * (2 / 3)) / vX + (6 / 3) / vY, 12);
    expect(a.C).toBeCloseTo((10 * 0.25) / vX + 6 / vY, 12);
    expect(a.D).toBeCloseTo((10 * 0.2) / vX, 12);
  });

  it("treats an infinite cost as an unroutable pair", () => {
    const unroutable = { ...base, costs: [...base.costs, { from: "D", to: "Y", cost: Number.POSITIVE_INFINITY }] };
    // No maxCost: every finite pair counts. D reaches X (cost 50) only; Y's demand is unchanged.
    const a = access({ ...unroutable, method: "2sfca" });
    expect(a.D).toBeCloseTo(10 / 450, 12);
    expect(a.C).toBeCloseTo(10 / 450 + 6 / 400, 12);
  });

  it("leaves a demand location whose only pair is unroutable without access (NaN), not at 0", () => {
    const input = { demand: [{ id: "a", value: 1 }, { id: "b", value: 1 }], supply: [{ id: "x", value: 2 }] };
    const costs = [{ from: "b", to: "x", cost: 5 }, { from: "a", to: "x", cost: Number.POSITIVE_INFINITY }];
    for (const method of ["2sfca", "3sfca"] as const) expect(access({ ...input, costs, method })).toEqual({ a: Number.NaN, b: 2 });
  });

  it("returns one row per demand location, in demand order", () => {
    const rows = floatingCatchment({ ...base, demand: [...base.demand].reverse(), maxCost: 30 });
    expect(rows.map((r) => r.id)).toEqual(["D", "C", "B", "A"]);
  });
});

describe("weights", () => {
  it("match PySAL's access.weights examples", () => {
    const step = weights.step({ 20: 1, 40: 0.68, 60: 0.22 });
    expect([0, 10, 20, 30, 40, 50, 60, 70].map(step)).toEqual([1, 1, 1, 0.68, 0.68, 0.22, 0.22, 0]);
    const gauss = weights.gaussian({ sigma: 20 });
    expect([0, 20, 40, 60].map(gauss)).toEqual([1, 0.6065306597126334, 0.1353352832366127, 0.011108996538242306]);
    const gravity = weights.gravity({ scale: 20, alpha: -2, minCost: 1 });
    expect([0, 1, 2, 20, 40, 60].map((c) => Math.round(gravity(c) * 100) / 100)).toEqual([400, 400, 100, 1, 0.25, 0.11]);
  });

  it("reject parameters that make no weight", () => {
    expect(() => weights.step({ 10: -1 })).toThrow(/weights.step: the weight of 10 is -1/);
    expect(() => weights.gaussian({ sigma: 0 })).toThrow(/weights.gaussian: option sigma must be a finite, non-zero number, got 0/);
    expect(() => weights.gravity({ scale: 0, alpha: -1 })).toThrow(/weights.gravity: option scale must be a finite, positive number, got 0/);
    expect(() => weights.gravity({ scale: 1, alfa: -1 } as unknown as { scale: number; alpha: number })).toThrow(/weights.gravity: unknown option "alfa"/);
    expect(() => weights.gravity({ scale: 1 } as { scale: number; alpha: number })).toThrow(/weights.gravity: alpha is missing/);
  });
});

describe("floatingCatchment input errors", () => {
  it("lists every problem at once, naming the record and field", () => {
    let error: unknown;
    try {
      floatingCatchment({
        demand: [{ id: "A", value: 1 }, { id: "A", value: -2 }],
        supply: [{ id: "X", value: Number.NaN }],
        costs: [
          { from: "A", to: "Z", cost: 1 },
          { from: "Q", to: "X", cost: -1 },
          { from: "A", to: "X", cost: Number.NaN },
        ],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GovGraphError);
    const e = error as GovGraphError;
    expect(e.code).toBe("invalid_input");
    expect(e.issues.map((i) => `${i.code} ${i.pointer}`)).toEqual([
      "duplicate_id /demand/1/id",
      "invalid_value /demand/1/value",
      "invalid_value /supply/0/value",
      "unknown_reference /costs/0/to",
      "unknown_reference /costs/1/from",
      "invalid_value /costs/1/cost",
      "invalid_value /costs/2/cost",
    ]);
    expect(e.message).toMatch(/^floatingCatchment: 7 problems in the input: demand\[1\]\.id "A" repeats demand\[0\];/);
  });

  it("rejects a pair given twice and a weight that is not finite", () => {
    const twice = { ...base, costs: [...base.costs, { from: "A", to: "X", cost: 7 }] };
    expect(() => floatingCatchment(twice)).toThrow(/costs\[7\] repeats the pair of costs\[0\] \("A" -> "X"\)/);
    const infinite = { ...base, costs: [{ from: "A", to: "X", cost: 0 }], method: "gravity" as const, weight: weights.gravity({ scale: 1, alpha: -1 }) };
    expect(() => floatingCatchment(infinite)).toThrow(/the weight of costs\[0\]\.cost \(0\) is Infinity/);
  });

  it("says which field of a cost record is missing, and shows a wrong value as written (a string with its quotes)", () => {
    const costs = [{ to: "X", cost: 5 }, { from: "A", to: null, cost: "3" }] as unknown as CatchmentInput["costs"];
    const error = (() => {
      try {
        floatingCatchment({ ...base, costs });
      } catch (e) {
        return e as GovGraphError;
      }
    })();
    expect(error?.issues.map((i) => [i.code, i.pointer, i.message])).toEqual([
      ["missing_field", "/costs/0/from", "costs[0] has no from"],
      ["unknown_reference", "/costs/1/to", "costs[1].to null is not a supply id"],
      ["invalid_value", "/costs/1/cost", 'costs[1].cost is "3"; use a non-negative number'],
    ]);
  });

  it("lists bad weights in the order of the costs, whatever the order of the demand ids", () => {
    // C's costs come first, A's last: the pairs are weighed in id order, the problems listed in cost order.
    const costs = [{ from: "C", to: "Y", cost: 0 }, { from: "B", to: "X", cost: 15 }, { from: "A", to: "X", cost: 0 }];
    const error = (() => {
      try {
        floatingCatchment({ ...base, costs, method: "gravity", weight: weights.gravity({ scale: 1, alpha: -1 }) });
      } catch (e) {
        return e as GovGraphError;
      }
    })();
    expect(error?.issues.map((i) => i.pointer)).toEqual(["/costs/0/cost", "/costs/2/cost"]);
  });
});

describe("floatingCatchment properties", () => {
  for (const method of ["2sfca", "3sfca"] as const) {
    it(`${method}: sum of value * access = total supply of the supplies anyone reaches`, () => {
      fc.assert(
        fc.property(network, fc.integer({ min: 0, max: 60 }), (input, maxCost) => {
          const rows = floatingCatchment({ ...input, method, maxCost, weight: weights.gaussian({ sigma: 25 }) });
          const total = rows.reduce((sum, r, i) => sum + (Number.isNaN(r.access) ? 0 : input.demand[i]!.value * r.access), 0);
          const reached = new Set(input.costs.filter((c) => c.cost <= maxCost).map((c) => c.to));
          const supply = input.supply.filter((s) => reached.has(s.id)).reduce((sum, s) => sum + s.value, 0);
          expect(total).toBeCloseTo(supply, 6);
        }),
      );
    });
  }

  it("gives the same results whether the pairs come demand location by demand location or interleaved", () => {
    fc.assert(
      fc.property(network, fc.constantFrom("2sfca", "e2sfca", "3sfca", "gravity" as const), (input, method) => {
        const rowByRow = [...input.costs].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
        const interleaved = [...rowByRow.filter((_, k) => k % 2 === 0), ...rowByRow.filter((_, k) => k % 2 === 1)];
        expect(access({ ...input, costs: interleaved, method, maxCost: 40 })).toEqual(access({ ...input, costs: rowByRow, method, maxCost: 40 }));
      }),
    );
  });

  it("counts a pair in reach whose weight is 0 as no pair at all", () => {
    // Steps up to 20: pairs costing 21 to 40 are within maxCost but weigh 0.
    const weight = weights.step({ 10: 1, 20: 0.5 });
    fc.assert(
      fc.property(network, fc.constantFrom("2sfca", "3sfca" as const), (input, method) => {
        const weighted = input.costs.filter((c) => c.cost <= 20);
        expect(access({ ...input, method, maxCost: 40, weight })).toEqual(access({ ...input, costs: weighted, method, maxCost: 40, weight }));
      }),
    );
  });

  it("agrees with a pair-by-pair 2SFCA over many blocks of demand locations", () => {
    // 40,000 demand locations (the kernel works on blocks of 16,384) and 50 supplies, three costs each.
    const demand = Array.from({ length: 40_000 }, (_, i) => ({ id: `d${i}`, value: 1 + (i % 97) }));
    const supply = Array.from({ length: 50 }, (_, j) => ({ id: `s${j}`, value: 1 + j }));
    const costs = demand.flatMap((d, i) => [0, 13, 26].map((t) => ({ from: d.id, to: `s${(i * 7 + t) % 50}`, cost: (i + t) % 30 })));
    const maxCost = 20;
    const inReach = costs.filter((c) => c.cost <= maxCost);
    const value = new Map([...demand, ...supply].map((x) => [x.id, x.value]));
    const weighed = new Map<string, number>();
    for (const c of inReach) weighed.set(c.to, (weighed.get(c.to) ?? 0) + value.get(c.from)!);
    const expected = new Map<string, number>();
    for (const c of inReach) expected.set(c.from, (expected.get(c.from) ?? 0) + value.get(c.to)! / weighed.get(c.to)!);
    const rows = floatingCatchment({ demand, supply, costs, maxCost });
    let worst = 0;
    for (const r of rows) {
      const want = expected.get(r.id) ?? Number.NaN;
      if (Number.isNaN(want) || Number.isNaN(r.access)) expect([r.id, r.access]).toEqual([r.id, want]);
      else worst = Math.max(worst, Math.abs(r.access - want) / want);
    }
    expect(worst).toBeLessThan(1e-12);
    expect(rows.filter((r) => Number.isNaN(r.access)).length).toBe(demand.length - expected.size);
  });

  it("ignores the order of demand, supply and cost records", () => {
    fc.assert(
      fc.property(network, fc.constantFrom("2sfca", "e2sfca", "3sfca", "gravity" as const), (input, method) => {
        const shuffled = {
          demand: [...input.demand].reverse(),
          supply: [...input.supply].reverse(),
          costs: [...input.costs].reverse(),
        };
        const byId = (rows: { id: string; access: number }[]) => Object.fromEntries(rows.map((r) => [r.id, r.access]));
        expect(byId(floatingCatchment({ ...shuffled, method, maxCost: 40 }))).toEqual(byId(floatingCatchment({ ...input, method, maxCost: 40 })));
      }),
    );
  });
});

describe("buildGeoCosts", () => {
  it("finds exactly the pairs within maxCost km that a full matrix would, across the antimeridian and near the poles", () => {
    const place = fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) });
    const cluster = fc.record({ lat: fc.constantFrom(0, 60, 89.5, -89.9), lon: fc.constantFrom(179.9, -179.9, 0) });
    const near = fc.tuple(cluster, fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true })).map(([c, dy, dx]) => ({
      lat: Math.max(-90, Math.min(90, c.lat + dy)),
      lon: ((c.lon + dx + 540) % 360) - 180,
    }));
    const located = fc.array(fc.oneof(place, near), { maxLength: 25 });
    fc.assert(
      fc.property(located, located, fc.constantFrom(0, 5, 50, 300, 5000), (a, b, maxCost) => {
        const from = a.map((p, i) => ({ id: `a${i}`, ...p }));
        const to = b.map((p, i) => ({ id: `b${i}`, ...p }));
        const brute = from.flatMap((f) => to.filter((t) => greatCircleKm(f, t) <= maxCost).map((t) => ({ from: f.id, to: t.id, cost: greatCircleKm(f, t) })));
        expect(buildGeoCosts(from, to, { maxCost })).toEqual(brute);
      }),
    );
  });

  it("gives great-circle kilometres", () => {
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.195, 3);
    expect(greatCircleKm({ lat: 51.5074, lon: -0.1278 }, { lat: 48.8566, lon: 2.3522 })).toBeCloseTo(343.56, 1);
  });
});

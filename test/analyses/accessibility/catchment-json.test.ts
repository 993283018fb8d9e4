import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { floatingCatchment, GovGraphError, parseCatchmentJson } from "../../../src/index.js";

/** Demand and supply with awkward ids (quotes, backslashes, non-ASCII) and cost records in any key order. */
const instance = fc
  .record({
    demand: fc.uniqueArray(fc.string({ unit: "grapheme", maxLength: 4 }), { minLength: 1, maxLength: 6 }),
    supply: fc.uniqueArray(fc.string({ unit: "grapheme", maxLength: 4 }), { minLength: 1, maxLength: 5 }),
    pairs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(null)), fc.boolean()), { maxLength: 20 }),
    indent: fc.constantFrom(undefined, 0, 2, "\t"),
  })
  .map(({ demand, supply, pairs, indent }) => {
    const costs = pairs.map(([a, b, cost, reversed]) => {
      const [from, to] = [demand[a % demand.length]!, supply[b % supply.length]!];
      return reversed ? { cost, to, from } : { from, to, cost };
    });
    const doc = { method: "3sfca", demand: demand.map((id, i) => ({ id, value: i + 1 })), supply: supply.map((id) => ({ id, value: 2 })), costs, maxCost: 30 };
    return { doc, text: JSON.stringify(doc, null, indent) };
  });

describe("parseCatchmentJson", () => {
  it("reads the costs into columns of positions, leaving out null (unroutable) costs, from text or bytes", () => {
    fc.assert(
      fc.property(instance, ({ doc, text }) => {
        const kept = doc.costs.filter((c) => c.cost !== null);
        const expected = {
          from: Int32Array.from(kept, (c) => doc.demand.findIndex((d) => d.id === c.from)),
          to: Int32Array.from(kept, (c) => doc.supply.findIndex((s) => s.id === c.to)),
          cost: Float64Array.from(kept, (c) => c.cost!),
        };
        const { input, other } = parseCatchmentJson(text);
        expect(input).toEqual({ demand: doc.demand, supply: doc.supply, costs: expected, method: "3sfca", maxCost: 30 });
        expect(other).toEqual({});
        expect(parseCatchmentJson(new TextEncoder().encode(text)).input).toEqual(input);
      }),
    );
  });

  it("reads any order of fields and returns the ones it does not know", () => {
    const text = '{"costs": [{"to": "x", "cost": 5, "from": "a"}], "gravityAlpha": -1, "supply": [{"id": "x", "value": 3}], "demand": [{"id": "a", "value": 10}]}';
    const { input, other } = parseCatchmentJson(text);
    expect(other).toEqual({ gravityAlpha: -1 });
    expect(floatingCatchment(input)).toEqual([{ id: "a", access: 0.3 }]);
    // Extra fields in a cost record are read through JSON.parse, and ignored as floatingCatchment ignores them.
    const extra = text.replace('"cost": 5', '"cost": 5, "mode": "walk"');
    expect(parseCatchmentJson(extra).input).toEqual(input);
  });

  it("lists every unknown id and bad cost; rejects text that is not JSON", () => {
    const text = JSON.stringify({
      demand: [{ id: "a", value: 1 }],
      supply: [{ id: "x", value: 1 }],
      costs: [{ from: "b", to: "x", cost: 1 }, { from: "a", to: "y", cost: -1 }, { from: "a", to: "x" }],
    });
    let error: GovGraphError | undefined;
    try {
      parseCatchmentJson(text);
    } catch (e) {
      error = e as GovGraphError;
    }
    expect(error?.issues.map((i) => `${i.code} ${i.pointer}`)).toEqual([
      "unknown_reference /costs/0/from",
      "unknown_reference /costs/1/to",
      "invalid_value /costs/1/cost",
      "invalid_value /costs/2/cost",
    ]);
    expect(error?.message).toMatch(/^parseCatchmentJson: 4 problems in the input: costs\[0\]\.from "b" is not a demand id;/);
    expect(() => parseCatchmentJson('{"demand": [}')).toThrow(expect.objectContaining({ code: "invalid_json" }));
    expect(() => parseCatchmentJson("[1]")).toThrow(/parseCatchmentJson: the document is not an object/);
  });
});

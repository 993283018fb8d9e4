import fc from "fast-check";
import type { CatchmentCost, CatchmentInput } from "../../../src/index.js";

/**
 * The paper example shared by every method: three towns A, B, C (and D, far from everything), two clinics X, Y.
 *
 *            cost to X   cost to Y
 *   A (100)      5           25
 *   B (200)     15           30      <- exactly maxCost 30: in reach (maxCost is inclusive)
 *   C (100)     40            5      <- C -> X is beyond maxCost 30
 *   D (50)      50            -      <- nothing within 30: NaN
 *   X has 10 doctors, Y has 6.
 */
export const base: CatchmentInput & { costs: CatchmentCost[] } = {
  demand: [
    { id: "A", value: 100 },
    { id: "B", value: 200 },
    { id: "C", value: 100 },
    { id: "D", value: 50 },
  ],
  supply: [
    { id: "X", value: 10 },
    { id: "Y", value: 6 },
  ],
  costs: [
    { from: "A", to: "X", cost: 5 },
    { from: "A", to: "Y", cost: 25 },
    { from: "B", to: "X", cost: 15 },
    { from: "B", to: "Y", cost: 30 },
    { from: "C", to: "X", cost: 40 },
    { from: "C", to: "Y", cost: 5 },
    { from: "D", to: "X", cost: 50 },
  ],
};

/** Small random networks: up to 8 demand locations, 6 supplies, 30 pairs. */
export const network = fc
  .record({
    nDemand: fc.integer({ min: 1, max: 8 }),
    nSupply: fc.integer({ min: 1, max: 6 }),
    seed: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 60 })), { maxLength: 30 }),
    values: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 14, maxLength: 14 }),
  })
  .map(({ nDemand, nSupply, seed, values }) => {
    const demand = Array.from({ length: nDemand }, (_, i) => ({ id: `d${i}`, value: values[i]! }));
    const supply = Array.from({ length: nSupply }, (_, j) => ({ id: `s${j}`, value: values[8 + j]! }));
    const seen = new Set<string>();
    const costs = seed
      .map(([a, b, cost]) => ({ from: `d${a % nDemand}`, to: `s${b % nSupply}`, cost }))
      .filter((c) => !seen.has(c.from + c.to) && seen.add(c.from + c.to));
    return { demand, supply, costs };
  });


/** The same costs as typed-array columns of positions. */
export function columnsOf(input: { demand: readonly { id: string }[]; supply: readonly { id: string }[]; costs: readonly CatchmentCost[] }) {
  const d = new Map(input.demand.map((x, i) => [x.id, i]));
  const s = new Map(input.supply.map((x, i) => [x.id, i]));
  return {
    from: Int32Array.from(input.costs, (c) => d.get(c.from)!),
    to: Int32Array.from(input.costs, (c) => s.get(c.to)!),
    cost: Float64Array.from(input.costs, (c) => c.cost),
  };
}


import type { CatchmentPairs } from "./kernel.js";
import { bucketStarts, groupByKey, isSorted, type KeyedColumns } from "./sort.js";
import type { CatchmentCostArrays, WeightFunction } from "./types.js";

/** How to weigh cost columns into pairs. @internal */
export interface WeighOptions {
  count: number;
  /** Rank (id order) of each demand position. */
  demandRank: Uint32Array;
  /** Supply positions in id order. */
  supplyOrder: Uint32Array;
  maxCost: number;
  weight: WeightFunction | undefined;
  /** 3SFCA: also weigh the pairs beyond `maxCost`, for the selection weights. */
  threeStep: boolean;
  /** Called for a weight that is not a finite, non-negative number. */
  badWeight: (k: number, cost: number, weight: unknown) => void;
}

/**
 * The pairs in reach (finite cost within `maxCost`, positive weight) in demand-rank order (demand ranks, supply
 * positions), ready for `catchmentAccess`; for 3SFCA with their normalisers over every weighted pair, beyond `maxCost` too.
 * @internal
 */
export function pairsInReach(costs: CatchmentCostArrays, options: WeighOptions): CatchmentPairs {
  const { from, to, cost } = costs;
  const { count: n, demandRank, supplyOrder, maxCost, weight, threeStep, badWeight } = options;
  let m = 0;
  let within = 0;
  for (let k = 0; k < n; k++) if (cost[k]! <= maxCost) within++;
  let kFrom: Uint32Array = new Uint32Array(within);
  let kTo: Uint32Array = new Uint32Array(within);
  let kW: Float64Array = new Float64Array(within);
  // 3SFCA: every weighted pair (supply position, demand rank, weight), for the selection weights' normalisers.
  const selection = threeStep ? { key: new Uint32Array(n), a: new Uint32Array(n), b: new Float64Array(n), count: 0 } : undefined;
  for (let k = 0; k < n; k++) {
    const c = cost[k]!;
    const inReach = c <= maxCost;
    // An infinite cost (an unroutable pair) is out of reach and takes no part in 3SFCA's selection.
    if ((!inReach && !threeStep) || c === Infinity) continue;
    const wk = weight ? weight(c) : 1;
    if (typeof wk !== "number" || !(wk >= 0 && wk < Infinity)) {
      badWeight(k, c, wk);
      continue;
    }
    if (wk === 0) continue;
    const i = demandRank[from[k]!]!;
    const j = to[k]!;
    if (selection) {
      selection.key[selection.count] = j;
      selection.a[selection.count] = i;
      selection.b[selection.count++] = wk;
    }
    if (inReach) {
      kFrom[m] = i;
      kTo[m] = j;
      kW[m++] = wk;
    }
  }
  if (!isSorted(kFrom, m)) [kFrom, kTo, kW] = byDemandRank(kFrom, kTo, kW, m, demandRank.length);
  const pairs: CatchmentPairs = { count: m, from: kFrom, to: kTo, w: kW, supplyOrder };
  if (selection) pairs.selection = selectionSums(selection, demandRank.length, supplyOrder);
  return pairs;
}

/**
 * The pairs laid out by demand rank, each row keeping its order: rows that come whole (the usual case) are copied
 * one after another; else a stable counting sort.
 */
function byDemandRank(from: Uint32Array, to: Uint32Array, w: Float64Array, m: number, size: number): [Uint32Array, Uint32Array, Float64Array] {
  const rowStart = new Int32Array(size).fill(-1);
  const rowEnd = new Int32Array(size);
  let whole = true;
  for (let q = 0, last = -1; q < m && whole; q++) {
    const r = from[q]!;
    if (r === last) continue;
    whole = rowStart[r] === -1;
    rowStart[r] = q;
    last = r;
  }
  const f = new Uint32Array(m);
  const t = new Uint32Array(m);
  const x = new Float64Array(m);
  if (whole) {
    for (let q = 0; q < m; q++) rowEnd[from[q]!] = q + 1;
    for (let r = 0, at = 0; r < size; r++) {
      for (let q = rowStart[r]!; q >= 0 && q < rowEnd[r]!; q++, at++) {
        f[at] = r;
        t[at] = to[q]!;
        x[at] = w[q]!;
      }
    }
    return [f, t, x];
  }
  const next = bucketStarts(from, m, size);
  for (let n = 0; n < m; n++) {
    const p = next[from[n]!]!++;
    f[p] = from[n]!;
    t[p] = to[n]!;
    x[p] = w[n]!;
  }
  return [f, t, x];
}

/** 3SFCA's normaliser of each demand rank: its weights summed over every weighted pair, supply by supply in id order. */
function selectionSums(weighted: KeyedColumns & { count: number }, nDemand: number, supplyOrder: Uint32Array): Float64Array {
  const start = groupByKey(weighted, weighted.count, supplyOrder.length);
  const { a: row, b: w } = weighted;
  const sums = new Float64Array(nDemand);
  for (let r = 0; r < supplyOrder.length; r++) {
    const j = supplyOrder[r]!;
    for (let p = start[j]!; p < start[j + 1]!; p++) sums[row[p]!]! += w[p]!;
  }
  return sums;
}

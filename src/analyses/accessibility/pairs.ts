import type { CatchmentPairs } from "./kernel.js";
import { bucketStarts, isSorted, orderBy } from "./sort.js";
import type { CatchmentCostArrays, WeightFunction } from "./types.js";

/** How to weigh cost columns into pairs. @internal */
export interface WeighOptions {
  count: number;
  /** Rank (id order) of each demand and supply position. */
  demandRank: Uint32Array;
  supplyRank: Uint32Array;
  maxCost: number;
  weight: WeightFunction | undefined;
  /** 3SFCA: also weigh the pairs beyond `maxCost`, for the selection weights. */
  threeStep: boolean;
  /** Called for a weight that is not a finite, non-negative number. */
  badWeight: (k: number, cost: number, weight: unknown) => void;
}

/**
 * The pairs in reach (finite cost within `maxCost`, positive weight) as ranks in demand-rank order, ready for
 * `catchmentAccess`; for 3SFCA with their normalisers over every weighted pair, beyond `maxCost` too.
 * @internal
 */
export function pairsInReach(costs: CatchmentCostArrays, options: WeighOptions): CatchmentPairs {
  const { from, to, cost } = costs;
  const { count: n, demandRank, supplyRank, maxCost, weight, threeStep, badWeight } = options;
  let m = 0;
  let within = 0;
  for (let k = 0; k < n; k++) if (cost[k]! <= maxCost) within++;
  let kFrom: Uint32Array = new Uint32Array(within);
  let kTo: Uint32Array = new Uint32Array(within);
  let kW: Float64Array = new Float64Array(within);
  const selected = threeStep ? new Float64Array(n) : undefined;
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
    if (selected) selected[k] = wk;
    if (inReach && wk > 0) {
      kFrom[m] = demandRank[from[k]!]!;
      kTo[m] = supplyRank[to[k]!]!;
      kW[m++] = wk;
    }
  }
  if (!isSorted(kFrom, m)) [kFrom, kTo, kW] = byDemandRank(kFrom, kTo, kW, m, demandRank.length);
  const pairs: CatchmentPairs = { count: m, from: kFrom, to: kTo, w: kW, sumBySupply: true };
  if (selected) pairs.selection = selectionSums(costs, selected, demandRank, supplyRank);
  return pairs;
}

/** The pairs laid out by demand rank (a stable counting sort, so each row keeps its order). */
function byDemandRank(from: Uint32Array, to: Uint32Array, w: Float64Array, m: number, size: number): [Uint32Array, Uint32Array, Float64Array] {
  const next = bucketStarts(from, m, size);
  const f = new Uint32Array(m);
  const t = new Uint32Array(m);
  const x = new Float64Array(m);
  for (let n = 0; n < m; n++) {
    const p = next[from[n]!]!++;
    f[p] = from[n]!;
    t[p] = to[n]!;
    x[p] = w[n]!;
  }
  return [f, t, x];
}

/** 3SFCA's normaliser of each demand rank: its weights summed over every weighted pair, in supply-rank order. */
function selectionSums(costs: CatchmentCostArrays, selected: Float64Array, demandRank: Uint32Array, supplyRank: Uint32Array): Float64Array {
  const { from, to } = costs;
  const n = selected.length;
  const start = new Uint32Array(supplyRank.length + 1);
  for (let k = 0; k < n; k++) if (selected[k]! > 0) start[supplyRank[to[k]!]! + 1]!++;
  for (let j = 0; j < supplyRank.length; j++) start[j + 1]! += start[j]!;
  const total = start[supplyRank.length]!;
  const rowOf = new Uint32Array(total);
  const weightOf = new Float64Array(total);
  for (let k = 0; k < n; k++) {
    if (!(selected[k]! > 0)) continue;
    const p = start[supplyRank[to[k]!]!]!++;
    rowOf[p] = demandRank[from[k]!]!;
    weightOf[p] = selected[k]!;
  }
  const sums = new Float64Array(demandRank.length);
  for (let p = 0; p < total; p++) sums[rowOf[p]!]! += weightOf[p]!;
  return sums;
}

/**
 * Calls `repeat(again, first)` for each pair given a second time (`first` its first position), row by row.
 * @internal
 */
export function findRepeatedPairs(costs: CatchmentCostArrays, count: number, nDemand: number, nSupply: number, repeat: (again: number, first: number) => void): void {
  const { from, to } = costs;
  // Usually the pairs come demand location by demand location: then one pass finds the repeats.
  const stamp = new Int32Array(nSupply).fill(-1);
  const rowSeen = new Uint8Array(nDemand);
  const found: number[] = [];
  let k = 0;
  for (let last = -1; k < count; k++) {
    const i = from[k]!;
    const j = to[k]!;
    if (i !== last) {
      if (rowSeen[i]) break;
      rowSeen[i] = 1;
      last = i;
    }
    if (stamp[j] === i) found.push(k);
    else stamp[j] = i;
  }
  let order: Uint32Array | undefined;
  if (k < count) {
    // Not grouped: visit the rows through a counting sort by demand.
    order = orderBy(from, count, nDemand);
    stamp.fill(-1);
    found.length = 0;
    for (let n = 0; n < count; n++) {
      const m = order[n]!;
      if (stamp[to[m]!] === from[m]!) found.push(n);
      else stamp[to[m]!] = from[m]!;
    }
  }
  for (const at of found) {
    const again = order ? order[at]! : at;
    let n = at - 1;
    while (to[order ? order[n]! : n] !== to[again]) n--;
    repeat(again, order ? order[n]! : n);
  }
}

import type { CatchmentPairs } from "./kernel.js";
import { orderBy } from "./sort.js";
import type { CatchmentCostArrays, WeightFunction } from "./types.js";

/** How to weigh cost columns into pairs. @internal */
export interface WeighOptions {
  count: number;
  /** Rank (id order) of each demand position. */
  demandRank: Uint32Array;
  /** Demand positions in id order. */
  demandOrder: Uint32Array;
  /** Supply positions in id order. */
  supplyOrder: Uint32Array;
  /** Rank (id order) of each supply position. */
  supplyRank: Uint32Array;
  maxCost: number;
  weight: WeightFunction | undefined;
  /** 3SFCA: also weigh the pairs beyond `maxCost`, for the selection weights. */
  threeStep: boolean;
  /** Called for a weight that is not a finite, non-negative number (in the order of the costs). */
  badWeight: (k: number, cost: number, weight: unknown) => void;
}

/** Each block of demand locations holds `2^bits` ranks: 2^14 (256 KB of values and access), fewer blocks when each would hold few pairs. */
function blockBits(nDemand: number, nSupply: number, pairs: number): number {
  let bits = 14;
  while ((nDemand >>> bits) * nSupply > pairs) bits++;
  return bits;
}

/**
 * The pairs in reach (finite cost within `maxCost`, positive weight) as demand ranks and weights, laid out for
 * `catchmentAccess` (see `CatchmentPairs.grouped`): each pair is counted into its group (block of demand ranks,
 * supply), then the pairs are visited in demand-rank order (row by row when the costs come origin by origin, as
 * routing engines write them; else through a counting sort) and written straight to their places. For 3SFCA, the
 * normalisers of the selection weights over every weighted pair, beyond `maxCost` too. Nothing is sorted afterwards:
 * fresh memory is what large calls pay for.
 * @internal
 */
export function pairsInReach(costs: CatchmentCostArrays, options: WeighOptions): CatchmentPairs {
  const { from, to, cost } = costs;
  const { count: n, demandRank, demandOrder, supplyOrder, maxCost, weight, threeStep } = options;
  const nD = demandRank.length;
  const nS = supplyOrder.length;
  // In reach: a finite cost within maxCost. Weighed: in reach, or for 3SFCA any finite cost (the selection weights).
  const reaches = (c: number) => c <= maxCost && c !== Infinity;
  const weighed = (c: number) => c !== Infinity && (threeStep || c <= maxCost);
  // The pairs in reach, and where each demand location's run of costs starts and ends (-1: no costs); `runs` is false
  // when some demand location's costs come in more than one run.
  const runStart = new Int32Array(nD).fill(-1);
  const runEnd = new Int32Array(nD);
  let runs = true;
  let within = 0;
  for (let k = 0, last = -1; k < n; k++) {
    if (reaches(cost[k]!)) within++;
    const i = from[k]!;
    if (i !== last) {
      if (runStart[i] !== -1) runs = false;
      runStart[i] = k;
      last = i;
    }
    runEnd[i] = k + 1;
  }
  // Each group's place: group (block, supply) of every pair in reach, counted, then summed into starts.
  const bits = blockBits(nD, nS, within);
  const blocks = nD === 0 ? 0 : ((nD - 1) >>> bits) + 1;
  const next = new Uint32Array(blocks * nS + 1);
  for (let k = 0; k < n; k++) if (reaches(cost[k]!)) next[(demandRank[from[k]!]! >>> bits) * nS + to[k]! + 1]!++;
  for (let g = 0; g < blocks * nS; g++) next[g + 1]! += next[g]!;
  const start = next.slice();
  const rank = new Uint32Array(within);
  const w = new Float64Array(within);
  let holes = 0;
  const bad: [k: number, weight: unknown][] = [];
  // 3SFCA: every weighted pair's weight, for the selection weights' normalisers (the rows come whole, in rank order).
  const selection = threeStep ? new SelectionRows(nD, options.supplyRank) : undefined;
  const take = (k: number, r: number) => {
    const c = cost[k]!;
    // An infinite cost (an unroutable pair) is out of reach and takes no part in 3SFCA's selection.
    if (!weighed(c)) return;
    const wk = weight ? weight(c) : 1;
    const good = typeof wk === "number" && wk > 0 && wk < Infinity;
    if (c <= maxCost) {
      // A pair in reach without a weight keeps its place as a hole (weight -1), taken out below.
      const p = next[(r >>> bits) * nS + to[k]!]!++;
      rank[p] = r;
      w[p] = good ? wk : -1;
      if (!good) holes++;
    }
    if (good) selection?.add(r, to[k]!, wk);
    else if (wk !== 0) bad.push([k, wk]);
  };
  if (runs) {
    for (let r = 0; r < nD; r++) {
      const i = demandOrder[r]!;
      for (let k = runStart[i]!; k >= 0 && k < runEnd[i]!; k++) take(k, r);
    }
  } else {
    // Only the costs that `take` weighs, put in rank order by a counting sort.
    let used = 0;
    for (let k = 0; k < n; k++) if (weighed(cost[k]!)) used++;
    const at = new Uint32Array(used);
    const ranks = new Uint32Array(used);
    for (let k = 0, u = 0; k < n; k++) {
      if (!weighed(cost[k]!)) continue;
      at[u] = k;
      ranks[u++] = demandRank[from[k]!]!;
    }
    const order = orderBy(ranks, used, nD);
    for (let q = 0; q < used; q++) take(at[order[q]!]!, ranks[order[q]!]!);
  }
  // Reported in the order of the costs.
  bad.sort((x, y) => x[0] - y[0]);
  for (const [k, wk] of bad) options.badWeight(k, cost[k]!, wk);
  const count = holes === 0 ? within : withoutHoles(rank, w, start);
  const pairs: CatchmentPairs = { count, from: rank, to: new Uint32Array(0), w, grouped: { bits, start, supplyOrder } };
  if (selection) pairs.selection = selection.sums();
  return pairs;
}

/** Moves the pairs that have a weight (not -1) forward, group by group, moving the group starts with them; returns how many are left. */
function withoutHoles(rank: Uint32Array, w: Float64Array, start: Uint32Array): number {
  let m = 0;
  for (let g = 0, p = 0; g + 1 < start.length; g++) {
    const end = start[g + 1]!;
    start[g] = m;
    for (; p < end; p++) {
      if (w[p] === -1) continue;
      rank[m] = rank[p]!;
      w[m++] = w[p]!;
    }
  }
  start[start.length - 1] = m;
  return m;
}

/**
 * 3SFCA's normaliser of each demand rank: its weights summed over every weighted pair, supply by supply in id order.
 * The pairs come demand rank by demand rank; each row's supply ranks are sorted in a small array that is reused.
 */
class SelectionRows {
  private readonly totals: Float64Array;
  /** The current row's weight of each supply rank (a supply comes once per row: repeated pairs are refused before). */
  private readonly weightOf: Float64Array;
  private ranks = new Uint32Array(256);
  private size = 0;
  private row = -1;

  constructor(
    nDemand: number,
    private readonly supplyRank: Uint32Array,
  ) {
    this.totals = new Float64Array(nDemand);
    this.weightOf = new Float64Array(supplyRank.length);
  }

  /** Adds the weight `w` of demand rank `i` (the rows come one after another) to supply position `j`. */
  add(i: number, j: number, w: number): void {
    if (i !== this.row) {
      this.flush();
      this.row = i;
    }
    if (this.size === this.ranks.length) {
      const ranks = new Uint32Array(this.size * 2);
      ranks.set(this.ranks);
      this.ranks = ranks;
    }
    const r = this.supplyRank[j]!;
    this.ranks[this.size++] = r;
    this.weightOf[r] = w;
  }

  /** The normalisers. */
  sums(): Float64Array {
    this.flush();
    return this.totals;
  }

  private flush(): void {
    if (this.size === 0) return;
    const ranks = this.ranks.subarray(0, this.size);
    let increasing = true;
    for (let q = 1; q < ranks.length && increasing; q++) increasing = ranks[q - 1]! < ranks[q]!;
    if (!increasing) ranks.sort();
    let sum = 0;
    for (let q = 0; q < ranks.length; q++) sum += this.weightOf[ranks[q]!]!;
    this.totals[this.row] = sum;
    this.size = 0;
  }
}

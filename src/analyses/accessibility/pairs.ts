import type { CatchmentPairs } from "./kernel.js";
import { groupByKey, type KeyedColumns } from "./sort.js";
import type { CatchmentCostArrays, WeightFunction } from "./types.js";

/** How to weigh cost columns into pairs. @internal */
export interface WeighOptions {
  count: number;
  /** Rank (id order) of each demand position. */
  demandRank: Uint32Array;
  /** Supply positions in id order. */
  supplyOrder: Uint32Array;
  /** Rank (id order) of each supply position. */
  supplyRank: Uint32Array;
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
  // Each demand rank's row of pairs within maxCost, so that one pass writes every pair to its place in rank order,
  // keeping each row's order: no copy of the pairs to sort afterwards (fresh memory is what the larger calls pay for).
  const next = new Uint32Array(demandRank.length + 1);
  for (let k = 0; k < n; k++) if (cost[k]! <= maxCost && cost[k]! !== Infinity) next[demandRank[from[k]!]! + 1]!++;
  for (let r = 0; r < demandRank.length; r++) next[r + 1]! += next[r]!;
  const within = next[demandRank.length]!;
  const kFrom = new Uint32Array(within);
  const kTo = new Uint32Array(within);
  const kW = new Float64Array(within);
  let holes = 0;
  // 3SFCA: every weighted pair's weight, for the selection weights' normalisers.
  const selection = threeStep ? new SelectionRows(demandRank.length, options.supplyRank) : undefined;
  for (let k = 0; k < n; k++) {
    const c = cost[k]!;
    const inReach = c <= maxCost;
    // An infinite cost (an unroutable pair) is out of reach and takes no part in 3SFCA's selection.
    if ((!inReach && !threeStep) || c === Infinity) continue;
    const wk = weight ? weight(c) : 1;
    const i = demandRank[from[k]!]!;
    const good = typeof wk === "number" && wk > 0 && wk < Infinity;
    if (inReach) {
      // A pair in reach without a weight keeps its place as a hole (weight -1), taken out below.
      const p = next[i]!++;
      kFrom[p] = i;
      kTo[p] = to[k]!;
      kW[p] = good ? wk : -1;
      if (!good) holes++;
    }
    if (!good) {
      if (wk !== 0) badWeight(k, c, wk);
      continue;
    }
    selection?.add(i, to[k]!, wk);
  }
  const pairs: CatchmentPairs = { count: holes === 0 ? within : withoutHoles(kFrom, kTo, kW, within), from: kFrom, to: kTo, w: kW, supplyOrder };
  if (selection) pairs.selection = selection.sums() ?? selectionSums(costs, options);
  return pairs;
}

/** Moves the pairs that have a weight (not -1) to the front, in order; returns how many there are. */
function withoutHoles(from: Uint32Array, to: Uint32Array, w: Float64Array, count: number): number {
  let m = 0;
  for (let p = 0; p < count; p++) {
    if (w[p] === -1) continue;
    from[m] = from[p]!;
    to[m] = to[p]!;
    w[m++] = w[p]!;
  }
  return m;
}

/**
 * 3SFCA's normaliser of each demand rank (its weights summed over every weighted pair, supply by supply in id order),
 * taken row by row while the pairs come demand location by demand location, as routing engines write them: each
 * row's supply ranks are sorted in a small array that is reused. No list of every weighted pair is built.
 */
class SelectionRows {
  private readonly totals: Float64Array;
  private readonly seen: Uint8Array;
  /** The current row's weight of each supply rank (a supply comes once per row: repeated pairs are refused before). */
  private readonly weightOf: Float64Array;
  private ranks = new Uint32Array(256);
  private size = 0;
  private row = -1;
  private grouped = true;

  constructor(
    nDemand: number,
    private readonly supplyRank: Uint32Array,
  ) {
    this.totals = new Float64Array(nDemand);
    this.seen = new Uint8Array(nDemand);
    this.weightOf = new Float64Array(supplyRank.length);
  }

  /** Adds the weight `w` of demand rank `i` to supply position `j`. */
  add(i: number, j: number, w: number): void {
    if (i !== this.row) {
      this.flush();
      if (this.seen[i]) this.grouped = false;
      this.seen[i] = 1;
      this.row = i;
    }
    if (!this.grouped) return;
    if (this.size === this.ranks.length) {
      const ranks = new Uint32Array(this.size * 2);
      ranks.set(this.ranks);
      this.ranks = ranks;
    }
    const r = this.supplyRank[j]!;
    this.ranks[this.size++] = r;
    this.weightOf[r] = w;
  }

  /** The normalisers, or undefined when some demand location's pairs came in more than one run. */
  sums(): Float64Array | undefined {
    this.flush();
    return this.grouped ? this.totals : undefined;
  }

  private flush(): void {
    if (this.size === 0 || !this.grouped) return;
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

/**
 * 3SFCA's normalisers when the pairs do not come row by row: every weighted pair listed, then grouped by supply
 * (a counting sort), and each demand rank's weights summed supply by supply in id order. Weighs the pairs again.
 */
function selectionSums(costs: CatchmentCostArrays, options: WeighOptions): Float64Array {
  const { from, to, cost } = costs;
  const { count: n, demandRank, supplyOrder, weight } = options;
  const weighted: KeyedColumns = { key: new Uint32Array(n), a: new Uint32Array(n), b: new Float64Array(n) };
  let count = 0;
  for (let k = 0; k < n; k++) {
    if (cost[k] === Infinity) continue;
    const wk = weight ? weight(cost[k]!) : 1;
    if (!(typeof wk === "number" && wk > 0 && wk < Infinity)) continue;
    weighted.key[count] = to[k]!;
    weighted.a[count] = demandRank[from[k]!]!;
    weighted.b[count++] = wk;
  }
  const start = groupByKey(weighted, count, supplyOrder.length);
  const { a: row, b: w } = weighted;
  const sums = new Float64Array(demandRank.length);
  for (let r = 0; r < supplyOrder.length; r++) {
    const j = supplyOrder[r]!;
    for (let p = start[j]!; p < start[j + 1]!; p++) sums[row[p]!]! += w[p]!;
  }
  return sums;
}

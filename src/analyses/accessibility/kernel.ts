import { groupByKey, scratchColumns } from "./sort.js";
import type { CatchmentMethod } from "./types.js";

/**
 * Demand/supply pairs for {@link catchmentAccess}: pair `k` links demand `from[k]` to supply `to[k]` with weight `w[k]`.
 * Each supply's weighted demand is summed in pair order.
 * @internal
 */
export interface CatchmentPairs {
  count: number;
  from: Uint32Array;
  to: Uint32Array;
  w: Float64Array;
  /** 1 when the pair counts in both steps (3SFCA's selection weights also use the other pairs). Absent: all pairs. */
  inReach?: Uint8Array;
  /**
   * Take each demand location's sums supply by supply, in this order of supplies, regrouping the pair arrays in
   * place; default: in pair order. The pairs must then be in order of `from`, and all in reach.
   */
  supplyOrder?: Uint32Array;
  /** 3SFCA: the normaliser of each demand location's selection weights. Absent: the sum of `w` over its pairs, in pair order. */
  selection?: Float64Array;
}

/** 3SFCA's selection weight of each pair: its weight over the demand location's normaliser. */
function selectionWeights(nDemand: number, pairs: CatchmentPairs): Float64Array {
  const { count, from, w } = pairs;
  let wsum = pairs.selection;
  if (!wsum) {
    wsum = new Float64Array(nDemand);
    for (let k = 0; k < count; k++) wsum[from[k]!]! += w[k]!;
  }
  const G = new Float64Array(count);
  for (let k = 0; k < count; k++) G[k] = w[k]! === 0 ? 0 : w[k]! / wsum[from[k]!]!;
  return G;
}

/** Step 1: each supply's ratio of supply to the weighted demand that reaches it. */
function supplyRatios(P: Float64Array, S: Float64Array, pairs: CatchmentPairs, G: Float64Array | undefined): Float64Array {
  const { count, from, to, w, inReach } = pairs;
  const D = new Float64Array(S.length);
  for (let k = 0; k < count; k++) {
    if (inReach && !inReach[k]) continue;
    D[to[k]!]! += P[from[k]!]! * (G ? G[k]! : 1) * w[k]!;
  }
  const R = new Float64Array(S.length);
  for (let j = 0; j < S.length; j++) R[j] = S[j]! === 0 ? 0 : S[j]! / D[j]!;
  return R;
}

/**
 * The floating-catchment core: access of each demand location, `NaN` where no pair is in reach.
 * 2SFCA, E2SFCA and gravity share one formula (they differ only in their weight); 3SFCA adds selection weights.
 * A supply with zero weighted demand has ratio `S / 0` (`Infinity`, or 0 when `S` is 0).
 * The access is written into `into` when given (of `P`'s length; it may be `P` itself, which is read only before
 * any access is written), else into a new array.
 * @internal
 */
export function catchmentAccess(method: CatchmentMethod, P: Float64Array, S: Float64Array, pairs: CatchmentPairs, into?: Float64Array): Float64Array {
  const G = method === "3sfca" ? selectionWeights(P.length, pairs) : undefined;
  if (pairs.supplyOrder) return accessBySupply(P, S, pairs, G, pairs.supplyOrder, into);
  const R = supplyRatios(P, S, pairs, G);
  const A = accessArray(P.length, into);
  const { count, from, to, w, inReach } = pairs;
  for (let k = 0; k < count; k++) {
    if (inReach && !inReach[k]) continue;
    const term = (G ? G[k]! : 1) * R[to[k]!]! * w[k]!;
    A[from[k]!] = Number.isNaN(A[from[k]!]!) ? term : A[from[k]!]! + term;
  }
  return A;
}

/** The array that access is summed into, all `NaN` (no pair in reach yet): `into` (of that length), or a new one. */
function accessArray(length: number, into: Float64Array | undefined): Float64Array {
  return (into ?? new Float64Array(length)).fill(Number.NaN);
}

/** The pair ranges of blocks of demand locations (pairs in demand order), each block small enough for the cache. */
function demandBlocks(from: Uint32Array, count: number, nDemand: number, nSupply: number): Uint32Array {
  // 2^14 demand locations (256 KB of values and access) per block, fewer blocks when each would hold few pairs.
  let bits = 14;
  while ((nDemand >>> bits) * nSupply > count) bits++;
  const blocks = (nDemand >>> bits) + 1;
  const start = new Uint32Array(blocks + 1);
  for (let k = 0, b = 0; b <= blocks; b++) {
    while (k < count && from[k]! >>> bits < b) k++;
    start[b] = k;
  }
  start[blocks] = count;
  return start;
}

/**
 * Both steps with the pairs in demand order, cut into blocks of demand locations and grouped by supply within each
 * block: step 1 adds each supply's groups block after block (so in demand order), step 2 adds each group's terms to
 * its demand locations, supplies in `order`. Random reads and writes stay within one block of demand locations.
 */
function accessBySupply(P: Float64Array, S: Float64Array, pairs: CatchmentPairs, G: Float64Array | undefined, order: Uint32Array, into: Float64Array | undefined): Float64Array {
  const { count, from, w } = pairs;
  const blocks = demandBlocks(from, count, P.length, S.length);
  const groups: Uint32Array[] = [];
  // One set of scratch columns for every block (fresh memory costs more than sorting in it).
  let largest = 0;
  for (let b = 0; b + 1 < blocks.length; b++) largest = Math.max(largest, blocks[b + 1]! - blocks[b]!);
  const scratch = scratchColumns(largest, G !== undefined);
  for (let b = 0; b + 1 < blocks.length; b++) {
    const [lo, hi] = [blocks[b]!, blocks[b + 1]!];
    const columns = { key: pairs.to.subarray(lo, hi), a: from.subarray(lo, hi), b: w.subarray(lo, hi), c: G?.subarray(lo, hi) };
    groups.push(groupByKey(columns, hi - lo, S.length, scratch));
  }
  const D = new Float64Array(S.length);
  groups.forEach((start, b) => {
    const lo = blocks[b]!;
    for (let j = 0; j < S.length; j++) {
      let d = D[j]!;
      for (let p = lo + start[j]!; p < lo + start[j + 1]!; p++) d += P[from[p]!]! * (G ? G[p]! : 1) * w[p]!;
      D[j] = d;
    }
  });
  const A = accessArray(P.length, into);
  groups.forEach((start, b) => {
    const lo = blocks[b]!;
    for (let r = 0; r < order.length; r++) {
      const j = order[r]!;
      const Rj = S[j]! === 0 ? 0 : S[j]! / D[j]!;
      for (let p = lo + start[j]!; p < lo + start[j + 1]!; p++) {
        const i = from[p]!;
        const term = (G ? G[p]! : 1) * Rj * w[p]!;
        A[i] = Number.isNaN(A[i]!) ? term : A[i]! + term;
      }
    }
  });
  return A;
}

import { groupByKey } from "./sort.js";
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
   * Take each demand location's sums supply by supply, in this order of supplies (the pairs of one supply in pair
   * order), regrouping the pair arrays in place; default: in pair order. Every pair must then be in reach.
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
 * @internal
 */
export function catchmentAccess(method: CatchmentMethod, P: Float64Array, S: Float64Array, pairs: CatchmentPairs): Float64Array {
  const G = method === "3sfca" ? selectionWeights(P.length, pairs) : undefined;
  if (pairs.supplyOrder) return accessBySupply(P, S, pairs, G, pairs.supplyOrder);
  const R = supplyRatios(P, S, pairs, G);
  const A = new Float64Array(P.length).fill(Number.NaN);
  const { count, from, to, w, inReach } = pairs;
  for (let k = 0; k < count; k++) {
    if (inReach && !inReach[k]) continue;
    const term = (G ? G[k]! : 1) * R[to[k]!]! * w[k]!;
    A[from[k]!] = Number.isNaN(A[from[k]!]!) ? term : A[from[k]!]! + term;
  }
  return A;
}

/**
 * Both steps on the pairs grouped by supply (each group in pair order), supplies in `order`: step 1 sums each group,
 * step 2 adds each group's terms to its demand locations.
 */
function accessBySupply(P: Float64Array, S: Float64Array, pairs: CatchmentPairs, G: Float64Array | undefined, order: Uint32Array): Float64Array {
  const grouped = { key: pairs.to, a: pairs.from, b: pairs.w, c: G };
  const start = groupByKey(grouped, pairs.count, S.length);
  const { a: from, b: w, c: g } = grouped;
  // P and A side by side: step 2 finds in cache the line step 1 has just read.
  const PA = new Float64Array(2 * P.length).fill(Number.NaN);
  for (let i = 0; i < P.length; i++) PA[2 * i] = P[i]!;
  for (let r = 0; r < order.length; r++) {
    const j = order[r]!;
    let D = 0;
    for (let p = start[j]!; p < start[j + 1]!; p++) D += PA[2 * from[p]!]! * (g ? g[p]! : 1) * w[p]!;
    const Rj = S[j]! === 0 ? 0 : S[j]! / D;
    for (let p = start[j]!; p < start[j + 1]!; p++) {
      const at = 2 * from[p]! + 1;
      const term = (g ? g[p]! : 1) * Rj * w[p]!;
      PA[at] = Number.isNaN(PA[at]!) ? term : PA[at]! + term;
    }
  }
  const A = new Float64Array(P.length);
  for (let i = 0; i < P.length; i++) A[i] = PA[2 * i + 1]!;
  return A;
}

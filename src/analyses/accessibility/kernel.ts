import { bucketStarts } from "./sort.js";
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
  /** Sum each demand location's terms in order of `to` (pairs of one supply in pair order); default: in pair order. */
  sumBySupply?: boolean;
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

/** The pairs (demand, weight, selection weight) regrouped by supply with a stable counting sort. */
function groupBySupply(pairs: CatchmentPairs, nSupply: number, G: Float64Array | undefined) {
  const { count, from, to, w, inReach } = pairs;
  const start = bucketStarts(to, count, nSupply);
  const next = start.slice(0, nSupply);
  const f = new Uint32Array(count);
  const x = new Float64Array(count);
  const g = G ? new Float64Array(count) : undefined;
  const r = inReach ? new Uint8Array(count) : undefined;
  for (let k = 0; k < count; k++) {
    const p = next[to[k]!]!++;
    f[p] = from[k]!;
    x[p] = w[k]!;
    if (g) g[p] = G![k]!;
    if (r) r[p] = inReach![k]!;
  }
  return { start, from: f, w: x, G: g, inReach: r };
}

/**
 * The floating-catchment core: access of each demand location, `NaN` where no pair is in reach.
 * 2SFCA, E2SFCA and gravity share one formula (they differ only in their weight); 3SFCA adds selection weights.
 * A supply with zero weighted demand has ratio `S / 0` (`Infinity`, or 0 when `S` is 0).
 * @internal
 */
export function catchmentAccess(method: CatchmentMethod, P: Float64Array, S: Float64Array, pairs: CatchmentPairs): Float64Array {
  const G = method === "3sfca" ? selectionWeights(P.length, pairs) : undefined;
  const R = supplyRatios(P, S, pairs, G);
  const A = new Float64Array(P.length).fill(Number.NaN);
  const add = (i: number, term: number) => (A[i] = Number.isNaN(A[i]!) ? term : A[i]! + term);
  if (pairs.sumBySupply) {
    const bySupply = groupBySupply(pairs, S.length, G);
    const { start, from, w, G: g, inReach } = bySupply;
    for (let j = 0; j < S.length; j++) {
      const Rj = R[j]!;
      for (let p = start[j]!; p < start[j + 1]!; p++) if (!inReach || inReach[p]) add(from[p]!, (g ? g[p]! : 1) * Rj * w[p]!);
    }
  } else {
    const { count, from, to, w, inReach } = pairs;
    for (let k = 0; k < count; k++) if (!inReach || inReach[k]) add(from[k]!, (G ? G[k]! : 1) * R[to[k]!]! * w[k]!);
  }
  return A;
}

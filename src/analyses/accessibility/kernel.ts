import type { CatchmentMethod } from "./types.js";

/**
 * Demand/supply pairs for {@link catchmentAccess}: pair `k` links demand `from[k]` to supply `to[k]` with weight `w[k]`.
 * Each supply's weighted demand is summed in pair order (`grouped`: group by group, so in demand order).
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
   * Pairs laid out for sums taken supply by supply, in `supplyOrder` (default: in pair order): cut into blocks of
   * demand locations (`from >>> bits`), and within a block grouped by supply, each group in order of `from`. The pairs
   * of block `b` and supply `j` are `start[b * nSupply + j] .. start[b * nSupply + j + 1]`; all are in reach, and
   * `to` is not read.
   */
  grouped?: { bits: number; start: Uint32Array; supplyOrder: Uint32Array };
  /** 3SFCA: the normaliser of each demand location's selection weights. Absent: the sum of `w` over its pairs, in pair order. */
  selection?: Float64Array;
}

/** 3SFCA's normaliser of each demand location: `pairs.selection`, else its weights summed in pair order. */
function normalisers(nDemand: number, pairs: CatchmentPairs): Float64Array {
  if (pairs.selection) return pairs.selection;
  const { count, from, w } = pairs;
  const wsum = new Float64Array(nDemand);
  for (let k = 0; k < count; k++) wsum[from[k]!]! += w[k]!;
  return wsum;
}

/** 3SFCA's selection weight of each pair: its weight over the demand location's normaliser. */
function selectionWeights(nDemand: number, pairs: CatchmentPairs): Float64Array {
  const { count, from, w } = pairs;
  const wsum = normalisers(nDemand, pairs);
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
  if (pairs.grouped) return accessByGroups(P, S, pairs, method === "3sfca" ? normalisers(P.length, pairs) : undefined, pairs.grouped, into);
  const G = method === "3sfca" ? selectionWeights(P.length, pairs) : undefined;
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

/**
 * Both steps over pairs grouped by block of demand locations and by supply (see `CatchmentPairs.grouped`): step 1
 * adds each supply's groups block after block (so in demand order), step 2 adds each group's terms to its demand
 * locations, supplies in `supplyOrder`. Random reads and writes stay within one block of demand locations. 3SFCA's
 * selection weight of a pair (its weight over its demand location's normaliser in `wsum`, all weights being
 * positive) is computed where it is used, not kept per pair.
 */
function accessByGroups(P: Float64Array, S: Float64Array, pairs: CatchmentPairs, wsum: Float64Array | undefined, grouped: NonNullable<CatchmentPairs["grouped"]>, into: Float64Array | undefined): Float64Array {
  const { from, w } = pairs;
  const { bits, start, supplyOrder } = grouped;
  const nS = S.length;
  const blocks = P.length === 0 ? 0 : ((P.length - 1) >>> bits) + 1;
  const D = new Float64Array(nS);
  for (let b = 0; b < blocks; b++) {
    for (let j = 0, g = b * nS; j < nS; j++, g++) {
      let d = D[j]!;
      for (let p = start[g]!; p < start[g + 1]!; p++) {
        const i = from[p]!;
        d += P[i]! * (wsum ? w[p]! / wsum[i]! : 1) * w[p]!;
      }
      D[j] = d;
    }
  }
  const A = accessArray(P.length, into);
  for (let b = 0; b < blocks; b++) {
    for (let r = 0; r < supplyOrder.length; r++) {
      const j = supplyOrder[r]!;
      const g = b * nS + j;
      const Rj = S[j]! === 0 ? 0 : S[j]! / D[j]!;
      for (let p = start[g]!; p < start[g + 1]!; p++) {
        const i = from[p]!;
        const term = (wsum ? w[p]! / wsum[i]! : 1) * Rj * w[p]!;
        A[i] = Number.isNaN(A[i]!) ? term : A[i]! + term;
      }
    }
  }
  return A;
}

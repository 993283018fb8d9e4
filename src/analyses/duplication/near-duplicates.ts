/**
 * Near-duplicate functions: functions with different ids whose names and keywords are near-identical, in any
 * language (character shingles, text/shingles.ts), found by MinHash and LSH banding (text/minhash.ts) so that it
 * stays near-linear, then verified exactly (Broder 1997; Leskovec, Rajaraman, Ullman, "Mining of Massive
 * Datasets", ch. 3).
 * @internal
 * @module
 */
import { hashShingles, lshCandidates, lshParameters, minhashSignatures } from "../../text/minhash.js";
import { shingles } from "../../text/shingles.js";
import type { DuplicationContext } from "./context.js";
import { jaccardSortedInts } from "./sorted-ints.js";
import type { NearDuplicateFunction } from "./types.js";

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The pairs of functions whose shingle Jaccard is at least `nearDuplicateThreshold`, in index order. @internal */
export function findNearDuplicateFunctions(ctx: DuplicationContext): NearDuplicateFunction[] {
  const out: NearDuplicateFunction[] = [];
  const { nF, F } = ctx;
  if (nF < 2) return out;
  const { seed, nearDuplicateThreshold: t } = ctx.o;
  const sets = ctx.model.functions.map((fn) => shingles([fn.name, ...(fn.keywords ?? [])].join(" ")));
  const hashed = sets.map((set) => hashShingles(set, seed));
  const params = lshParameters(t);
  const hashes = params.bands * params.rows;
  const signatures = minhashSignatures(hashed, hashes, seed);
  // A MinHash estimate more than four standard errors below the threshold is not worth verifying.
  const minEstimate = t - 4 * Math.sqrt((t * (1 - t)) / hashes);
  const exact = shingleIds(sets);
  for (const [i, j] of lshCandidates(signatures, nF, params, (i) => sets[i]!.length === 0, minEstimate)) {
    const similarity = jaccardSortedInts(exact[i]!, exact[j]!);
    if (similarity >= t) out.push({ functionIds: [F[i]!, F[j]!], similarity: round(similarity) });
  }
  return out;
}

/** Each shingle set as the sorted ids of its shingles (one id per distinct shingle): exact Jaccard without string comparisons. */
function shingleIds(sets: readonly (readonly string[])[]): Uint32Array[] {
  const ids = new Map<string, number>();
  return sets.map((set) => {
    const out = new Uint32Array(set.length);
    for (let k = 0; k < set.length; k++) {
      let id = ids.get(set[k]!);
      if (id === undefined) ids.set(set[k]!, (id = ids.size));
      out[k] = id;
    }
    return out.sort();
  });
}

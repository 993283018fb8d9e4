/**
 * Near-duplicate functions: functions with different ids whose names and keywords are near-identical, in any
 * language (character shingles, text/shingles.ts), found by MinHash and LSH banding (text/minhash.ts) so that it
 * stays near-linear, then verified exactly (Broder 1997; Leskovec, Rajaraman, Ullman, "Mining of Massive
 * Datasets", ch. 3).
 * @internal
 * @module
 */
import { hashShingles, lshCandidates, lshParameters, minhashSignatures } from "../../text/minhash.js";
import { jaccardSorted, shingles } from "../../text/shingles.js";
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
  for (const [i, j] of lshCandidates(signatures, nF, params, (i) => sets[i]!.length === 0, minEstimate)) {
    // Hash collisions aside, the hashed sets' Jaccard is the exact one: a cheap filter before comparing strings.
    if (jaccardSortedInts(hashed[i]!, hashed[j]!) < t - 0.05) continue;
    const similarity = jaccardSorted(sets[i]!, sets[j]!);
    if (similarity >= t) out.push({ functionIds: [F[i]!, F[j]!], similarity: round(similarity) });
  }
  return out;
}

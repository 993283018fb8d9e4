/**
 * The all-pairs baseline of `findDuplication` (bench only): every department pair is tested for overlapping
 * jurisdictions, shared lead functions and Jaccard overlap, and every function pair for shingle similarity,
 * with sorted integer sets and merge intersections (a fair implementation, only without indexes or LSH).
 */
import { indexModel } from "../src/graph/index-model.js";
import { row } from "../src/graph/csr.js";
import { hashShingles, jaccardSortedInts, shingles } from "../src/analyses/_minhash.js";
import type { Model } from "../src/schemas/model.js";

/** Counts of what the naive scan finds, to check it agrees with the indexed implementation. */
export interface NaiveCounts {
  duplicatePairs: number;
  overlapPairs: number;
  nearDuplicateFunctions: number;
}

function sortedSet(values: Iterable<number>): Uint32Array {
  const out = Uint32Array.from(new Set(values));
  return out.sort();
}

function intersect(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

/** Department pairs with a shared lead function in overlapping jurisdictions, overlapping pairs, near-duplicate functions. */
export function naiveDuplication(model: Model, overlapThreshold = 0.5, nearDuplicateThreshold = 0.8): NaiveCounts {
  const index = indexModel(model);
  const nD = index.departments.ids.length;
  const nF = index.functions.ids.length;
  const all: Uint32Array[] = [];
  const lead: Uint32Array[] = [];
  for (let d = 0; d < nD; d++) {
    const fs = row(index.departmentFunctions, d);
    const start = index.departmentFunctions.offsets[d]!;
    all.push(sortedSet(fs));
    lead.push(sortedSet([...fs].filter((_, k) => index.departmentFunctionRoles[start + k] === 0)));
  }
  const tree = index.regionTree;
  let duplicatePairs = 0;
  let overlapPairs = 0;
  for (let a = 0; a < nD; a++) {
    const ra = index.departmentRegion[a]!;
    for (let b = a + 1; b < nD; b++) {
      const rb = index.departmentRegion[b]!;
      if (!tree.isAncestorOrSelf(ra, rb) && !tree.isAncestorOrSelf(rb, ra)) continue;
      if (intersect(lead[a]!, lead[b]!) > 0) {
        duplicatePairs++;
        continue;
      }
      const inter = intersect(all[a]!, all[b]!);
      if (inter > 0 && inter / (all[a]!.length + all[b]!.length - inter) >= overlapThreshold) overlapPairs++;
    }
  }
  const sets = model.functions.map((f) => hashShingles(shingles([f.name, ...(f.keywords ?? [])].join(" ")), 1));
  let nearDuplicateFunctions = 0;
  for (let i = 0; i < nF; i++) {
    for (let j = i + 1; j < nF; j++) if (jaccardSortedInts(sets[i]!, sets[j]!) >= nearDuplicateThreshold) nearDuplicateFunctions++;
  }
  return { duplicatePairs, overlapPairs, nearDuplicateFunctions };
}

/**
 * The all-pairs baseline of `findDuplication` (bench only): the same definitions checked on every pair, without
 * inverted indexes or LSH. Every department pair is tested for overlapping jurisdictions, a shared lead function
 * (duplication) and the Jaccard overlap of functions, needs and segments; every pair of active services for the
 * same function and segment sets in overlapping regions; every function pair for the exact Jaccard similarity of
 * its shingles. Sets are sorted integer arrays compared by merging (a fair implementation, only all-pairs).
 */
import { indexModel } from "../src/graph/index-model.js";
import { row } from "../src/graph/csr.js";
import { jaccardSorted, shingles } from "../src/text/shingles.js";
import type { Model } from "../src/schemas/model.js";

/** Counts of what the naive scan finds, printed beside the indexed implementation's. */
export interface NaiveCounts {
  duplicatePairs: number;
  overlapPairs: number;
  servicePairs: number;
  nearDuplicateFunctions: number;
}

function sortedSet(values: Iterable<number>): Uint32Array {
  return Uint32Array.from(new Set(values)).sort();
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

const jaccard = (a: Uint32Array, b: Uint32Array) => {
  const inter = intersect(a, b);
  return inter === 0 ? 0 : inter / (a.length + b.length - inter);
};

const equal = (a: Uint32Array, b: Uint32Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Runs the all-pairs scan and counts its findings. */
export function naiveDuplication(model: Model, overlapThreshold = 0.5, nearDuplicateThreshold = 0.8): NaiveCounts {
  const index = indexModel(model);
  const nD = index.departments.ids.length;
  const nS = index.services.ids.length;
  const nF = index.functions.ids.length;
  const tree = index.regionTree;
  const overlaps = (ra: number, rb: number) => tree.isAncestorOrSelf(ra, rb) || tree.isAncestorOrSelf(rb, ra);
  const active = model.services.map((s) => s.status !== "retired");
  const all: Uint32Array[] = [];
  const lead: Uint32Array[] = [];
  const needs: Uint32Array[] = [];
  const segments: Uint32Array[] = [];
  for (let d = 0; d < nD; d++) {
    const fs = row(index.departmentFunctions, d);
    const start = index.departmentFunctions.offsets[d]!;
    all.push(sortedSet(fs));
    lead.push(sortedSet([...fs].filter((_, k) => index.departmentFunctionRoles[start + k] === 0)));
    const services = [...row(index.departmentServices, d), ...row(index.departmentPartnerServices, d)].filter((s) => active[s]);
    needs.push(sortedSet(services.flatMap((s) => [...row(index.serviceNeeds, s)])));
    segments.push(sortedSet(services.flatMap((s) => [...row(index.serviceSegments, s)])));
  }
  let duplicatePairs = 0;
  let overlapPairs = 0;
  for (let a = 0; a < nD; a++) {
    for (let b = a + 1; b < nD; b++) {
      if (!overlaps(index.departmentRegion[a]!, index.departmentRegion[b]!)) continue;
      if (intersect(lead[a]!, lead[b]!) > 0) {
        duplicatePairs++;
        continue;
      }
      const fj = jaccard(all[a]!, all[b]!);
      const nj = jaccard(needs[a]!, needs[b]!);
      if (fj === 0 && nj === 0) continue;
      if (fj >= overlapThreshold || nj >= overlapThreshold || jaccard(segments[a]!, segments[b]!) >= overlapThreshold) overlapPairs++;
    }
  }
  const fns = model.services.map((_, s) => sortedSet(row(index.serviceFunctions, s)));
  const segs = model.services.map((_, s) => sortedSet(row(index.serviceSegments, s)));
  const regions = model.services.map((_, s) => row(index.serviceRegions, s));
  let servicePairs = 0;
  for (let s = 0; s < nS; s++) {
    if (!active[s] || fns[s]!.length === 0) continue;
    for (let t = s + 1; t < nS; t++) {
      if (!active[t] || index.serviceDepartment[s] === index.serviceDepartment[t]) continue;
      if (!equal(fns[s]!, fns[t]!) || !equal(segs[s]!, segs[t]!)) continue;
      if (regions[s]!.some((x) => regions[t]!.some((y) => overlaps(x, y)))) servicePairs++;
    }
  }
  const sets = model.functions.map((f) => shingles([f.name, ...(f.keywords ?? [])].join(" ")));
  let nearDuplicateFunctions = 0;
  for (let i = 0; i < nF; i++) {
    for (let j = i + 1; j < nF; j++) if (jaccardSorted(sets[i]!, sets[j]!) >= nearDuplicateThreshold) nearDuplicateFunctions++;
  }
  return { duplicatePairs, overlapPairs, servicePairs, nearDuplicateFunctions };
}

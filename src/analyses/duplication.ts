/**
 * Duplication
 * ===========
 * Fragmentation, overlap and duplication of government responsibilities, and near-duplicate functions.
 *
 * References:
 * - US Government Accountability Office, "Fragmentation, Overlap, and Duplication: An Evaluation and
 *   Management Guide", GAO-15-49SP (2015): the three definitions.
 * - O. C. Herfindahl (1950) and A. O. Hirschman (1945): the concentration index; M. Adelman (1969): 1/HHI as
 *   the effective number of participants.
 * - R. J. Bayardo, Y. Ma, R. Srikant, "Scaling up all pairs similarity search", WWW 2007: candidate pairs from
 *   an inverted index instead of all pairs.
 * - Broder (1997) MinHash and Leskovec, Rajaraman, Ullman, "Mining of Massive Datasets" ch. 3 (LSH banding):
 *   see `_minhash.ts`.
 * @module
 */
import { GovGraphError } from "../errors.js";
import { indexModel, ROLE_LEAD, ROLE_SUPPORT, type ModelIndex } from "../graph/index-model.js";
import { row } from "../graph/csr.js";
import { canonicalize, compareIds } from "../model/canonical.js";
import type { DepartmentId, FunctionId, NeedId, RegionId, SegmentId, ServiceId } from "../schemas/ids.js";
import type { Model } from "../schemas/model.js";
import { jaccardSorted, lshCandidates, lshParameters, minhashSignatures, shingles } from "./_minhash.js";

/** The parts of the duplication report, for the `include` option. */
export type DuplicationPart = "fragmentation" | "duplication" | "overlap" | "nearDuplicateFunctions";

/** Options of {@link findDuplication}. */
export interface DuplicationOptions {
  /** Jaccard similarity at or above which two departments overlap. Default 0.5. */
  overlapThreshold?: number;
  /** Shingle Jaccard similarity at or above which two functions are near-duplicates. Default 0.8. */
  nearDuplicateThreshold?: number;
  /** Which duplication findings to report: same region, a region and an ancestor, or both. Default `"both"`. */
  scope?: "horizontal" | "vertical" | "both";
  /** Assignment roles that count as holding a function in fragmentation and overlap. Default both. */
  roles?: readonly ("lead" | "support")[];
  /** The parts to compute; the others are returned empty. Default all. */
  include?: readonly DuplicationPart[];
  /** Seed of the MinHash hash family. Default 1. */
  seed?: number;
}

/** Defaults of {@link findDuplication}. */
export const DUPLICATION_DEFAULTS = {
  overlapThreshold: 0.5,
  nearDuplicateThreshold: 0.8,
  scope: "both",
  roles: ["lead", "support"],
  include: ["fragmentation", "duplication", "overlap", "nearDuplicateFunctions"],
  seed: 1,
} as const satisfies Required<DuplicationOptions>;

/** A function or need whose work is split over several departments within one jurisdiction. */
export interface FragmentationFinding {
  kind: "function" | "need";
  id: FunctionId | NeedId;
  /** The jurisdiction: the region of the deepest department involved; departments of its ancestors count too. */
  regionId: RegionId;
  departmentIds: DepartmentId[];
  /** Herfindahl-Hirschman index of the departments' shares, in (0, 1]. */
  hhi: number;
  /** 1 / hhi: how many equally sized departments the split is worth. */
  effectiveNumber: number;
}

/** The same function held as lead by departments with overlapping jurisdictions. */
export interface FunctionDuplication {
  kind: "function";
  id: FunctionId;
  departmentIds: DepartmentId[];
  /** `horizontal`: the same region; `vertical`: a region and its ancestors. */
  scope: "horizontal" | "vertical";
  /** The jurisdictions of the departments. */
  regionIds: RegionId[];
}

/** Services of different departments doing the same functions for the same segments in overlapping regions. */
export interface ServiceDuplication {
  kind: "service";
  ids: ServiceId[];
  departmentIds: DepartmentId[];
  scope: "horizontal" | "vertical";
  /** The evidence: the functions and segments (empty: everyone) the services share, and the regions they serve. */
  shared: { functionIds: FunctionId[]; segmentIds: SegmentId[]; regionIds: RegionId[] };
}

/** A duplication finding. */
export type DuplicationFinding = FunctionDuplication | ServiceDuplication;

/** Two departments in overlapping jurisdictions whose functions, needs or segments are similar. */
export interface OverlapFinding {
  departmentIds: [DepartmentId, DepartmentId];
  /** Jaccard similarity of the two sets. */
  score: number;
  basis: "functions" | "needs" | "segments";
  /** The items both departments have. */
  shared: string[];
}

/** Two functions with different ids and near-identical names and keywords. */
export interface NearDuplicateFunction {
  functionIds: [FunctionId, FunctionId];
  /** Exact Jaccard similarity of the shingle sets. */
  similarity: number;
}

/** Counts and shares of the duplication report. */
export interface DuplicationSummary {
  /** Functions in the model. */
  functions: number;
  /** Functions held by at least one department (any role). */
  heldFunctions: number;
  /** Functions with a function-duplication finding. */
  duplicatedFunctions: number;
  /** duplicatedFunctions / heldFunctions (0 when nothing is held). */
  duplicatedShare: number;
  /** Services in a service-duplication finding. */
  duplicatedServices: number;
  fragmentedFunctions: number;
  fragmentedNeeds: number;
  /** Held functions with a fragmentation finding / heldFunctions. */
  fragmentedShare: number;
  /** Numbers of findings. */
  duplication: number;
  fragmentation: number;
  overlap: number;
  nearDuplicateFunctions: number;
}

/** What {@link findDuplication} returns: plain JSON, every list sorted. */
export interface DuplicationReport {
  fragmentation: FragmentationFinding[];
  duplication: DuplicationFinding[];
  overlap: OverlapFinding[];
  nearDuplicateFunctions: NearDuplicateFunction[];
  summary: DuplicationSummary;
}

/** A candidate department pair with its three similarities (dense indexes, `a < b`). @internal */
export interface DepartmentPair {
  a: number;
  b: number;
  functions: number;
  needs: number;
  segments: number;
  /** True when the pair is in a reported duplication finding. */
  duplicate: boolean;
}

/** The report with the index and the candidate pairs it was computed from, for consolidation. @internal */
export interface DuplicationAnalysis {
  report: DuplicationReport;
  index: ModelIndex;
  pairs: DepartmentPair[];
  /** Department index pairs (a * n + b, a < b) in a reported duplication finding, with the functions concerned. */
  duplicatePairs: Map<number, Set<number>>;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

function checkOptions(options: DuplicationOptions) {
  const o = { ...DUPLICATION_DEFAULTS, ...options };
  const problems: string[] = [];
  const share = (name: string, v: unknown) => {
    if (typeof v !== "number" || !(v > 0 && v <= 1)) problems.push(`${name} must be a number in (0, 1], got ${String(v)}`);
  };
  share("overlapThreshold", o.overlapThreshold);
  share("nearDuplicateThreshold", o.nearDuplicateThreshold);
  if (!["horizontal", "vertical", "both"].includes(o.scope)) problems.push(`scope must be horizontal, vertical or both, got ${String(o.scope)}`);
  if (!Array.isArray(o.roles) || o.roles.some((r) => r !== "lead" && r !== "support")) problems.push("roles must list lead and/or support");
  const parts = DUPLICATION_DEFAULTS.include as readonly string[];
  if (!Array.isArray(o.include) || o.include.some((p) => !parts.includes(p))) problems.push(`include must list parts among ${parts.join(", ")}`);
  if (!Number.isInteger(o.seed)) problems.push(`seed must be an integer, got ${String(o.seed)}`);
  if (problems.length > 0) {
    throw new GovGraphError("invalid_input", `findDuplication: bad options: ${problems.join("; ")}. Fix the options and try again.`);
  }
  return o;
}

function checkModel(model: Model, fn: string): Model {
  const m = model as unknown as Record<string, unknown> | null;
  if (m === null || typeof m !== "object" || m.schemaVersion !== 1) {
    throw new GovGraphError("invalid_model", `${fn}: the input is not a validated model (schemaVersion 1). Pass the model returned by validateModel or parseModel.`);
  }
  const missing = ["regions", "departments", "functions", "assignments", "services", "needs", "segments"].filter((k) => !Array.isArray(m[k]));
  if (missing.length > 0) {
    throw new GovGraphError("invalid_model", `${fn}: the model has no ${missing.join(", ")} array. Pass the model returned by validateModel or parseModel.`);
  }
  return canonicalize(model);
}

/** Sorted copy of a CSR row (numeric order is id order in a canonical model). */
function sortedUnique(values: Iterable<number>): number[] {
  return [...new Set(values)].sort((x, y) => x - y);
}

function intersectCount(a: readonly number[], b: readonly number[]): number {
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

function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return out;
}

/**
 * Chains of a set of regions: for each region of `regions`, its nearest strict ancestor that is also in the set
 * (or -1), and whether another region of the set lies below it. Regions are processed shallowest first.
 */
function chains(index: ModelIndex, regions: readonly number[]): { order: number[]; up: Map<number, number>; inner: Set<number> } {
  const { parent, depth } = index.regionTree;
  const member = new Set(regions);
  const order = [...regions].sort((x, y) => depth[x]! - depth[y]! || x - y);
  const up = new Map<number, number>();
  const inner = new Set<number>();
  for (const r of order) {
    let a = parent[r]!;
    while (a >= 0 && !member.has(a)) a = parent[a]!;
    up.set(r, a);
    if (a >= 0) inner.add(a);
  }
  return { order, up, inner };
}

function groupByRegion(index: ModelIndex, departments: readonly number[]): Map<number, number[]> {
  const byRegion = new Map<number, number[]>();
  for (const d of departments) {
    const r = index.departmentRegion[d]!;
    const list = byRegion.get(r);
    if (list) list.push(d);
    else byRegion.set(r, [d]);
  }
  return byRegion;
}

/** Computes the duplication report with its internals. @internal */
export function analyzeDuplication(input: Model, options: DuplicationOptions = {}, needPairs = false): DuplicationAnalysis {
  const o = checkOptions(options);
  const model = checkModel(input, "findDuplication");
  const index = indexModel(model);
  const include = new Set<string>(o.include);
  const nR = index.regions.ids.length;
  const nD = index.departments.ids.length;
  const nF = index.functions.ids.length;
  const nS = index.services.ids.length;
  const nN = index.needs.ids.length;
  const D = index.departments.ids as DepartmentId[];
  const R = index.regions.ids as RegionId[];
  const F = index.functions.ids as FunctionId[];
  const allowRole = new Uint8Array(2);
  for (const role of o.roles) allowRole[role === "lead" ? ROLE_LEAD : ROLE_SUPPORT] = 1;
  const active = new Uint8Array(nS);
  model.services.forEach((s, i) => {
    active[i] = s.status === "retired" ? 0 : 1;
  });
  const horizontalOk = o.scope !== "vertical";
  const verticalOk = o.scope !== "horizontal";

  // Departments providing or partnering each service, and the share of the service's volume each gets.
  const serviceDepts = (s: number): number[] => {
    const partners = row(index.servicePartners, s);
    const out = [index.serviceDepartment[s]!];
    for (const p of partners) if (!out.includes(p)) out.push(p);
    return out;
  };

  // ---- fragmentation -----------------------------------------------------------------------------------
  const fragmentation: FragmentationFinding[] = [];
  const volume = new Float64Array(nD);
  const known = new Uint8Array(nD);
  const mark = new Int32Array(nD).fill(-1);
  const fragment = (kind: "function" | "need", id: string, involved: number[]) => {
    if (involved.length < 2) return;
    const byRegion = groupByRegion(index, involved);
    const { order, up } = chains(index, [...byRegion.keys()]);
    const sets = new Map<number, number[]>();
    for (const r of order) {
      const a = up.get(r)!;
      const set = a >= 0 ? [...sets.get(a)!, ...byRegion.get(r)!] : [...byRegion.get(r)!];
      sets.set(r, set);
      if (set.length < 2) continue;
      set.sort((x, y) => x - y);
      let total = 0;
      let allKnown = true;
      for (const d of set) {
        if (!known[d] || !(volume[d]! > 0)) allKnown = false;
        total += volume[d]!;
      }
      let hhi = 0;
      for (const d of set) {
        const share = allKnown && total > 0 ? volume[d]! / total : 1 / set.length;
        hhi += share * share;
      }
      fragmentation.push({
        kind,
        id: id as FunctionId,
        regionId: R[r]!,
        departmentIds: set.map((d) => D[d]!),
        hhi: round(hhi),
        effectiveNumber: round(1 / hhi),
      });
    }
  };
  const collect = (services: Uint32Array, holders: number[], stamp: number): number[] => {
    const involved: number[] = [];
    const touch = (d: number) => {
      if (mark[d] !== stamp) {
        mark[d] = stamp;
        volume[d] = 0;
        known[d] = 0;
        involved.push(d);
      }
    };
    for (const d of holders) touch(d);
    for (const s of services) {
      if (!active[s]) continue;
      const depts = serviceDepts(s);
      const v = model.services[s]!.annualVolume;
      for (const d of depts) {
        touch(d);
        if (v !== undefined) {
          volume[d]! += v / depts.length;
          known[d] = 1;
        }
      }
    }
    return involved.sort((x, y) => x - y);
  };
  if (include.has("fragmentation")) {
    for (let f = 0; f < nF; f++) {
      const holders: number[] = [];
      const start = index.functionDepartments.offsets[f]!;
      const depts = row(index.functionDepartments, f);
      for (let k = 0; k < depts.length; k++) if (allowRole[index.functionDepartmentRoles[start + k]!]) holders.push(depts[k]!);
      fragment("function", F[f]!, collect(row(index.functionServices, f), holders, f));
    }
    mark.fill(-1);
    for (let n = 0; n < nN; n++) fragment("need", index.needs.ids[n]!, collect(row(index.needServices, n), [], n));
  }

  // ---- duplication: functions ----------------------------------------------------------------------------
  const duplication: DuplicationFinding[] = [];
  const duplicatePairs = new Map<number, Set<number>>();
  const addPairs = (depts: readonly number[], f: number) => {
    for (let x = 0; x < depts.length; x++) {
      for (let y = x + 1; y < depts.length; y++) {
        const a = Math.min(depts[x]!, depts[y]!);
        const b = Math.max(depts[x]!, depts[y]!);
        if (a === b) continue;
        const key = a * nD + b;
        const set = duplicatePairs.get(key);
        if (set) set.add(f);
        else duplicatePairs.set(key, new Set([f]));
      }
    }
  };
  const regionsOf = (depts: readonly number[]) => sortedUnique(depts.map((d) => index.departmentRegion[d]!)).map((r) => R[r]!);
  for (let f = 0; f < nF; f++) {
    const leads: number[] = [];
    const start = index.functionDepartments.offsets[f]!;
    const depts = row(index.functionDepartments, f);
    for (let k = 0; k < depts.length; k++) if (index.functionDepartmentRoles[start + k] === ROLE_LEAD) leads.push(depts[k]!);
    if (leads.length < 2) continue;
    const byRegion = groupByRegion(index, leads);
    const { order, up, inner } = chains(index, [...byRegion.keys()]);
    const chain = new Map<number, number[]>();
    for (const r of order) {
      const a = up.get(r)!;
      const here = byRegion.get(r)!;
      const above = a >= 0 ? chain.get(a)! : [];
      chain.set(r, [...above, ...here]);
      if (horizontalOk && here.length >= 2) {
        const ids = [...here].sort((x, y) => x - y);
        duplication.push({ kind: "function", id: F[f]!, departmentIds: ids.map((d) => D[d]!), scope: "horizontal", regionIds: [R[r]!] });
        addPairs(ids, f);
      }
      if (verticalOk && above.length > 0 && !inner.has(r)) {
        const ids = [...above, ...here].sort((x, y) => x - y);
        duplication.push({ kind: "function", id: F[f]!, departmentIds: ids.map((d) => D[d]!), scope: "vertical", regionIds: regionsOf(ids) });
        // Only cross-level pairs are vertical duplicates; same-level pairs belong to the horizontal findings.
        for (const x of ids) {
          for (const y of ids) {
            if (x < y && index.departmentRegion[x] !== index.departmentRegion[y]) addPairs([x, y], f);
          }
        }
      }
    }
  }

  // ---- duplication: services -----------------------------------------------------------------------------
  const serviceFns: number[][] = new Array(nS);
  const groups = new Map<string, number[]>();
  for (let s = 0; s < nS; s++) {
    const fns = sortedUnique(row(index.serviceFunctions, s));
    serviceFns[s] = fns;
    if (!active[s] || fns.length === 0) continue;
    const key = fns.join(",") + "|" + sortedUnique(row(index.serviceSegments, s)).join(",");
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const owners = new Set(group.map((s) => index.serviceDepartment[s]!));
    if (owners.size < 2) continue;
    const byRegion = new Map<number, number[]>();
    for (const s of group) {
      for (const r of sortedUnique(row(index.serviceRegions, s))) {
        const list = byRegion.get(r);
        if (list) list.push(s);
        else byRegion.set(r, [s]);
      }
    }
    const { order, up, inner } = chains(index, [...byRegion.keys()]);
    const chain = new Map<number, number[]>();
    const first = group[0]!;
    const functionIds = serviceFns[first]!.map((f) => F[f]!);
    const segmentIds = sortedUnique(row(index.serviceSegments, first)).map((g) => index.segments.ids[g]! as SegmentId);
    const emit = (services: number[], regions: number[], scope: "horizontal" | "vertical") => {
      const ids = sortedUnique(services);
      const depts = sortedUnique(ids.map((s) => index.serviceDepartment[s]!));
      duplication.push({
        kind: "service",
        ids: ids.map((s) => index.services.ids[s]! as ServiceId),
        departmentIds: depts.map((d) => D[d]!),
        scope,
        shared: { functionIds, segmentIds, regionIds: sortedUnique(regions).map((r) => R[r]!) },
      });
      for (const f of serviceFns[first]!) addPairs(depts, f);
    };
    for (const r of order) {
      const a = up.get(r)!;
      const here = byRegion.get(r)!;
      const above = a >= 0 ? chain.get(a)! : [];
      chain.set(r, [...above, ...here]);
      const hereDepts = new Set(here.map((s) => index.serviceDepartment[s]!));
      if (horizontalOk && hereDepts.size >= 2) emit(here, [r], "horizontal");
      if (verticalOk && above.length > 0 && !inner.has(r)) {
        const all = new Set([...hereDepts, ...above.map((s) => index.serviceDepartment[s]!)]);
        if (all.size >= 2) {
          const regions: number[] = [];
          for (let x = r; x >= 0; x = up.get(x)!) regions.push(x);
          emit([...above, ...here], regions, "vertical");
        }
      }
    }
  }

  // ---- overlap: candidate pairs from inverted indexes, restricted to overlapping jurisdictions ------------
  const deptFunctions: number[][] = new Array(nD);
  const deptNeeds: number[][] = new Array(nD);
  const deptSegments: number[][] = new Array(nD);
  const holderAt = new Map<number, number[]>(); // f * nR + region -> departments there holding f
  const needAt = new Map<number, number[]>(); // n * nR + region -> dept
  const pairs: DepartmentPair[] = [];
  const overlap: OverlapFinding[] = [];
  if (include.has("overlap") || needPairs) {
    for (let d = 0; d < nD; d++) {
      const r = index.departmentRegion[d]!;
      const start = index.departmentFunctions.offsets[d]!;
      const fs = row(index.departmentFunctions, d);
      const list: number[] = [];
      for (let k = 0; k < fs.length; k++) if (allowRole[index.departmentFunctionRoles[start + k]!]) list.push(fs[k]!);
      deptFunctions[d] = list.sort((x, y) => x - y);
      for (const f of list) {
        const key = f * nR + r;
        const at = holderAt.get(key);
        if (at) at.push(d);
        else holderAt.set(key, [d]);
      }
      const needs = new Set<number>();
      const segments = new Set<number>();
      const visit = (s: number) => {
        if (!active[s]) return;
        for (const n of row(index.serviceNeeds, s)) needs.add(n);
        for (const g of row(index.serviceSegments, s)) segments.add(g);
      };
      for (const s of row(index.departmentServices, d)) visit(s);
      for (const s of row(index.departmentPartnerServices, d)) visit(s);
      deptNeeds[d] = sortedUnique(needs);
      deptSegments[d] = sortedUnique(segments);
      for (const n of deptNeeds[d]!) {
        const key = n * nR + r;
        const at = needAt.get(key);
        if (at) at.push(d);
        else needAt.set(key, [d]);
      }
    }
    const fCount = new Int32Array(nD);
    const nCount = new Int32Array(nD);
    const seen = new Uint8Array(nD);
    const touched: number[] = [];
    const { parent } = index.regionTree;
    for (let d = 0; d < nD; d++) {
      const r = index.departmentRegion[d]!;
      const fs = deptFunctions[d]!;
      for (let a = r; a >= 0; a = parent[a]!) {
        for (let k = 0; k < fs.length; k++) {
          const at = holderAt.get(fs[k]! * nR + a);
          if (!at) continue;
          for (const e of at) {
            if (a === r && e >= d) break; // lists are in department order: count each same-region pair once
            if (!seen[e]) {
              seen[e] = 1;
              touched.push(e);
            }
            fCount[e]!++;
          }
        }
        for (const n of deptNeeds[d]!) {
          const at = needAt.get(n * nR + a);
          if (!at) continue;
          for (const e of at) {
            if (a === r && e >= d) break;
            if (!seen[e]) {
              seen[e] = 1;
              touched.push(e);
            }
            nCount[e]!++;
          }
        }
      }
      touched.sort((x, y) => x - y);
      for (const e of touched) {
        const jac = (inter: number, x: number, y: number) => (inter === 0 ? 0 : inter / (x + y - inter));
        const fj = jac(fCount[e]!, fs.length, deptFunctions[e]!.length);
        const nj = jac(nCount[e]!, deptNeeds[d]!.length, deptNeeds[e]!.length);
        const sj = jac(intersectCount(deptSegments[d]!, deptSegments[e]!), deptSegments[d]!.length, deptSegments[e]!.length);
        const lo = Math.min(e, d);
        const hi = Math.max(e, d);
        const duplicate = duplicatePairs.has(lo * nD + hi);
        pairs.push({ a: lo, b: hi, functions: fj, needs: nj, segments: sj, duplicate });
        fCount[e] = 0;
        nCount[e] = 0;
        seen[e] = 0;
        if (duplicate) continue;
        const pairIds: [DepartmentId, DepartmentId] = [D[lo]!, D[hi]!];
        if (fj >= o.overlapThreshold) {
          overlap.push({ departmentIds: pairIds, score: round(fj), basis: "functions", shared: intersect(fs, deptFunctions[e]!).map((f) => F[f]!) });
        }
        if (nj >= o.overlapThreshold) {
          overlap.push({ departmentIds: pairIds, score: round(nj), basis: "needs", shared: intersect(deptNeeds[d]!, deptNeeds[e]!).map((n) => index.needs.ids[n]!) });
        }
        if (sj >= o.overlapThreshold) {
          overlap.push({
            departmentIds: pairIds,
            score: round(sj),
            basis: "segments",
            shared: intersect(deptSegments[d]!, deptSegments[e]!).map((g) => index.segments.ids[g]!),
          });
        }
      }
      touched.length = 0;
    }
  }

  // ---- near-duplicate functions --------------------------------------------------------------------------
  const nearDuplicateFunctions: NearDuplicateFunction[] = [];
  if (include.has("nearDuplicateFunctions") && nF > 1) {
    const sets = model.functions.map((fn) => shingles([fn.name, ...(fn.keywords ?? [])].join(" ")));
    const params = lshParameters(o.nearDuplicateThreshold);
    const hashes = params.bands * params.rows;
    const signatures = minhashSignatures(sets, hashes, o.seed);
    for (const [i, j] of lshCandidates(signatures, nF, params, (i) => sets[i]!.length === 0)) {
      const similarity = jaccardSorted(sets[i]!, sets[j]!);
      if (similarity >= o.nearDuplicateThreshold) nearDuplicateFunctions.push({ functionIds: [F[i]!, F[j]!], similarity: round(similarity) });
    }
  }

  // ---- sort and summarise --------------------------------------------------------------------------------
  const byList = (a: readonly string[], b: readonly string[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareIds(a[i]!, b[i]!);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  };
  fragmentation.sort((a, b) => compareIds(a.kind, b.kind) || compareIds(a.id, b.id) || compareIds(a.regionId, b.regionId));
  const findingKey = (x: DuplicationFinding) => (x.kind === "function" ? [x.kind, x.id, x.scope] : [x.kind, ...x.ids.slice(0, 1), x.scope]);
  const findingRest = (x: DuplicationFinding) => (x.kind === "function" ? x.departmentIds : [...x.ids, "|", ...x.shared.regionIds]);
  duplication.sort((a, b) => byList(findingKey(a), findingKey(b)) || byList(findingRest(a), findingRest(b)));
  overlap.sort((a, b) => byList(a.departmentIds, b.departmentIds) || compareIds(a.basis, b.basis));
  const reportDuplication = include.has("duplication") ? duplication : [];

  let heldFunctions = 0;
  const held = new Uint8Array(nF);
  for (let f = 0; f < nF; f++) {
    if (index.functionDepartments.offsets[f + 1]! > index.functionDepartments.offsets[f]!) {
      held[f] = 1;
      heldFunctions++;
    }
  }
  const duplicated = new Set<string>();
  const duplicatedServices = new Set<string>();
  for (const x of reportDuplication) {
    if (x.kind === "function") duplicated.add(x.id);
    else for (const s of x.ids) duplicatedServices.add(s);
  }
  const fragmentedFunctions = new Set<string>();
  const fragmentedNeeds = new Set<string>();
  let fragmentedHeld = 0;
  for (const x of fragmentation) {
    if (x.kind === "need") fragmentedNeeds.add(x.id);
    else if (!fragmentedFunctions.has(x.id)) {
      fragmentedFunctions.add(x.id);
      if (held[index.functions.of.get(x.id)!]) fragmentedHeld++;
    }
  }
  const report: DuplicationReport = {
    fragmentation,
    duplication: reportDuplication,
    overlap: include.has("overlap") ? overlap : [],
    nearDuplicateFunctions,
    summary: {
      functions: nF,
      heldFunctions,
      duplicatedFunctions: duplicated.size,
      duplicatedShare: heldFunctions === 0 ? 0 : round(duplicated.size / heldFunctions),
      duplicatedServices: duplicatedServices.size,
      fragmentedFunctions: fragmentedFunctions.size,
      fragmentedNeeds: fragmentedNeeds.size,
      fragmentedShare: heldFunctions === 0 ? 0 : round(fragmentedHeld / heldFunctions),
      duplication: reportDuplication.length,
      fragmentation: fragmentation.length,
      overlap: include.has("overlap") ? overlap.length : 0,
      nearDuplicateFunctions: nearDuplicateFunctions.length,
    },
  };
  return { report, index, pairs, duplicatePairs };
}

/**
 * Finds fragmented, overlapping and duplicated responsibilities (after GAO-15-49SP) and near-duplicate functions.
 * Pass a model returned by `validateModel` or `parseModel`; the report is plain JSON, every list sorted by id.
 * @example
 * const { duplication, summary } = findDuplication(exampleCounty);
 * console.log(summary.duplicatedFunctions, duplication[0]);
 */
export function findDuplication(model: Model, options: DuplicationOptions = {}): DuplicationReport {
  return analyzeDuplication(model, options).report;
}

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
 *   see text/minhash.ts.
 * @module
 */
import { GovGraphError } from "../errors.js";
import { indexModel, ROLE_LEAD, ROLE_SUPPORT, type ModelIndex } from "../graph/index-model.js";
import { buildCsr, row } from "../graph/csr.js";
import { canonicalize, compareIds } from "../model/canonical.js";
import type { DepartmentId, FunctionId, NeedId, RegionId, SegmentId, ServiceId } from "../schemas/ids.js";
import { COLLECTIONS, type Model } from "../schemas/model.js";
import { jaccardSorted, shingles } from "../text/shingles.js";
import { hashShingles, jaccardSortedInts, lshCandidates, lshParameters, minhashSignatures } from "../text/minhash.js";

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

/** Options over their defaults; an option given as `undefined` keeps its default. @internal */
export function withDefaults<T extends object>(defaults: T, options: object): T {
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [key, value] of Object.entries(options)) if (value !== undefined) out[key] = value;
  return out as T;
}

function checkOptions(options: DuplicationOptions) {
  const o = withDefaults<Required<DuplicationOptions>>(DUPLICATION_DEFAULTS as Required<DuplicationOptions>, options);
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
  // A model already in canonical order is used as it is, so a frozen model's cached index is shared.
  const canonical = canonicalize(model);
  for (const key of COLLECTIONS) if (canonical[key] !== model[key]) return canonical;
  return model;
}

function intersectCount(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

function intersect(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}

/** Sorted unique copy of a list of dense indexes. */
function sortedUnique(values: ArrayLike<number>): number[] {
  if (values.length <= 1) return Array.from(values);
  const out = Array.from(values).sort((x, y) => x - y);
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i]!;
  out.length = n;
  return out;
}

/** A row's sorted, unique targets joined by commas (a grouping key), without allocating for short rows. */
function rowKey(csr: { offsets: Uint32Array; targets: Uint32Array }, i: number): string {
  const start = csr.offsets[i]!;
  const end = csr.offsets[i + 1]!;
  if (end - start === 0) return "";
  if (end - start === 1) return String(csr.targets[start]);
  return sortedUnique(csr.targets.subarray(start, end)).join(",");
}

/**
 * Items placed in regions, arranged along the region tree: the distinct regions (shallowest first), for each the
 * nearest strict ancestor that also holds items (`up`, -1 for none), whether another region below it holds items
 * (`inner`), and its items in increasing order. Typed arrays are reused between calls (an epoch stamps them).
 */
class RegionChains {
  private readonly stamp: Int32Array;
  readonly up: Int32Array;
  readonly inner: Uint8Array;
  readonly begin: Int32Array;
  readonly end: Int32Array;
  private epoch = 0;
  regions: number[] = [];
  items = new Float64Array(0);

  constructor(
    private readonly parent: Int32Array,
    private readonly depth: Uint32Array,
  ) {
    const n = parent.length;
    this.stamp = new Int32Array(n).fill(-1);
    this.up = new Int32Array(n);
    this.inner = new Uint8Array(n);
    this.begin = new Int32Array(n);
    this.end = new Int32Array(n);
  }

  /**
   * Arranges `items` (dense indexes): item `k` lies in region `regionOf[items[k]]` when `byItem`, else `regionOf[k]`.
   */
  load(items: ArrayLike<number>, regionOf: ArrayLike<number>, byItem: boolean): void {
    const epoch = ++this.epoch;
    const count = items.length;
    const keys = new Float64Array(count);
    let largest = 1;
    for (let k = 0; k < count; k++) if (items[k]! > largest) largest = items[k]!;
    // (region, item) packed in one float: region * scale + item stays below 2^53 for any realistic model.
    const scale = 2 ** Math.ceil(Math.log2(largest + 1));
    for (let k = 0; k < count; k++) keys[k] = regionOf[byItem ? items[k]! : k]! * scale + items[k]!;
    keys.sort();
    const regions: number[] = [];
    for (let k = 0; k < count; k++) {
      const r = Math.floor(keys[k]! / scale);
      keys[k] = keys[k]! - r * scale;
      if (this.stamp[r] !== epoch) {
        this.stamp[r] = epoch;
        this.begin[r] = k;
        this.inner[r] = 0;
        regions.push(r);
      }
      this.end[r] = k + 1;
    }
    const depth = this.depth;
    regions.sort((x, y) => depth[x]! - depth[y]! || x - y);
    for (const r of regions) {
      let a = this.parent[r]!;
      while (a >= 0 && this.stamp[a] !== epoch) a = this.parent[a]!;
      this.up[r] = a;
      if (a >= 0) this.inner[a] = 1;
    }
    this.regions = regions;
    this.items = keys;
  }

  /** The number of items at `r` and the regions above it. */
  chainSize(r: number): number {
    let n = 0;
    for (let x = r; x >= 0; x = this.up[x]!) n += this.end[x]! - this.begin[x]!;
    return n;
  }

  /** The items at `r` and the regions above it, sorted. */
  chainItems(r: number, from = r): number[] {
    const out: number[] = [];
    for (let x = from; x >= 0; x = this.up[x]!) for (let k = this.begin[x]!; k < this.end[x]!; k++) out.push(this.items[k]!);
    return out.sort((a, b) => a - b);
  }

  /** The items at `r` only, sorted. */
  here(r: number): number[] {
    return Array.from(this.items.subarray(this.begin[r]!, this.end[r]!));
  }

  /** The regions of the chain from `r` upwards. */
  chainRegions(r: number): number[] {
    const out: number[] = [];
    for (let x = r; x >= 0; x = this.up[x]!) out.push(x);
    return out;
  }
}

/** Computes the duplication report with its internals. @internal */
export function analyzeDuplication(input: Model, options: DuplicationOptions = {}, needPairs = false): DuplicationAnalysis {
  const o = checkOptions(options);
  const model = checkModel(input, "findDuplication");
  const index = indexModel(model);
  const include = new Set<string>(o.include);
  const nD = index.departments.ids.length;
  const nF = index.functions.ids.length;
  const nS = index.services.ids.length;
  const nN = index.needs.ids.length;
  const D = index.departments.ids as DepartmentId[];
  const R = index.regions.ids as RegionId[];
  const F = index.functions.ids as FunctionId[];
  const deptRegion = index.departmentRegion;
  const { parent, depth } = index.regionTree;
  const allowRole = new Uint8Array(2);
  for (const role of o.roles) allowRole[role === "lead" ? ROLE_LEAD : ROLE_SUPPORT] = 1;
  const active = new Uint8Array(nS);
  const volumeOf = new Float64Array(nS).fill(NaN);
  for (let s = 0; s < nS; s++) {
    const service = model.services[s]!;
    active[s] = service.status === "retired" ? 0 : 1;
    if (service.annualVolume !== undefined) volumeOf[s] = service.annualVolume;
  }
  const horizontalOk = o.scope !== "vertical";
  const verticalOk = o.scope !== "horizontal";
  const chains = new RegionChains(parent, depth);
  const { offsets: fdOffsets, targets: fdTargets } = index.functionDepartments;
  const fdRoles = index.functionDepartmentRoles;
  const { offsets: spOffsets, targets: spTargets } = index.servicePartners;

  // ---- fragmentation -----------------------------------------------------------------------------------
  const fragmentation: FragmentationFinding[] = [];
  const volume = new Float64Array(nD);
  const known = new Uint8Array(nD);
  const mark = new Int32Array(nD).fill(-1);
  let stamp = 0;
  const involved: number[] = [];
  const touch = (d: number) => {
    if (mark[d] !== stamp) {
      mark[d] = stamp;
      volume[d] = 0;
      known[d] = 0;
      involved.push(d);
    }
  };
  // Departments providing or partnering active services of `services`, with their share of each one's volume.
  const credit = (d: number, v: number, parties: number) => {
    touch(d);
    if (v === v) {
      volume[d]! += v / parties;
      known[d] = 1;
    }
  };
  const addServices = (csr: { offsets: Uint32Array; targets: Uint32Array }, item: number) => {
    for (let k = csr.offsets[item]!; k < csr.offsets[item + 1]!; k++) {
      const s = csr.targets[k]!;
      if (!active[s]) continue;
      const provider = index.serviceDepartment[s]!;
      let parties = 1;
      for (let p = spOffsets[s]!; p < spOffsets[s + 1]!; p++) if (spTargets[p] !== provider) parties++;
      const v = volumeOf[s]!;
      credit(provider, v, parties);
      for (let p = spOffsets[s]!; p < spOffsets[s + 1]!; p++) if (spTargets[p] !== provider) credit(spTargets[p]!, v, parties);
    }
  };
  const fragment = (kind: "function" | "need", id: string) => {
    if (involved.length < 2) return;
    chains.load(involved, deptRegion, true);
    for (const r of chains.regions) {
      if (chains.chainSize(r) < 2) continue;
      const set = chains.chainItems(r);
      // Shares by volume; a department with no volume known counts as the mean of those known; none known: equal.
      let knownCount = 0;
      let knownTotal = 0;
      for (const d of set) {
        if (known[d]) {
          knownCount++;
          knownTotal += volume[d]!;
        }
      }
      const mean = knownCount > 0 ? knownTotal / knownCount : 0;
      const total = knownTotal + (set.length - knownCount) * mean;
      let hhi = 0;
      for (const d of set) {
        const share = total > 0 ? (known[d] ? volume[d]! : mean) / total : 1 / set.length;
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
  if (include.has("fragmentation")) {
    for (let f = 0; f < nF; f++) {
      stamp++;
      involved.length = 0;
      for (let k = fdOffsets[f]!; k < fdOffsets[f + 1]!; k++) if (allowRole[fdRoles[k]!]) touch(fdTargets[k]!);
      addServices(index.functionServices, f);
      fragment("function", F[f]!);
    }
    for (let n = 0; n < nN; n++) {
      stamp++;
      involved.length = 0;
      addServices(index.needServices, n);
      fragment("need", index.needs.ids[n]!);
    }
  }

  // ---- duplication: functions ----------------------------------------------------------------------------
  const duplication: DuplicationFinding[] = [];
  const duplicatePairs = new Map<number, Set<number>>();
  const addPair = (x: number, y: number, f: number) => {
    if (x === y) return;
    const key = Math.min(x, y) * nD + Math.max(x, y);
    const set = duplicatePairs.get(key);
    if (set) set.add(f);
    else duplicatePairs.set(key, new Set([f]));
  };
  const regionIdsOf = (regions: number[]) => sortedUnique(regions).map((r) => R[r]!);
  const wantDuplication = include.has("duplication") || include.has("overlap") || needPairs;
  const leads: number[] = [];
  for (let f = 0; wantDuplication && f < nF; f++) {
    leads.length = 0;
    for (let k = fdOffsets[f]!; k < fdOffsets[f + 1]!; k++) if (fdRoles[k] === ROLE_LEAD) leads.push(fdTargets[k]!);
    if (leads.length < 2) continue;
    chains.load(leads, deptRegion, true);
    for (const r of chains.regions) {
      const count = chains.end[r]! - chains.begin[r]!;
      const a = chains.up[r]!;
      if (horizontalOk && count >= 2) {
        const ids = chains.here(r);
        duplication.push({ kind: "function", id: F[f]!, departmentIds: ids.map((d) => D[d]!), scope: "horizontal", regionIds: [R[r]!] });
        for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) addPair(ids[x]!, ids[y]!, f);
      }
      if (verticalOk && a >= 0 && !chains.inner[r]) {
        const ids = chains.chainItems(r);
        duplication.push({ kind: "function", id: F[f]!, departmentIds: ids.map((d) => D[d]!), scope: "vertical", regionIds: regionIdsOf(chains.chainRegions(r)) });
        // Only cross-level pairs are vertical duplicates; same-level pairs belong to the horizontal findings.
        for (let x = 0; x < ids.length; x++) {
          for (let y = x + 1; y < ids.length; y++) if (deptRegion[ids[x]!] !== deptRegion[ids[y]!]) addPair(ids[x]!, ids[y]!, f);
        }
      }
    }
  }

  // ---- duplication: services -----------------------------------------------------------------------------
  const groups = new Map<string, number[]>();
  for (let s = 0; wantDuplication && s < nS; s++) {
    if (!active[s] || index.serviceFunctions.offsets[s + 1] === index.serviceFunctions.offsets[s]) continue;
    const key = rowKey(index.serviceFunctions, s) + "|" + rowKey(index.serviceSegments, s);
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  const owner = index.serviceDepartment;
  const { offsets: srOffsets, targets: srTargets } = index.serviceRegions;
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    let owners = 1;
    for (let k = 1; k < group.length && owners < 2; k++) if (owner[group[k]!] !== owner[group[0]!]) owners = 2;
    if (owners < 2) continue;
    // One entry per (service, region served); a service listing a region twice counts once.
    const entryService: number[] = [];
    const entryRegion: number[] = [];
    for (const s of group) {
      for (let k = srOffsets[s]!; k < srOffsets[s + 1]!; k++) {
        entryService.push(s);
        entryRegion.push(srTargets[k]!);
      }
    }
    chains.load(entryService, entryRegion, false);
    const first = group[0]!;
    const functionIds = sortedUnique(row(index.serviceFunctions, first)).map((f) => F[f]!);
    const segmentIds = sortedUnique(row(index.serviceSegments, first)).map((g) => index.segments.ids[g]! as SegmentId);
    const fns = sortedUnique(row(index.serviceFunctions, first));
    const emit = (services: number[], regions: number[], scope: "horizontal" | "vertical") => {
      const ids = sortedUnique(services);
      const depts = sortedUnique(ids.map((s) => owner[s]!));
      duplication.push({
        kind: "service",
        ids: ids.map((s) => index.services.ids[s]! as ServiceId),
        departmentIds: depts.map((d) => D[d]!),
        scope,
        shared: { functionIds, segmentIds, regionIds: regionIdsOf(regions) },
      });
      for (const f of fns) for (let x = 0; x < depts.length; x++) for (let y = x + 1; y < depts.length; y++) addPair(depts[x]!, depts[y]!, f);
    };
    const distinctOwners = (services: number[]) => {
      for (let k = 1; k < services.length; k++) if (owner[services[k]!] !== owner[services[0]!]) return true;
      return false;
    };
    for (const r of chains.regions) {
      if (horizontalOk && chains.end[r]! - chains.begin[r]! >= 2) {
        const here = chains.here(r);
        if (distinctOwners(here)) emit(here, [r], "horizontal");
      }
      if (verticalOk && chains.up[r]! >= 0 && !chains.inner[r]) {
        const all = chains.chainItems(r);
        if (distinctOwners(all)) emit(all, chains.chainRegions(r), "vertical");
      }
    }
  }

  // ---- overlap: candidate pairs from inverted indexes, restricted to overlapping jurisdictions ------------
  const pairs: DepartmentPair[] = [];
  const overlap: OverlapFinding[] = [];
  if (include.has("overlap") || needPairs) {
    // Departments in (region, id) order, so each inverted list below is sorted by region, then department.
    const byRegion = Uint32Array.from(index.departments.ids.keys()).sort((x, y) => deptRegion[x]! - deptRegion[y]! || x - y);
    const { offsets: dfOffsets, targets: dfTargets } = index.departmentFunctions;
    const dfRoles = index.departmentFunctionRoles;
    const deptFunctions = buildCsr(nD, (emit) => {
      for (let d = 0; d < nD; d++) for (let k = dfOffsets[d]!; k < dfOffsets[d + 1]!; k++) if (allowRole[dfRoles[k]!]) emit(d, dfTargets[k]!);
    });
    for (let d = 0; d < nD; d++) deptFunctions.targets.subarray(deptFunctions.offsets[d]!, deptFunctions.offsets[d + 1]!).sort();
    const { offsets: snOffsets, targets: snTargets } = index.serviceNeeds;
    const { offsets: sgOffsets, targets: sgTargets } = index.serviceSegments;
    const needMark = new Int32Array(nN).fill(-1);
    const segMark = new Int32Array(index.segments.ids.length).fill(-1);
    const needList: number[] = [];
    const segList: number[] = [];
    const deptNeeds: Uint32Array[] = new Array(nD);
    const deptSegments: Uint32Array[] = new Array(nD);
    const visit = (services: Uint32Array, d: number) => {
      for (let k = 0; k < services.length; k++) {
        const s = services[k]!;
        if (!active[s]) continue;
        for (let x = snOffsets[s]!; x < snOffsets[s + 1]!; x++) {
          const n = snTargets[x]!;
          if (needMark[n] !== d) {
            needMark[n] = d;
            needList.push(n);
          }
        }
        for (let x = sgOffsets[s]!; x < sgOffsets[s + 1]!; x++) {
          const g = sgTargets[x]!;
          if (segMark[g] !== d) {
            segMark[g] = d;
            segList.push(g);
          }
        }
      }
    };
    for (let d = 0; d < nD; d++) {
      needList.length = 0;
      segList.length = 0;
      visit(row(index.departmentServices, d), d);
      visit(row(index.departmentPartnerServices, d), d);
      deptNeeds[d] = Uint32Array.from(needList).sort();
      deptSegments[d] = Uint32Array.from(segList).sort();
    }
    const functionHolders = buildCsr(nF, (emit) => {
      for (const d of byRegion) for (let k = deptFunctions.offsets[d]!; k < deptFunctions.offsets[d + 1]!; k++) emit(deptFunctions.targets[k]!, d);
    });
    const needDepartments = buildCsr(nN, (emit) => {
      for (const d of byRegion) for (const n of deptNeeds[d]!) emit(n, d);
    });
    // The start of the slice of an inverted list whose departments sit in region `a` (binary search: lists are
    // region-sorted); the slice runs while the region stays `a`.
    const sliceStart = (csr: { offsets: Uint32Array; targets: Uint32Array }, item: number, a: number): number => {
      let lo = csr.offsets[item]!;
      let hi = csr.offsets[item + 1]!;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (deptRegion[csr.targets[mid]!]! < a) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const fCount = new Int32Array(nD);
    const nCount = new Int32Array(nD);
    const seen = new Uint8Array(nD);
    const touched: number[] = [];
    const jac = (inter: number, x: number, y: number) => (inter === 0 ? 0 : inter / (x + y - inter));
    const count = (csr: { offsets: Uint32Array; targets: Uint32Array }, items: ArrayLike<number>, d: number, r: number, a: number, counter: Int32Array) => {
      for (let k = 0; k < items.length; k++) {
        const hi = csr.offsets[items[k]! + 1]!;
        for (let x = sliceStart(csr, items[k]!, a); x < hi; x++) {
          const e = csr.targets[x]!;
          if (deptRegion[e] !== a) break;
          if (a === r && e >= d) break; // same region: count each pair once (lists are in department order there)
          if (!seen[e]) {
            seen[e] = 1;
            touched.push(e);
          }
          counter[e]!++;
        }
      }
    };
    for (let d = 0; d < nD; d++) {
      const r = deptRegion[d]!;
      const fs = row(deptFunctions, d);
      const ns = deptNeeds[d]!;
      for (let a = r; a >= 0; a = parent[a]!) {
        count(functionHolders, fs, d, r, a, fCount);
        count(needDepartments, ns, d, r, a, nCount);
      }
      touched.sort((x, y) => x - y);
      for (const e of touched) {
        const feLength = deptFunctions.offsets[e + 1]! - deptFunctions.offsets[e]!;
        const fj = jac(fCount[e]!, fs.length, feLength);
        const nj = jac(nCount[e]!, ns.length, deptNeeds[e]!.length);
        const sj = jac(intersectCount(deptSegments[d]!, deptSegments[e]!), deptSegments[d]!.length, deptSegments[e]!.length);
        fCount[e] = 0;
        nCount[e] = 0;
        seen[e] = 0;
        const lo = Math.min(e, d);
        const hi = Math.max(e, d);
        const duplicate = duplicatePairs.has(lo * nD + hi);
        if (needPairs) pairs.push({ a: lo, b: hi, functions: fj, needs: nj, segments: sj, duplicate });
        if (duplicate) continue;
        const pairIds: [DepartmentId, DepartmentId] = [D[lo]!, D[hi]!];
        if (fj >= o.overlapThreshold) {
          overlap.push({ departmentIds: pairIds, score: round(fj), basis: "functions", shared: intersect(fs, row(deptFunctions, e)).map((f) => F[f]!) });
        }
        if (nj >= o.overlapThreshold) {
          overlap.push({ departmentIds: pairIds, score: round(nj), basis: "needs", shared: intersect(ns, deptNeeds[e]!).map((n) => index.needs.ids[n]!) });
        }
        if (sj >= o.overlapThreshold) {
          const shared = intersect(deptSegments[d]!, deptSegments[e]!).map((g) => index.segments.ids[g]!);
          overlap.push({ departmentIds: pairIds, score: round(sj), basis: "segments", shared });
        }
      }
      touched.length = 0;
    }
  }

  // ---- near-duplicate functions --------------------------------------------------------------------------
  const nearDuplicateFunctions: NearDuplicateFunction[] = [];
  if (include.has("nearDuplicateFunctions") && nF > 1) {
    const sets = model.functions.map((fn) => shingles([fn.name, ...(fn.keywords ?? [])].join(" ")));
    const hashed = sets.map((set) => hashShingles(set, o.seed));
    const params = lshParameters(o.nearDuplicateThreshold);
    const hashes = params.bands * params.rows;
    const signatures = minhashSignatures(hashed, hashes, o.seed);
    // A MinHash estimate more than four standard errors below the threshold is not worth verifying.
    const t = o.nearDuplicateThreshold;
    const minEstimate = t - 4 * Math.sqrt((t * (1 - t)) / hashes);
    for (const [i, j] of lshCandidates(signatures, nF, params, (i) => sets[i]!.length === 0, minEstimate)) {
      if (jaccardSortedInts(hashed[i]!, hashed[j]!) < t - 0.05) continue;
      const similarity = jaccardSorted(sets[i]!, sets[j]!);
      if (similarity >= t) nearDuplicateFunctions.push({ functionIds: [F[i]!, F[j]!], similarity: round(similarity) });
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
    if (fdOffsets[f + 1]! > fdOffsets[f]!) {
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

/**
 * Model index
 * ===========
 * Dense integer ids and compressed sparse row (CSR) adjacency, built by counting sort in O(records + references);
 * ancestor tests in O(1) from the entry and exit times of one iterative depth-first walk (the parenthesis theorem,
 * Cormen et al., Introduction to Algorithms, 3rd ed., section 22.3).
 */
import { GovGraphError } from "../errors.js";
import type { Model } from "../schemas/model.js";
import { csrFromPairs, transpose, type Csr } from "./csr.js";

/** Ids of one collection mapped to dense integers `0..n-1`, in the collection's order. */
export interface IdTable {
  /** The id at each dense index. */
  readonly ids: readonly string[];
  /** The dense index of each id. */
  readonly of: ReadonlyMap<string, number>;
}

/** A forest given by parent indexes, with constant-time ancestor tests. */
export interface Tree {
  /** The parent of each node, or -1 for a root. */
  readonly parent: Int32Array;
  /** Depth of each node (roots are 0). */
  readonly depth: Uint32Array;
  /** Children of each node. */
  readonly children: Csr;
  /** True when `a` is `b` or one of its ancestors. */
  isAncestorOrSelf(a: number, b: number): boolean;
}

/** Role codes in {@link ModelIndex.departmentFunctionRoles}: 0 lead, 1 support. */
export const ROLE_LEAD = 0;
export const ROLE_SUPPORT = 1;
/** Source codes in {@link ModelIndex.serviceEvidenceSources}: 0 the citizen supplies it, 1 it is reused (once-only). */
export const EVIDENCE_CITIZEN = 0;
export const EVIDENCE_REUSED = 1;

/**
 * The compact form analyses run on at scale: ids as dense integers and typed-array adjacency (CSR).
 * Every relation is also available reversed. Dense indexes follow each collection's order in the model.
 */
export interface ModelIndex {
  readonly model: Model;
  readonly regions: IdTable;
  readonly segments: IdTable;
  readonly departments: IdTable;
  readonly functions: IdTable;
  readonly services: IdTable;
  readonly needs: IdTable;
  readonly evidence: IdTable;
  readonly points: IdTable;

  /** The region tree (by `parentId`). */
  readonly regionTree: Tree;
  /** The department supervision tree (by `parentId`). */
  readonly departmentTree: Tree;
  /** Each department's jurisdiction region. */
  readonly departmentRegion: Int32Array;
  /** Departments whose jurisdiction is exactly each region. */
  readonly regionDepartments: Csr;

  /** Functions each department holds, with {@link departmentFunctionRoles} aligned to its targets. */
  readonly departmentFunctions: Csr;
  readonly departmentFunctionRoles: Uint8Array;
  /** Departments holding each function, with {@link functionDepartmentRoles} aligned to its targets. */
  readonly functionDepartments: Csr;
  readonly functionDepartmentRoles: Uint8Array;

  /** Each service's competent department. */
  readonly serviceDepartment: Int32Array;
  /** Services each department provides (as competent authority). */
  readonly departmentServices: Csr;
  /** Co-providing departments of each service, and its reverse. */
  readonly servicePartners: Csr;
  readonly departmentPartnerServices: Csr;
  readonly serviceFunctions: Csr;
  readonly functionServices: Csr;
  readonly serviceNeeds: Csr;
  readonly needServices: Csr;
  /** Segments each service targets (an empty row means everyone). */
  readonly serviceSegments: Csr;
  readonly segmentServices: Csr;
  /**
   * The regions each service lists as served: its `regionIds`, or, when absent, its department's jurisdiction
   * region. Each listed region's sub-regions are served too: test them with `regionTree.isAncestorOrSelf`.
   */
  readonly serviceRegions: Csr;
  /** Services listing each region in {@link serviceRegions} (sub-regions are not expanded). */
  readonly regionServices: Csr;
  /** Evidence each service requires, with {@link serviceEvidenceSources} aligned to its targets. */
  readonly serviceEvidence: Csr;
  readonly serviceEvidenceSources: Uint8Array;
  /** Services requiring each evidence type, with {@link evidenceServiceSources} aligned to its targets. */
  readonly evidenceServices: Csr;
  readonly evidenceServiceSources: Uint8Array;
  /** Each evidence type's issuing department, or -1 when it has none. */
  readonly evidenceIssuer: Int32Array;
  /** Evidence types each department issues. */
  readonly departmentEvidence: Csr;
  /** Services each point offers, and its reverse. */
  readonly pointServices: Csr;
  readonly servicePoints: Csr;
  /** Each service point's region. */
  readonly pointRegion: Int32Array;
  /** Service points located in exactly each region. */
  readonly regionPoints: Csr;
}

function idTable(records: readonly { id: string }[]): IdTable {
  const ids = new Array<string>(records.length);
  const of = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    const id = records[i]!.id;
    ids[i] = id;
    of.set(id, i);
  }
  return { ids, of };
}

// The message is built only on failure: building it for every lookup would cost more than the lookup.
function unknown(id: string, collection: string, i: number, field: string, k = -1, subfield = ""): never {
  const where = `${collection}[${i}].${field}${k >= 0 ? `[${k}]` : ""}${subfield}`;
  throw new GovGraphError("invalid_model", `indexModel: ${where} refers to unknown id "${id}". Run validateModel first.`);
}

function lookup(table: IdTable, id: string, collection: string, i: number, field: string): number {
  const at = table.of.get(id);
  return at === undefined ? unknown(id, collection, i, field) : at;
}

/** A row-ordered relation from a list field of each record (records in order), in one pass. */
function listRelation<R>(
  records: readonly R[],
  list: (record: R) => readonly string[] | undefined,
  table: IdTable,
  collection: string,
  field: string,
): Csr {
  const n = records.length;
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + (list(records[i]!)?.length ?? 0);
  const targets = new Uint32Array(offsets[n]!);
  const of = table.of;
  let at = 0;
  for (let i = 0; i < n; i++) {
    const ids = list(records[i]!);
    if (ids === undefined) continue;
    for (let k = 0; k < ids.length; k++) {
      const t = of.get(ids[k]!);
      targets[at++] = t === undefined ? unknown(ids[k]!, collection, i, field, k) : t;
    }
  }
  return { offsets, targets };
}

/** Writes the dense indexes of `ids` into `targets` from `at`; `i` and `field` name the record in errors. */
function fill(ids: readonly string[], table: IdTable, targets: Uint32Array, at: number, i: number, field: string): void {
  const of = table.of;
  for (let k = 0; k < ids.length; k++) {
    const t = of.get(ids[k]!);
    targets[at + k] = t === undefined ? unknown(ids[k]!, "services", i, field, k) : t;
  }
}

function plain(csr: Csr): Csr {
  return { offsets: csr.offsets, targets: csr.targets };
}

function buildTree(parentOf: Int32Array): Tree {
  const n = parentOf.length;
  const children = plain(csrFromPairs(n, parentOf, identity(n)));
  const depth = new Uint32Array(n);
  const enter = new Uint32Array(n);
  const exit = new Uint32Array(n);
  // Iterative depth-first walk (trees can be deep), numbering entry and exit times for ancestor tests.
  const stack = new Int32Array(n);
  const next = new Uint32Array(n);
  let clock = 0;
  for (let root = 0; root < n; root++) {
    if (parentOf[root]! >= 0) continue;
    let top = 0;
    stack[0] = root;
    next[root] = children.offsets[root]!;
    enter[root] = clock++;
    while (top >= 0) {
      const node = stack[top]!;
      if (next[node]! < children.offsets[node + 1]!) {
        const child = children.targets[next[node]!++]!;
        depth[child] = depth[node]! + 1;
        next[child] = children.offsets[child]!;
        enter[child] = clock++;
        stack[++top] = child;
      } else {
        exit[node] = clock++;
        top--;
      }
    }
  }
  if (clock !== 2 * n) {
    throw new GovGraphError("invalid_model", "indexModel: a parentId cycle was found. Run validateModel first.");
  }
  return {
    parent: parentOf,
    depth,
    children,
    isAncestorOrSelf: (a, b) => enter[a]! <= enter[b]! && exit[b]! <= exit[a]!,
  };
}

function identity(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/**
 * Builds the compact integer index of a valid model that the analyses run on.
 * The index of a frozen model (as `validateModel`, `parseModel` and every edit return) is built once and cached,
 * so analyses run one after another share it; treat its typed arrays as read-only.
 * @example
 * const index = indexModel(model);
 * const bureaus = row(index.functionDepartments, index.functions.of.get("f-licence")!);
 */
export function indexModel(model: Model): ModelIndex {
  // A frozen model cannot change, so its index is built once and shared by every analysis that asks.
  if (!Object.isFrozen(model)) return buildIndex(model);
  let index = cache.get(model);
  if (!index) cache.set(model, (index = buildIndex(model)));
  return index;
}

const cache = new WeakMap<Model, ModelIndex>();

function buildIndex(model: Model): ModelIndex {
  const regions = idTable(model.regions);
  const segments = idTable(model.segments);
  const departments = idTable(model.departments);
  const functions = idTable(model.functions);
  const services = idTable(model.services);
  const needs = idTable(model.needs);
  const evidence = idTable(model.evidence);
  const points = idTable(model.servicePoints);
  const nRegions = regions.ids.length;
  const nDepartments = departments.ids.length;
  const nFunctions = functions.ids.length;
  const nServices = services.ids.length;

  const regionParent = new Int32Array(nRegions);
  for (let i = 0; i < nRegions; i++) {
    const parentId = model.regions[i]!.parentId;
    regionParent[i] = parentId === undefined ? -1 : lookup(regions, parentId, "regions", i, "parentId");
  }
  const departmentParent = new Int32Array(nDepartments);
  const departmentRegion = new Int32Array(nDepartments);
  for (let i = 0; i < nDepartments; i++) {
    const d = model.departments[i]!;
    departmentParent[i] = d.parentId === undefined ? -1 : lookup(departments, d.parentId, "departments", i, "parentId");
    departmentRegion[i] = lookup(regions, d.regionId, "departments", i, "regionId");
  }

  const nAssignments = model.assignments.length;
  const assignmentDept = new Int32Array(nAssignments);
  const assignmentFn = new Int32Array(nAssignments);
  const assignmentRole = new Uint8Array(nAssignments);
  {
    const departmentOf = departments.of;
    const functionOf = functions.of;
    // Assignments come sorted by department: reuse the previous lookup while the department does not change.
    let lastId: string | undefined;
    let last = -1;
    for (let i = 0; i < nAssignments; i++) {
      const a = model.assignments[i]!;
      if (a.departmentId !== lastId) {
        const d = departmentOf.get(a.departmentId);
        last = d === undefined ? unknown(a.departmentId, "assignments", i, "departmentId") : d;
        lastId = a.departmentId;
      }
      const f = functionOf.get(a.functionId);
      assignmentDept[i] = last;
      assignmentFn[i] = f === undefined ? unknown(a.functionId, "assignments", i, "functionId") : f;
      assignmentRole[i] = a.role === "support" ? ROLE_SUPPORT : ROLE_LEAD;
    }
  }
  const byDepartment = csrFromPairs(nDepartments, assignmentDept, assignmentFn, assignmentRole);
  const byFunction = csrFromPairs(nFunctions, assignmentFn, assignmentDept, assignmentRole);

  // Every service relation in two passes over the services (count, then fill): services are large records spread
  // over the heap, and walking them once per relation costs more in memory traffic than the lookups themselves.
  const serviceDepartment = new Int32Array(nServices);
  const partnerOffsets = new Uint32Array(nServices + 1);
  const functionOffsets = new Uint32Array(nServices + 1);
  const needOffsets = new Uint32Array(nServices + 1);
  const segmentOffsets = new Uint32Array(nServices + 1);
  const regionOffsets = new Uint32Array(nServices + 1);
  const evidenceOffsets = new Uint32Array(nServices + 1);
  for (let i = 0; i < nServices; i++) {
    const s = model.services[i]!;
    partnerOffsets[i + 1] = partnerOffsets[i]! + (s.partnerIds?.length ?? 0);
    functionOffsets[i + 1] = functionOffsets[i]! + s.functionIds.length;
    needOffsets[i + 1] = needOffsets[i]! + s.needIds.length;
    segmentOffsets[i + 1] = segmentOffsets[i]! + s.segmentIds.length;
    regionOffsets[i + 1] = regionOffsets[i]! + (s.regionIds?.length ?? 1);
    evidenceOffsets[i + 1] = evidenceOffsets[i]! + (s.evidence?.length ?? 0);
  }
  const partnerTargets = new Uint32Array(partnerOffsets[nServices]!);
  const functionTargets = new Uint32Array(functionOffsets[nServices]!);
  const needTargets = new Uint32Array(needOffsets[nServices]!);
  const segmentTargets = new Uint32Array(segmentOffsets[nServices]!);
  const regionTargets = new Uint32Array(regionOffsets[nServices]!);
  const evidenceTargets = new Uint32Array(evidenceOffsets[nServices]!);
  const serviceEvidenceSources = new Uint8Array(evidenceTargets.length);
  for (let i = 0; i < nServices; i++) {
    const s = model.services[i]!;
    const d = lookup(departments, s.departmentId, "services", i, "departmentId");
    serviceDepartment[i] = d;
    if (s.partnerIds !== undefined) fill(s.partnerIds, departments, partnerTargets, partnerOffsets[i]!, i, "partnerIds");
    fill(s.functionIds, functions, functionTargets, functionOffsets[i]!, i, "functionIds");
    fill(s.needIds, needs, needTargets, needOffsets[i]!, i, "needIds");
    fill(s.segmentIds, segments, segmentTargets, segmentOffsets[i]!, i, "segmentIds");
    // A service without regionIds serves its department's jurisdiction region.
    if (s.regionIds === undefined) regionTargets[regionOffsets[i]!] = departmentRegion[d]!;
    else fill(s.regionIds, regions, regionTargets, regionOffsets[i]!, i, "regionIds");
    const list = s.evidence;
    if (list !== undefined) {
      for (let k = 0, at = evidenceOffsets[i]!; k < list.length; k++, at++) {
        const e = list[k]!;
        const t = evidence.of.get(e.evidenceId);
        evidenceTargets[at] = t === undefined ? unknown(e.evidenceId, "services", i, "evidence", k, ".evidenceId") : t;
        serviceEvidenceSources[at] = e.source === "reused" ? EVIDENCE_REUSED : EVIDENCE_CITIZEN;
      }
    }
  }
  const servicePartners: Csr = { offsets: partnerOffsets, targets: partnerTargets };
  const serviceFunctions: Csr = { offsets: functionOffsets, targets: functionTargets };
  const serviceNeeds: Csr = { offsets: needOffsets, targets: needTargets };
  const serviceSegments: Csr = { offsets: segmentOffsets, targets: segmentTargets };
  const serviceRegions: Csr = { offsets: regionOffsets, targets: regionTargets };
  const serviceEvidence: Csr = { offsets: evidenceOffsets, targets: evidenceTargets };
  const evidenceIssuer = new Int32Array(evidence.ids.length);
  for (let i = 0; i < evidenceIssuer.length; i++) {
    const issuerId = model.evidence[i]!.issuerId;
    evidenceIssuer[i] = issuerId === undefined ? -1 : lookup(departments, issuerId, "evidence", i, "issuerId");
  }

  const pointRegion = new Int32Array(points.ids.length);
  for (let i = 0; i < pointRegion.length; i++) {
    pointRegion[i] = lookup(regions, model.servicePoints[i]!.regionId, "servicePoints", i, "regionId");
  }
  const pointServices = listRelation(model.servicePoints, (p) => p.serviceIds, services, "servicePoints", "serviceIds");
  const evidenceServices = transpose(serviceEvidence, evidence.ids.length, serviceEvidenceSources);

  return {
    model,
    regions,
    segments,
    departments,
    functions,
    services,
    needs,
    evidence,
    points,
    regionTree: buildTree(regionParent),
    departmentTree: buildTree(departmentParent),
    departmentRegion,
    regionDepartments: plain(csrFromPairs(nRegions, departmentRegion, identity(nDepartments))),
    departmentFunctions: plain(byDepartment),
    departmentFunctionRoles: byDepartment.values!,
    functionDepartments: plain(byFunction),
    functionDepartmentRoles: byFunction.values!,
    serviceDepartment,
    departmentServices: plain(csrFromPairs(nDepartments, serviceDepartment, identity(nServices))),
    servicePartners,
    departmentPartnerServices: plain(transpose(servicePartners, nDepartments)),
    serviceFunctions,
    functionServices: plain(transpose(serviceFunctions, nFunctions)),
    serviceNeeds,
    needServices: plain(transpose(serviceNeeds, needs.ids.length)),
    serviceSegments,
    segmentServices: plain(transpose(serviceSegments, segments.ids.length)),
    serviceRegions,
    regionServices: plain(transpose(serviceRegions, nRegions)),
    serviceEvidence,
    serviceEvidenceSources,
    evidenceServices: plain(evidenceServices),
    evidenceServiceSources: evidenceServices.values!,
    evidenceIssuer,
    departmentEvidence: plain(csrFromPairs(nDepartments, evidenceIssuer, identity(evidence.ids.length))),
    pointServices,
    servicePoints: plain(transpose(pointServices, nServices)),
    pointRegion,
    regionPoints: plain(csrFromPairs(nRegions, pointRegion, identity(points.ids.length))),
  };
}

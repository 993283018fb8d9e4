/**
 * Model index
 * ===========
 * Dense integer ids and compressed sparse row (CSR) adjacency, built by counting sort in O(records + references);
 * ancestor tests in O(1) (./tree.ts).
 */
import type { Model } from "../schemas/model.js";
import { csrFromPairs, transpose, type Csr } from "./csr.js";
import { idTable, listRelation, lookup, referenceColumn, unknownId, type IdTable } from "./id-table.js";
import { serviceRelations } from "./service-relations.js";
import { buildTree, identity, plain, type Tree } from "./tree.js";
import { requireModel } from "../model/require-model.js";
import { baseOf } from "../model/lineage.js";
import { indexBase, keptAssignments, keptServices, type IndexBase } from "./index-from-base.js";
import { describeArgument, type ArgumentRule } from "../guard.js";
import { int32s, uint32s, uint8s } from "../typed-arrays.js";

/** The role code of a lead assignment in {@link ModelIndex.departmentFunctionRoles} and `functionDepartmentRoles`. */
export const ROLE_LEAD = 0;
/** The role code of a support assignment in {@link ModelIndex.departmentFunctionRoles} and `functionDepartmentRoles`. */
export const ROLE_SUPPORT = 1;

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

/**
 * Builds the compact integer index of a valid model that the analyses run on.
 * The index of a frozen model (as `validateModel`, `parseModel` and every edit return) is built once and cached,
 * so analyses run one after another share it; treat its typed arrays as read-only. In Node, arrays of 1 MB or more
 * of a model whose heap passes 256 MB sit on a `SharedArrayBuffer`, so that a national model's index does not start
 * full garbage collections (see docs/architecture.md): `structuredClone` and `postMessage` share such an array
 * instead of copying it (a clone's writes would change the cached index), and it cannot be transferred.
 * @example
 * const index = indexModel(model);
 * const bureaus = getRow(index.functionDepartments, index.functions.of.get("f-licence")!);
 */
export function indexModel(model: Model): ModelIndex {
  model = requireModel("indexModel", model);
  // A frozen model cannot change, so its index is built once and shared by every analysis that asks.
  if (!Object.isFrozen(model)) return buildIndex(model);
  let index = cache.get(model);
  if (index) return index;
  // A model made from another by a scenario or an edit copies what it shares with that model's index.
  const base = baseOf(model);
  cache.set(model, (index = buildIndex(model, base && cache.get(base))));
  return index;
}

const cache = new WeakMap<Model, ModelIndex>();

/** An index that {@link indexModel} returned (it caches every index it builds, by model). @internal */
export const isModelIndex: ArgumentRule = (v) =>
  typeof v === "object" && v !== null && cache.get((v as ModelIndex).model) === v ? undefined : `must be the index of a model, as indexModel returns, got ${describeArgument(v)}`;

/** Each department's supervising department (-1 for none) and jurisdiction region. */
function departmentColumns(model: Model, regions: IdTable, departments: IdTable) {
  const departmentParent = int32s(model.departments.length);
  const departmentRegion = int32s(model.departments.length);
  for (let i = 0; i < departmentParent.length; i++) {
    const d = model.departments[i]!;
    departmentParent[i] = d.parentId === undefined ? -1 : lookup(departments, d.parentId, "departments", i, "parentId");
    departmentRegion[i] = lookup(regions, d.regionId, "departments", i, "regionId");
  }
  return { departmentParent, departmentRegion };
}

/** The assignments as parallel arrays of department, function and role codes (those of the base's kept ones copied). */
function assignmentPairs(model: Model, departments: IdTable, functions: IdTable, b: IndexBase | undefined) {
  const n = model.assignments.length;
  const kept = b && keptAssignments(model, b);
  const department = kept?.department ?? int32s(n);
  const fn = kept?.fn ?? uint32s(n);
  const role = kept?.role ?? uint8s(n);
  // Assignments come sorted by department: reuse the previous lookup while the department does not change.
  let lastId: string | undefined;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (kept && department[i]! >= 0) continue;
    const a = model.assignments[i]!;
    if (a.departmentId !== lastId) {
      const d = departments.of.get(a.departmentId);
      last = d === undefined ? unknownId(a.departmentId, "assignments", i, "departmentId") : d;
      lastId = a.departmentId;
    }
    const f = functions.of.get(a.functionId);
    department[i] = last;
    fn[i] = f === undefined ? unknownId(a.functionId, "assignments", i, "functionId") : f;
    role[i] = a.role === "support" ? ROLE_SUPPORT : ROLE_LEAD;
  }
  return { department, fn, role };
}

/** The relations of the service points: the base's when the points, the services' ids and the regions are the same. */
function pointRelations(model: Model, tables: { regions: IdTable; services: IdTable }, b: IndexBase | undefined) {
  const base = b?.index;
  if (base && base.model.servicePoints === model.servicePoints && base.services === tables.services && base.regions === tables.regions) {
    return { pointServices: base.pointServices, servicePoints: base.servicePoints, pointRegion: base.pointRegion, regionPoints: base.regionPoints };
  }
  const pointRegion = referenceColumn(model.servicePoints, (p) => p.regionId, tables.regions, "servicePoints", "regionId");
  const pointServices = listRelation(model.servicePoints, (p) => p.serviceIds, tables.services, "servicePoints", "serviceIds");
  return {
    pointServices,
    servicePoints: plain(transpose(pointServices, tables.services.ids.length)),
    pointRegion,
    regionPoints: plain(csrFromPairs(tables.regions.ids.length, pointRegion, identity(pointRegion.length))),
  };
}

function buildIndex(model: Model, baseIndex?: ModelIndex): ModelIndex {
  const tables = {
    regions: idTable(model.regions),
    segments: idTable(model.segments),
    departments: idTable(model.departments),
    functions: idTable(model.functions),
    services: idTable(model.services),
    needs: idTable(model.needs),
    evidence: idTable(model.evidence),
    points: idTable(model.servicePoints),
  };
  const { regions, departments, functions } = tables;
  const nRegions = regions.ids.length;
  const nDepartments = departments.ids.length;
  const b = indexBase(model, baseIndex, tables);
  const { departmentParent, departmentRegion } = departmentColumns(model, regions, departments);
  const pairs = assignmentPairs(model, departments, functions, b);
  const byDepartment = csrFromPairs(nDepartments, pairs.department, pairs.fn, pairs.role);
  const byFunction = csrFromPairs(functions.ids.length, pairs.fn, pairs.department, pairs.role);
  const s = serviceRelations(model, tables, departmentRegion, b && keptServices(model, b));
  const evidenceIssuer = referenceColumn(model.evidence, (e) => e.issuerId, departments, "evidence", "issuerId");
  const evidenceServices = transpose(s.serviceEvidence, tables.evidence.ids.length, s.serviceEvidenceSources);
  const reverse = (csr: Csr, columns: IdTable) => plain(transpose(csr, columns.ids.length));
  const byRow = (rows: number, of: Int32Array) => plain(csrFromPairs(rows, of, identity(of.length)));
  return {
    model,
    ...tables,
    regionTree: b?.index.model.regions === model.regions ? b.index.regionTree : buildTree(referenceColumn(model.regions, (r) => r.parentId, regions, "regions", "parentId")),
    departmentTree: buildTree(departmentParent),
    departmentRegion,
    regionDepartments: byRow(nRegions, departmentRegion),
    departmentFunctions: plain(byDepartment),
    departmentFunctionRoles: byDepartment.values!,
    functionDepartments: plain(byFunction),
    functionDepartmentRoles: byFunction.values!,
    ...s,
    departmentServices: byRow(nDepartments, s.serviceDepartment),
    departmentPartnerServices: reverse(s.servicePartners, departments),
    functionServices: reverse(s.serviceFunctions, functions),
    needServices: reverse(s.serviceNeeds, tables.needs),
    segmentServices: reverse(s.serviceSegments, tables.segments),
    regionServices: reverse(s.serviceRegions, regions),
    evidenceServices: plain(evidenceServices),
    evidenceServiceSources: evidenceServices.values!,
    evidenceIssuer,
    departmentEvidence: byRow(nDepartments, evidenceIssuer),
    ...pointRelations(model, tables, b),
  };
}

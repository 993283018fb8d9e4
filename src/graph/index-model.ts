import { GovGraphError } from "../errors.js";
import type { Model } from "../schemas/model.js";
import { buildCsr, transpose, type Csr } from "./csr.js";

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
   * The regions each service serves, with their sub-regions: its `regionIds`, or, when absent,
   * its department's jurisdiction.
   */
  readonly serviceRegions: Csr;
  readonly pointServices: Csr;
  readonly servicePoints: Csr;
  /** Each service point's region. */
  readonly pointRegion: Int32Array;
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

function lookup(table: IdTable, id: string, where: string): number {
  const i = table.of.get(id);
  if (i === undefined) {
    throw new GovGraphError("invalid_model", `indexModel: ${where} refers to unknown id "${id}". Run validateModel first.`);
  }
  return i;
}

function buildTree(parentOf: Int32Array): Tree {
  const n = parentOf.length;
  const children = buildCsr(n, (emit) => {
    for (let i = 0; i < n; i++) if (parentOf[i]! >= 0) emit(parentOf[i]!, i);
  });
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

/**
 * Builds the compact integer index of a valid model that the analyses run on.
 * @example
 * const index = indexModel(model);
 * const bureaus = row(index.functionDepartments, index.functions.of.get("f-licence")!);
 */
export function indexModel(model: Model): ModelIndex {
  const regions = idTable(model.regions);
  const segments = idTable(model.segments);
  const departments = idTable(model.departments);
  const functions = idTable(model.functions);
  const services = idTable(model.services);
  const needs = idTable(model.needs);
  const evidence = idTable(model.evidence);
  const points = idTable(model.servicePoints);

  const regionParent = new Int32Array(model.regions.length);
  model.regions.forEach((r, i) => {
    regionParent[i] = r.parentId === undefined ? -1 : lookup(regions, r.parentId, `regions[${i}].parentId`);
  });
  const departmentParent = new Int32Array(model.departments.length);
  const departmentRegion = new Int32Array(model.departments.length);
  model.departments.forEach((d, i) => {
    departmentParent[i] = d.parentId === undefined ? -1 : lookup(departments, d.parentId, `departments[${i}].parentId`);
    departmentRegion[i] = lookup(regions, d.regionId, `departments[${i}].regionId`);
  });
  const regionDepartments = buildCsr(regions.ids.length, (emit) => {
    for (let i = 0; i < departmentRegion.length; i++) emit(departmentRegion[i]!, i);
  });

  const assignmentDept = new Uint32Array(model.assignments.length);
  const assignmentFn = new Uint32Array(model.assignments.length);
  model.assignments.forEach((a, i) => {
    assignmentDept[i] = lookup(departments, a.departmentId, `assignments[${i}].departmentId`);
    assignmentFn[i] = lookup(functions, a.functionId, `assignments[${i}].functionId`);
  });
  const departmentFunctions = buildCsr(departments.ids.length, (emit) => {
    for (let i = 0; i < assignmentDept.length; i++) emit(assignmentDept[i]!, assignmentFn[i]!);
  });
  const departmentFunctionRoles = new Uint8Array(model.assignments.length);
  const functionDepartments = buildCsr(functions.ids.length, (emit) => {
    for (let i = 0; i < assignmentFn.length; i++) emit(assignmentFn[i]!, assignmentDept[i]!);
  });
  const functionDepartmentRoles = new Uint8Array(model.assignments.length);
  {
    const byDept = departmentFunctions.offsets.slice(0, departments.ids.length);
    const byFn = functionDepartments.offsets.slice(0, functions.ids.length);
    model.assignments.forEach((a, i) => {
      const role = a.role === "support" ? ROLE_SUPPORT : ROLE_LEAD;
      departmentFunctionRoles[byDept[assignmentDept[i]!]!++] = role;
      functionDepartmentRoles[byFn[assignmentFn[i]!]!++] = role;
    });
  }

  const serviceDepartment = new Int32Array(model.services.length);
  model.services.forEach((s, i) => {
    serviceDepartment[i] = lookup(departments, s.departmentId, `services[${i}].departmentId`);
  });
  const departmentServices = buildCsr(departments.ids.length, (emit) => {
    for (let i = 0; i < serviceDepartment.length; i++) emit(serviceDepartment[i]!, i);
  });
  const relation = (table: IdTable, ids: (i: number) => readonly string[] | undefined, field: string): Csr =>
    buildCsr(services.ids.length, (emit) => {
      for (let i = 0; i < model.services.length; i++) {
        const list = ids(i);
        if (list) list.forEach((id, k) => emit(i, lookup(table, id, `services[${i}].${field}[${k}]`)));
      }
    });
  const servicePartners = relation(departments, (i) => model.services[i]!.partnerIds, "partnerIds");
  const serviceFunctions = relation(functions, (i) => model.services[i]!.functionIds, "functionIds");
  const serviceNeeds = relation(needs, (i) => model.services[i]!.needIds, "needIds");
  const serviceSegments = relation(segments, (i) => model.services[i]!.segmentIds, "segmentIds");
  const serviceRegions = buildCsr(services.ids.length, (emit) => {
    for (let i = 0; i < model.services.length; i++) {
      const list = model.services[i]!.regionIds;
      if (list) list.forEach((id, k) => emit(i, lookup(regions, id, `services[${i}].regionIds[${k}]`)));
      else emit(i, departmentRegion[serviceDepartment[i]!]!);
    }
  });

  const pointRegion = new Int32Array(model.servicePoints.length);
  model.servicePoints.forEach((p, i) => {
    pointRegion[i] = lookup(regions, p.regionId, `servicePoints[${i}].regionId`);
  });
  const pointServices = buildCsr(points.ids.length, (emit) => {
    model.servicePoints.forEach((p, i) =>
      p.serviceIds.forEach((id, k) => emit(i, lookup(services, id, `servicePoints[${i}].serviceIds[${k}]`))),
    );
  });

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
    regionDepartments,
    departmentFunctions,
    departmentFunctionRoles,
    functionDepartments,
    functionDepartmentRoles,
    serviceDepartment,
    departmentServices,
    servicePartners,
    departmentPartnerServices: transpose(servicePartners, departments.ids.length),
    serviceFunctions,
    functionServices: transpose(serviceFunctions, functions.ids.length),
    serviceNeeds,
    needServices: transpose(serviceNeeds, needs.ids.length),
    serviceSegments,
    segmentServices: transpose(serviceSegments, segments.ids.length),
    serviceRegions,
    pointServices,
    servicePoints: transpose(pointServices, services.ids.length),
    pointRegion,
  };
}

/**
 * An index from its base's
 * ========================
 * What the index of a model made from another by a scenario or an edit (lineage.ts) copies from the index of the
 * model it was made from, instead of looking ids up again: the rows of every service and assignment that is the same
 * record, with departments renumbered, and the relations of unchanged collections (docs/scenarios.md, "What-if").
 * @internal
 * @module
 */
import { collectionDiff, type CollectionDiff } from "../model/lineage.js";
import type { Model } from "../schemas/model.js";
import type { Csr } from "./csr.js";
import type { IdTable } from "./id-table.js";
import type { KeptServices, ServiceRelations } from "./service-relations.js";
import type { Tree } from "./tree.js";

type Tables = Record<"regions" | "segments" | "functions" | "needs" | "evidence" | "services", IdTable>;

/** What this module and the index builder read of the base model's index (a `ModelIndex`). @internal */
export interface BaseIndex extends ServiceRelations, Tables {
  readonly model: Model;
  readonly regionTree: Tree;
  readonly departmentFunctions: Csr;
  readonly departmentFunctionRoles: Uint8Array;
  readonly pointServices: Csr;
  readonly servicePoints: Csr;
  readonly pointRegion: Int32Array;
  readonly regionPoints: Csr;
}

/** The base model's index, and how the departments moved. @internal */
export interface IndexBase {
  index: BaseIndex;
  departments: CollectionDiff;
  /** 1 for a base department kept as the same record. */
  keptDepartment: Uint8Array;
}

/** The base of `model`'s index, when the base model's index uses the same tables for what services and assignments name. @internal */
export function indexBase(model: Model, baseIndex: BaseIndex | undefined, tables: Tables): IndexBase | undefined {
  if (!baseIndex) return undefined;
  const same = (["regions", "segments", "functions", "needs", "evidence"] as const).every((t) => tables[t] === baseIndex[t]);
  if (!same) return undefined;
  const base = baseIndex.model;
  const departments = collectionDiff(model, base, "departments");
  const keptDepartment = new Uint8Array(base.departments.length);
  departments.to.forEach((d, b) => (keptDepartment[b] = d >= 0 && model.departments[d] === base.departments[b] ? 1 : 0));
  return { index: baseIndex, departments, keptDepartment };
}

/** The services whose rows are copied from the base's: the same record, its department the same record, every partner still there. @internal */
export function keptServices(model: Model, b: IndexBase): KeptServices {
  const base = b.index.model;
  const { from } = collectionDiff(model, base, "services");
  const { serviceDepartment, servicePartners } = b.index;
  const to = b.departments.to;
  const keptFrom = new Int32Array(model.services.length).fill(-1);
  for (let i = 0; i < keptFrom.length; i++) {
    const s = from[i]!;
    if (s < 0 || model.services[i] !== base.services[s] || !b.keptDepartment[serviceDepartment[s]!]) continue;
    let partners = true;
    for (let k = servicePartners.offsets[s]!; k < servicePartners.offsets[s + 1]! && partners; k++) partners = to[servicePartners.targets[k]!]! >= 0;
    if (partners) keptFrom[i] = s;
  }
  return { keptFrom, relations: b.index, departmentTo: to };
}

/**
 * For each assignment that is the same record as one of the base's whose department is still there, that base
 * assignment's department (renumbered), function and role; -1 as department for the others. The base index's
 * department-function rows hold the base's assignments in order (they are sorted by department). @internal
 */
export function keptAssignments(model: Model, b: IndexBase): { department: Int32Array; fn: Uint32Array; role: Uint8Array } {
  const base = b.index.model;
  const { offsets, targets } = b.index.departmentFunctions;
  const roles = b.index.departmentFunctionRoles;
  const { from } = collectionDiff(model, base, "assignments");
  const n = model.assignments.length;
  const out = { department: new Int32Array(n).fill(-1), fn: new Uint32Array(n), role: new Uint8Array(n) };
  const baseDepartment = new Int32Array(targets.length);
  for (let d = 0; d + 1 < offsets.length; d++) baseDepartment.fill(d, offsets[d]!, offsets[d + 1]!);
  for (let i = 0; i < n; i++) {
    const a = from[i]!;
    if (a < 0 || model.assignments[i] !== base.assignments[a]) continue;
    out.department[i] = b.departments.to[baseDepartment[a]!]!;
    out.fn[i] = targets[a]!;
    out.role[i] = roles[a]!;
  }
  return out;
}

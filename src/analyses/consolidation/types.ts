/**
 * The report of `suggestConsolidation`: merge candidates and small departments (docs/duplication.md,
 * "Consolidation").
 * @module
 */
import type { DepartmentId, FunctionId, RegionId } from "../../schemas/ids.js";

/** A group of departments that overlap or duplicate each other: a merge candidate. */
export interface ConsolidationCluster {
  departmentIds: DepartmentId[];
  regionIds: RegionId[];
  /** Functions duplicated between members, which a merge would stop duplicating. */
  removesDuplication: FunctionId[];
  /** Links inside the cluster (overlapping or duplicate pairs) and their mean weight. */
  links: number;
  meanOverlap: number;
  /** Staff and budget of the members: sums of the known figures, null when no member has one. */
  staff: { authorized: number | null; actual: number | null };
  budget: number | null;
  /** Members with no figure for each (left out of the sums above). */
  unknown: { authorized: number; actual: number; budget: number };
}

/** A small department and the department it could be folded into. */
export interface SmallDepartment {
  departmentId: DepartmentId;
  functions: number;
  /** Actual staff, else authorized; null when unknown. */
  staff: number | null;
  into: DepartmentId;
  /** Why that department: the highest overlap, the supervising department, or the largest in the same region. */
  reason: "highest_overlap" | "parent" | "same_region";
  /** The overlap score with `into` (0 unless the reason is `highest_overlap`). */
  score: number;
}

/** What `suggestConsolidation` returns: plain JSON, sorted. */
export interface ConsolidationReport {
  clusters: ConsolidationCluster[];
  smallDepartments: SmallDepartment[];
  summary: { departments: number; linked: number; clusters: number; smallDepartments: number; modularity: number };
}

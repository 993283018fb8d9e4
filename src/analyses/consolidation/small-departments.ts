/**
 * Small departments (few functions, and few staff when known) and the department each could be folded into: the
 * one it overlaps most, else its supervising department, else the largest in its region (the essay's "county
 * meteorological bureau" case; docs/duplication.md, "Consolidation").
 * @internal
 * @module
 */
import { row } from "../../graph/csr.js";
import type { ModelIndex } from "../../graph/index-model.js";
import type { DepartmentId } from "../../schemas/ids.js";
import type { OverlapGraph } from "./overlap-graph.js";
import type { SmallDepartment } from "./types.js";

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Every small department with somewhere to go, in department order. @internal */
export function smallDepartments(index: ModelIndex, g: OverlapGraph, limits: { smallFunctions: number; smallStaff: number }): SmallDepartment[] {
  const out: SmallDepartment[] = [];
  const D = index.departments.ids as DepartmentId[];
  const functionCount = (d: number) => index.departmentFunctions.offsets[d + 1]! - index.departmentFunctions.offsets[d]!;
  for (let d = 0; d < D.length; d++) {
    const dept = index.model.departments[d]!;
    const functions = functionCount(d);
    const staff = dept.staff?.actual ?? dept.staff?.authorized ?? null;
    if (functions >= limits.smallFunctions || (staff !== null && staff >= limits.smallStaff)) continue;
    let into = -1;
    let reason: SmallDepartment["reason"] = "highest_overlap";
    let score = 0;
    if (g.bestOther[d]! >= 0) {
      into = g.bestOther[d]!;
      score = round(g.bestScore[d]!);
    } else if (index.departmentTree.parent[d]! >= 0) {
      into = index.departmentTree.parent[d]!;
      reason = "parent";
    } else {
      reason = "same_region";
      for (const e of row(index.regionDepartments, index.departmentRegion[d]!)) {
        if (e !== d && (into < 0 || functionCount(e) > functionCount(into))) into = e;
      }
    }
    if (into >= 0) out.push({ departmentId: D[d]!, functions, staff, into: D[into]!, reason, score });
  }
  return out;
}

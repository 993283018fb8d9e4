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

/**
 * For each region, the first of its departments with the most functions, and the first with the most among the
 * others: the largest department of a region other than `d` is then one of the two, found in constant time.
 */
function largestInRegions(index: ModelIndex, functionCount: (d: number) => number): { first: Int32Array; second: Int32Array } {
  const nRegions = index.regions.ids.length;
  const first = new Int32Array(nRegions).fill(-1);
  const second = new Int32Array(nRegions).fill(-1);
  for (let r = 0; r < nRegions; r++) {
    for (const e of row(index.regionDepartments, r)) {
      if (first[r]! < 0 || functionCount(e) > functionCount(first[r]!)) {
        // The former first stays ahead of every later department with its count.
        if (first[r]! >= 0 && (second[r]! < 0 || functionCount(first[r]!) > functionCount(second[r]!) || first[r]! < second[r]!)) second[r] = first[r]!;
        first[r] = e;
      } else if (second[r]! < 0 || functionCount(e) > functionCount(second[r]!)) second[r] = e;
    }
  }
  return { first, second };
}

/** Every small department with somewhere to go, in department order. @internal */
export function smallDepartments(index: ModelIndex, g: OverlapGraph, limits: { smallFunctions: number; smallStaff: number }): SmallDepartment[] {
  const out: SmallDepartment[] = [];
  const D = index.departments.ids as DepartmentId[];
  const functionCount = (d: number) => index.departmentFunctions.offsets[d + 1]! - index.departmentFunctions.offsets[d]!;
  const largest = largestInRegions(index, functionCount);
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
      const r = index.departmentRegion[d]!;
      into = largest.first[r] === d ? largest.second[r]! : largest.first[r]!;
    }
    if (into >= 0) out.push({ departmentId: D[d]!, functions, staff, into: D[into]!, reason, score });
  }
  return out;
}

/**
 * Each department's sets for overlap: the functions it holds (in the counted roles), the needs and segments of
 * the active services it provides or partners, and the inverted lists (function -> holders, need -> departments)
 * in (region, department) order, from which candidate pairs are drawn (Bayardo, Ma, Srikant, "Scaling up all
 * pairs similarity search", WWW 2007).
 * @internal
 * @module
 */
import { buildCsr, row, type Csr } from "../../graph/csr.js";
import type { DuplicationContext } from "./context.js";
import { HolderLists } from "./holder-lists.js";

/** The sets and inverted lists overlap compares. @internal */
export interface DepartmentSets {
  /** Functions held in the counted roles, each row sorted. */
  functions: Csr;
  /** Needs met by each department's active services, sorted. */
  needs: Uint32Array[];
  /** Segments targeted by each department's active services, sorted. */
  segments: Uint32Array[];
  /** Holders of each function, in (region pre-order, department) order. */
  functionHolders: HolderLists;
  /** Departments meeting each need, in (region pre-order, department) order. */
  needDepartments: HolderLists;
}

/** The needs and segments of each department's active services (own and partnered), each list sorted. */
function servedSets(ctx: DuplicationContext): { needs: Uint32Array[]; segments: Uint32Array[] } {
  const { index, active, nD } = ctx;
  const { offsets: snOffsets, targets: snTargets } = index.serviceNeeds;
  const { offsets: sgOffsets, targets: sgTargets } = index.serviceSegments;
  const needMark = new Int32Array(ctx.nN).fill(-1);
  const segMark = new Int32Array(index.segments.ids.length).fill(-1);
  const needList: number[] = [];
  const segList: number[] = [];
  const collect = (offsets: Uint32Array, targets: Uint32Array, s: number, d: number, mark: Int32Array, list: number[]) => {
    for (let x = offsets[s]!; x < offsets[s + 1]!; x++) {
      const t = targets[x]!;
      if (mark[t] !== d) {
        mark[t] = d;
        list.push(t);
      }
    }
  };
  const visit = (services: Uint32Array, d: number) => {
    for (let k = 0; k < services.length; k++) {
      const s = services[k]!;
      if (!active[s]) continue;
      collect(snOffsets, snTargets, s, d, needMark, needList);
      collect(sgOffsets, sgTargets, s, d, segMark, segList);
    }
  };
  const needs: Uint32Array[] = new Array(nD);
  const segments: Uint32Array[] = new Array(nD);
  for (let d = 0; d < nD; d++) {
    needList.length = 0;
    segList.length = 0;
    visit(row(index.departmentServices, d), d);
    visit(row(index.departmentPartnerServices, d), d);
    needs[d] = Uint32Array.from(needList).sort();
    segments[d] = Uint32Array.from(segList).sort();
  }
  return { needs, segments };
}

/** Builds every department's sets and the inverted lists. @internal */
export function departmentSets(ctx: DuplicationContext): DepartmentSets {
  const { index, nD, deptRegion, allowRole } = ctx;
  // Departments in (region pre-order, id) order, so each inverted list below is sorted that way.
  const pre = index.regionTree.preorder;
  const byRegion = Uint32Array.from(index.departments.ids.keys()).sort((x, y) => pre[deptRegion[x]!]! - pre[deptRegion[y]!]! || x - y);
  const { offsets: dfOffsets, targets: dfTargets } = index.departmentFunctions;
  const dfRoles = index.departmentFunctionRoles;
  const functions = buildCsr(nD, (emit) => {
    for (let d = 0; d < nD; d++) for (let k = dfOffsets[d]!; k < dfOffsets[d + 1]!; k++) if (allowRole[dfRoles[k]!]) emit(d, dfTargets[k]!);
  });
  for (let d = 0; d < nD; d++) functions.targets.subarray(functions.offsets[d]!, functions.offsets[d + 1]!).sort();
  const { needs, segments } = servedSets(ctx);
  const functionHolders = new HolderLists(ctx.nF, byRegion, (d) => row(functions, d), deptRegion, index.regionTree);
  const needDepartments = new HolderLists(ctx.nN, byRegion, (d) => needs[d]!, deptRegion, index.regionTree);
  return { functions, needs, segments, functionHolders, needDepartments };
}

/**
 * Function duplication: the same function held as `lead` by two or more departments whose jurisdictions overlap,
 * horizontal (the same region) or vertical (a region and its ancestors: the same work at every level), after
 * GAO-15-49SP (docs/duplication.md). The same function in disjoint jurisdictions is not duplication.
 * @internal
 * @module
 */
import { ROLE_LEAD } from "../../graph/index-model.js";
import type { DuplicationContext } from "./context.js";
import { frozenCopy, NONE, reportCopy, type KeptDuplication } from "./kept-findings.js";
import type { DuplicationFinding, FunctionDuplication } from "./types.js";

/** Adds the function-duplication findings to `out` and their department pairs to the context. @internal */
export function findFunctionDuplication(ctx: DuplicationContext, out: DuplicationFinding[]): void {
  const leads: number[] = [];
  for (let f = 0; f < ctx.nF; f++) {
    const kept = ctx.prior?.duplicates(f);
    const found = kept ?? findingsOf(ctx, f, leads);
    for (const { finding, members } of found) {
      out.push(ctx.internal ? (finding as FunctionDuplication) : reportCopy(finding));
      ctx.duplicates.add(Array.from(members), [f], finding.scope === "vertical");
    }
    if (ctx.log) ctx.log.functionDuplicates[f] = found;
  }
  if (ctx.log) ctx.log.duplicatesDone = true;
}

/**
 * The findings of function `f`, horizontal (its leads in one region) and vertical (along a chain of regions), with
 * their departments as dense indexes.
 */
function findingsOf(ctx: DuplicationContext, f: number, leads: number[]): readonly KeptDuplication[] {
  const { chains, D, R, F, deptRegion } = ctx;
  const { offsets: fdOffsets, targets: fdTargets } = ctx.index.functionDepartments;
  const fdRoles = ctx.index.functionDepartmentRoles;
  leads.length = 0;
  for (let k = fdOffsets[f]!; k < fdOffsets[f + 1]!; k++) if (fdRoles[k] === ROLE_LEAD) leads.push(fdTargets[k]!);
  if (leads.length < 2) return NONE;
  const found: KeptDuplication[] = [];
  const add = (ids: number[], finding: FunctionDuplication) => found.push({ finding: frozenCopy(finding), members: Int32Array.from(ids) });
  chains.load(leads, deptRegion, true);
  for (const r of chains.regions) {
    if (ctx.horizontalOk && chains.end[r]! - chains.begin[r]! >= 2) {
      const ids = chains.here(r);
      add(ids, { kind: "function", id: F[f]!, departmentIds: ids.map((d) => D[d]!), scope: "horizontal", regionIds: [R[r]!] });
    }
    // Only cross-level pairs are vertical duplicates; same-level pairs belong to the horizontal findings.
    if (ctx.verticalOk && chains.up[r]! >= 0 && !chains.inner[r]) {
      const ids = chains.chainItems(r);
      add(ids, { kind: "function", id: F[f]!, departmentIds: ids.map((d) => D[d]!), scope: "vertical", regionIds: ctx.regionIds(chains.chainRegions(r)) });
    }
  }
  return found;
}

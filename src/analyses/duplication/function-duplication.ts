/**
 * Function duplication: the same function held as `lead` by two or more departments whose jurisdictions overlap,
 * horizontal (the same region) or vertical (a region and its ancestors: the same work at every level), after
 * GAO-15-49SP (docs/duplication.md). The same function in disjoint jurisdictions is not duplication.
 * @internal
 * @module
 */
import { ROLE_LEAD } from "../../graph/index-model.js";
import type { DuplicationContext } from "./context.js";
import type { DuplicationFinding } from "./types.js";

/** Adds the function-duplication findings to `out` and their department pairs to the context. @internal */
export function findFunctionDuplication(ctx: DuplicationContext, out: DuplicationFinding[]): void {
  const { chains, D, R, F, deptRegion } = ctx;
  const { offsets: fdOffsets, targets: fdTargets } = ctx.index.functionDepartments;
  const fdRoles = ctx.index.functionDepartmentRoles;
  const leads: number[] = [];
  for (let f = 0; f < ctx.nF; f++) {
    leads.length = 0;
    for (let k = fdOffsets[f]!; k < fdOffsets[f + 1]!; k++) if (fdRoles[k] === ROLE_LEAD) leads.push(fdTargets[k]!);
    if (leads.length < 2) continue;
    chains.load(leads, deptRegion, true);
    for (const r of chains.regions) {
      if (ctx.horizontalOk && chains.end[r]! - chains.begin[r]! >= 2) {
        const ids = chains.here(r);
        out.push({ kind: "function", id: F[f]!, departmentIds: ids.map((d) => D[d]!), scope: "horizontal", regionIds: [R[r]!] });
        ctx.duplicates.add(ids, [f], false);
      }
      if (ctx.verticalOk && chains.up[r]! >= 0 && !chains.inner[r]) {
        const ids = chains.chainItems(r);
        out.push({ kind: "function", id: F[f]!, departmentIds: ids.map((d) => D[d]!), scope: "vertical", regionIds: ctx.regionIds(chains.chainRegions(r)) });
        // Only cross-level pairs are vertical duplicates; same-level pairs belong to the horizontal findings.
        ctx.duplicates.add(ids, [f], true);
      }
    }
  }
}

/**
 * The duplication report: the findings sorted by id (plain JSON, deterministic), and the counts and shares of
 * its summary (docs/duplication.md).
 * @internal
 * @module
 */
import { compareIds } from "../../model/records.js";
import { missing, ratio } from "../measured.js";
import type { DuplicationContext } from "./context.js";
import type { DuplicationFinding, DuplicationPart, DuplicationReport, DuplicationSummary, FragmentationFinding, NearDuplicateFunction, OverlapFinding } from "./types.js";

const PARTS: readonly DuplicationPart[] = ["fragmentation", "duplication", "overlap", "nearDuplicateFunctions"];

const byList = (a: readonly string[], b: readonly string[]) => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareIds(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
};
const findingKey = (x: DuplicationFinding) => (x.kind === "function" ? [x.kind, x.id, x.scope] : [x.kind, ...x.ids.slice(0, 1), x.scope]);
const findingRest = (x: DuplicationFinding) => (x.kind === "function" ? x.departmentIds : [...x.ids, "|", ...x.shared.regionIds]);

/** The counts and shares of a report's findings. */
function summarize(ctx: DuplicationContext, findings: Omit<DuplicationReport, "summary">): DuplicationSummary {
  const { offsets } = ctx.index.functionDepartments;
  let heldFunctions = 0;
  const held = new Uint8Array(ctx.nF);
  for (let f = 0; f < ctx.nF; f++) {
    if (offsets[f + 1]! > offsets[f]!) {
      held[f] = 1;
      heldFunctions++;
    }
  }
  const duplicated = new Set<string>();
  const duplicatedServices = new Set<string>();
  for (const x of findings.duplication) {
    if (x.kind === "function") duplicated.add(x.id);
    else for (const s of x.ids) duplicatedServices.add(s);
  }
  const fragmentedFunctions = new Set<string>();
  const fragmentedNeeds = new Set<string>();
  let fragmentedHeld = 0;
  for (const x of findings.fragmentation) {
    if (x.kind === "need") fragmentedNeeds.add(x.id);
    else if (!fragmentedFunctions.has(x.id)) {
      fragmentedFunctions.add(x.id);
      if (held[ctx.index.functions.of.get(x.id)!]) fragmentedHeld++;
    }
  }
  const has = (part: DuplicationPart) => ctx.include.has(part);
  const count = (part: DuplicationPart, n: number) => (has(part) ? n : null);
  const basis = { unit: "functions", known: heldFunctions, total: ctx.nF, records: "functions" } as const;
  const share = (part: DuplicationPart, n: number) => (has(part) ? ratio(n, heldFunctions, basis) : missing("not_computed", basis));
  return {
    functions: ctx.nF,
    heldFunctions,
    duplicatedFunctions: count("duplication", duplicated.size),
    duplicatedShare: share("duplication", duplicated.size),
    duplicatedServices: count("duplication", duplicatedServices.size),
    fragmentedFunctions: count("fragmentation", fragmentedFunctions.size),
    fragmentedNeeds: count("fragmentation", fragmentedNeeds.size),
    fragmentedShare: share("fragmentation", fragmentedHeld),
    duplication: count("duplication", findings.duplication.length),
    fragmentation: count("fragmentation", findings.fragmentation.length),
    overlap: count("overlap", findings.overlap.length),
    nearDuplicateFunctions: count("nearDuplicateFunctions", findings.nearDuplicateFunctions.length),
    notComputed: PARTS.filter((part) => !has(part)),
  };
}

/** Sorts the findings in place and builds the report; parts left out by `include` are returned empty. @internal */
export function duplicationReport(
  ctx: DuplicationContext,
  fragmentation: FragmentationFinding[],
  duplication: DuplicationFinding[],
  overlap: OverlapFinding[],
  nearDuplicateFunctions: NearDuplicateFunction[],
): DuplicationReport {
  fragmentation.sort((a, b) => compareIds(a.kind, b.kind) || compareIds(a.id, b.id) || compareIds(a.regionId, b.regionId));
  duplication.sort((a, b) => byList(findingKey(a), findingKey(b)) || byList(findingRest(a), findingRest(b)));
  overlap.sort((a, b) => byList(a.departmentIds, b.departmentIds) || compareIds(a.basis, b.basis));
  const findings = {
    fragmentation,
    duplication: ctx.include.has("duplication") ? duplication : [],
    overlap: ctx.include.has("overlap") ? overlap : [],
    nearDuplicateFunctions,
  };
  return { ...findings, summary: summarize(ctx, findings) };
}

import { findDuplication, suggestConsolidation, type ConsolidationReport, type DuplicationOptions, type DuplicationReport, type Model } from "../../index.js";
import type { FailOn } from "../command.js";
import { listCells, listColumns, nameColumns, type NameKind, type Names } from "../names.js";
import { rowsOf, table, type Block } from "../render/document.js";
import { count, countOf, countOrUnknown, decimal, hhi, missingCell, moneyOrUnknown, similarity, type Value } from "../render/numbers.js";
import { defineSection, type SectionView } from "./section.js";

/** The duplication report with the consolidation suggestions drawn from it. @internal */
export interface DuplicatesReport extends DuplicationReport {
  consolidation: ConsolidationReport;
}

/** Finds duplication and suggests consolidation from one run of the duplication analysis. @internal */
export function findDuplicates(model: Model, options: DuplicationOptions = {}): DuplicatesReport {
  const duplication = findDuplication(model, options);
  const consolidation = suggestConsolidation(model, {
    overlapThreshold: options.overlapThreshold,
    roles: options.roles,
    duplication, // its analysis is reused, not run again
  });
  return { ...duplication, consolidation };
}

/** A count of a part that `include` may have left out: `not computed` then. */
const counted = (n: number | null): Value => (n === null ? missingCell("not_computed") : count(n));

/** What an empty findings table says: none found, or that `include` left the part out. */
const none = (found: number | null, part: string, text: string) => (found === null ? `${part} not computed (left out of --include).` : text);

function measures(r: DuplicationReport): Block {
  const s = r.summary;
  return table(
    "duplication-summary",
    [{ label: "duplication", csv: "measure" }, "value"],
    [
      ["functions held by some department", count(s.heldFunctions)],
      ["duplicated functions (of those held)", countOf(s.duplicatedFunctions, s.heldFunctions, s.duplicatedShare.value)],
      ["fragmented functions (of those held)", countOf(s.fragmentedFunctions, s.heldFunctions, s.fragmentedShare.value)],
      ["fragmented needs", counted(s.fragmentedNeeds)],
      ["duplicated services", counted(s.duplicatedServices)],
      ["duplication findings", counted(s.duplication)],
      ["fragmentation findings", counted(s.fragmentation)],
      ["overlapping department pairs", counted(s.overlap)],
      ["near-duplicate functions", counted(s.nearDuplicateFunctions)],
    ],
   { whole: true },
 );
}

function duplicationTable(r: DuplicationReport, names: Names): Block {
  // What is duplicated: one function, or services; names in text, ids to act on it.
  const what = (kind: NameKind, ids: readonly string[]) => [listCells(names, kind, ids, 8)[0], { text: ids.join(", "), value: ids.join("|"), right: false }];
  return table(
    "duplication-findings",
    ["duplicated", { label: "what", csv: "names" }, { label: "id", csv: "ids", id: true }, "scope", ...listColumns("department", "departments", true), ...listColumns("region", "where")],
    rowsOf(r.duplication, (d) =>
      d.kind === "function"
        ? ["function", ...what("function", [d.id]), d.scope, ...listCells(names, "department", d.departmentIds, 8), ...listCells(names, "region", d.regionIds, 8)]
        : ["service", ...what("service", d.ids), d.scope, ...listCells(names, "department", d.departmentIds, 8), ...listCells(names, "region", d.shared.regionIds, 8)],
    ),
    { empty: none(r.summary.duplication, "Duplication", "No duplication: no function is led twice, and no service repeated, in overlapping jurisdictions."), layout: "cards", title: "Duplication findings:" },
  );
}

function fragmentationTable(r: DuplicationReport, names: Names): Block {
  const rows = [...r.fragmentation].sort((a, b) => b.effectiveNumber - a.effectiveNumber || a.hhi - b.hhi);
  return table(
    "duplication-fragmentation",
    [{ label: "most fragmented", csv: "name" }, { label: "id", csv: "id", only: "csv" }, "kind", ...nameColumns("region", "jurisdiction", false), { label: "depts", csv: "departments" }, "HHI", { label: "effective number", csv: "effectiveNumber" }],
    rowsOf(rows, (f) => [names.label(f.kind, f.id), f.id, f.kind, ...names.pair("region", f.regionId), count(f.departmentIds.length), hhi(f.hhi), decimal(f.effectiveNumber, 1)]),
    { empty: none(r.summary.fragmentation, "Fragmentation", "No fragmentation: no function or need is split over departments of one jurisdiction.") },
  );
}

function overlapTable(r: DuplicationReport, names: Names): Block {
  const kind = (basis: string): NameKind => (basis === "functions" ? "function" : basis === "needs" ? "need" : "segment");
  return table(
    "duplication-overlap",
    [{ label: "overlapping departments", csv: "departmentNames" }, { label: "ids", csv: "departmentIds", only: "csv" }, "basis", { label: "Jaccard", csv: "score" }, "shared", { label: "shared ids", csv: "sharedIds", only: "csv" }],
    rowsOf([...r.overlap].sort((a, b) => b.score - a.score), (o) => [o.departmentIds.map((id) => names.label("department", id)).join(" + "), o.departmentIds.join("|"), o.basis, similarity(o.score), ...listCells(names, kind(o.basis), o.shared, 3)]),
    { empty: none(r.summary.overlap, "Overlap", "No two departments overlap above the threshold.") },
  );
}

function nearTable(r: DuplicationReport, names: Names): Block {
  return table(
    "duplication-near-functions",
    [...nameColumns("function", "near-duplicate function"), { label: "and function", csv: "otherFunctionName" }, { label: "id", csv: "otherFunctionId", id: true }, "similarity"],
    rowsOf(r.nearDuplicateFunctions, (n) => [...names.pair("function", n.functionIds[0]), ...names.pair("function", n.functionIds[1]), similarity(n.similarity)]),
    { empty: none(r.summary.nearDuplicateFunctions, "Near-duplicate functions", "No two function names are near-duplicates.") },
  );
}

function consolidationTables(c: ConsolidationReport, names: Names): Block[] {
  return [
    table(
      "consolidation-merge-candidates",
      ["merge candidate", ...listColumns("department", "departments", true), ...listColumns("function", "removes duplication of"), "staff", { label: "budget", csv: "budget" }],
      rowsOf(c.clusters, (k, i) => [`#${i + 1}`, ...listCells(names, "department", k.departmentIds, 8), ...listCells(names, "function", k.removesDuplication, 8), countOrUnknown(k.staff.actual ?? k.staff.authorized), moneyOrUnknown(k.budget)]),
      { empty: "No merge candidate: no group of departments overlaps or duplicates each other.", layout: "cards", title: "Merge candidates:" },
    ),
    table(
      "consolidation-small-departments",
      [...nameColumns("department", "small department"), "functions", "staff", { label: "could fold into", csv: "intoName" }, { label: "into id", csv: "intoId", only: "csv" }, "because"],
      rowsOf(c.smallDepartments, (d) => [...names.pair("department", d.departmentId), count(d.functions), countOrUnknown(d.staff), ...names.pair("department", d.into), d.reason.replace(/_/g, " ")]),
      { empty: "No small department to fold into another." },
    ),
  ];
}

/** Renders the duplication report and the consolidation suggestions, names beside ids. @internal */
export function renderDuplicates(r: DuplicatesReport, { names }: SectionView): Block[] {
  return [measures(r), duplicationTable(r, names), fragmentationTable(r, names), overlapTable(r, names), nearTable(r, names), ...consolidationTables(r.consolidation, names)];
}

/** Whether `--fail-on duplication` was asked for and the report has duplication. @internal */
export const duplicationFails = (r: DuplicationReport, failOn: readonly FailOn[]) => failOn.includes("duplication") && r.duplication.length > 0;

/** The duplication section of `govgraph analyze` (default options). @internal */
export const duplicationSection = defineSection<DuplicatesReport>({
  id: "duplication",
  title: "Duplication, fragmentation and overlap",
  indexes: true,
  weight: 7,
  run: (model) => findDuplicates(model),
  render: renderDuplicates,
  fails: duplicationFails,
});

import { findDuplication, suggestConsolidation, type ConsolidationReport, type DuplicationOptions, type DuplicationReport, type Model } from "../../index.js";
import type { FailOn } from "../command.js";
import { moreRows, renderTable, type Format } from "../render.js";
import { MISSING_TEXT, orUnknown, shareText } from "./measured.js";
import { defineSection } from "./section.js";

/** Rows of each table shown in text and Markdown; JSON and CSV have them all. */
const SHOWN = 20;

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

const list = (ids: readonly string[], max = 4) => (ids.length <= max ? ids.join(", ") : `${ids.slice(0, max).join(", ")} +${ids.length - max}`);

/** A table of the first rows, then how many more there are. */
function shownTable<T>(header: string[], rows: readonly T[], cells: (row: T, i: number) => (string | number)[], format: Format): string {
  return renderTable(header, rows.slice(0, SHOWN).map(cells), format) + moreRows(rows.length, SHOWN);
}

/** A count of a part that may not have been computed. */
const counted = (n: number | null) => (n === null ? MISSING_TEXT.not_computed : n);

function renderMeasures(r: DuplicationReport, format: Format): string {
  const s = r.summary;
  const withShare = (n: number | null, share: Parameters<typeof shareText>[0]) => (n === null ? MISSING_TEXT.not_computed : `${n} (${shareText(share)})`);
  return renderTable(
    ["measure", "value"],
    [
      ["functions held", s.heldFunctions],
      ["duplicated functions", withShare(s.duplicatedFunctions, s.duplicatedShare)],
      ["fragmented functions", withShare(s.fragmentedFunctions, s.fragmentedShare)],
      ["fragmented needs", counted(s.fragmentedNeeds)],
      ["duplicated services", counted(s.duplicatedServices)],
      ["duplication findings", counted(s.duplication)],
      ["fragmentation findings", counted(s.fragmentation)],
      ["overlapping department pairs", counted(s.overlap)],
      ["near-duplicate functions", counted(s.nearDuplicateFunctions)],
    ],
    format,
  );
}

function renderFindings(r: DuplicationReport, format: Format, names: ReadonlyMap<string, string>): string {
  let out =
    r.summary.duplication === null
      ? "Duplication not computed (left out of --include).\n\n"
      : r.duplication.length === 0
      ? "No duplication: no function is led twice, and no service repeated, in overlapping jurisdictions.\n\n"
      : shownTable(
          ["duplication", "what", "scope", "departments", "where"],
          r.duplication,
          (d) =>
            d.kind === "function"
              ? ["function", d.id, d.scope, list(d.departmentIds), list(d.regionIds, 3)]
              : ["service", list(d.ids, 3), d.scope, list(d.departmentIds), list(d.shared.regionIds, 3)],
          format,
        );
  const fragmented = [...r.fragmentation].sort((a, b) => b.effectiveNumber - a.effectiveNumber || a.hhi - b.hhi);
  if (fragmented.length > 0) {
    out += shownTable(
      ["most fragmented", "kind", "jurisdiction", "departments", "HHI", "effective number"],
      fragmented,
      (f) => [names.get(`${f.kind}:${f.id}`) ?? f.id, f.kind, f.regionId, f.departmentIds.length, f.hhi, Number(f.effectiveNumber.toFixed(2))],
      format,
    );
  }
  const overlaps = [...r.overlap].sort((a, b) => b.score - a.score);
  if (overlaps.length > 0) {
    out += shownTable(
      ["overlapping departments", "basis", "score", "shared"],
      overlaps,
      (o) => [o.departmentIds.join(" + "), o.basis, Number(o.score.toFixed(3)), list(o.shared, 3)],
      format,
    );
  }
  if (r.nearDuplicateFunctions.length > 0) {
    const named = (id: string) => (names.has(`function:${id}`) ? `${id} "${names.get(`function:${id}`)}"` : id);
    out += shownTable(
      ["near-duplicate functions", "similarity"],
      r.nearDuplicateFunctions,
      (n) => [n.functionIds.map(named).join(" ~ "), Number(n.similarity.toFixed(3))],
      format,
    );
  }
  return out;
}

function renderConsolidation(c: ConsolidationReport, format: Format): string {
  let out = "";
  if (c.clusters.length > 0) {
    out += renderTable(
      ["merge candidates", "departments", "removes duplication of", "staff", "budget"],
      c.clusters.slice(0, SHOWN).map((k, i) => [`#${i + 1}`, list(k.departmentIds), list(k.removesDuplication, 3) || "-", orUnknown(k.staff.actual ?? k.staff.authorized), orUnknown(k.budget)]),
      format,
    );
  }
  if (c.smallDepartments.length > 0) {
    out += renderTable(
      ["small department", "functions", "staff", "could fold into", "because"],
      c.smallDepartments.slice(0, SHOWN).map((d) => [d.departmentId, d.functions, orUnknown(d.staff), d.into, d.reason.replace(/_/g, " ")]),
      format,
    );
  }
  return out;
}

/**
 * Renders the duplication report and the consolidation suggestions as text or Markdown; `names` (keyed
 * `function:id` and `need:id`) puts names beside ids. @internal
 */
export function renderDuplicates(r: DuplicatesReport, format: Format, names: ReadonlyMap<string, string> = new Map()): string {
  return renderMeasures(r, format) + renderFindings(r, format, names) + renderConsolidation(r.consolidation, format);
}

/** Whether `--fail-on duplication` was asked for and the report has duplication. @internal */
export const duplicationFails = (r: DuplicationReport, failOn: readonly FailOn[]) => failOn.includes("duplication") && r.duplication.length > 0;

/** The duplication section of `govgraph analyze` (default options). @internal */
export const duplicationSection = defineSection<DuplicatesReport>({
  id: "duplication",
  title: "Duplication, fragmentation and overlap",
  run: (model) => findDuplicates(model),
  render: (r, format) => renderDuplicates(r, format),
  fails: duplicationFails,
});

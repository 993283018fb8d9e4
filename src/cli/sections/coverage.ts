import { scoreCoverage, type CoverageReport, type CoverageRow } from "../../index.js";
import type { FailOn } from "../command.js";
import { moreRows, percent, plural, renderTable, type Format } from "../render.js";
import { shareText } from "./measured.js";
import { defineSection } from "./section.js";

/** Rows of the longer tables (regions, departments, gaps) shown in text and Markdown; JSON and CSV have them all. */
const SHOWN = 20;

/** A volume of cases: whole, or with one decimal. */
const volume = (x: number) => (Number.isInteger(x) ? x : Number(x.toFixed(1)));
const row = (id: string | null, r: CoverageRow) => [id ?? "(everyone)", volume(r.demand), percent(r.reach), percent(r.capacity)];
const lowest = <R extends CoverageRow>(rows: readonly R[]) => [...rows].sort((a, b) => a.reach - b.reach || a.capacity - b.capacity).slice(0, SHOWN);

function renderGaps(r: CoverageReport, format: Format): string {
  if (r.reach.value === null) return "No demand data: no need has demand and no leaf region has a population, so reach cannot be measured.\n\n";
  if (r.gaps.length === 0) return "No gaps: every demand cell is reached.\n\n";
  return (
    renderTable(
      ["gap: need", "region", "segment", "cases a year"],
      r.gaps.slice(0, SHOWN).map((g) => [g.needId, g.regionId, g.segmentId ?? "(everyone)", volume(g.volume)]),
      format,
    ) + moreRows(r.gaps.length, SHOWN)
  );
}

/** Renders a coverage report: totals, needs, segments, the least covered regions and departments, the largest gaps. @internal */
export function renderCoverage(r: CoverageReport, format: Format): string {
  const header = ["demand", "reach", "capacity"];
  return (
    renderTable(
      ["measure", "value"],
      [
        ["demand (cases a year)", volume(r.demand)],
        ["reach", shareText(r.reach)],
        ["capacity", shareText(r.capacity)],
        ["Gini of regional reach", r.gini === null ? "no demand data" : Number(r.gini.toFixed(4))],
        ["gaps", r.reach.value === null ? "no demand data" : `${plural(r.gaps.length, "cell")}, ${volume(r.gaps.reduce((s, g) => s + g.volume, 0))} cases a year`],
      ],
      format,
    ) +
    renderTable(["need", ...header], r.byNeed.map((x) => row(x.needId, x)), format) +
    renderTable(["segment", ...header], r.bySegment.map((x) => row(x.segmentId, x)), format) +
    renderTable([r.byRegion.length > SHOWN ? "least reached regions" : "region", ...header], lowest(r.byRegion).map((x) => row(x.regionId, x)), format) +
    moreRows(r.byRegion.length, SHOWN) +
    renderTable(
      [r.byDepartment.length > SHOWN ? "least reaching departments" : "department", ...header],
      lowest(r.byDepartment).map((x) => row(x.departmentId, x)),
      format,
    ) +
    moreRows(r.byDepartment.length, SHOWN) +
    renderGaps(r, format)
  );
}

/** Whether `--fail-on gaps` was asked for and the report has gaps. @internal */
export const coverageFails = (r: CoverageReport, failOn: readonly FailOn[]) => failOn.includes("gaps") && r.gaps.length > 0;

/** The coverage section of `govgraph analyze` (default options). @internal */
export const coverageSection = defineSection<CoverageReport>({
  id: "coverage",
  title: "Coverage",
  run: (model) => scoreCoverage(model),
  render: renderCoverage,
  fails: coverageFails,
});

import { scoreCoverage, type CoverageReport, type CoverageRow } from "../../index.js";
import type { FailOn } from "../command.js";
import { nameColumns, type NameKind, type Names } from "../names.js";
import { rowsOf, table, type Block } from "../render/document.js";
import { count, decimal, described, formatCount, formatPercent, measuredShare, missingCell, percent } from "../render/numbers.js";
import type { Column } from "../render/table.js";
import { defineSection, type SectionView } from "./section.js";

/** The measure columns of every coverage table. */
const MEASURES: Column[] = [
  { label: "demand (cases a year)", csv: "demand" },
  { label: "reached (% of demand)", csv: "reach" },
  { label: "within capacity (% of demand)", csv: "capacity" },
];
const measures = (r: CoverageRow) => [count(r.demand), percent(r.reach), percent(r.capacity)];
const lowestFirst = <R extends CoverageRow>(rows: readonly R[]) => [...rows].sort((a, b) => a.reach - b.reach || a.capacity - b.capacity);

/** A table of coverage rows by a kind of record: its name and id, then the measures. */
function byKind<R extends CoverageRow>(id: string, kind: NameKind, label: string, rows: readonly R[], key: (r: R) => string | null, names: Names): Block {
  return table(id, [...nameColumns(kind, label), ...MEASURES], rowsOf(rows, (r) => [...names.pair(kind, key(r)), ...measures(r)]), { empty: `No ${kind} has demand.` });
}

function gaps(r: CoverageReport, names: Names): Block {
  return table(
    "coverage-gaps",
    [...nameColumns("need", "unreached need", false), ...nameColumns("region", "region"), ...nameColumns("segment", "segment", false), { label: "cases a year", csv: "volume" }],
    rowsOf(r.gaps, (g) => [...names.pair("need", g.needId), ...names.pair("region", g.regionId), ...names.pair("segment", g.segmentId), count(g.volume)]),
    {
      empty:
        r.reach.value === null
          ? "No demand data: no need has demand and no leaf region has a population, so reach cannot be measured."
          : "No gaps: every demand cell is reached.",
    },
  );
}

/** Renders a coverage report: totals, needs, segments, the least covered regions and departments, the largest gaps. @internal */
export function renderCoverage(r: CoverageReport, { names }: SectionView): Block[] {
  const unreached = r.gaps.reduce((s, g) => s + g.volume, 0);
  return [
    table(
      "coverage-totals",
      [{ label: "coverage", csv: "measure" }, "value"],
      [
        ["demand (cases a year)", count(r.demand)],
        ["reached", measuredShare(r.reach, "of demand")],
        ["reached within capacity", measuredShare(r.capacity, "of demand")],
        ["Gini of regional reach (0 = even)", r.gini === null ? missingCell("no_demand") : decimal(r.gini, 3)],
        [
          "gaps (unreached cells)",
          r.reach.value === null
            ? missingCell(r.reach.reason)
            : described(r.gaps.length, `${formatCount(r.gaps.length)} ${r.gaps.length === 1 ? "cell" : "cells"}, ${formatCount(unreached)} cases a year (${formatPercent(unreached / r.demand)} of demand)`),
        ],
      ],
      { whole: true },
    ),
    byKind("coverage-needs", "need", "need", lowestFirst(r.byNeed), (x) => x.needId, names),
    byKind("coverage-segments", "segment", "segment", lowestFirst(r.bySegment), (x) => x.segmentId, names),
    byKind("coverage-regions", "region", "least reached region", lowestFirst(r.byRegion), (x) => x.regionId, names),
    byKind("coverage-departments", "department", "least reaching department", lowestFirst(r.byDepartment), (x) => x.departmentId, names),
    gaps(r, names),
  ];
}

/** Whether `--fail-on gaps` was asked for and the report has gaps. @internal */
export const coverageFails = (r: CoverageReport, failOn: readonly FailOn[]) => failOn.includes("gaps") && r.gaps.length > 0;

/** The coverage section of `govgraph analyze` (default options). @internal */
export const coverageSection = defineSection<CoverageReport>({
  id: "coverage",
  title: "Coverage",
  indexes: true,
  weight: 9,
  run: (model) => scoreCoverage(model),
  render: renderCoverage,
  fails: coverageFails,
});

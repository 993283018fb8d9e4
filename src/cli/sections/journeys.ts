import { analyzeJourneys, compareIds, type JourneysReport } from "../../index.js";
import { nameColumns, type Names } from "../names.js";
import { rowsOf, table, type Block } from "../render/document.js";
import { count, decimal, measuredShare, missingCell, percent, type Value } from "../render/numbers.js";
import type { Column } from "../render/table.js";
import { defineSection, type SectionView } from "./section.js";

/** The steps of a critical path by name: `Register a company > Apply for a licence`; CSV gets the ids. */
const path = (names: Names, ids: readonly string[]) => ({ text: ids.map((id) => names.label("service", id)).join(" > "), value: ids.join(">"), right: false });

/** The columns of the journeys table: the need by name, then the journey's measures. */
const JOURNEY_COLUMNS: (string | Column)[] = [
  ...nameColumns("need", "journey (need)", false),
  { label: "steps", csv: "services" },
  { label: "depts", csv: "departments" },
  "visits",
  { label: "evidence asked", csv: "evidenceRequests" },
  { label: "reused", csv: "reused", only: "csv" },
  { label: "asked again", csv: "repeatSubmissions" },
  { label: "once-only (% reused)", csv: "onceOnlyRate" },
  { label: "online e2e (% of steps)", csv: "endToEndOnlineShare" },
  "days",
];

/** A demand-weighted mean, or `no data` when no journey carries weight. */
const mean = (x: number | null, digits = 2): Value => (x === null ? missingCell() : decimal(x, digits));

/** Renders a journeys report: one row per journey, then the demand-weighted summary. @internal */
export function renderJourneys(r: JourneysReport, { names }: SectionView): Block[] {
  if (r.journeys.length === 0) return [table("journeys", JOURNEY_COLUMNS, [], { empty: "No need has a journey." })];
  const s = r.summary;
  // The journeys that weigh most in the summary first (CSV and JSON have every journey).
  const journeys = [...r.journeys].sort((a, b) => b.weight - a.weight || compareIds(a.needId, b.needId));
  return [
    table(
      "journeys",
      JOURNEY_COLUMNS,
      rowsOf(journeys, (j) => [
        ...names.pair("need", j.needId),
        count(j.services.length),
        count(j.departments.length),
        count(j.inPersonVisits),
        count(j.evidenceRequests),
        count(j.reused),
        count(j.repeatSubmissions),
        percent(j.onceOnlyRate),
        percent(j.endToEndOnlineShare),
        decimal(j.days, 0),
      ]),
    ),
    table(
      "journeys-critical-paths",
      [...nameColumns("need", "journey (need)", false), { label: "critical path (the steps that set its days)", csv: "criticalPath" }],
      rowsOf(journeys, (j) => [...names.pair("need", j.needId), path(names, j.criticalPath)]),
    ),
    table(
      "journeys-summary",
      [{ label: "journeys, weighted by demand", csv: "measure" }, "value"],
      [
        ["journeys", count(s.journeys)],
        ["in-person visits per journey", mean(s.inPersonVisits)],
        ["departments per journey", mean(s.departments)],
        ["evidence requests per journey", mean(s.evidenceRequests)],
        ["once-only rate", measuredShare(s.onceOnlyRate, "of evidence requests reused")],
        ["evidence asked again per journey", mean(s.repeatSubmissions)],
        ["steps online end to end", measuredShare(s.endToEndOnlineShare, "of steps")],
        ["days along the critical path", mean(s.days, 1)],
        ["run at most once (<= 1 visit)", measuredShare(s.atMostOneVisitShare, "of demand", { part: s.atMostOneVisit, whole: s.journeys, what: "journeys" })],
      ],
      { whole: true },
    ),
  ];
}

/** The journeys section of `govgraph analyze`. @internal */
export const journeysSection = defineSection<JourneysReport>({ id: "journeys", title: "Journeys", weight: 0.5, run: (model) => analyzeJourneys(model), render: renderJourneys });

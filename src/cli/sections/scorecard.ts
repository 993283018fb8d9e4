import { buildScorecard, type Indicator, type ScorecardInputs, type ScorecardReport } from "../../index.js";
import { table, type Block } from "../render/document.js";
import { count, decimal, formatPercent, measuredCell, measuredShare, missingCell, score, type Value } from "../render/numbers.js";
import { coverageSection } from "./coverage.js";
import { duplicationSection } from "./duplication.js";
import { journeysSection } from "./journeys.js";
import { defineSection, earlierReport, type SectionOptions } from "./section.js";
import { staffingSection } from "./staffing.js";
import { opennessSection } from "./openness.js";

/** Context indicators that are decimals, with their precision. */
const DECIMALS: Record<string, number> = { gini: 3, repeatSubmissions: 2 };

/**
 * An indicator's value: a measured share with the defaults it stands on (`defaults for 12 of 40 services`), a
 * context count or decimal, or why it has none (`no data`).
 */
function indicatorValue(i: Indicator): Value {
  if (i.basis) return measuredShare(i.basis, "");
  if (i.value === null) return missingCell(i.reason);
  if (i.id in DECIMALS) return decimal(i.value, DECIMALS[i.id]);
  return Number.isInteger(i.value) ? count(i.value) : decimal(i.value, 2);
}

/** How the composite is computed, naming the pillars it leaves out for lack of data and the weight it covers. */
function compositeFormula(r: ScorecardReport): string {
  const c = r.composite;
  const base = "weighted mean of the pillars with a score";
  if (c.leftOut.length === 0) return base;
  const names = c.leftOut.map((id) => r.pillars.find((p) => p.id === id)?.name ?? id).join(", ");
  return `${base}; left out for lack of data: ${names} (covers ${c.coverageOfWeights === null ? "none" : formatPercent(c.coverageOfWeights)} of the weight)`;
}

/** Renders a scorecard: the pillars, the composite, and each pillar's indicators. @internal */
export function renderScorecard(r: ScorecardReport): Block[] {
  return [
    table(
      "scorecard-pillars",
      [{ label: "pillar", csv: "pillarName" }, { label: "id", csv: "pillarId", only: "csv" }, { label: "score (0-100)", csv: "score" }, "weight", "formula"],
      [
        ...r.pillars.map((p) => [p.name, p.id, measuredCell(p.score, score), decimal(r.weights[p.id], 1), p.formula]),
        ["Composite", "composite", measuredCell(r.composite, score), null, compositeFormula(r)],
      ],
      { whole: true },
    ),
    table(
      "scorecard-indicators",
      [{ label: "pillar", csv: "pillarId" }, { label: "indicator", csv: "label" }, { label: "id", csv: "indicatorId", only: "csv" }, "value", { label: "weight in pillar", csv: "weight" }],
      // The pillar's name on its first indicator only, in text; CSV has its id on every row.
      r.pillars.flatMap((p) => p.indicators.map((i, n) => [{ text: n === 0 ? p.name : "", value: p.id, right: false }, i.label, i.id, indicatorValue(i), decimal(i.weight, 2)])),
      { whole: true },
    ),
  ];
}

/** The reports of the sections the scorecard is computed from that ran before it, by their section ids. */
function earlierInputs(options: SectionOptions): Partial<ScorecardInputs> {
  const inputs: Partial<ScorecardInputs> = {
    duplication: earlierReport(options, duplicationSection),
    coverage: earlierReport(options, coverageSection),
    journeys: earlierReport(options, journeysSection),
    openness: earlierReport(options, opennessSection),
    staffing: earlierReport(options, staffingSection),
  };
  return Object.fromEntries(Object.entries(inputs).filter(([, report]) => report !== undefined));
}

/** The scorecard section of `govgraph analyze`; reuses the reports of the sections before it. @internal */
export const scorecardSection = defineSection<ScorecardReport>({
  id: "scorecard",
  title: "Reform scorecard",
  indexes: true,
  weight: 0.5,
  run: (model, options) => buildScorecard(model, { reports: earlierInputs(options) }),
  render: (r) => renderScorecard(r),
});

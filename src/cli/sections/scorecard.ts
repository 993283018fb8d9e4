import { scorecard, type ScorecardInputs, type ScorecardReport } from "../../index.js";
import { num, percent, renderTable, type Format } from "../render.js";
import { coverageSection } from "./coverage.js";
import { duplicationSection } from "./duplication.js";
import { journeysSection } from "./journeys.js";
import { defineSection, earlierReport, type SectionOptions } from "./section.js";
import { staffingSection } from "./staffing.js";
import { transparencySection } from "./transparency.js";

/** Renders a scorecard: the pillars, the composite, and each pillar's indicators. @internal */
export function renderScorecard(r: ScorecardReport, format: Format): string {
  const score = (x: number | null) => (x === null ? "–" : x.toFixed(1));
  return (
    renderTable(
      ["pillar", "score", "weight", "formula"],
      [...r.pillars.map((p) => [p.name, score(p.score), r.weights[p.id], p.formula]), ["Composite", score(r.composite), "", "weighted mean of the pillars with a score"]],
      format,
    ) +
    renderTable(
      ["pillar", "indicator", "value", "weight"],
      r.pillars.flatMap((p) => p.indicators.map((i) => [p.id, i.label, i.value === null ? "–" : i.weight > 0 ? percent(i.value) : num(i.value), i.weight])),
      format,
    )
  );
}

/** The reports of the sections the scorecard is computed from that ran before it, by their section ids. */
function earlierInputs(options: SectionOptions): Partial<ScorecardInputs> {
  const inputs: Partial<ScorecardInputs> = {
    duplication: earlierReport(options, duplicationSection),
    coverage: earlierReport(options, coverageSection),
    journeys: earlierReport(options, journeysSection),
    openness: earlierReport(options, transparencySection),
    staffing: earlierReport(options, staffingSection),
  };
  return Object.fromEntries(Object.entries(inputs).filter(([, report]) => report !== undefined));
}

/** The scorecard section of `govgraph analyze`; reuses the reports of the sections before it. @internal */
export const scorecardSection = defineSection<ScorecardReport>({
  id: "scorecard",
  title: "Reform scorecard",
  run: (model, options) => scorecard(model, { reports: earlierInputs(options) }),
  render: renderScorecard,
});

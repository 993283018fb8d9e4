import { scorecard, type ScorecardInputs, type ScorecardReport } from "../../index.js";
import { num, percent, renderTable, type Format } from "../render.js";
import { coverageSection } from "./coverage.js";
import { duplicationSection } from "./duplication.js";
import { journeysSection } from "./journeys.js";
import { MISSING_TEXT, shareText } from "./measured.js";
import { defineSection, earlierReport, type SectionOptions } from "./section.js";
import { staffingSection } from "./staffing.js";
import { transparencySection } from "./transparency.js";

/** Renders a scorecard: the pillars, the composite, and each pillar's indicators. @internal */
export function renderScorecard(r: ScorecardReport, format: Format): string {
  const score = (x: number | null) => (x === null ? MISSING_TEXT.no_data : x.toFixed(1));
  const names = new Map(r.pillars.map((p) => [p.id as string, p.name]));
  const c = r.composite;
  const over =
    c.leftOut.length === 0
      ? "weighted mean of the pillars with a score"
      : `weighted mean of the pillars with a score; left out for lack of data: ${c.leftOut.map((id) => names.get(id) ?? id).join(", ")} (covers ${c.coverageOfWeights === null ? "none" : percent(c.coverageOfWeights)} of the weight)`;
  // Shares show the defaults they stand on ("defaults for N of M services"); context counts are plain numbers.
  const value = (i: ScorecardReport["pillars"][number]["indicators"][number]) =>
    i.basis ? shareText(i.basis) : i.value === null ? MISSING_TEXT[i.reason ?? "no_data"] : num(i.value);
  return (
    renderTable(
      ["pillar", "score", "weight", "formula"],
      [...r.pillars.map((p) => [p.name, score(p.score.value), r.weights[p.id], p.formula]), ["Composite", score(c.value), "", over]],
      format,
    ) +
    renderTable(
      ["pillar", "indicator", "value", "weight"],
      r.pillars.flatMap((p) => p.indicators.map((i) => [p.id, i.label, value(i), i.weight])),
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
    transparency: earlierReport(options, transparencySection),
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

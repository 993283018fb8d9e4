import type { IndicatorData, PillarData, ReportData } from "../../data/types.js";
import { block, h } from "../dom.js";
import { fixed, NO_DATA, number, percent, score } from "../format.js";
import { barChart } from "../svg-bars.js";
import { dataTable } from "../table.js";

/** An indicator's value as its kind reads: a percentage, a count or a plain number. */
export function indicatorText(i: IndicatorData): string {
  if (i.value === null) return i.reason && i.reason !== NO_DATA ? `${NO_DATA} (${i.reason})` : NO_DATA;
  return i.kind === "share" ? percent(i.value) : i.kind === "count" ? number(i.value) : fixed(i.value, 3);
}

/** The scorecard: the five pillars and the composite as bars, then the pillars and their indicators as tables. */
export function mountScorecard(root: HTMLElement, data: ReportData): void {
  const s = data.scorecard;
  const bars = [...s.pillars.map((p) => ({ label: p.name, values: [p.score], texts: [score(p.score)] })), { label: "Composite", values: [s.composite], texts: [score(s.composite)] }];
  const leftOut = s.leftOut.length ? `Left out of the composite for lack of data: ${s.leftOut.join(", ")}.` : "Every pillar has data and counts in the composite.";
  root.append(
    h("p", { class: "headline" }, "Composite score: ", h("strong", {}, score(s.composite)), s.composite === null ? "" : " out of 100", `. ${leftOut}`),
    h("figure", {}, barChart("Scores of the five pillars and the composite, out of 100", bars, 100), h("figcaption", {}, "Scores out of 100; a hatched bar marks a pillar with no data. The tables below give the same numbers.")),
    block(
      "Pillars",
      null,
      dataTable<PillarData>({
        caption: "Pillars, their scores and formulas",
        columns: [
          { label: "Pillar", value: (p) => p.name },
          { label: "Score", value: (p) => p.score, show: (p) => score(p.score), numeric: true },
          { label: "Weight in composite", value: (p) => p.weight, numeric: true },
          { label: "Formula", value: (p) => p.formula },
        ],
        rows: s.pillars,
      }),
    ),
    block(
      "Indicators behind each pillar",
      "Indicators with weight 0 are context, shown beside the pillar without counting in its score.",
      dataTable<{ pillar: string; i: IndicatorData }>({
        caption: "Indicators of each pillar",
        columns: [
          { label: "Indicator", value: (r) => r.i.label },
          { label: "Pillar", value: (r) => r.pillar },
          { label: "Value", value: (r) => r.i.value, show: (r) => indicatorText(r.i), numeric: true, cellClass: (r) => (r.i.value === null ? "no-data" : undefined) },
          { label: "Weight in pillar", value: (r) => r.i.weight, numeric: true },
        ],
        rows: s.pillars.flatMap((p) => p.indicators.map((i) => ({ pillar: p.name, i }))),
        pageSize: 40,
      }),
    ),
  );
}

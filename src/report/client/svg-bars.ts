import { freshId, svg } from "./dom.js";
import { NO_DATA } from "./format.js";
import { COLORS } from "./palette.js";

/** One bar: its label, its value (null: no data) and the text shown beside it. */
export interface Bar {
  label: string;
  values: (number | null)[];
  texts: string[];
}

const WIDTH = 640;
const LABEL = 230;
const ROW = 30;

/**
 * Horizontal bars in hand-written SVG, for the charts of a handful of bars (the pillars, the published items):
 * one or two values per row (two: before and after), from 0 to `max`. A missing value is a hatched, empty bar
 * that says "no data". The chart has a title for screen readers; the table beside it has the same numbers.
 */
export function barChart(title: string, bars: Bar[], max: number, series: string[] = []): SVGSVGElement {
  const perRow = Math.max(1, ...bars.map((b) => b.values.length));
  const rowHeight = ROW * (perRow === 1 ? 1 : 1.5);
  const legend = series.length > 1 ? 24 : 0;
  const height = legend + bars.length * rowHeight + 8;
  const hatch = freshId("hatch");
  const titleId = freshId("chart-title");
  const span = WIDTH - LABEL - 150;
  const fill = (k: number) => (perRow === 1 ? COLORS.department : k === 0 ? "#9CC3E4" : COLORS.department);
  const root = svg("svg", { viewBox: `0 0 ${WIDTH} ${height}`, role: "img", "aria-labelledby": titleId, class: "bars" }, svg("title", { id: titleId }, title));
  root.append(
    svg("defs", {}, svg("pattern", { id: hatch, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: COLORS.noData, "stroke-width": 3 }))),
  );
  series.forEach((name, k) => {
    if (series.length < 2) return;
    const x = LABEL + k * 140;
    root.append(svg("rect", { x, y: 4, width: 14, height: 14, fill: fill(k) }), svg("text", { x: x + 20, y: 16, class: "bar-label" }, name));
  });
  bars.forEach((bar, row) => {
    const top = legend + row * rowHeight + 4;
    const barHeight = (rowHeight - 8) / perRow;
    root.append(svg("text", { x: LABEL - 8, y: top + (rowHeight - 8) / 2 + 5, "text-anchor": "end", class: "bar-label" }, bar.label));
    bar.values.forEach((value, k) => {
      const y = top + k * barHeight;
      const width = value === null ? span : Math.max(0, Math.min(1, value / max)) * span;
      root.append(
        svg("rect", { x: LABEL, y, width: span, height: barHeight - 2, fill: "none", stroke: "#D0D0D0" }),
        svg("rect", { x: LABEL, y, width, height: barHeight - 2, fill: value === null ? `url(#${hatch})` : fill(k) }),
        svg("text", { x: LABEL + span + 6, y: y + barHeight / 2 + 3, class: "bar-value" }, value === null ? NO_DATA : bar.texts[k] ?? ""),
      );
    });
  });
  return root;
}

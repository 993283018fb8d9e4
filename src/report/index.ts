/**
 * `govgraph/report`: the self-contained HTML report. A separate entry so that `govgraph` itself stays light: the
 * report carries its page's script (sigma, graphology and Chart.js bundled in, about half a megabyte) and the
 * ForceAtlas2 layout.
 * @module
 */
export { renderReport, REPORT_DEFAULTS } from "./render.js";
export type { ReportComparison, ReportOptions } from "./render.js";
export type { ReportInputs } from "./data/build.js";

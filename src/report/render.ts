/**
 * The HTML report
 * ===============
 * One self-contained HTML file a reform office can email: the scorecard, duplication (an interactive graph laid out
 * when the file is written), coverage, journeys, staffing and openness, and for scenarios the change between two
 * models. Everything is inlined (script, stylesheet, data) and the page's content security policy forbids any
 * request, so it opens from file:// on a laptop without internet. docs/report.md shows it.
 * @module
 */
import { checkArgument, hasFields, isObject as isPlainObject, optional } from "../guard.js";
import { requireModel } from "../model/require-model.js";
import { type Model, type ScorecardInputs, type ScorecardOptions } from "../index.js";
import { integerIn, resolveOptions, type OptionRule } from "../options.js";
import { buildReportData, type ReportInputs } from "./data/build.js";
import { reportPage } from "./page.js";

/** A second model to compare with, for a before/after report. */
export interface ReportComparison {
  /** The model after (the model given to {@link renderReport} is the one before). */
  model: Model;
  /** Its analysis reports, when already computed. */
  reports?: Partial<ScorecardInputs>;
  /** How the report names it. Default: its `meta.name` when it differs from the first model's, else "after". */
  title?: string;
}

/** Options of {@link renderReport}. */
export interface ReportOptions {
  /** The report's title. Default: the model's `meta.name`, else "govgraph report". */
  title?: string;
  /** Weights of the scorecard and options of the analyses it runs (those not given in `reports`). */
  analyses?: Omit<ScorecardOptions, "reports">;
  /** Above this many departments plus functions, the graph draws departments only and shows one's functions on demand. Default 2,000. */
  graphNodeLimit?: number;
  /** ForceAtlas2 iterations of the graph layout. Default 100. */
  layoutIterations?: number;
  /** Seed of the layout's starting positions. Default 1. */
  seed?: number;
  /** A model to compare with: the report then has a before/after section. */
  compare?: ReportComparison;
}

/** Defaults of {@link renderReport}. */
export const REPORT_DEFAULTS = {
  title: undefined as string | undefined,
  analyses: undefined as Omit<ScorecardOptions, "reports"> | undefined,
  graphNodeLimit: 2000,
  layoutIterations: 100,
  seed: 1,
  compare: undefined as ReportComparison | undefined,
};

const isObject = (what: string): OptionRule => (v) => (typeof v === "object" && v !== null && !Array.isArray(v) ? undefined : `must be ${what}`);
const maybeObject = optional(isPlainObject);
/** The reports a caller may pass, each read once here so that a hostile value is refused before the work starts. */
const isReports = hasFields(
  { duplication: maybeObject, coverage: maybeObject, journeys: maybeObject, openness: maybeObject, transparency: maybeObject, staffing: maybeObject, scorecard: maybeObject },
  "an object of analysis reports",
);

const afterName = (before: Model, after: Model) => (after.meta?.name && after.meta.name !== before.meta?.name ? after.meta.name : "after");

/**
 * Renders a model's analyses as one self-contained, offline HTML page: scorecard, an interactive duplication graph,
 * coverage charts and map, journeys, staffing and openness, and with `compare` the change to a second model. Pass
 * reports already computed to save their time. Works in a browser as well as in Node.
 * @example
 * const html = renderReport(exampleCounty);
 * // with scenarios: renderReport(before, {}, { compare: { model: after, title: "merged bureaus" } })
 */
export function renderReport(model: Model, reports: ReportInputs = {}, options?: ReportOptions): string {
  model = requireModel("renderReport", model);
  checkArgument("renderReport", "reports", reports, isReports, "Pass {} or leave it out");
  const o = resolveOptions(REPORT_DEFAULTS, options, "renderReport", {
    title: (v) => (typeof v === "string" && v.trim() !== "" ? undefined : "must be a non-empty string"),
    analyses: isObject("an object of analysis options"),
    graphNodeLimit: integerIn(0, Number.MAX_SAFE_INTEGER),
    layoutIterations: integerIn(0, 100_000),
    seed: integerIn(-(2 ** 31), 2 ** 32 - 1),
    compare: isObject("an object { model, reports?, title? }"),
  });
  const compare = o.compare && { ...o.compare, model: requireModel("renderReport", o.compare.model, "options.compare.model") };
  const title = o.title ?? model.meta?.name ?? "govgraph report";
  const data = buildReportData(model, reports, {
    title,
    analyses: o.analyses ?? {},
    layout: { nodeLimit: o.graphNodeLimit, iterations: o.layoutIterations, seed: o.seed },
    ...(compare ? { compare: { model: compare.model, reports: compare.reports, title: compare.title ?? afterName(model, compare.model) } } : {}),
  });
  return reportPage(data);
}

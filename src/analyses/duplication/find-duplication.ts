/**
 * Duplication
 * ===========
 * Fragmentation, overlap and duplication of government responsibilities, and near-duplicate functions
 * (docs/duplication.md). Each part lives in its own module of this folder; this one resolves the options, runs
 * the parts in order and keeps, for each report, the analysis behind it (for consolidation).
 *
 * References:
 * - US Government Accountability Office, "Fragmentation, Overlap, and Duplication: An Evaluation and
 *   Management Guide", GAO-15-49SP (2015): the three definitions.
 * - O. C. Herfindahl (1950) and A. O. Hirschman (1945): the concentration index; M. Adelman (1969): 1/HHI as
 *   the effective number of participants.
 * - R. J. Bayardo, Y. Ma, R. Srikant, "Scaling up all pairs similarity search", WWW 2007: candidate pairs from
 *   an inverted index instead of all pairs.
 * - Broder (1997) MinHash and Leskovec, Rajaraman, Ullman, "Mining of Massive Datasets" ch. 3 (LSH banding).
 * @module
 */
import { GovGraphError } from "../../errors.js";
import { indexModel, type ModelIndex } from "../../graph/index-model.js";
import { canonicalize, compareIds } from "../../model/records.js";
import { inRange, integerIn, listOf, oneOf, resolveOptions } from "../../options.js";
import { COLLECTIONS, type Model } from "../../schemas/model.js";
import { DuplicationContext, type ResolvedDuplicationOptions } from "./context.js";
import type { DuplicateGroups } from "./duplicate-groups.js";
import { findFragmentation } from "./fragmentation.js";
import { findFunctionDuplication } from "./function-duplication.js";
import { findNearDuplicateFunctions } from "./near-duplicates.js";
import { findOverlap, type CandidatePairs } from "./overlap.js";
import { findServiceDuplication } from "./service-duplication.js";
import { duplicationReport } from "./summary.js";
import type { DuplicationFinding, DuplicationOptions, DuplicationReport, OverlapHub } from "./types.js";
import { requireModel } from "../../model/require-model.js";

/** Defaults of {@link findDuplication}. */
export const DUPLICATION_DEFAULTS = {
  overlapThreshold: 0.5,
  nearDuplicateThreshold: 0.8,
  scope: "both",
  roles: ["lead", "support"],
  include: ["fragmentation", "duplication", "overlap", "nearDuplicateFunctions"],
  seed: 1,
} as const satisfies Required<DuplicationOptions>;

const RULES = {
  overlapThreshold: inRange(0, 1, { min: true }),
  nearDuplicateThreshold: inRange(0, 1, { min: true }),
  scope: oneOf(["horizontal", "vertical", "both"]),
  roles: listOf(["lead", "support"]),
  include: listOf(DUPLICATION_DEFAULTS.include),
  seed: integerIn(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
};

/** The report with what it was computed from, for consolidation. @internal */
export interface DuplicationAnalysis {
  report: DuplicationReport;
  index: ModelIndex;
  /** The options the report was computed with, every default filled in. */
  options: ResolvedDuplicationOptions;
  /** Every candidate department pair, when the overlap part ran (or was asked for). */
  pairs: CandidatePairs | undefined;
  /** The departments of each duplication finding, with the functions concerned. */
  duplicates: DuplicateGroups;
}

/** The analysis behind each report `findDuplication` returned, with the model it was given. */
const analyses = new WeakMap<DuplicationReport, { analysis: DuplicationAnalysis; input: Model }>();

/** The analysis behind a report of {@link findDuplication} on `model` (the same object), if it made it. @internal */
export function analysisOf(report: DuplicationReport, model: Model): DuplicationAnalysis | undefined {
  const entry = analyses.get(report);
  return entry && (entry.input === model || entry.analysis.index.model === model) ? entry.analysis : undefined;
}

function checkModel(model: Model, fn: string): Model {
  const m = model as unknown as Record<string, unknown> | null;
  if (m === null || typeof m !== "object" || m.schemaVersion !== 1) {
    throw new GovGraphError("invalid_model", `${fn}: the input is not a validated model (schemaVersion 1). Pass the model returned by validateModel or parseModel.`);
  }
  const missing = ["regions", "departments", "functions", "assignments", "services", "needs", "segments"].filter((k) => !Array.isArray(m[k]));
  if (missing.length > 0) {
    throw new GovGraphError("invalid_model", `${fn}: the model has no ${missing.join(", ")} array. Pass the model returned by validateModel or parseModel.`);
  }
  // A model already in canonical order is used as it is, so a frozen model's cached index is shared.
  const canonical = canonicalize(model);
  for (const key of COLLECTIONS) if (canonical[key] !== model[key]) return canonical;
  return model;
}

/**
 * Computes the duplication report with its internals; `keepPairs` keeps every candidate department pair even
 * when the overlap part is not included. With `internal`, the report is read by the caller alone (the scorecard) and
 * may hold the frozen findings kept for models made from this one instead of copies.
 * @internal
 */
export function analyzeDuplication(input: Model, options: DuplicationOptions = {}, keepPairs = false, internal = false): DuplicationAnalysis {
  const o = resolveOptions<ResolvedDuplicationOptions>(DUPLICATION_DEFAULTS, options, "findDuplication", RULES);
  const model = checkModel(input, "findDuplication");
  const ctx = new DuplicationContext(model, indexModel(model), o, internal);
  const { include } = ctx;
  const fragmentation = include.has("fragmentation") ? findFragmentation(ctx) : [];
  const withOverlap = include.has("overlap") || keepPairs;
  const duplication: DuplicationFinding[] = [];
  // Overlap leaves out duplicate pairs, so duplication runs for it too.
  if (include.has("duplication") || withOverlap) {
    findFunctionDuplication(ctx, duplication);
    findServiceDuplication(ctx, duplication);
  }
  const { overlap, pairs, hubs } = withOverlap ? findOverlap(ctx, true) : { overlap: [], pairs: undefined, hubs: [] };
  const near = include.has("nearDuplicateFunctions") ? findNearDuplicateFunctions(ctx) : [];
  const report = duplicationReport(ctx, fragmentation, duplication, overlap, near);
  if (include.has("overlap") && hubs.length > 0) report.overlapHubs = sortHubs(hubs);
  const analysis = { report, index: ctx.index, options: o, pairs, duplicates: ctx.duplicates };
  analyses.set(report, { analysis, input });
  return analysis;
}

/** Hubs by kind, id and region. */
function sortHubs(hubs: OverlapHub[]): OverlapHub[] {
  return hubs.sort((a, b) => compareIds(a.kind, b.kind) || compareIds(a.id, b.id) || compareIds(a.regionId, b.regionId));
}

/**
 * Finds fragmented, overlapping and duplicated responsibilities (after GAO-15-49SP) and near-duplicate functions.
 * Pass a model returned by `validateModel` or `parseModel`; the report is plain JSON, every list sorted by id.
 * Pass the report to `suggestConsolidation` (its `duplication` option) to reuse this analysis.
 * @example
 * const { duplication, summary } = findDuplication(exampleCounty);
 * console.log(summary.duplicatedFunctions, duplication[0]);
 */
export function findDuplication(model: Model, options: DuplicationOptions = {}): DuplicationReport {
  model = requireModel("findDuplication", model);
  return analyzeDuplication(model, options).report;
}

/**
 * Consolidation
 * =============
 * Merge candidates from a department overlap graph clustered by Louvain, and small departments that could be
 * folded into another (docs/duplication.md, "Consolidation").
 *
 * References:
 * - V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre, "Fast unfolding of communities in large
 *   networks", J. Stat. Mech. (2008): Louvain, via graphology-communities-louvain.
 * - US GAO, GAO-15-49SP (2015): consolidation as a remedy for duplication and overlap.
 * @module
 */
import { inRange, integerIn, listOf, resolveOptions, type OptionRule } from "../../options.js";
import type { Model } from "../../schemas/model.js";
import { analysisOf, analyzeDuplication, DUPLICATION_DEFAULTS, type DuplicationAnalysis } from "../duplication/find-duplication.js";
import type { DuplicationOptions, DuplicationReport } from "../duplication/types.js";
import { clusters } from "./clusters.js";
import { overlapGraph } from "./overlap-graph.js";
import { smallDepartments } from "./small-departments.js";
import type { ConsolidationReport } from "./types.js";
import { requireModel } from "../../model/require-model.js";

/** Options of {@link suggestConsolidation}. */
export interface ConsolidationOptions {
  /** Overlap score (max of the function and need Jaccard) at or above which two departments are linked. Default 0.5. */
  overlapThreshold?: number;
  /** Roles that count as holding a function. Default both. */
  roles?: DuplicationOptions["roles"];
  /** Seed of Louvain's random order. Default 1. */
  seed?: number;
  /** Louvain resolution: higher gives smaller clusters. Default 1. */
  resolution?: number;
  /** A department holding fewer functions than this is small. Default 5. */
  smallFunctions?: number;
  /** ...and, when its staff is known, fewer staff (actual, else authorized) than this. Default 15. */
  smallStaff?: number;
  /**
   * A report `findDuplication` returned for this same model: its analysis is reused instead of run again when it
   * counted the same `roles` with `scope: "both"` and included `overlap` (the defaults). Any other report is ignored
   * and the analysis runs; the result is the same either way.
   */
  duplication?: DuplicationReport;
}

/** Defaults of {@link suggestConsolidation}. */
export const CONSOLIDATION_DEFAULTS = {
  overlapThreshold: DUPLICATION_DEFAULTS.overlapThreshold,
  roles: DUPLICATION_DEFAULTS.roles,
  seed: 1,
  resolution: 1,
  smallFunctions: 5,
  smallStaff: 15,
  duplication: undefined,
} as const satisfies ConsolidationOptions;

/** A duplication report: an object with the report's lists and summary. */
const aReport: OptionRule = (v) =>
  typeof v === "object" && v !== null && ["fragmentation", "duplication", "overlap", "nearDuplicateFunctions"].every((k) => Array.isArray((v as Record<string, unknown>)[k]))
    ? undefined
    : "must be a report returned by findDuplication";

const RULES = {
  overlapThreshold: inRange(0, 1, { min: true }),
  roles: listOf(["lead", "support"]),
  seed: integerIn(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  resolution: inRange(0, Infinity, { min: true }),
  smallFunctions: inRange(0, Infinity),
  smallStaff: inRange(0, Infinity),
  duplication: aReport,
};

type Resolved = Required<Omit<ConsolidationOptions, "duplication">> & Pick<ConsolidationOptions, "duplication">;

const sameRoles = (a: readonly string[], b: readonly string[]) => ["lead", "support"].every((role) => a.includes(role) === b.includes(role));

/** The analysis of the `duplication` report when it can stand for the one consolidation would run. */
function reusable(model: Model, o: Resolved): DuplicationAnalysis | undefined {
  const analysis = o.duplication && analysisOf(o.duplication, model);
  if (!analysis?.pairs || analysis.options.scope !== "both" || !sameRoles(analysis.options.roles, o.roles)) return undefined;
  return analysis;
}

/**
 * Suggests departments to merge (Louvain clusters of the overlap graph) and small departments to fold into another.
 * Pass `duplication: findDuplication(model)` to reuse that analysis instead of running it again.
 * @example
 * const { clusters, smallDepartments } = suggestConsolidation(exampleCounty, { seed: 7 });
 * const report = findDuplication(exampleCounty);
 * suggestConsolidation(exampleCounty, { duplication: report }); // the same suggestions, duplication run once
 */
export function suggestConsolidation(model: Model, options: ConsolidationOptions = {}): ConsolidationReport {
  model = requireModel("suggestConsolidation", model);
  return consolidate(model, options);
}

/**
 * {@link suggestConsolidation}, reusing an analysis of `analyzeDuplication` that kept its candidate pairs (its
 * `roles` and `scope` are then the analysis's); without one, or without pairs, as `suggestConsolidation`.
 * @internal
 */
export function consolidate(model: Model, options: ConsolidationOptions = {}, analysis?: DuplicationAnalysis): ConsolidationReport {
  const o = resolveOptions<Resolved>(CONSOLIDATION_DEFAULTS, options, "suggestConsolidation", RULES);
  const given = analysis?.pairs ? analysis : reusable(model, o);
  const { index, pairs, duplicates } = given ?? analyzeDuplication(model, { overlapThreshold: o.overlapThreshold, roles: o.roles, include: ["duplication"] }, true);
  const graph = overlapGraph(index.departments.ids, pairs!, o.overlapThreshold);
  const found = clusters(index, graph, duplicates, o);
  const small = smallDepartments(index, graph, o);
  return {
    clusters: found.clusters,
    smallDepartments: small,
    summary: { departments: index.departments.ids.length, linked: graph.graph.order, clusters: found.clusters.length, smallDepartments: small.length, modularity: found.modularity },
  };
}

/**
 * Consolidation
 * =============
 * Merge candidates from a department overlap graph clustered by Louvain, and small departments that could be
 * folded into another.
 *
 * References:
 * - V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre, "Fast unfolding of communities in large
 *   networks", J. Stat. Mech. (2008): Louvain, via graphology-communities-louvain.
 * - US GAO, GAO-15-49SP (2015): consolidation as a remedy for duplication and overlap.
 * - T. Ettinger, "Mulberry32" (2017): the seeded random number generator.
 * @module
 */
import { UndirectedGraph } from "graphology";
import louvain from "graphology-communities-louvain";
import { GovGraphError } from "../errors.js";
import { row } from "../graph/csr.js";
import { compareIds } from "../model/canonical.js";
import type { DepartmentId, FunctionId, RegionId } from "../schemas/ids.js";
import type { Model } from "../schemas/model.js";
import { analyzeDuplication, DUPLICATION_DEFAULTS, withDefaults, type DuplicationAnalysis, type DuplicationOptions } from "./duplication.js";
import { mulberry32 } from "../random.js";

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
}

/** Defaults of {@link suggestConsolidation}. */
export const CONSOLIDATION_DEFAULTS = {
  overlapThreshold: DUPLICATION_DEFAULTS.overlapThreshold,
  roles: DUPLICATION_DEFAULTS.roles,
  seed: 1,
  resolution: 1,
  smallFunctions: 5,
  smallStaff: 15,
} as const satisfies Required<ConsolidationOptions>;

/** A group of departments that overlap or duplicate each other: a merge candidate. */
export interface ConsolidationCluster {
  departmentIds: DepartmentId[];
  regionIds: RegionId[];
  /** Functions duplicated between members, which a merge would stop duplicating. */
  removesDuplication: FunctionId[];
  /** Links inside the cluster (overlapping or duplicate pairs) and their mean weight. */
  links: number;
  meanOverlap: number;
  /** Staff and budget of the members (sums of the known figures). */
  staff: { authorized: number; actual: number };
  budget: number;
}

/** A small department and the department it could be folded into. */
export interface SmallDepartment {
  departmentId: DepartmentId;
  functions: number;
  /** Actual staff, else authorized; null when unknown. */
  staff: number | null;
  into: DepartmentId;
  /** Why that department: the highest overlap, the supervising department, or the largest in the same region. */
  reason: "highest_overlap" | "parent" | "same_region";
  /** The overlap score with `into` (0 unless the reason is `highest_overlap`). */
  score: number;
}

/** What {@link suggestConsolidation} returns: plain JSON, sorted. */
export interface ConsolidationReport {
  clusters: ConsolidationCluster[];
  smallDepartments: SmallDepartment[];
  summary: { departments: number; linked: number; clusters: number; smallDepartments: number; modularity: number };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Suggests departments to merge (Louvain clusters of the overlap graph) and small departments to fold into another.
 * @example
 * const { clusters, smallDepartments } = suggestConsolidation(exampleCounty, { seed: 7 });
 */
export function suggestConsolidation(model: Model, options: ConsolidationOptions = {}): ConsolidationReport {
  return consolidate(model, options);
}

/**
 * {@link suggestConsolidation}, reusing an analysis of {@link analyzeDuplication} run with candidate pairs
 * (its `overlapThreshold` and `roles` are then the analysis's). @internal
 */
export function consolidate(model: Model, options: ConsolidationOptions = {}, analysis?: DuplicationAnalysis): ConsolidationReport {
  const o = withDefaults<Required<ConsolidationOptions>>(CONSOLIDATION_DEFAULTS as Required<ConsolidationOptions>, options);
  const bad: string[] = [];
  if (!(o.overlapThreshold > 0 && o.overlapThreshold <= 1)) bad.push(`overlapThreshold must be in (0, 1], got ${String(o.overlapThreshold)}`);
  if (!Number.isInteger(o.seed)) bad.push(`seed must be an integer, got ${String(o.seed)}`);
  if (!(o.resolution > 0)) bad.push(`resolution must be positive, got ${String(o.resolution)}`);
  if (!(o.smallFunctions >= 0) || !(o.smallStaff >= 0)) bad.push("smallFunctions and smallStaff must be non-negative numbers");
  if (bad.length > 0) {
    throw new GovGraphError("invalid_input", `suggestConsolidation: bad options: ${bad.join("; ")}. Fix the options and try again.`);
  }
  const { index, pairs, duplicatePairs } =
    analysis ?? analyzeDuplication(model, { overlapThreshold: o.overlapThreshold, roles: o.roles, include: ["duplication"] }, true);
  const m = index.model;
  const D = index.departments.ids as DepartmentId[];
  const nD = D.length;

  // The derived graph: departments linked by duplication or by an overlap of functions or needs.
  const graph = new UndirectedGraph();
  const weightOf = new Map<number, number>();
  // Each department's most overlapping other department (-1: none) and the overlap, in typed arrays.
  const bestOther = new Int32Array(nD).fill(-1);
  const bestScore = new Float64Array(nD);
  const offerBest = (x: number, y: number, weight: number) => {
    const other = bestOther[x]!;
    if (other < 0 || weight > bestScore[x]! || (weight === bestScore[x]! && y < other)) {
      bestOther[x] = y;
      bestScore[x] = weight;
    }
  };
  for (const p of pairs) {
    const weight = Math.max(p.functions, p.needs);
    if (weight > 0) {
      offerBest(p.a, p.b, weight);
      offerBest(p.b, p.a, weight);
    }
    if (!p.duplicate && weight < o.overlapThreshold) continue;
    const w = p.duplicate ? Math.max(weight, o.overlapThreshold) : weight;
    weightOf.set(p.a * nD + p.b, w);
  }
  for (const [key, w] of [...weightOf].sort((x, y) => x[0] - y[0])) {
    const a = D[Math.floor(key / nD)]!;
    const b = D[key % nD]!;
    if (!graph.hasNode(a)) graph.addNode(a);
    if (!graph.hasNode(b)) graph.addNode(b);
    graph.addEdge(a, b, { weight: w });
  }

  const clusters: ConsolidationCluster[] = [];
  let modularity = 0;
  if (graph.size > 0) {
    const detailed = louvain.detailed(graph, { rng: mulberry32(o.seed), resolution: o.resolution, getEdgeWeight: "weight" });
    modularity = round(detailed.modularity);
    const members = new Map<number, number[]>();
    graph.forEachNode((node) => {
      const c = detailed.communities[node]!;
      const list = members.get(c);
      const d = index.departments.of.get(node)!;
      if (list) list.push(d);
      else members.set(c, [d]);
    });
    for (const list of members.values()) {
      if (list.length < 2) continue;
      list.sort((x, y) => x - y);
      const removes = new Set<number>();
      let links = 0;
      let total = 0;
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const key = list[i]! * nD + list[j]!;
          const w = weightOf.get(key);
          if (w !== undefined) {
            links++;
            total += w;
          }
          for (const f of duplicatePairs.get(key) ?? []) removes.add(f);
        }
      }
      const staff = { authorized: 0, actual: 0 };
      let budget = 0;
      for (const d of list) {
        const dept = m.departments[d]!;
        staff.authorized += dept.staff?.authorized ?? 0;
        staff.actual += dept.staff?.actual ?? 0;
        budget += dept.budget ?? 0;
      }
      clusters.push({
        departmentIds: list.map((d) => D[d]!),
        regionIds: [...new Set(list.map((d) => index.departmentRegion[d]!))].sort((x, y) => x - y).map((r) => index.regions.ids[r]! as RegionId),
        removesDuplication: [...removes].sort((x, y) => x - y).map((f) => index.functions.ids[f]! as FunctionId),
        links,
        meanOverlap: links === 0 ? 0 : round(total / links),
        staff,
        budget,
      });
    }
  }
  clusters.sort(
    (a, b) => b.removesDuplication.length - a.removesDuplication.length || b.departmentIds.length - a.departmentIds.length || compareIds(a.departmentIds[0]!, b.departmentIds[0]!),
  );

  // Small departments and where each could go.
  const smallDepartments: SmallDepartment[] = [];
  const functionCount = (d: number) => index.departmentFunctions.offsets[d + 1]! - index.departmentFunctions.offsets[d]!;
  for (let d = 0; d < nD; d++) {
    const dept = m.departments[d]!;
    const functions = functionCount(d);
    const staff = dept.staff?.actual ?? dept.staff?.authorized ?? null;
    if (functions >= o.smallFunctions || (staff !== null && staff >= o.smallStaff)) continue;
    let into = -1;
    let reason: SmallDepartment["reason"] = "highest_overlap";
    let score = 0;
    if (bestOther[d]! >= 0) {
      into = bestOther[d]!;
      score = round(bestScore[d]!);
    } else if (index.departmentTree.parent[d]! >= 0) {
      into = index.departmentTree.parent[d]!;
      reason = "parent";
    } else {
      reason = "same_region";
      for (const e of row(index.regionDepartments, index.departmentRegion[d]!)) {
        if (e !== d && (into < 0 || functionCount(e) > functionCount(into))) into = e;
      }
    }
    if (into < 0) continue;
    smallDepartments.push({ departmentId: D[d]!, functions, staff, into: D[into]!, reason, score });
  }

  return {
    clusters,
    smallDepartments,
    summary: { departments: nD, linked: graph.order, clusters: clusters.length, smallDepartments: smallDepartments.length, modularity },
  };
}

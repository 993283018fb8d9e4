/**
 * Merge candidates: the communities Louvain finds in the overlap graph (Blondel, Guillaume, Lambiotte,
 * Lefebvre, "Fast unfolding of communities in large networks", J. Stat. Mech. 2008, via
 * graphology-communities-louvain, seeded), each with the duplication a merge would remove, its links, staff and
 * budget.
 * @internal
 * @module
 */
import louvain from "graphology-communities-louvain";
import type { ModelIndex } from "../../graph/index-model.js";
import { compareIds } from "../../model/records.js";
import { mulberry32 } from "../../random.js";
import type { DepartmentId, FunctionId, RegionId } from "../../schemas/ids.js";
import type { OverlapGraph } from "./overlap-graph.js";
import type { ConsolidationCluster } from "./types.js";

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** One community's record: its members, regions, the functions it would stop duplicating, links, staff, budget. */
function cluster(index: ModelIndex, members: number[], g: OverlapGraph, duplicatePairs: ReadonlyMap<number, ReadonlySet<number>>): ConsolidationCluster {
  const nD = index.departments.ids.length;
  const removes = new Set<number>();
  let links = 0;
  let total = 0;
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const key = members[i]! * nD + members[j]!;
      const w = g.weightOf.get(key);
      if (w !== undefined) {
        links++;
        total += w;
      }
      for (const f of duplicatePairs.get(key) ?? []) removes.add(f);
    }
  }
  // Unknown figures are left out of the sums and counted; a sum with no known figure is null, not 0.
  const staff: ConsolidationCluster["staff"] = { authorized: null, actual: null };
  let budget: number | null = null;
  const unknown = { authorized: 0, actual: 0, budget: 0 };
  const add = (sum: number | null, x: number | undefined, key: keyof typeof unknown) => {
    if (x === undefined) unknown[key]++;
    return x === undefined ? sum : (sum ?? 0) + x;
  };
  for (const d of members) {
    const dept = index.model.departments[d]!;
    staff.authorized = add(staff.authorized, dept.staff?.authorized, "authorized");
    staff.actual = add(staff.actual, dept.staff?.actual, "actual");
    budget = add(budget, dept.budget, "budget");
  }
  return {
    departmentIds: members.map((d) => index.departments.ids[d]! as DepartmentId),
    regionIds: [...new Set(members.map((d) => index.departmentRegion[d]!))].sort((x, y) => x - y).map((r) => index.regions.ids[r]! as RegionId),
    removesDuplication: [...removes].sort((x, y) => x - y).map((f) => index.functions.ids[f]! as FunctionId),
    links,
    meanOverlap: links === 0 ? 0 : round(total / links),
    staff,
    budget,
    unknown,
  };
}

/**
 * The clusters of two or more departments, most duplication removed first, and the partition's modularity.
 * @internal
 */
export function clusters(
  index: ModelIndex,
  g: OverlapGraph,
  duplicatePairs: ReadonlyMap<number, ReadonlySet<number>>,
  louvainOptions: { seed: number; resolution: number },
): { clusters: ConsolidationCluster[]; modularity: number } {
  const out: ConsolidationCluster[] = [];
  if (g.graph.size === 0) return { clusters: out, modularity: 0 };
  const detailed = louvain.detailed(g.graph, { rng: mulberry32(louvainOptions.seed), resolution: louvainOptions.resolution, getEdgeWeight: "weight" });
  const members = new Map<number, number[]>();
  g.graph.forEachNode((node) => {
    const c = detailed.communities[node]!;
    const list = members.get(c);
    const d = index.departments.of.get(node)!;
    if (list) list.push(d);
    else members.set(c, [d]);
  });
  for (const list of members.values()) if (list.length >= 2) out.push(cluster(index, list.sort((x, y) => x - y), g, duplicatePairs));
  out.sort(
    (a, b) => b.removesDuplication.length - a.removesDuplication.length || b.departmentIds.length - a.departmentIds.length || compareIds(a.departmentIds[0]!, b.departmentIds[0]!),
  );
  return { clusters: out, modularity: round(detailed.modularity) };
}

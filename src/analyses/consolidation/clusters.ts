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
import type { DuplicateGroups } from "../duplication/duplicate-groups.js";
import type { OverlapGraph } from "./overlap-graph.js";
import type { ConsolidationCluster } from "./types.js";

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The functions each community would stop duplicating: those of the duplicate groups with a pair inside it. */
function removedFunctions(index: ModelIndex, community: Int32Array, duplicates: DuplicateGroups): Map<number, Set<number>> {
  const removes = new Map<number, Set<number>>();
  const firstRegion = new Map<number, number>();
  const qualifies = new Set<number>();
  for (let g = 0; g < duplicates.size; g++) {
    firstRegion.clear();
    qualifies.clear();
    const crossLevel = duplicates.crossLevelOnly(g);
    for (const d of duplicates.membersOf(g)) {
      const c = community[d]!;
      if (c < 0) continue;
      const region = index.departmentRegion[d]!;
      const first = firstRegion.get(c);
      if (first === undefined) firstRegion.set(c, region);
      else if (!crossLevel || first !== region) qualifies.add(c);
    }
    for (const c of qualifies) {
      let set = removes.get(c);
      if (!set) removes.set(c, (set = new Set()));
      for (const f of duplicates.functionsOfGroup(g)) set.add(f);
    }
  }
  return removes;
}

/** The links inside each community and the sum of their weights, in the graph's edge order. */
function communityLinks(g: OverlapGraph, community: Int32Array, index: ModelIndex): { links: Map<number, number>; total: Map<number, number> } {
  const links = new Map<number, number>();
  const total = new Map<number, number>();
  g.graph.forEachEdge((_edge, attributes, source, target) => {
    const c = community[index.departments.of.get(source)!]!;
    if (c !== community[index.departments.of.get(target)!]) return;
    links.set(c, (links.get(c) ?? 0) + 1);
    total.set(c, (total.get(c) ?? 0) + (attributes.weight as number));
  });
  return { links, total };
}

/** One community's record: its members, regions, the functions it would stop duplicating, links, staff, budget. */
function cluster(index: ModelIndex, members: number[], removes: ReadonlySet<number> | undefined, links: number, total: number): ConsolidationCluster {
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
    removesDuplication: [...(removes ?? [])].sort((x, y) => x - y).map((f) => index.functions.ids[f]! as FunctionId),
    links,
    meanOverlap: links === 0 ? 0 : round(total / links),
    staff,
    budget,
    unknown,
  };
}

/**
 * The clusters of two or more departments, most duplication removed first, and the partition's modularity.
 * Linear in the graph's links and the duplicate groups' members: no loop over the pairs of a cluster.
 * @internal
 */
export function clusters(
  index: ModelIndex,
  g: OverlapGraph,
  duplicates: DuplicateGroups,
  louvainOptions: { seed: number; resolution: number },
): { clusters: ConsolidationCluster[]; modularity: number } {
  const out: ConsolidationCluster[] = [];
  if (g.graph.size === 0) return { clusters: out, modularity: 0 };
  const detailed = louvain.detailed(g.graph, { rng: mulberry32(louvainOptions.seed), resolution: louvainOptions.resolution, getEdgeWeight: "weight" });
  const community = new Int32Array(index.departments.ids.length).fill(-1);
  const members = new Map<number, number[]>();
  g.graph.forEachNode((node) => {
    const c = detailed.communities[node]!;
    const list = members.get(c);
    const d = index.departments.of.get(node)!;
    community[d] = c;
    if (list) list.push(d);
    else members.set(c, [d]);
  });
  const removes = removedFunctions(index, community, duplicates);
  const { links, total } = communityLinks(g, community, index);
  for (const [c, list] of members) {
    if (list.length >= 2) out.push(cluster(index, list.sort((x, y) => x - y), removes.get(c), links.get(c) ?? 0, total.get(c) ?? 0));
  }
  out.sort(
    (a, b) => b.removesDuplication.length - a.removesDuplication.length || b.departmentIds.length - a.departmentIds.length || compareIds(a.departmentIds[0]!, b.departmentIds[0]!),
  );
  return { clusters: out, modularity: round(detailed.modularity) };
}

/**
 * The exact list of duplicated functions of a model, by docs/duplication.md (after GAO-15-49SP): a function held as
 * `lead` by two or more departments whose jurisdiction regions are the same or one an ancestor of the other. Each
 * holder only looks up its own region's ancestors, so the cost is linear in assignments times tree depth, never
 * all pairs. Used by the generator to state its ground truth exactly.
 * @internal
 * @module
 */
import type { Model } from "../schemas/model.js";
import { compareIds } from "../model/records.js";

/** Every duplicated function with all its overlapping lead holders (sorted), sorted by function id. @internal */
export function duplicatedLeads(model: Model): { functionId: string; departmentIds: string[] }[] {
  const regionIndex = new Map<string, number>();
  model.regions.forEach((r, i) => regionIndex.set(r.id, i));
  const parent = Int32Array.from(model.regions, (r) => (r.parentId === undefined ? -1 : (regionIndex.get(r.parentId) ?? -1)));
  const deptRegion = new Map<string, number>();
  for (const d of model.departments) deptRegion.set(d.id, regionIndex.get(d.regionId) ?? -1);
  const leads = new Map<string, string[]>();
  for (const a of model.assignments) {
    if (a.role !== "lead") continue;
    const list = leads.get(a.functionId);
    if (list) list.push(a.departmentId);
    else leads.set(a.functionId, [a.departmentId]);
  }
  const out: { functionId: string; departmentIds: string[] }[] = [];
  for (const [functionId, holders] of leads) {
    if (holders.length < 2) continue;
    const at = new Map<number, string[]>();
    for (const d of holders) {
      const r = deptRegion.get(d) ?? -1;
      const list = at.get(r);
      if (list) list.push(d);
      else at.set(r, [d]);
    }
    const involved = new Set<string>();
    for (const [r, here] of at) {
      if (r < 0) continue;
      if (here.length > 1) for (const d of here) involved.add(d);
      for (let a = parent[r]!; a >= 0; a = parent[a]!) {
        const above = at.get(a);
        if (!above) continue;
        for (const d of above) involved.add(d);
        for (const d of here) involved.add(d);
      }
    }
    if (involved.size > 0) out.push({ functionId, departmentIds: [...involved].sort(compareIds) });
  }
  return out.sort((a, b) => compareIds(a.functionId, b.functionId));
}

/**
 * The exact list of unreached demand cells of a model, by the reach rule of docs/coverage.md: a (need, region)
 * cell with demand is reached when an active service that meets the need, targets the cell's segment (or everyone)
 * and serves the region (its `regionIds`, else its department's jurisdiction, with sub-regions) has a remote
 * channel (online, phone, mail, mobile) or is offered at a service point within `maxKm` great-circle kilometres of
 * the region. Used by the generator to state its ground truth exactly.
 * Demand cells without explicit `demand` are the leaf regions with a population, for each of the need's segments.
 * @internal
 * @module
 */
import { REMOTE_CHANNELS } from "../analyses/service-channels.js";
import { haversine } from "../analyses/accessibility/geo-grid.js";
import { compareIds } from "../model/records.js";
import type { Model } from "../schemas/model.js";
import { isActiveService } from "../schemas/service.js";

type Point = { lat: number; lon: number };

/** An active service as the reach rule sees it: segments, the regions it serves (with their sub-regions), how. */
interface Served {
  segmentIds: readonly string[];
  roots: number[];
  remote: boolean;
  points: Point[];
}

/** The region tree: each region's index and parent, the regions parents first, and the populated leaves. */
function regionTree(model: Model) {
  const regions = model.regions;
  const R = regions.length;
  const regionIndex = new Map<string, number>();
  regions.forEach((r, i) => regionIndex.set(r.id, i));
  const parent = new Int32Array(R).fill(-1);
  const isParent = new Uint8Array(R);
  regions.forEach((r, i) => {
    const p = r.parentId === undefined ? -1 : (regionIndex.get(r.parentId) ?? -1);
    parent[i] = p;
    if (p >= 0) isParent[p] = 1;
  });
  // Parents before children, so that one pass propagates reach down the tree.
  const depth = new Int32Array(R).fill(-1);
  for (let i = 0; i < R; i++) {
    let d = 0;
    for (let a = parent[i]!; a >= 0 && d <= R; a = parent[a]!) d++;
    depth[i] = d;
  }
  const topDown = [...Array(R).keys()].sort((a, b) => depth[a]! - depth[b]!);
  const leaves = topDown.filter((r) => !isParent[r] && regions[r]!.population! > 0);
  return { regionIndex, parent, topDown, leaves };
}

/** The active services meeting each need (by need position). */
function servicesByNeed(model: Model, regionIndex: ReadonlyMap<string, number>): Served[][] {
  const deptRegion = new Map<string, number>();
  for (const d of model.departments) deptRegion.set(d.id, regionIndex.get(d.regionId) ?? -1);
  const servicePoints = new Map<string, Point[]>();
  for (const p of model.servicePoints) {
    if (!p.location) continue;
    for (const s of p.serviceIds) {
      let list = servicePoints.get(s);
      if (!list) servicePoints.set(s, (list = []));
      list.push(p.location);
    }
  }
  const needIndex = new Map<string, number>();
  model.needs.forEach((n, i) => needIndex.set(n.id, i));
  const byNeed: Served[][] = model.needs.map(() => []);
  for (const s of model.services) {
    if (!isActiveService(s)) continue;
    const served: Served = {
      segmentIds: s.segmentIds,
      roots: (s.regionIds ? s.regionIds.map((r) => regionIndex.get(r) ?? -1) : [deptRegion.get(s.departmentId) ?? -1]).filter((r) => r >= 0),
      remote: s.channels.some((c) => REMOTE_CHANNELS.has(c.kind)),
      points: servicePoints.get(s.id) ?? [],
    };
    for (const n of s.needIds) {
      const ni = needIndex.get(n);
      if (ni !== undefined) byNeed[ni]!.push(served);
    }
  }
  return byNeed;
}

/** A need's demand cells: regions by segment (undefined: any segment). */
function needCells(need: Model["needs"][number], regionIndex: ReadonlyMap<string, number>, leaves: number[]): Map<string | undefined, number[]> {
  const cells = new Map<string | undefined, number[]>();
  if (need.demand) {
    for (const d of need.demand) {
      const r = regionIndex.get(d.regionId);
      if (r === undefined || !(d.volume > 0)) continue;
      const list = cells.get(d.segmentId) ?? [];
      list.push(r);
      cells.set(d.segmentId, list);
    }
  } else {
    for (const seg of need.segmentIds.length > 0 ? need.segmentIds : [undefined]) cells.set(seg, leaves);
  }
  return cells;
}

/** Every (need, region) cell with demand that no service reaches, sorted by need then region. @internal */
export function uncoveredCells(model: Model, maxKm = 30): { needId: string; regionId: string }[] {
  const regions = model.regions;
  const { regionIndex, parent, topDown, leaves } = regionTree(model);
  const byNeed = servicesByNeed(model, regionIndex);
  const mark = new Uint8Array(regions.length);
  const inPerson = new Map<number, Served[]>();
  // Reached in person: a service offered at a point within maxKm serves the region or an ancestor.
  const nearPoint = (r: number) => {
    const loc = regions[r]!.location;
    for (let a = r; a >= 0 && loc; a = parent[a]!) {
      for (const s of inPerson.get(a) ?? []) if (s.points.some((p) => haversine(loc.lat, loc.lon, p.lat, p.lon) <= maxKm)) return true;
    }
    return false;
  };
  const out: { needId: string; regionId: string }[] = [];
  model.needs.forEach((need, ni) => {
    const gaps = new Set<number>();
    for (const [segment, list] of needCells(need, regionIndex, leaves)) {
      mark.fill(0);
      inPerson.clear();
      for (const s of byNeed[ni]!) {
        if (segment !== undefined && s.segmentIds.length > 0 && !s.segmentIds.includes(segment)) continue;
        for (const r of s.roots) {
          if (s.remote) mark[r] = 1;
          else if (s.points.length > 0) inPerson.get(r)?.push(s) ?? inPerson.set(r, [s]);
        }
      }
      for (const r of topDown) if (!mark[r] && parent[r]! >= 0 && mark[parent[r]!]) mark[r] = 1;
      for (const r of list) if (!mark[r] && !gaps.has(r) && !nearPoint(r)) gaps.add(r);
    }
    const ids = [...gaps].map((r) => regions[r]!.id as string).sort(compareIds);
    for (const regionId of ids) out.push({ needId: need.id, regionId });
  });
  out.sort((a, b) => compareIds(a.needId, b.needId) || compareIds(a.regionId, b.regionId));
  return out;
}

/**
 * Sites: service points that no region can tell apart (the same location, the same services, both limited or both
 * unlimited, and no travel cost of their own) stand as one, the first of them, with their capacities added up and
 * their count as a weight multiplier. Every floating catchment gives the same access for a site as for its points
 * (docs/coverage.md, "Speed"), and the work per demand cell no longer grows with the number of points at one place.
 * @internal
 * @module
 */
import type { ModelIndex } from "../../graph/index-model.js";
import type { Model } from "../../schemas/model.js";

/** Each point's site. @internal */
export interface PointSites {
  /** The point standing for each point's site: the site's first point (itself when alone). */
  siteOf: Uint32Array;
  /** How many points each standing point stands for (0 for the others). */
  points: Uint32Array;
  /** The standing points, increasing. */
  standing: Uint32Array;
  /** True when some site has two or more points. */
  merged: boolean;
}

/** What tells a point apart from the regions' side: where it stands, what it offers, whether it has a capacity. */
function siteKey(model: Model, index: ModelIndex, p: number, named: Uint8Array): string | undefined {
  if (named[p]) return undefined;
  const point = model.servicePoints[p]!;
  const home = index.pointRegion[p]!;
  const region = model.regions[home]!;
  const at = point.location ?? region.location;
  const services = [...new Set(point.serviceIds)].sort().join(",");
  // Without a location on both sides, the cost depends on the point's own region (0 from it): keep the region.
  const where = at && region.location ? `${at.lat},${at.lon}` : `@${home}`;
  return `${where}|${point.capacity === undefined ? "u" : "c"}|${services}`;
}

/** Groups the service points of a model into sites. @internal */
export function pointSites(model: Model, index: ModelIndex): PointSites {
  const n = model.servicePoints.length;
  const named = new Uint8Array(n);
  for (const t of model.travelCosts) {
    const p = index.points.of.get(t.pointId);
    if (p !== undefined) named[p] = 1;
  }
  const siteOf = new Uint32Array(n);
  const points = new Uint32Array(n);
  const first = new Map<string, number>();
  let merged = false;
  for (let p = 0; p < n; p++) {
    const key = siteKey(model, index, p, named);
    const site = key === undefined ? undefined : first.get(key);
    if (site === undefined) {
      if (key !== undefined) first.set(key, p);
      siteOf[p] = p;
    } else {
      siteOf[p] = site;
      merged = true;
    }
    points[siteOf[p]!]!++;
  }
  const standing = merged ? Uint32Array.from(siteOf.filter((s, p) => s === p)) : Uint32Array.from(siteOf.keys());
  return { siteOf, points, standing, merged };
}

/** Adds each site's point capacities into its standing point's (supply `p` is point `p`). @internal */
export function siteCapacities(sites: PointSites, capacity: Float64Array): void {
  if (!sites.merged) return;
  for (let p = 0; p < sites.siteOf.length; p++) if (sites.siteOf[p] !== p) capacity[sites.siteOf[p]!]! += capacity[p]!;
}

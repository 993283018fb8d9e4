/**
 * The regions near each service point: the travel-cost grid's points near each region with demand
 * (travel-costs.ts, within `maxCost`), inverted so that each point lists its regions with their costs. Only the
 * point standing for each site is asked about (./sites.ts): its regions are those of every point of the site.
 * @internal
 * @module
 */
import { indexModel, type ModelIndex } from "../../graph/index-model.js";
import type { Model } from "../../schemas/model.js";
import { buildTravelCosts, type TravelCostTable } from "../travel-costs.js";
import type { PointSites } from "./sites.js";
import { float64s, uint32Copy, uint32s } from "../../typed-arrays.js";

/** The regions within reach of point `p` are `region[k]`, `cost[k]` for `k` in `start[p] .. start[p + 1]`. @internal */
export interface NearPoints {
  start: Uint32Array;
  region: Uint32Array;
  cost: Float64Array;
}

/**
 * The travel costs of the standing points only, as point indexes of the model: when sites merge points, the costs
 * are asked of a model that holds the standing points alone (the same regions and travel costs).
 */
function standingCosts(index: ModelIndex, wanted: Uint8Array, maxCost: number, sites: PointSites): TravelCostTable {
  if (!sites.merged) return buildTravelCosts(index, { maxCost, regions: wanted });
  const model = index.model;
  const servicePoints = Array.from(sites.standing, (p) => ({ ...model.servicePoints[p]!, serviceIds: [] }));
  const empty = { segments: [], departments: [], functions: [], assignments: [], services: [], needs: [], evidence: [] };
  const standing = { schemaVersion: 1, ...empty, regions: model.regions, servicePoints, travelCosts: model.travelCosts } as unknown as Model;
  const table = buildTravelCosts(indexModel(standing), { maxCost, regions: wanted });
  return { offsets: table.offsets, costs: table.costs, points: table.points.map((k) => sites.standing[k]!) };
}

/** What a result was computed from, beside the frozen service points it is kept under. */
interface NearEntry {
  regions: Model["regions"];
  travelCosts: Model["travelCosts"];
  maxCost: number;
  wanted: Uint8Array;
  near: NearPoints;
}

/**
 * Results kept by frozen service-point array: a model edited elsewhere (departments merged, services moved) shares
 * its points, regions and travel costs, so the costs are not searched again. Frozen arrays cannot change.
 */
const computed = new WeakMap<Model["servicePoints"], NearEntry>();

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The regions (among `wanted`) within `maxCost` of each standing point; reused for a model whose service points,
 * regions and travel costs are the same frozen arrays as those of the last model asked about. @internal
 */
export function nearPoints(index: ModelIndex, wanted: Uint8Array, maxCost: number, sites: PointSites): NearPoints {
  const { servicePoints, regions, travelCosts } = index.model;
  const frozen = Object.isFrozen(servicePoints) && Object.isFrozen(regions) && (travelCosts === undefined || Object.isFrozen(travelCosts));
  const entry = frozen ? computed.get(servicePoints) : undefined;
  if (entry && entry.regions === regions && entry.travelCosts === travelCosts && entry.maxCost === maxCost && sameBytes(entry.wanted, wanted)) return entry.near;
  const near = searchNearPoints(index, wanted, maxCost, sites);
  if (frozen) computed.set(servicePoints, { regions, travelCosts, maxCost, wanted: wanted.slice(), near });
  return near;
}

function searchNearPoints(index: ModelIndex, wanted: Uint8Array, maxCost: number, sites: PointSites): NearPoints {
  const nRegions = index.regions.ids.length;
  const nPoints = index.points.ids.length;
  const near = standingCosts(index, wanted, maxCost, sites);
  const start = uint32s(nPoints + 1);
  for (let k = 0; k < near.points.length; k++) start[near.points[k]! + 1]!++;
  for (let p = 0; p < nPoints; p++) start[p + 1]! += start[p]!;
  const region = uint32s(near.points.length);
  const cost = float64s(near.points.length);
  const cursor = uint32Copy(start, nPoints);
  for (let r = 0; r < nRegions; r++) {
    for (let k = near.offsets[r]!; k < near.offsets[r + 1]!; k++) {
      const at = cursor[near.points[k]!]!++;
      region[at] = r;
      cost[at] = near.costs[k]!;
    }
  }
  return { start, region, cost };
}

/**
 * The regions near each service point: the travel-cost grid's points near each region with demand
 * (travel-costs.ts, within `maxCost`), inverted so that each point lists its regions with their costs.
 * @internal
 * @module
 */
import type { ModelIndex } from "../../graph/index-model.js";
import { travelCosts } from "../travel-costs.js";

/** The regions within reach of point `p` are `region[k]`, `cost[k]` for `k` in `start[p] .. start[p + 1]`. @internal */
export interface NearPoints {
  start: Uint32Array;
  region: Uint32Array;
  cost: Float64Array;
}

/** The regions (among `wanted`) within `maxCost` of each point. @internal */
export function nearPoints(index: ModelIndex, wanted: Uint8Array, maxCost: number): NearPoints {
  const nRegions = index.regions.ids.length;
  const nPoints = index.points.ids.length;
  const near = travelCosts(index, { maxCost, regions: wanted });
  const start = new Uint32Array(nPoints + 1);
  for (let k = 0; k < near.points.length; k++) start[near.points[k]! + 1]!++;
  for (let p = 0; p < nPoints; p++) start[p + 1]! += start[p]!;
  const region = new Uint32Array(near.points.length);
  const cost = new Float64Array(near.points.length);
  const cursor = start.slice(0, nPoints);
  for (let r = 0; r < nRegions; r++) {
    for (let k = near.offsets[r]!; k < near.offsets[r + 1]!; k++) {
      const at = cursor[near.points[k]!]!++;
      region[at] = r;
      cost[at] = near.costs[k]!;
    }
  }
  return { start, region, cost };
}

import { describe, expect, it } from "vitest";
import { haversine } from "../../src/analyses/accessibility/geo-grid.js";
import { buildTravelCosts, generateModel, indexModel, parseModel, type Model, type ModelIndex } from "../../src/index.js";

/** Each region's (point, cost) row as the documentation says, pair by pair, sorted by point. */
function reference(index: ModelIndex, maxCost: number): [number, number][][] {
  const m = index.model;
  return m.regions.map((region, r) => {
    const given = new Map(m.travelCosts.filter((t) => t.regionId === region.id).map((t) => [index.points.of.get(t.pointId)!, t.cost]));
    const row: [number, number][] = [];
    m.servicePoints.forEach((point, p) => {
      const home = m.regions[index.pointRegion[p]!]!;
      const at = point.location ?? home.location;
      if (given.has(p)) {
        if (given.get(p)! <= maxCost) row.push([p, given.get(p)!]);
      } else if (region.location && at) {
        const km = haversine(region.location.lat, region.location.lon, at.lat, at.lon);
        if (km <= maxCost) row.push([p, km]);
      } else if (index.pointRegion[p] === r) row.push([p, 0]);
    });
    return row.sort((a, b) => a[0] - b[0]);
  });
}

function rows(index: ModelIndex, maxCost: number): [number, number][][] {
  const t = buildTravelCosts(index, { maxCost });
  return index.model.regions.map((_, r) => Array.from({ length: t.offsets[r + 1]! - t.offsets[r]! }, (_, k) => [t.points[t.offsets[r]! + k]!, t.costs[t.offsets[r]! + k]!] as [number, number]));
}

/** A county with given costs (some beyond `maxCost`), and some regions and points without a location. */
function county(seed: number): Model {
  const { model } = generateModel({ size: "county", seed });
  const points = model.servicePoints.map((p, i) => (i % 3 === 0 ? { ...p, location: undefined } : p));
  const regions = model.regions.map((r, i) => (i % 4 === 1 ? { ...r, location: undefined } : r));
  const travelCosts = model.regions.slice(0, 6).flatMap((r, i) => model.servicePoints.slice(i, i + 3).map((p, k) => ({ regionId: r.id, pointId: p.id, cost: k === 2 ? 500 : 3 + k })));
  return parseModel({ ...model, servicePoints: points, regions, travelCosts });
}

describe("buildTravelCosts", () => {
  it.each([1, 2, 3])("gives each region the points within maxCost, given costs first, sorted by point (county seed %i)", (seed) => {
    const index = indexModel(county(seed));
    for (const maxCost of [5, 30]) expect(rows(index, maxCost)).toEqual(reference(index, maxCost));
    expect(rows(index, 30).some((row) => row.length > 0)).toBe(true);
  });

  it("returns arrays of its own, on plain ArrayBuffers", () => {
    const index = indexModel(county(1));
    const a = buildTravelCosts(index, { maxCost: 30 });
    const b = buildTravelCosts(index, { maxCost: 30 });
    expect(a.points).not.toBe(b.points);
    expect(a.points.buffer).toBeInstanceOf(ArrayBuffer);
    expect(a.costs.buffer).toBeInstanceOf(ArrayBuffer);
    expect(a.points.length).toBe(a.offsets[a.offsets.length - 1]);
  });
});

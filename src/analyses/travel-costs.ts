/**
 * Travel costs
 * ============
 * The cost of reaching each service point from each region, within a maximum: the model's `travelCosts` when it
 * gives the pair, else the great-circle distance in km (haversine, mean Earth radius 6371.0088 km, IUGG) between
 * the region's location and the point's. Candidate points come from a latitude/longitude grid whose cells are as
 * wide as the maximum cost, so a region only visits the points of the cells around it: never an all-pairs matrix.
 */
import { GovGraphError } from "../errors.js";
import { isModelIndex, type ModelIndex } from "../graph/index-model.js";
import { checkArgument, checkArguments, deprecatedAlias, hasFields, isArrayOf, isFiniteNumber, isNumber, isString } from "../guard.js";
import { inRange, resolveOptions } from "../options.js";
import { EARTH_RADIUS_KM, GeoGrid, haversine } from "./accessibility/geo-grid.js";
import type { CatchmentCost } from "./accessibility/types.js";
import { f64, u32 } from "./typed-column.js";

export { EARTH_RADIUS_KM };

const isLatLon = hasFields({ lat: isFiniteNumber, lon: isFiniteNumber }, "a point { lat, lon }");
const isLocations = isArrayOf(hasFields({ id: isString, lat: isNumber, lon: isNumber }, "a location { id, lat, lon }"), "locations");

/** A point on the Earth in decimal degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

/**
 * The great-circle distance between two points in km (haversine formula).
 * @example greatCircleKm({ lat: 51.5, lon: -0.12 }, { lat: 48.86, lon: 2.35 }) // ~343.6
 */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  checkArguments("greatCircleKm", [["a", a, isLatLon], ["b", b, isLatLon]], "Pass two points { lat, lon } in decimal degrees");
  return haversine(a.lat, a.lon, b.lat, b.lon);
}

/** Region-to-point costs within a maximum, as compressed rows: the points of region `r` are `points[offsets[r] .. offsets[r + 1])`. */
export interface TravelCostTable {
  readonly offsets: Uint32Array;
  /** Point indexes (the model's service point order), increasing within each row. */
  readonly points: Uint32Array;
  /** The cost of each pair, aligned with `points`. */
  readonly costs: Float64Array;
}

/** Options of {@link buildTravelCosts}. */
export interface TravelCostOptions {
  /** Pairs costing more are left out (inclusive). Required. */
  maxCost: number;
  /** Compute only the rows of these regions (1 = wanted); other rows are empty. Default: every region. */
  regions?: Uint8Array;
}

const TRAVEL_COST_DEFAULTS = { maxCost: undefined as number | undefined, regions: undefined as Uint8Array | undefined };

/** Resolves `{maxCost}` options (required, non-negative), naming the function in errors. */
function resolveMaxCost<D extends { maxCost: number | undefined }>(defaults: D, options: unknown, fn: string, extra = {}): D & { maxCost: number } {
  const resolved = resolveOptions(defaults, options, fn, { maxCost: inRange(0, Number.POSITIVE_INFINITY), ...extra });
  if (resolved.maxCost === undefined) throw new GovGraphError("invalid_input", `${fn}: maxCost is missing. Give the largest cost to keep, a non-negative number.`);
  return resolved as D & { maxCost: number };
}

/** The model's own costs, as compressed rows by region. */
function givenCosts(index: ModelIndex) {
  const nRegions = index.regions.ids.length;
  const offsets = new Uint32Array(nRegions + 1);
  const pairs = index.model.travelCosts.map((t) => [index.regions.of.get(t.regionId), index.points.of.get(t.pointId), t.cost] as const);
  for (const [r, p] of pairs) {
    if (r === undefined || p === undefined) throw new GovGraphError("invalid_model", "buildTravelCosts: a travel cost refers to an unknown region or point. Run validateModel first.");
    offsets[r + 1]!++;
  }
  for (let r = 0; r < nRegions; r++) offsets[r + 1]! += offsets[r]!;
  const points = new Uint32Array(pairs.length);
  const costs = new Float64Array(pairs.length);
  const cursor = offsets.slice(0, nRegions);
  for (const [r, p, c] of pairs) {
    points[cursor[r!]!] = p!;
    costs[cursor[r!]!++] = c;
  }
  return { offsets, points, costs };
}

/** Where regions and points are: a point without a location stands at its region's. */
function locations(index: ModelIndex) {
  const nRegions = index.regions.ids.length;
  const nPoints = index.points.ids.length;
  const region = { located: new Uint8Array(nRegions), lat: new Float64Array(nRegions), lon: new Float64Array(nRegions) };
  index.model.regions.forEach((r, i) => {
    if (!r.location) return;
    region.located[i] = 1;
    region.lat[i] = r.location.lat;
    region.lon[i] = r.location.lon;
  });
  const point = { located: new Uint8Array(nPoints), lat: new Float64Array(nPoints), lon: new Float64Array(nPoints) };
  index.model.servicePoints.forEach((p, i) => {
    const home = index.pointRegion[i]!;
    const at = p.location ?? (region.located[home] ? { lat: region.lat[home]!, lon: region.lon[home]! } : undefined);
    if (!at) return;
    point.located[i] = 1;
    point.lat[i] = at.lat;
    point.lon[i] = at.lon;
  });
  return { region, point };
}

/** The points of each region, as compressed rows. */
function pointsByRegion(index: ModelIndex) {
  const nRegions = index.regions.ids.length;
  const nPoints = index.points.ids.length;
  const offsets = new Uint32Array(nRegions + 1);
  for (let p = 0; p < nPoints; p++) offsets[index.pointRegion[p]! + 1]!++;
  for (let r = 0; r < nRegions; r++) offsets[r + 1]! += offsets[r]!;
  const points = new Uint32Array(nPoints);
  const cursor = offsets.slice(0, nRegions);
  for (let p = 0; p < nPoints; p++) points[cursor[index.pointRegion[p]!]!++] = p;
  return { offsets, points };
}

/**
 * The cost of reaching each service point from each region, up to `maxCost`: the model's `travelCosts` for the pairs
 * it gives; else the great-circle km between the region's location and the point's (a point without a location stands
 * at its region's); a point in the region itself costs 0 when no distance can be computed.
 * @example
 * const table = buildTravelCosts(indexModel(model), { maxCost: 30 });
 */
export function buildTravelCosts(index: ModelIndex, options: TravelCostOptions): TravelCostTable {
  checkArgument("buildTravelCosts", "index", index, isModelIndex, "Pass indexModel(model) and { maxCost }");
  const { maxCost, regions: wanted } = resolveMaxCost(TRAVEL_COST_DEFAULTS, options, "buildTravelCosts", { regions: (v: unknown) => (v instanceof Uint8Array ? undefined : "must be a Uint8Array") });
  const nRegions = index.regions.ids.length;
  const given = givenCosts(index);
  const { region, point } = locations(index);
  const inRegion = pointsByRegion(index);
  const grid = new GeoGrid(point.lat, point.lon, (p) => point.located[p] === 1, maxCost);
  const nPoints = index.points.ids.length;
  const stamp = new Int32Array(nPoints).fill(-1);
  const offsets = new Uint32Array(nRegions + 1);
  // Typed columns, and a row sorted as a typed array (numeric order, no comparator): a national model has millions
  // of (region, point) pairs.
  const outPoints = u32(nPoints);
  const outCosts = f64(nPoints);
  const row = u32(64);
  const rowCost = new Float64Array(nPoints);
  const take = (p: number, cost: number) => {
    row.push(p);
    rowCost[p] = cost;
  };
  for (let r = 0; r < nRegions; r++) {
    if (!wanted || wanted[r]) {
      row.size = 0;
      for (let k = given.offsets[r]!; k < given.offsets[r + 1]!; k++) {
        stamp[given.points[k]!] = r;
        if (given.costs[k]! <= maxCost) take(given.points[k]!, given.costs[k]!);
      }
      if (region.located[r]) grid.within(region.lat[r]!, region.lon[r]!, maxCost, (p, km) => {
        if (stamp[p] !== r) take(p, km);
      });
      for (let k = inRegion.offsets[r]!; k < inRegion.offsets[r + 1]!; k++) {
        const p = inRegion.points[k]!;
        if (stamp[p] !== r && !(region.located[r] && point.located[p])) take(p, 0);
      }
      const sorted = row.values().sort();
      for (let k = 0; k < sorted.length; k++) {
        outPoints.push(sorted[k]!);
        outCosts.push(rowCost[sorted[k]!]!);
      }
    }
    offsets[r + 1] = outPoints.size;
  }
  // Copies on plain ArrayBuffers: what the function returns is the caller's.
  return { offsets, points: outPoints.values().slice(), costs: outCosts.values().slice() };
}

/** A located record for {@link buildGeoCosts}. */
export interface GeoLocation extends LatLon {
  id: string;
}

/**
 * Great-circle costs (km) from every `from` location to every `to` location within `maxCost`, found through the grid:
 * the `costs` input of {@link floatingCatchment} for located demand and supply.
 * @example
 * floatingCatchment({ demand, supply, costs: buildGeoCosts(towns, clinics, { maxCost: 30 }) })
 */
export function buildGeoCosts(from: readonly GeoLocation[], to: readonly GeoLocation[], options: { maxCost: number }): CatchmentCost[] {
  checkArguments("buildGeoCosts", [["from", from, isLocations], ["to", to, isLocations]], "Pass two lists of {id, lat, lon} and { maxCost }");
  const { maxCost } = resolveMaxCost({ maxCost: undefined as number | undefined }, options, "buildGeoCosts");
  const lat = Float64Array.from(to, (t) => t.lat);
  const lon = Float64Array.from(to, (t) => t.lon);
  const grid = new GeoGrid(lat, lon, (i) => Number.isFinite(lat[i]!) && Number.isFinite(lon[i]!), maxCost);
  const costs: CatchmentCost[] = [];
  const found: [number, number][] = [];
  for (const f of from) {
    found.length = 0;
    grid.within(f.lat, f.lon, maxCost, (i, km) => found.push([i, km]));
    found.sort((a, b) => a[0] - b[0]);
    for (const [i, km] of found) costs.push({ from: f.id, to: to[i]!.id, cost: km });
  }
  return costs;
}

/** @deprecated Use {@link buildTravelCosts} (same function, named for what it does). */
export const travelCosts = deprecatedAlias("travelCosts", "buildTravelCosts", buildTravelCosts);

/** @deprecated Use {@link buildGeoCosts} (same function, named for what it does). */
export const geoCosts = deprecatedAlias("geoCosts", "buildGeoCosts", buildGeoCosts);

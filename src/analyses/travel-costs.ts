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
import { checkArguments, hasFields, isArrayOf, isFiniteNumber, isNumber, isString } from "../guard.js";
import { inRange } from "../options.js";
import type { CatchmentCost } from "./accessibility.js";

const isLatLon = hasFields({ lat: isFiniteNumber, lon: isFiniteNumber }, "a point { lat, lon }");
const isLocations = isArrayOf(hasFields({ id: isString, lat: isNumber, lon: isNumber }, "a location { id, lat, lon }"), "locations");

/** Mean Earth radius in km (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;
const RAD = Math.PI / 180;

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

function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const s1 = Math.sin(((lat2 - lat1) * RAD) / 2);
  const s2 = Math.sin(((lon2 - lon1) * RAD) / 2);
  const h = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A static grid over latitude/longitude for radius queries in km, with cells about as wide as the radius.
 * Cells are keyed `row * columns + column` and points sorted by key, so a query binary-searches each row's span.
 * @internal
 */
export class _GeoGrid {
  private readonly cell: number;
  private readonly columns: number;
  private readonly rows: number;
  private readonly keys: Float64Array;
  private readonly order: Uint32Array;

  constructor(
    private readonly lat: Float64Array,
    private readonly lon: Float64Array,
    located: (i: number) => boolean,
    radiusKm: number,
  ) {
    // Whole columns around the globe, each at least as wide as the radius (and no narrower than 0.001 degrees).
    this.columns = Math.max(1, Math.floor(360 / Math.min(360, Math.max(0.001, radiusKm / KM_PER_DEGREE))));
    this.cell = 360 / this.columns;
    this.rows = Math.ceil(180 / this.cell);
    const members: number[] = [];
    for (let i = 0; i < lat.length; i++) if (located(i)) members.push(i);
    const key = new Float64Array(lat.length);
    for (const i of members) key[i] = this.row(lat[i]!) * this.columns + this.column(lon[i]!);
    members.sort((a, b) => key[a]! - key[b]! || a - b);
    this.order = Uint32Array.from(members);
    this.keys = Float64Array.from(members, (i) => key[i]!);
  }

  private row(lat: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((lat + 90) / this.cell)));
  }

  private column(lon: number): number {
    return Math.min(this.columns - 1, Math.max(0, Math.floor((lon + 180) / this.cell)));
  }

  /** Calls `visit(i, km)` for every point within `radiusKm` (inclusive) of (lat, lon), in increasing `i` per cell. */
  within(lat: number, lon: number, radiusKm: number, visit: (i: number, km: number) => void): void {
    const angle = radiusKm / EARTH_RADIUS_KM;
    const dLat = angle / RAD;
    const r0 = this.row(lat - dLat);
    const r1 = this.row(lat + dLat);
    // The widest longitude span of a spherical cap; the whole circle when it reaches a pole.
    const cosLat = Math.cos(lat * RAD);
    const span = angle >= Math.PI / 2 - Math.abs(lat * RAD) || Math.sin(angle) >= cosLat ? 180 : Math.asin(Math.sin(angle) / cosLat) / RAD;
    const spans: [number, number][] = [];
    if (span >= 180) spans.push([0, this.columns - 1]);
    else {
      const c0 = Math.floor((lon - span + 180) / this.cell);
      const c1 = Math.floor((lon + span + 180) / this.cell);
      if (c1 - c0 + 1 >= this.columns) spans.push([0, this.columns - 1]);
      else if (c0 < 0) spans.push([c0 + this.columns, this.columns - 1], [0, c1]);
      else if (c1 >= this.columns) spans.push([c0, this.columns - 1], [0, c1 - this.columns]);
      else spans.push([c0, c1]);
    }
    const keys = this.keys;
    for (let r = r0; r <= r1; r++) {
      for (const [a, b] of spans) {
        const lo = r * this.columns + a;
        const hi = r * this.columns + b;
        let low = 0;
        let high = keys.length;
        while (low < high) {
          const mid = (low + high) >>> 1;
          if (keys[mid]! < lo) low = mid + 1;
          else high = mid;
        }
        for (let n = low; n < keys.length && keys[n]! <= hi; n++) {
          const i = this.order[n]!;
          const km = haversine(lat, lon, this.lat[i]!, this.lon[i]!);
          if (km <= radiusKm) visit(i, km);
        }
      }
    }
  }
}

/** Region-to-point costs within a maximum, as compressed rows: the points of region `r` are `points[offsets[r] .. offsets[r + 1])`. */
export interface TravelCostTable {
  readonly offsets: Uint32Array;
  /** Point indexes (the model's service point order), increasing within each row. */
  readonly points: Uint32Array;
  /** The cost of each pair, aligned with `points`. */
  readonly costs: Float64Array;
}

/** Options of {@link travelCosts}. */
export interface TravelCostOptions {
  /** Pairs costing more are left out (inclusive). */
  maxCost: number;
  /** Compute only the rows of these regions (1 = wanted); other rows are empty. Default: every region. */
  regions?: Uint8Array;
}

function growable() {
  let points = new Uint32Array(1024);
  let costs = new Float64Array(1024);
  let size = 0;
  return {
    push(p: number, c: number) {
      if (size === points.length) {
        const np = new Uint32Array(size * 2);
        np.set(points);
        points = np;
        const nc = new Float64Array(size * 2);
        nc.set(costs);
        costs = nc;
      }
      points[size] = p;
      costs[size++] = c;
    },
    get size() {
      return size;
    },
    done: () => ({ points: points.slice(0, size), costs: costs.slice(0, size) }),
  };
}

/**
 * The cost of reaching each service point from each region, up to `maxCost`: the model's `travelCosts` for the pairs
 * it gives; else the great-circle km between the region's location and the point's (a point without a location stands
 * at its region's); a point in the region itself costs 0 when no distance can be computed.
 * @example
 * const table = travelCosts(indexModel(model), { maxCost: 30 });
 */
export function travelCosts(index: ModelIndex, options: TravelCostOptions): TravelCostTable {
  checkArguments("travelCosts", [["index", index, isModelIndex], ["options", options, hasFields({ maxCost: inRange(0, Infinity) }, "an object {maxCost, regions?}")]], "Pass indexModel(model) and { maxCost }");
  const { maxCost } = options;
  const model = index.model;
  const nRegions = index.regions.ids.length;
  const nPoints = index.points.ids.length;
  const wanted = options.regions;

  // The model's own costs, by region.
  const given = new Uint32Array(nRegions + 1);
  const pairs = model.travelCosts.map((t) => [index.regions.of.get(t.regionId), index.points.of.get(t.pointId), t.cost] as const);
  for (const [r, p] of pairs) {
    if (r === undefined || p === undefined) throw new GovGraphError("invalid_model", "travelCosts: a travel cost refers to an unknown region or point. Run validateModel first.");
    given[r + 1]!++;
  }
  for (let r = 0; r < nRegions; r++) given[r + 1]! += given[r]!;
  const givenPoint = new Uint32Array(pairs.length);
  const givenCost = new Float64Array(pairs.length);
  {
    const cursor = given.slice(0, nRegions);
    for (const [r, p, c] of pairs) {
      givenPoint[cursor[r!]!] = p!;
      givenCost[cursor[r!]!++] = c;
    }
  }

  // Locations: a point without one stands at its region's.
  const regionLocated = new Uint8Array(nRegions);
  const regionLat = new Float64Array(nRegions);
  const regionLon = new Float64Array(nRegions);
  model.regions.forEach((region, r) => {
    if (region.location) {
      regionLocated[r] = 1;
      regionLat[r] = region.location.lat;
      regionLon[r] = region.location.lon;
    }
  });
  const pointLocated = new Uint8Array(nPoints);
  const pointLat = new Float64Array(nPoints);
  const pointLon = new Float64Array(nPoints);
  model.servicePoints.forEach((point, p) => {
    const home = index.pointRegion[p]!;
    const at = point.location ?? (regionLocated[home] ? { lat: regionLat[home]!, lon: regionLon[home]! } : undefined);
    if (at) {
      pointLocated[p] = 1;
      pointLat[p] = at.lat;
      pointLon[p] = at.lon;
    }
  });
  const regionPoints = new Uint32Array(nRegions + 1);
  for (let p = 0; p < nPoints; p++) regionPoints[index.pointRegion[p]! + 1]!++;
  for (let r = 0; r < nRegions; r++) regionPoints[r + 1]! += regionPoints[r]!;
  const inRegion = new Uint32Array(nPoints);
  {
    const cursor = regionPoints.slice(0, nRegions);
    for (let p = 0; p < nPoints; p++) inRegion[cursor[index.pointRegion[p]!]!++] = p;
  }

  const grid = new _GeoGrid(pointLat, pointLon, (p) => pointLocated[p] === 1, maxCost);
  const stamp = new Int32Array(nPoints).fill(-1);
  const offsets = new Uint32Array(nRegions + 1);
  const out = growable();
  const rowPoints: number[] = [];
  const rowCost = new Float64Array(nPoints);
  for (let r = 0; r < nRegions; r++) {
    if (!wanted || wanted[r]) {
      rowPoints.length = 0;
      for (let k = given[r]!; k < given[r + 1]!; k++) {
        const p = givenPoint[k]!;
        stamp[p] = r;
        if (givenCost[k]! <= maxCost) {
          rowPoints.push(p);
          rowCost[p] = givenCost[k]!;
        }
      }
      if (regionLocated[r]) {
        grid.within(regionLat[r]!, regionLon[r]!, maxCost, (p, km) => {
          if (stamp[p] === r) return;
          rowPoints.push(p);
          rowCost[p] = km;
        });
      }
      for (let k = regionPoints[r]!; k < regionPoints[r + 1]!; k++) {
        const p = inRegion[k]!;
        if (stamp[p] === r || (regionLocated[r] && pointLocated[p])) continue;
        rowPoints.push(p);
        rowCost[p] = 0;
      }
      rowPoints.sort((a, b) => a - b);
      for (const p of rowPoints) out.push(p, rowCost[p]!);
    }
    offsets[r + 1] = out.size;
  }
  return { offsets, ...out.done() };
}

/** A located record for {@link geoCosts}. */
export interface GeoLocation extends LatLon {
  id: string;
}

/**
 * Great-circle costs (km) from every `from` location to every `to` location within `maxCost`, found through the grid:
 * the `costs` input of {@link floatingCatchment} for located demand and supply.
 * @example
 * floatingCatchment({ demand, supply, costs: geoCosts(towns, clinics, { maxCost: 30 }) })
 */
export function geoCosts(from: readonly GeoLocation[], to: readonly GeoLocation[], options: { maxCost: number }): CatchmentCost[] {
  checkArguments("geoCosts", [["from", from, isLocations], ["to", to, isLocations], ["options", options, hasFields({ maxCost: inRange(0, Infinity) }, "an object {maxCost}")]], "Pass two lists of {id, lat, lon} and { maxCost }");
  const { maxCost } = options;
  const lat = Float64Array.from(to, (t) => t.lat);
  const lon = Float64Array.from(to, (t) => t.lon);
  const grid = new _GeoGrid(lat, lon, (i) => Number.isFinite(lat[i]!) && Number.isFinite(lon[i]!), maxCost);
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

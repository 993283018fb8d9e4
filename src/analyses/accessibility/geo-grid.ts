/**
 * Great-circle distances and a latitude/longitude grid for radius queries, so that pairs within a distance are found
 * without an all-pairs matrix. Haversine formula, mean Earth radius 6371.0088 km (IUGG).
 */

/** Mean Earth radius in km (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;
const RAD = Math.PI / 180;

/** The great-circle distance in km between two points given in decimal degrees. @internal */
export function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
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
export class GeoGrid {
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

  /** The column spans `[first, last]` a circle of `angle` radians around (lat, lon) can touch. */
  private spans(lat: number, lon: number, angle: number): [number, number][] {
    // The widest longitude span of a spherical cap; the whole circle when it reaches a pole.
    const cosLat = Math.cos(lat * RAD);
    const span = angle >= Math.PI / 2 - Math.abs(lat * RAD) || Math.sin(angle) >= cosLat ? 180 : Math.asin(Math.sin(angle) / cosLat) / RAD;
    if (span >= 180) return [[0, this.columns - 1]];
    const c0 = Math.floor((lon - span + 180) / this.cell);
    const c1 = Math.floor((lon + span + 180) / this.cell);
    if (c1 - c0 + 1 >= this.columns) return [[0, this.columns - 1]];
    if (c0 < 0) return [[c0 + this.columns, this.columns - 1], [0, c1]];
    if (c1 >= this.columns) return [[c0, this.columns - 1], [0, c1 - this.columns]];
    return [[c0, c1]];
  }

  /** Calls `visit(i, km)` for every point within `radiusKm` (inclusive) of (lat, lon), in increasing `i` per cell. */
  within(lat: number, lon: number, radiusKm: number, visit: (i: number, km: number) => void): void {
    const angle = radiusKm / EARTH_RADIUS_KM;
    const dLat = angle / RAD;
    const spans = this.spans(lat, lon, angle);
    const keys = this.keys;
    for (let r = this.row(lat - dLat); r <= this.row(lat + dLat); r++) {
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

/**
 * The region tree of a synthetic government: a nation of provinces, provinces of counties, counties of
 * townships scattered 3 to 24 km around their county seat (planted "remote" townships 36 to 48 km away).
 * @internal
 * @module
 */
import { SYLLABLES } from "./catalogue.js";
import type { Rng } from "../random.js";

/** A township (leaf region). @internal */
export interface TownshipPlan {
  id: string;
  name: string;
  population: number;
  lat: number;
  lon: number;
  remote: boolean;
}

/** A county with its townships. @internal */
export interface CountyPlan {
  id: string;
  name: string;
  population: number;
  lat: number;
  lon: number;
  provinceId: string | undefined;
  townships: TownshipPlan[];
}

/** A province with its counties. @internal */
export interface ProvincePlan {
  id: string;
  name: string;
  population: number;
  lat: number;
  lon: number;
  counties: CountyPlan[];
}

/** The shape of the region tree a tier asks for. @internal */
export interface GeographyShape {
  /** 0: the root is a single county. */
  provinces: number;
  counties: number;
  townships: readonly [number, number];
  remoteTownships: number;
}

const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const placeName = (rng: Rng) => cap(rng.pick(SYLLABLES) + rng.pick(SYLLABLES));
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Moves a point `km` kilometres along `bearing` (radians), flat-earth approximation. @internal */
export function offset(lat: number, lon: number, km: number, bearing: number): { lat: number; lon: number } {
  const dLat = (km * Math.cos(bearing)) / 111.32;
  const dLon = (km * Math.sin(bearing)) / (111.32 * Math.cos((lat * Math.PI) / 180));
  return { lat: round6(lat + dLat), lon: round6(lon + dLon) };
}

/** Rounds to 6 decimals (about 10 cm), so coordinates print short and stay deterministic. @internal */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function makeCounty(rng: Rng, id: string, provinceId: string | undefined, lat: number, lon: number, range: readonly [number, number], remote: boolean): CountyPlan {
  const n = rng.int(range[0], range[1]);
  const townships: TownshipPlan[] = [];
  let population = 0;
  for (let t = 1; t <= n; t++) {
    const isRemote = remote && t === n;
    // The first township is the county seat town: larger and close by.
    const km = t === 1 ? rng.float(0.5, 2) : isRemote ? rng.float(36, 48) : rng.float(3, 24);
    const at = offset(lat, lon, km, rng.float(0, 2 * Math.PI));
    const pop = t === 1 ? rng.int(80_000, 200_000) : rng.int(12_000, 70_000);
    population += pop;
    townships.push({ id: `${id}-T${pad(t, 2)}`, name: `${placeName(rng)} Town`, population: pop, ...at, remote: isRemote });
  }
  return { id, name: `${placeName(rng)} County`, population, lat: round6(lat), lon: round6(lon), provinceId, townships };
}

/**
 * Lays out the provinces, counties and townships of a tier. Counties chosen for a remote township get one
 * (their last) placed beyond 30 km of the county seat.
 * @internal
 */
export function makeGeography(rng: Rng, shape: GeographyShape): { provinces: ProvincePlan[]; counties: CountyPlan[] } {
  const counties: CountyPlan[] = [];
  const provinces: ProvincePlan[] = [];
  const remote = new Set(rng.sample([...Array(shape.counties).keys()], shape.remoteTownships));
  if (shape.provinces === 0) {
    counties.push(makeCounty(rng, "C001", undefined, 30.52, 114.31, shape.townships, remote.has(0)));
    return { provinces, counties };
  }
  const cols = Math.ceil(Math.sqrt(shape.provinces));
  const cellLat = shape.provinces === 1 ? 4 : 24 / cols;
  const cellLon = shape.provinces === 1 ? 5 : 40 / cols;
  let countyIndex = 0;
  for (let p = 0; p < shape.provinces; p++) {
    const id = `P${pad(p + 1, 2)}`;
    const south = shape.provinces === 1 ? 28 : 22 + Math.floor(p / cols) * cellLat;
    const west = shape.provinces === 1 ? 110.5 : 85 + (p % cols) * cellLon;
    const count = Math.floor(((p + 1) * shape.counties) / shape.provinces) - Math.floor((p * shape.counties) / shape.provinces);
    const plan: ProvincePlan = { id, name: `${placeName(rng)} Province`, population: 0, lat: round6(south + cellLat / 2), lon: round6(west + cellLon / 2), counties: [] };
    for (let c = 1; c <= count; c++) {
      const lat = south + rng.float(0.1, 0.9) * cellLat;
      const lon = west + rng.float(0.1, 0.9) * cellLon;
      const county = makeCounty(rng, `${id}-C${pad(c, 3)}`, id, lat, lon, shape.townships, remote.has(countyIndex++));
      plan.counties.push(county);
      plan.population += county.population;
      counties.push(county);
    }
    provinces.push(plan);
  }
  return { provinces, counties };
}

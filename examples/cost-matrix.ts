/**
 * Spatial access from a routing engine's travel-time matrix: stream an `origin,destination,cost` CSV into typed
 * arrays (no object per row) and run a 2SFCA with a 30-minute catchment. Run it with
 * `npx tsx examples/cost-matrix.ts [matrix.csv]`: without a file it uses the small matrix below.
 */
import { createReadStream } from "node:fs";
import { pathToFileURL } from "node:url";
import { floatingCatchment, readCostMatrix, type CatchmentResult } from "../src/index.js";

const towns = [
  { id: "north", value: 1000 },
  { id: "south", value: 3000 },
  { id: "east", value: 500 },
];
const clinics = [
  { id: "clinic", value: 5 },
  { id: "hospital", value: 20 },
];

/** Minutes by road, as OSRM's or Valhalla's matrix tools export them (one pair per row, unroutable pairs empty). */
export const SAMPLE_MATRIX = `origin,destination,cost
north,clinic,12
north,hospital,41
south,clinic,27
south,hospital,18
east,clinic,
east,hospital,55
`;

/** Reads the matrix from chunks (a file stream, `fetch(url).body`, or any async iterable) and measures access. */
export async function accessFromMatrix(chunks: AsyncIterable<string | Uint8Array> | ReadableStream<Uint8Array>): Promise<CatchmentResult[]> {
  const costs = await readCostMatrix(chunks, { demand: towns, supply: clinics });
  return floatingCatchment({ demand: towns, supply: clinics, costs, method: "2sfca", maxCost: 30 });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  const chunks = file ? createReadStream(file) : new Blob([SAMPLE_MATRIX]).stream();
  for (const { id, access } of await accessFromMatrix(chunks)) console.log(`${id}: ${Number.isNaN(access) ? "no clinic within 30 minutes" : `${(access * 1000).toFixed(2)} doctors per 1,000 people`}`);
}

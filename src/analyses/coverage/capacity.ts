/**
 * Capacity: the share of each reached cell's demand served within capacity, 1 where an unlimited supply reaches
 * it, else a floating catchment (Luo & Wang 2003; accessibility.ts) of the limited supplies over the cells that
 * have no unlimited way in, capped at 1 (docs/coverage.md).
 * @internal
 * @module
 */
import { catchmentAccess, type CatchmentMethod } from "../accessibility.js";
import type { Reach } from "./reach.js";

/** The share of each cell's demand served within capacity, written into `into` when given (a number per cell). @internal */
export function capacityShares(method: CatchmentMethod, volume: Float64Array, reach: Reach, supply: Float64Array, into?: Float64Array): Float64Array {
  const { reached, unlimited, pairCell, pairSupply, pairWeight } = reach;
  const nCells = reached.length;
  const P = into ?? new Float64Array(nCells);
  for (let c = 0; c < nCells; c++) P[c] = unlimited[c] ? 0 : volume[c]!;
  const count = pairCell.size;
  const inReach = new Uint8Array(count);
  for (let k = 0; k < count; k++) inReach[k] = pairWeight.data[k]! > 0 ? 1 : 0;
  // The access, then the shares, take the place of the demand given to the catchment, which is read only before the
  // access is written: on a national model each array of cells is tens of megabytes, and every 64 MB of new typed
  // arrays costs a full garbage collection.
  const share = catchmentAccess(method, P, supply, { count, from: pairCell.data, to: pairSupply.data, w: pairWeight.data, inReach }, P);
  for (let c = 0; c < nCells; c++) share[c] = !reached[c] ? 0 : unlimited[c] ? 1 : Number.isNaN(share[c]!) ? 0 : Math.min(1, share[c]!);
  return share;
}

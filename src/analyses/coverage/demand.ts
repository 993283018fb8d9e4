/**
 * Demand cells: the (need, region, segment) cells with their yearly volume, from each need's `demand`, else the
 * population of the leaf regions (docs/coverage.md).
 * @internal
 * @module
 */
import type { ModelIndex } from "../../graph/index-model.js";
import type { Model } from "../../schemas/model.js";
import { int32s, workingBuffer } from "../../typed-arrays.js";

/** The demand cells, grouped by need. @internal */
export interface DemandCells {
  region: Int32Array;
  /** The cell's segment, -1 for everyone. */
  segment: Int32Array;
  volume: Float64Array;
  nCells: number;
  /** The cells of need `n` are `needStart[n] .. needStart[n + 1]`. */
  needStart: Uint32Array;
  /** The segments of each need's cells, sorted (-1: everyone). */
  needSegments: Int32Array[];
  /** The most segments a need's cells have. */
  maxSegments: number;
}

/** The leaf regions with a population. */
function populatedLeaves(model: Model, index: ModelIndex): number[] {
  const { offsets } = index.regionTree.children;
  const leaves: number[] = [];
  for (let r = 0; r < index.regions.ids.length; r++) if (offsets[r + 1] === offsets[r] && (model.regions[r]!.population ?? 0) > 0) leaves.push(r);
  return leaves;
}

/**
 * Demand cells, grouped by need: region, segment (-1: everyone) and volume of each, the first cell of each need, the
 * segments of each need's cells and the most segments of a need. A need without `demand` spreads the population
 * of the leaf regions over its segments. `room`: a number per cell that the caller fills (the capacity shares),
 * carved from the cells' buffer.
 * @internal
 */
export function demandCells(model: Model, index: ModelIndex): { cells: DemandCells; room: Float64Array } {
  const leaves = populatedLeaves(model, index);
  const nRegions = index.regions.ids.length;
  const nSegments = index.segments.ids.length;
  const nNeeds = index.needs.ids.length;
  let expected = 0;
  for (const need of model.needs) expected += (need.demand?.length || leaves.length) * Math.max(1, need.segmentIds.length);
  // Cells in plain typed arrays, `expected` (which bounds their number) long, carved with the room from one buffer:
  // on a national model they are 200 MB, and each 64 MB of new typed arrays asks for a full garbage collection.
  const buffer = workingBuffer(expected * 24);
  const volume = new Float64Array(buffer, 0, expected);
  const room = new Float64Array(buffer, expected * 8, expected);
  const region = new Int32Array(buffer, expected * 16, expected);
  const segment = new Int32Array(buffer, expected * 20, expected);
  let cells = 0;
  const needStart = new Uint32Array(nNeeds + 1);
  const needSegments: Int32Array[] = [];
  let maxSegments = 1;
  // The cell of each (region, segment) key within the current need: valid where `slotNeed` holds the need.
  const slot = int32s(nRegions * (nSegments + 1));
  const slotNeed = int32s(nRegions * (nSegments + 1)).fill(-1);
  for (let n = 0; n < nNeeds; n++) {
    const need = model.needs[n]!;
    const own = [...new Set(need.segmentIds.map((id) => index.segments.of.get(id)!))].sort((a, b) => a - b);
    const split = own.length ? own : [-1];
    if (need.demand && need.demand.length > 0) {
      for (const d of need.demand) {
        const r = index.regions.of.get(d.regionId)!;
        const one = d.segmentId !== undefined;
        for (let k = 0; k < (one ? 1 : split.length); k++) {
          const g = one ? index.segments.of.get(d.segmentId!)! : split[k]!;
          const v = one ? d.volume : d.volume / split.length;
          if (!(v > 0)) continue;
          const key = r * (nSegments + 1) + g + 1;
          if (slotNeed[key] !== n) {
            slotNeed[key] = n;
            slot[key] = cells;
            region[cells] = r;
            segment[cells] = g;
            volume[cells++] = v;
          } else volume[slot[key]!]! += v;
        }
      }
    } else {
      for (const r of leaves) {
        const v = model.regions[r]!.population! / split.length;
        for (const g of split) {
          region[cells] = r;
          segment[cells] = g;
          volume[cells++] = v;
        }
      }
    }
    needStart[n + 1] = cells;
    // The need's cell segments: its own (or everyone) for population cells; explicit demand may name others.
    const segs = new Set<number>(split);
    if (need.demand && need.demand.length > 0) {
      segs.clear();
      for (let c = needStart[n]!; c < needStart[n + 1]!; c++) segs.add(segment[c]!);
    }
    needSegments.push(Int32Array.from([...segs].sort((a, b) => a - b)));
    maxSegments = Math.max(maxSegments, segs.size);
  }
  return { cells: { region, segment, volume, nCells: cells, needStart, needSegments, maxSegments }, room: room.subarray(0, cells) };
}

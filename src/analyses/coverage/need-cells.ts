/**
 * The cells of one need at a time, looked up by (region, segment slot), and the need's active services: what both
 * passes of coverage (reach, then departments) walk need by need.
 * @internal
 * @module
 */
import type { ModelIndex } from "../../graph/index-model.js";
import type { DemandCells } from "./demand.js";
import type { RegionRanges } from "./region-ranges.js";

/** A lookup of the open need's cells; one need is open at a time. @internal */
export class NeedCells {
  private readonly cellAt: Int32Array;
  private readonly segmentSlot: Int32Array;
  private readonly maxSegments: number;

  constructor(
    private readonly index: ModelIndex,
    private readonly demand: DemandCells,
    private readonly ranges: RegionRanges,
    private readonly active: Uint8Array,
  ) {
    this.maxSegments = demand.maxSegments;
    this.cellAt = new Int32Array(index.regions.ids.length * demand.maxSegments).fill(-1);
    this.segmentSlot = new Int32Array(index.segments.ids.length + 1);
  }

  /** Opens (or, with `on` false, closes) the cells of need `n`: slot `gi` is the need's `gi`-th segment. */
  set(n: number, on: boolean): void {
    const { needSegments, needStart, region, segment } = this.demand;
    needSegments[n]!.forEach((g, gi) => (this.segmentSlot[g + 1] = gi));
    for (let c = needStart[n]!; c < needStart[n + 1]!; c++) {
      this.cellAt[region[c]! * this.maxSegments + this.segmentSlot[segment[c]! + 1]!] = on ? c : -1;
    }
  }

  /** The open need's cell in region `r` for segment slot `gi`, or -1. */
  cell(r: number, gi: number): number {
    return this.cellAt[r * this.maxSegments + gi]!;
  }

  /** Visits the open need's cells for segment slot `gi` in the merged pre-order ranges `merged`. */
  forCells(merged: readonly number[], gi: number, visit: (c: number) => void): void {
    const at = this.ranges.at;
    for (let k = 0; k < merged.length; k += 2) {
      for (let q = merged[k]!; q <= merged[k + 1]!; q++) {
        const c = this.cellAt[at[q]! * this.maxSegments + gi]!;
        if (c >= 0) visit(c);
      }
    }
  }

  /** The active services meeting need `n`. */
  servicesOf(n: number): number[] {
    const { offsets, targets } = this.index.needServices;
    return Array.from(targets.subarray(offsets[n]!, offsets[n + 1]!)).filter((s) => this.active[s]);
  }

  /** True when service `s` targets segment `g` (-1: everyone): it names it, or it names no segment. */
  matches(s: number, g: number): boolean {
    const { offsets, targets } = this.index.serviceSegments;
    const o0 = offsets[s]!;
    const o1 = offsets[s + 1]!;
    if (o0 === o1) return true;
    if (g < 0) return false;
    for (let k = o0; k < o1; k++) if (targets[k] === g) return true;
    return false;
  }
}

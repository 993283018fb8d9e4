/**
 * Served areas as ranges of a pre-order walk of the region tree: the sub-regions of `r` are the positions
 * `pos[r] .. end[r]`, so "the regions a service serves" is a union of ranges, never a region-by-service loop.
 * @internal
 * @module
 */
import type { ModelIndex } from "../../graph/index-model.js";

/** The region tree in pre-order, and the regions each service serves as ranges of it. @internal */
export class RegionRanges {
  /** Each region's position in the walk. */
  readonly pos: Int32Array;
  /** The last position of each region's subtree. */
  readonly end: Int32Array;
  /** The region at each position. */
  readonly at: Int32Array;
  private readonly scale: number;
  private keys = new Float64Array(64);

  constructor(private readonly index: ModelIndex) {
    const n = index.regions.ids.length;
    const { parent, children } = index.regionTree;
    this.pos = new Int32Array(n);
    this.end = new Int32Array(n);
    this.at = new Int32Array(n);
    this.scale = Math.max(1, n);
    const stack: number[] = [];
    let clock = 0;
    for (let root = 0; root < n; root++) {
      if (parent[root]! >= 0) continue;
      stack.push(root);
      while (stack.length) {
        const r = stack.pop()!;
        if (r < 0) {
          this.end[~r] = clock - 1;
          continue;
        }
        this.pos[r] = clock;
        this.at[clock++] = r;
        stack.push(~r);
        for (let k = children.offsets[r + 1]! - 1; k >= children.offsets[r]!; k--) stack.push(children.targets[k]!);
      }
    }
  }

  /** True when service `s` serves region `r` (one of its regions is `r` or an ancestor). */
  serves(s: number, r: number): boolean {
    const { offsets, targets } = this.index.serviceRegions;
    for (let k = offsets[s]!; k < offsets[s + 1]!; k++) {
      const a = targets[k]!;
      if (this.pos[a]! <= this.pos[r]! && this.pos[r]! <= this.end[a]!) return true;
    }
    return false;
  }

  /** Appends the ranges `[start, end]` of the regions service `s` serves to `into` (flat pairs). */
  rangesOf(s: number, into: number[]): void {
    const { offsets, targets } = this.index.serviceRegions;
    for (let k = offsets[s]!; k < offsets[s + 1]!; k++) {
      const a = targets[k]!;
      into.push(this.pos[a]!, this.end[a]!);
    }
  }

  /**
   * Sorts ranges (flat pairs) and merges overlapping ones. Each range is packed into one number
   * (`start * scale + end`) and sorted in a reused typed array: no pair objects.
   */
  merge(flat: number[]): number[] {
    if (flat.length <= 2) return flat;
    const count = flat.length >> 1;
    const scale = this.scale;
    if (this.keys.length < count) this.keys = new Float64Array(Math.max(count, this.keys.length * 2));
    for (let k = 0; k < count; k++) this.keys[k] = flat[2 * k]! * scale + flat[2 * k + 1]!;
    const sorted = this.keys.subarray(0, count).sort();
    const out: number[] = [];
    for (let k = 0; k < count; k++) {
      const a = Math.floor(sorted[k]! / scale);
      const b = sorted[k]! - a * scale;
      const last = out.length - 1;
      if (last > 0 && a <= out[last]! + 1) out[last] = Math.max(out[last]!, b);
      else out.push(a, b);
    }
    return out;
  }
}

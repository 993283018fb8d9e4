/**
 * Region chains: the departments or services of one finding placed along the region tree, so that overlapping
 * jurisdictions (the same region, or a region and its ancestors) are found by walking up from each region once,
 * never by comparing all pairs.
 * @internal
 * @module
 */
import type { Tree } from "../../graph/tree.js";

/**
 * Items placed in regions, arranged along the region tree: the distinct regions (shallowest first), for each the
 * nearest strict ancestor that also holds items (`up`, -1 for none), whether another region below it holds items
 * (`inner`), and its items in increasing order. Typed arrays are reused between calls (an epoch stamps them), so
 * `items` is valid until the next load.
 * @internal
 */
export class RegionChains {
  private readonly stamp: Int32Array;
  readonly up: Int32Array;
  readonly inner: Uint8Array;
  readonly begin: Int32Array;
  readonly end: Int32Array;
  private epoch = 0;
  regions: number[] = [];
  items = new Float64Array(0);

  private readonly depth: Uint32Array;
  private readonly preorder: Uint32Array;
  private stack = new Int32Array(0);
  private buffer = new Float64Array(64);
  private sortKeys = new Float64Array(64);

  constructor(private readonly tree: Tree) {
    const n = tree.parent.length;
    this.depth = tree.depth;
    this.preorder = tree.preorder;
    this.stamp = new Int32Array(n).fill(-1);
    this.up = new Int32Array(n);
    this.inner = new Uint8Array(n);
    this.begin = new Int32Array(n);
    this.end = new Int32Array(n);
  }

  /**
   * Arranges `items` (dense indexes): item `k` lies in region `regionOf[items[k]]` when `byItem`, else `regionOf[k]`.
   */
  load(items: ArrayLike<number>, regionOf: ArrayLike<number>, byItem: boolean): void {
    const epoch = ++this.epoch;
    const count = items.length;
    // One buffer for every load (the previous load's items are not read once the next one starts).
    if (this.buffer.length < count) this.buffer = new Float64Array(Math.max(count, this.buffer.length * 2));
    const keys = this.buffer.subarray(0, count);
    let largest = 1;
    for (let k = 0; k < count; k++) if (items[k]! > largest) largest = items[k]!;
    // (region, item) packed in one float: region * scale + item stays below 2^53 for any realistic model.
    const scale = 2 ** Math.ceil(Math.log2(largest + 1));
    for (let k = 0; k < count; k++) keys[k] = regionOf[byItem ? items[k]! : k]! * scale + items[k]!;
    keys.sort();
    const regions: number[] = [];
    for (let k = 0; k < count; k++) {
      const r = Math.floor(keys[k]! / scale);
      keys[k] = keys[k]! - r * scale;
      if (this.stamp[r] !== epoch) {
        this.stamp[r] = epoch;
        this.begin[r] = k;
        this.inner[r] = 0;
        regions.push(r);
      }
      this.end[r] = k + 1;
    }
    this.link(regions);
    this.sortBy(regions, this.depth);
    this.regions = regions;
    this.items = keys;
  }

  /**
   * Sets `up` and `inner` of the loaded regions: in pre-order, the nearest loaded ancestor of a region is the
   * deepest region on the stack of open ones that contains it (constant-time ancestor tests, never a walk up the
   * tree, so a deep tree costs no more than a flat one).
   */
  private link(regions: number[]): void {
    this.sortBy(regions, this.preorder);
    if (this.stack.length < regions.length) this.stack = new Int32Array(regions.length);
    const stack = this.stack;
    let top = -1;
    for (const r of regions) {
      while (top >= 0 && !this.tree.isAncestorOrSelf(stack[top]!, r)) top--;
      const a = top >= 0 ? stack[top]! : -1;
      this.up[r] = a;
      if (a >= 0) this.inner[a] = 1;
      stack[++top] = r;
    }
  }

  /**
   * Sorts regions by `rank`, then by index: as packed keys `rank * n + region` in a reused typed array (a native
   * numeric sort, no comparator called per pair; below 2^53 for any realistic tree).
   */
  private sortBy(regions: number[], rank: Uint32Array): void {
    const n = rank.length;
    if (this.sortKeys.length < regions.length) this.sortKeys = new Float64Array(Math.max(regions.length, this.sortKeys.length * 2));
    const keys = this.sortKeys.subarray(0, regions.length);
    for (let k = 0; k < regions.length; k++) keys[k] = rank[regions[k]!]! * n + regions[k]!;
    keys.sort();
    for (let k = 0; k < regions.length; k++) regions[k] = keys[k]! % n;
  }

  /** The number of items at `r` and the regions above it. */
  chainSize(r: number): number {
    let n = 0;
    for (let x = r; x >= 0; x = this.up[x]!) n += this.end[x]! - this.begin[x]!;
    return n;
  }

  /** The items at `r` and the regions above it, sorted. */
  chainItems(r: number, from = r): number[] {
    const out: number[] = [];
    for (let x = from; x >= 0; x = this.up[x]!) for (let k = this.begin[x]!; k < this.end[x]!; k++) out.push(this.items[k]!);
    return out.sort((a, b) => a - b);
  }

  /** The items at `r` only, sorted. */
  here(r: number): number[] {
    return Array.from(this.items.subarray(this.begin[r]!, this.end[r]!));
  }

  /** The regions of the chain from `r` upwards. */
  chainRegions(r: number): number[] {
    const out: number[] = [];
    for (let x = r; x >= 0; x = this.up[x]!) out.push(x);
    return out;
  }
}

/**
 * Holder lists: for each item (a function or a need), the departments that have it, sorted by their region in
 * pre-order of the region tree, then by department. The departments of one region form a *slice*; each slice links
 * to the slice of the nearest ancestor region that also has holders, so the holders in overlapping jurisdictions
 * of a department are found by following links, never by walking up the region tree (docs/duplication.md,
 * "Overlap").
 * @internal
 * @module
 */
import { buildCsr, type Csr } from "../../graph/csr.js";
import type { Tree } from "../../graph/tree.js";
import { int32s, uint32s } from "../../typed-arrays.js";

/**
 * A slice holding more departments than this is a *hub*: its holders are not all compared with each other (that
 * would be n (n - 1) / 2 pairs), each is compared with the slice's first department, its anchor
 * (docs/duplication.md, "Overlap").
 * @internal
 */
export const HUB_SIZE = 100;

/** The holders of each item in region pre-order, with slice links. @internal */
export class HolderLists {
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
  /** At the first entry of each slice: the end of the slice. */
  readonly sliceEnd: Uint32Array;
  /** At the first entry of each slice: the first entry of the nearest ancestor slice of the same item, or -1. */
  readonly sliceUp: Int32Array;

  /**
   * `itemsOf(d)`: the items of department `d`; `byRegion`: every department in (region pre-order, department)
   * order.
   */
  constructor(
    items: number,
    byRegion: Uint32Array,
    itemsOf: (d: number) => ArrayLike<number>,
    private readonly deptRegion: Int32Array,
    private readonly tree: Tree,
  ) {
    const csr: Csr = buildCsr(items, (emit) => {
      for (const d of byRegion) {
        const list = itemsOf(d);
        for (let k = 0; k < list.length; k++) emit(list[k]!, d);
      }
    });
    this.offsets = csr.offsets;
    this.targets = csr.targets;
    this.sliceEnd = uint32s(this.targets.length);
    this.sliceUp = int32s(this.targets.length).fill(-1);
    const stack: number[] = [];
    for (let i = 0; i < items; i++) this.link(i, stack);
  }

  /** Finds the slices of item `i` and links each to its nearest ancestor slice (a stack of open slices, in pre-order). */
  private link(i: number, stack: number[]): void {
    const { targets, deptRegion, tree } = this;
    stack.length = 0;
    const end = this.offsets[i + 1]!;
    for (let x = this.offsets[i]!; x < end; ) {
      const r = deptRegion[targets[x]!]!;
      let y = x + 1;
      while (y < end && deptRegion[targets[y]!] === r) y++;
      this.sliceEnd[x] = y;
      while (stack.length > 0 && !tree.isAncestorOrSelf(deptRegion[targets[stack[stack.length - 1]!]!]!, r)) stack.pop();
      this.sliceUp[x] = stack.length > 0 ? stack[stack.length - 1]! : -1;
      stack.push(x);
      x = y;
    }
  }

  /** The first entry of item `i`'s slice of region `r` (binary search by pre-order; the slice must exist). */
  sliceOf(i: number, r: number): number {
    const pre = this.tree.preorder;
    const at = pre[r]!;
    let lo = this.offsets[i]!;
    let hi = this.offsets[i + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pre[this.deptRegion[this.targets[mid]!]!]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when the slice starting at entry `x` is a hub. */
  isHub(x: number): boolean {
    return this.sliceEnd[x]! - x > HUB_SIZE;
  }

  /** The departments of item `i` (all slices). */
  row(i: number): Uint32Array {
    return this.targets.subarray(this.offsets[i]!, this.offsets[i + 1]!);
  }
}

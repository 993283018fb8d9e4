import { orderBy } from "./sort.js";
import type { CatchmentCostArrays } from "./types.js";

/** The supplies of one demand location: a small open-addressing set (it stays in cache), emptied per row. */
class RowSet {
  private keys = new Int32Array(1024);
  private marks = new Int32Array(1024);
  private mark = 1;
  private size = 0;
  private shift = 22;

  clear(): void {
    this.mark++;
    this.size = 0;
  }

  /** Adds `j`; false when it is in the set already. */
  add(j: number): boolean {
    if (this.size * 2 >= this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    for (let s = Math.imul(j, 0x9e3779b1) >>> this.shift; ; s = (s + 1) & mask) {
      if (this.marks[s] !== this.mark) {
        this.marks[s] = this.mark;
        this.keys[s] = j;
        this.size++;
        return true;
      }
      if (this.keys[s] === j) return false;
    }
  }

  private grow(): void {
    const { keys, marks, mark } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.marks = new Int32Array(keys.length * 2);
    this.shift--;
    this.size = 0;
    for (let s = 0; s < keys.length; s++) if (marks[s] === mark) this.add(keys[s]!);
  }
}

/**
 * Calls `repeat(again, first)` for each pair given a second time (`first` its first position), row by row.
 * @internal
 */
export function findRepeatedPairs(costs: CatchmentCostArrays, count: number, nDemand: number, repeat: (again: number, first: number) => void): void {
  const { from, to } = costs;
  const row = new RowSet();
  const rowSeen = new Uint8Array(nDemand);
  const found: number[] = [];
  // Usually the pairs come demand location by demand location: then one pass finds the repeats.
  let k = 0;
  for (let last = -1; k < count; k++) {
    const i = from[k]!;
    if (i !== last) {
      if (rowSeen[i]) break;
      rowSeen[i] = 1;
      last = i;
      row.clear();
    }
    if (!row.add(to[k]!)) found.push(k);
  }
  let order: Uint32Array | undefined;
  if (k < count) {
    // Not grouped: visit the rows through a counting sort by demand.
    order = orderBy(from, count, nDemand);
    found.length = 0;
    for (let n = 0, last = -1; n < count; n++) {
      const m = order[n]!;
      if (from[m] !== last) {
        last = from[m]!;
        row.clear();
      }
      if (!row.add(to[m]!)) found.push(n);
    }
  }
  for (const at of found) {
    const again = order ? order[at]! : at;
    let n = at - 1;
    while (to[order ? order[n]! : n] !== to[again]) n--;
    repeat(again, order ? order[n]! : n);
  }
}

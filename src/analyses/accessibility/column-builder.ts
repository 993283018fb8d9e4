import type { CatchmentCostArrays } from "./types.js";

/** Cost columns that grow as rows are read (doubling), trimmed when done. @internal */
export class CostColumnBuilder {
  private from: Int32Array;
  private to: Int32Array;
  private cost: Float64Array;
  size = 0;

  constructor(capacity = 1 << 16) {
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.cost = new Float64Array(capacity);
  }

  push(i: number, j: number, c: number): void {
    if (this.size === this.from.length) this.grow();
    this.from[this.size] = i;
    this.to[this.size] = j;
    this.cost[this.size++] = c;
  }

  private grow(): void {
    const capacity = this.from.length * 2;
    const from = new Int32Array(capacity);
    const to = new Int32Array(capacity);
    const cost = new Float64Array(capacity);
    from.set(this.from);
    to.set(this.to);
    cost.set(this.cost);
    [this.from, this.to, this.cost] = [from, to, cost];
  }

  /** The columns read so far: views when they fill most of the arrays, else copies of their exact length. */
  done(): CatchmentCostArrays {
    const n = this.size;
    if (n >= this.from.length * 0.75) return { from: this.from.subarray(0, n), to: this.to.subarray(0, n), cost: this.cost.subarray(0, n) };
    return { from: this.from.slice(0, n), to: this.to.slice(0, n), cost: this.cost.slice(0, n) };
  }
}

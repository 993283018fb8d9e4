/**
 * Growable typed columns: numbers appended one at a time into a typed array that doubles when full, so that
 * large intermediate tables (coverage's cell-supply pairs, duplication's candidate department pairs) hold no
 * object per row.
 * @internal
 * @module
 */

import { float64s, uint32s, uint8s } from "../typed-arrays.js";

type TypedArray = Float64Array | Int32Array | Uint32Array | Uint8Array;

/** A typed array with a length that grows as values are pushed. @internal */
export class Column<T extends TypedArray> {
  size = 0;

  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}

  push(v: number): void {
    if (this.size === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.size++] = v;
  }

  /** The values pushed so far (a view, not a copy). */
  values(): T {
    return this.data.subarray(0, this.size) as T;
  }
}

/** A column of floats. @internal */
export const f64 = (size = 1024) => new Column(float64s(Math.max(16, size)), float64s);
/** A column of unsigned 32-bit integers. @internal */
export const u32 = (size = 1024) => new Column(uint32s(Math.max(16, size)), uint32s);
/** A column of bytes. @internal */
export const u8 = (size = 1024) => new Column(uint8s(Math.max(16, size)), uint8s);

/**
 * Large working arrays
 * ====================
 * V8 counts the memory of every `ArrayBuffer` it makes, and each 64 MB more than at the last full garbage collection
 * starts another one: marking the whole heap, which on a national model (about 0.9 GB of records) takes most of a
 * second and frees almost nothing, since the arrays are still in use. The index and the working arrays of coverage
 * and duplication on such a model come to a few hundred MB, which cost four such collections in `govgraph analyze`.
 * V8 does not count the memory of a `SharedArrayBuffer` that way (several threads may hold it), so the arrays made
 * here sit on one when they are large, the heap is large (see `HEAP_WITHOUT_SHARED`) and the platform has it and
 * tells the heap's size (Node), and on an `ArrayBuffer` otherwise. They are read and written like any typed array
 * and freed like any other object once unreachable. Their bytes are counted here, and the count goes down as a
 * `FinalizationRegistry` reports them collected; its callbacks run between tasks, so a long synchronous run only
 * counts up, and past the bound its arrays are `ArrayBuffer`s.
 *
 * Only for arrays of the index and of an analysis's own work: what an analysis returns stays on `ArrayBuffer`s. The
 * index, which `indexModel` returns, is the one exception: `structuredClone` and `postMessage` share its large
 * arrays instead of copying them, and they cannot be transferred.
 * @internal
 * @module
 */

/** Arrays of at least this many bytes may be made on a `SharedArrayBuffer` (see the banner). */
export const LARGE_ARRAY_BYTES = 1 << 20;

/**
 * Shared memory is used only while the whole of it stays below the heap V8 counts less this much: a full collection
 * of a smaller heap takes a fraction of a second, so V8's own counting is kept there, and the memory that shared
 * buffers keep until a collection stays within the size of the heap. Past the bound arrays go on `ArrayBuffer`s,
 * whose counting brings the collections that free the shared memory no longer used.
 */
const HEAP_WITHOUT_SHARED = 256 << 20;

const Shared: typeof SharedArrayBuffer | undefined = typeof SharedArrayBuffer === "function" ? SharedArrayBuffer : undefined;

/** Bytes of working memory on shared buffers not yet collected (as far as the finalization callbacks have said). */
let sharedBytes = 0;
const collected = Shared && typeof FinalizationRegistry === "function" ? new FinalizationRegistry<number>((bytes) => (sharedBytes -= bytes)) : undefined;

/** The bytes of V8's heap in use (Node), or undefined where it cannot be read. */
function heapUsed(): number | undefined {
  const memoryUsage = (globalThis as { process?: { memoryUsage?: () => { heapUsed: number } } }).process?.memoryUsage;
  return typeof memoryUsage === "function" ? memoryUsage().heapUsed : undefined;
}

/** Zeroed memory of `bytes` bytes for working arrays: shared when large and within the budget (see the banner). @internal */
export function workingBuffer(bytes: number): ArrayBufferLike {
  if (Shared !== undefined && collected !== undefined && bytes >= LARGE_ARRAY_BYTES) {
    const heap = heapUsed();
    if (heap !== undefined && sharedBytes + bytes <= heap - HEAP_WITHOUT_SHARED) {
      const buffer = new Shared(bytes);
      sharedBytes += bytes;
      collected.register(buffer, bytes);
      return buffer;
    }
  }
  return new ArrayBuffer(bytes);
}

/** A zeroed working `Float64Array` of `length` elements. @internal */
export const float64s = (length: number): Float64Array => new Float64Array(workingBuffer(length * 8));
/** A zeroed working `Int32Array` of `length` elements. @internal */
export const int32s = (length: number): Int32Array => new Int32Array(workingBuffer(length * 4));
/** A zeroed working `Uint32Array` of `length` elements. @internal */
export const uint32s = (length: number): Uint32Array => new Uint32Array(workingBuffer(length * 4));
/** A zeroed working `Uint8Array` of `length` elements. @internal */
export const uint8s = (length: number): Uint8Array => new Uint8Array(workingBuffer(length));

/** A working copy of `source[0, length)`; `length` defaults to the whole array. @internal */
export function uint32Copy(source: Uint32Array, length = source.length): Uint32Array {
  const out = uint32s(length);
  out.set(source.subarray(0, length));
  return out;
}

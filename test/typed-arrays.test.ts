import { afterEach, describe, expect, it, vi } from "vitest";
import { csrFromPairs, transpose } from "../src/graph/csr.js";
import { float64s, int32s, LARGE_ARRAY_BYTES, uint32Copy, uint32s, uint8s } from "../src/typed-arrays.js";

const LARGE = LARGE_ARRAY_BYTES / 4; // elements of a 4-byte array at the threshold
const MB = 1 << 20;

/** Makes `process.memoryUsage()` report a heap of `mb` MB in use. */
function heapOf(mb: number): void {
  const real = process.memoryUsage();
  vi.spyOn(process, "memoryUsage").mockReturnValue({ ...real, heapUsed: mb * MB });
}

describe("working arrays", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("stay on ArrayBuffers while the heap is small, where V8's full collections are cheap", () => {
    heapOf(200);
    expect(uint32s(4 * LARGE).buffer).toBeInstanceOf(ArrayBuffer);
  });

  it("go on SharedArrayBuffers (not counted toward V8's full collections) when large and the heap is large, small ones not", async () => {
    heapOf(2048);
    const fresh = await import("../src/typed-arrays.js");
    expect(fresh.uint32s(LARGE).buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(fresh.uint32s(LARGE - 1).buffer).toBeInstanceOf(ArrayBuffer);
    expect(fresh.float64s(LARGE_ARRAY_BYTES / 8).buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(fresh.uint8s(LARGE_ARRAY_BYTES).buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(fresh.int32s(10).buffer).toBeInstanceOf(ArrayBuffer);
  });

  it("keep the shared memory not yet collected within the heap beyond its first 256 MB", async () => {
    heapOf(256 + 10);
    const fresh = await import("../src/typed-arrays.js");
    const kept = [fresh.uint8s(4 * MB), fresh.uint8s(4 * MB), fresh.uint8s(4 * MB)];
    expect(kept.map((a) => a.buffer instanceof SharedArrayBuffer)).toEqual([true, true, false]);
  });

  it("give zeroed arrays of the asked length that read back what is written", () => {
    heapOf(2048);
    const cases: [Uint32Array | Int32Array | Float64Array | Uint8Array, number][] = [
      [uint32s(LARGE + 3), LARGE + 3],
      [int32s(LARGE + 3), LARGE + 3],
      [float64s(LARGE + 3), LARGE + 3],
      [uint8s(4 * LARGE + 3), 4 * LARGE + 3],
      [uint32s(7), 7],
    ];
    for (const [a, length] of cases) {
      expect(a.length).toBe(length);
      expect(a.every((x) => x === 0)).toBe(true);
      a[a.length - 1] = 5;
      expect(a[a.length - 1]).toBe(5);
    }
    const negative = int32s(LARGE).fill(-1);
    expect(negative[LARGE - 1]).toBe(-1);
  });

  it("copy a prefix into an array of their own", () => {
    const source = Uint32Array.from({ length: LARGE + 10 }, (_, i) => i * 3);
    const copy = uint32Copy(source, LARGE + 5);
    expect(copy.length).toBe(LARGE + 5);
    expect(copy[LARGE + 4]).toBe((LARGE + 4) * 3);
    copy[0] = 99;
    expect(source[0]).toBe(0);
    expect(uint32Copy(source).length).toBe(source.length);
  });

  it("fall back to ArrayBuffers where there is no SharedArrayBuffer (a page that is not cross-origin isolated)", async () => {
    heapOf(2048);
    vi.stubGlobal("SharedArrayBuffer", undefined);
    const fresh = await import("../src/typed-arrays.js");
    const a = fresh.uint32s(LARGE * 2);
    expect(a.buffer).toBeInstanceOf(ArrayBuffer);
    expect(a.length).toBe(LARGE * 2);
  });

  it("build the same large relations on shared memory as a plain count does", async () => {
    heapOf(2048);
    const csrModule = await import("../src/graph/csr.js");
    // 600,000 pairs: every array of the CSR and its transpose is past the threshold.
    const n = 600_000;
    const rows = 1000;
    const from = Int32Array.from({ length: n }, (_, k) => (k * 7919) % rows);
    const to = Int32Array.from({ length: n }, (_, k) => (k * 104_729) % 5000);
    for (const { csrFromPairs: pairs, transpose: flip } of [csrModule, { csrFromPairs, transpose }]) {
      const csr = pairs(rows, from, to);
      const expected: number[][] = Array.from({ length: rows }, () => []);
      for (let k = 0; k < n; k++) expected[from[k]!]!.push(to[k]!);
      for (const r of [0, 1, 499, 999]) expect([...csr.targets.subarray(csr.offsets[r], csr.offsets[r + 1])]).toEqual(expected[r]);
      const back = flip(csr, 5000);
      expect(back.offsets[5000]).toBe(n);
      const column = 4321;
      const owners = expected.flatMap((targets, r) => targets.filter((t) => t === column).map(() => r));
      expect([...back.targets.subarray(back.offsets[column], back.offsets[column + 1])]).toEqual(owners);
    }
    expect(csrModule.csrFromPairs(rows, from, to).targets.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});

/**
 * Sorted integer lists: intersections, unique copies, grouping keys and Jaccard similarity of lists of dense
 * indexes kept in increasing order (CSR rows, hashed shingle sets).
 * @internal
 * @module
 */

/** How many values two increasing lists share; the shared values are pushed onto `into` when given. @internal */
export function intersectCount(a: ArrayLike<number>, b: ArrayLike<number>, into?: number[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      into?.push(x);
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** The values two increasing lists share, in increasing order. @internal */
export function intersect(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  intersectCount(a, b, out);
  return out;
}

/** Jaccard similarity of two increasing lists of unique values; 0 when both are empty. @internal */
export function jaccardSortedInts(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 && b.length === 0) return 0;
  const inter = intersectCount(a, b);
  return inter / (a.length + b.length - inter);
}

/** Sorted unique copy of a list of dense indexes. @internal */
export function sortedUnique(values: ArrayLike<number>): number[] {
  if (values.length <= 1) return Array.from(values);
  const out = Array.from(values).sort((x, y) => x - y);
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i]!;
  out.length = n;
  return out;
}

/** A row's sorted, unique targets joined by commas (a grouping key), without allocating for short rows. @internal */
export function rowKey(csr: { offsets: Uint32Array; targets: Uint32Array }, i: number): string {
  const start = csr.offsets[i]!;
  const end = csr.offsets[i + 1]!;
  if (end - start === 0) return "";
  if (end - start === 1) return String(csr.targets[start]);
  return sortedUnique(csr.targets.subarray(start, end)).join(",");
}

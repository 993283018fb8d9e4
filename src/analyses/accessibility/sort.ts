/**
 * Counting sorts for the catchment's pair lists: linear in the number of pairs, stable, keys in `0..size-1`.
 * With many keys, a single scatter writes to as many places at once as there are keys, which overflows the
 * caches; {@link groupByKey} first splits the pairs into a few ranges of keys, then sorts each range.
 */

/** Keys per range in the first pass of {@link groupByKey}: its second pass writes to at most this many places. */
const RANGE_BITS = 10;

/** The start of each key's bucket (`start[key] .. start[key + 1]`) for the first `count` keys. @internal */
export function bucketStarts(keys: Uint32Array | Int32Array, count: number, size: number): Uint32Array {
  const start = new Uint32Array(size + 1);
  for (let n = 0; n < count; n++) start[keys[n]! + 1]!++;
  for (let i = 0; i < size; i++) start[i + 1]! += start[i]!;
  return start;
}

/** The positions `0..count-1` in a stable order of `keys`. @internal */
export function orderBy(keys: Uint32Array | Int32Array, count: number, size: number): Uint32Array {
  const next = bucketStarts(keys, count, size);
  const order = new Uint32Array(count);
  for (let n = 0; n < count; n++) order[next[keys[n]!]!++] = n;
  return order;
}

/** Columns moved together by {@link groupByKey}: `key` decides, `a`, `b` and (when given) `c` follow. @internal */
export interface KeyedColumns {
  key: Uint32Array;
  a: Uint32Array;
  b: Float64Array;
  c?: Float64Array;
}

/**
 * Sorts the first `count` rows of the columns by key, stably, in place (the columns are reused), and returns each
 * key's bucket start. Two passes: by range of keys (few places to write to), then by key within each range, through
 * `scratch` (columns of at least `count` rows, `c` when the columns have one; by default new ones).
 * @internal
 */
export function groupByKey(columns: KeyedColumns, count: number, size: number, scratch: KeyedColumns = scratchColumns(count, columns.c !== undefined)): Uint32Array {
  const { key, a, b, c } = columns;
  const start = bucketStarts(key, count, size);
  const ranges = (size >>> RANGE_BITS) + 1;
  const next = new Uint32Array(ranges);
  for (let r = 1; r < ranges; r++) next[r] = start[Math.min(size, r << RANGE_BITS)]!;
  const { key: tKey, a: tA, b: tB } = scratch;
  const tC = c ? scratch.c : undefined;
  for (let n = 0; n < count; n++) {
    const p = next[key[n]! >>> RANGE_BITS]!++;
    tKey[p] = key[n]!;
    tA[p] = a[n]!;
    tB[p] = b[n]!;
    if (tC) tC[p] = c![n]!;
  }
  const place = start.slice(0, size);
  for (let n = 0; n < count; n++) {
    const p = place[tKey[n]!]!++;
    key[p] = tKey[n]!;
    a[p] = tA[n]!;
    b[p] = tB[n]!;
    if (tC) c![p] = tC[n]!;
  }
  return start;
}

/** Scratch columns for {@link groupByKey}: `rows` rows, with a `c` column when `withC`. @internal */
export function scratchColumns(rows: number, withC: boolean): KeyedColumns {
  return { key: new Uint32Array(rows), a: new Uint32Array(rows), b: new Float64Array(rows), c: withC ? new Float64Array(rows) : undefined };
}

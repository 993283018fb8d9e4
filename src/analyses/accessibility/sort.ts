/** Counting sorts for the catchment's pair lists: linear in the number of pairs, stable, keys in `0..size-1`. */

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

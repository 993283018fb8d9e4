import type { Problems } from "./problems.js";
import type { CatchmentLocation } from "./types.js";

/** Demand or supply locations checked and indexed: id to position, values, and each position's rank in id order. @internal */
export interface LocationTable {
  of: Map<string, number>;
  values: Float64Array;
  /** The rank of each location in code-unit order of ids (sums are taken in this order). */
  rank: Uint32Array;
}

/**
 * Checks the locations (string ids, unique; finite, non-negative values) and indexes them.
 * @internal
 */
export function locationTable(items: readonly CatchmentLocation[], field: "demand" | "supply", problems: Problems): LocationTable {
  const of = new Map<string, number>();
  const values = new Float64Array(items.length);
  const ids: string[] = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const id = item?.id;
    if (typeof id !== "string") {
      problems.add("invalid_type", [field, i, "id"], `${field}[${i}].id is not a string`);
      ids[i] = "";
      continue;
    }
    ids[i] = id;
    const seen = of.get(id);
    if (seen !== undefined) problems.add("duplicate_id", [field, i, "id"], `${field}[${i}].id "${id}" repeats ${field}[${seen}]`);
    else of.set(id, i);
    const v = item!.value;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      problems.add("invalid_value", [field, i, "value"], `${field}[${i}].value is ${String(v)}; use a finite, non-negative number`);
    } else values[i] = v;
  }
  return { of, values, rank: ranks(ids) };
}

/** Each id's rank in code-unit order (ties, which only bad input has, by position). */
function ranks(ids: readonly string[]): Uint32Array {
  const n = ids.length;
  const rank = new Uint32Array(n);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = ids[i - 1]! < ids[i]!;
  if (sorted) {
    for (let i = 0; i < n; i++) rank[i] = i;
    return rank;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b));
  for (let r = 0; r < n; r++) rank[order[r]!] = r;
  return rank;
}

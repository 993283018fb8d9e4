import type { Problems } from "./problems.js";
import type { CatchmentLocation } from "./types.js";

/** Demand or supply locations checked and ranked in id order (the order sums are taken in). @internal */
export interface LocationTable {
  ids: readonly string[];
  values: Float64Array;
  /** The rank of each position in code-unit order of ids. */
  rank: Uint32Array;
  /** The position of each rank. */
  byRank: Uint32Array;
}

/**
 * Checks the locations (string ids, unique; finite, non-negative values), reporting problems in item order, and
 * ranks them; repeated ids are found next to each other in id order, so no map of ids is built.
 * @internal
 */
export function locationTable(items: readonly CatchmentLocation[], field: "demand" | "supply", problems: Problems): LocationTable {
  const n = items.length;
  const values = new Float64Array(n);
  const ids: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const id = items[i]?.id;
    ids[i] = typeof id === "string" ? id : "";
  }
  const byRank = order(ids);
  const rank = new Uint32Array(n);
  for (let r = 0; r < n; r++) rank[byRank[r]!] = r;
  const first = new Int32Array(n).fill(-1);
  for (let r = 1; r < n; r++) if (ids[byRank[r]!] === ids[byRank[r - 1]!]) first[byRank[r]!] = first[byRank[r - 1]!]! >= 0 ? first[byRank[r - 1]!]! : byRank[r - 1]!;
  for (let i = 0; i < n; i++) {
    const item = items[i];
    if (typeof item?.id !== "string") {
      problems.add("invalid_type", [field, i, "id"], `${field}[${i}].id is not a string`);
      continue;
    }
    if (first[i]! >= 0) problems.add("duplicate_id", [field, i, "id"], `${field}[${i}].id "${item.id}" repeats ${field}[${first[i]}]`);
    const v = item.value;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      problems.add("invalid_value", [field, i, "value"], `${field}[${i}].value is ${String(v)}; use a finite, non-negative number`);
    } else values[i] = v;
  }
  return { ids, values, rank, byRank };
}

/** The positions in code-unit order of ids (ties by position). */
function order(ids: readonly string[]): Uint32Array {
  const n = ids.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = ids[i - 1]! < ids[i]!;
  if (sorted) return Uint32Array.from({ length: n }, (_, i) => i);
  const positions = Array.from({ length: n }, (_, i) => i).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b));
  return Uint32Array.from(positions);
}

/** Position of each id (the first, for a repeated id), for looking records up. @internal */
export function idPositions(table: LocationTable): Map<string, number> {
  const of = new Map<string, number>();
  for (let i = table.ids.length - 1; i >= 0; i--) of.set(table.ids[i]!, i);
  return of;
}

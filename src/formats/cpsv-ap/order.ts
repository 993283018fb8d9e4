import { compareIds } from "../../model/records.js";

/**
 * Lists keep their order in a model, but RDF values are sets. A list is written as its distinct values; when its
 * order is not the sorted order (or it repeats a value, or it is present but empty), a hint says how to rebuild
 * it: the index of each item in the sorted distinct values (see docs/cpsv-ap.md, `gg:listOrder`).
 */

/** The distinct values of a list, sorted by code unit. @internal */
export function sortedDistinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareIds);
}

/**
 * The order hint of a list: `undefined` when the sorted distinct values rebuild it, otherwise each item's index
 * among them (`[]` for a present, empty optional list).
 * @internal
 */
export function orderHint(values: readonly string[], optional = false): number[] | undefined {
  if (values.length === 0) return optional ? [] : undefined;
  let sorted = true;
  for (let i = 1; i < values.length; i++) {
    if (compareIds(values[i - 1]!, values[i]!) >= 0) {
      sorted = false;
      break;
    }
  }
  if (sorted) return undefined;
  const distinct = sortedDistinct(values);
  const index = new Map(distinct.map((v, i) => [v, i]));
  return values.map((v) => index.get(v)!);
}

/** Rebuilds a list from its values and its hint; `undefined` when the hint does not fit the values. @internal */
export function applyOrder(values: readonly string[], hint: readonly number[] | undefined): string[] | undefined {
  const distinct = sortedDistinct(values);
  if (hint === undefined) return distinct;
  const out: string[] = [];
  for (const i of hint) {
    const v = distinct[i];
    if (!Number.isInteger(i) || v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

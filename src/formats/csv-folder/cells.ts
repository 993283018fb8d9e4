/**
 * How one model value is written in one CSV cell, and read back. An empty cell is an absent value.
 * - numbers as JavaScript writes them (`12`, `0.5`, `1e+21`); booleans as `true` / `false`;
 * - lists `|`-separated (`a|b|c`), or as a JSON array of strings when the plain form would be ambiguous: an empty
 *   list (`[]`), a single empty item (`[""]`), an item holding `|`, or a first item starting with `[`;
 * - `attributes` as a JSON object with its keys sorted (`{"code":"x","rank":3}`), so every value keeps its type.
 * @module
 */
import { compareIds } from "../../model/records.js";

/** A cell read back: the value (undefined for an empty cell), or why the cell is not valid. @internal */
export type Decoded = { value: unknown; problem?: undefined } | { value?: undefined; problem: string };

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const show = (cell: string) => JSON.stringify(cell.length > 40 ? cell.slice(0, 37) + "..." : cell);

/** Writes a list cell: `a|b`, or a JSON array when `|`-joining would not read back the same. @internal */
export function encodeList(items: readonly string[] | undefined): string {
  if (items === undefined) return "";
  const plain = items.length > 0 && !(items.length === 1 && items[0] === "") && !items[0]!.startsWith("[") && !items.some((item) => item.includes("|"));
  return plain ? items.join("|") : JSON.stringify(items);
}

/** Reads a list cell written by {@link encodeList}. @internal */
export function decodeList(cell: string): Decoded {
  if (cell === "") return { value: undefined };
  if (!cell.startsWith("[")) return { value: cell.split("|") };
  try {
    const items: unknown = JSON.parse(cell);
    if (Array.isArray(items) && items.every((item) => typeof item === "string")) return { value: items };
  } catch {
    // reported below
  }
  return { problem: `${show(cell)} starts with "[" but is not a JSON array of strings (write a list as a|b, or as ["a","b"])` };
}

/** Writes a number, a boolean or a string cell. @internal */
export function encodeScalar(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}

/** Reads a number cell. @internal */
export function decodeNumber(cell: string): Decoded {
  if (cell === "") return { value: undefined };
  const value = Number(cell);
  return NUMBER.test(cell) && Number.isFinite(value) ? { value } : { problem: `${show(cell)} is not a number` };
}

/** Reads a boolean cell: `true` or `false`, in any case. @internal */
export function decodeBoolean(cell: string): Decoded {
  if (cell === "") return { value: undefined };
  const lower = cell.toLowerCase();
  return lower === "true" || lower === "false" ? { value: lower === "true" } : { problem: `${show(cell)} is not true or false` };
}

/** Writes `attributes` as a JSON object, keys sorted (built by hand so that a `__proto__` key stays a key). @internal */
export function encodeAttributes(attributes: Readonly<Record<string, unknown>> | undefined): string {
  if (attributes === undefined) return "";
  const keys = Object.keys(attributes).sort(compareIds);
  return "{" + keys.map((key) => JSON.stringify(key) + ":" + JSON.stringify(attributes[key])).join(",") + "}";
}

/** Reads an `attributes` cell: a JSON object whose values are strings, numbers, booleans or null. @internal */
export function decodeAttributes(cell: string): Decoded {
  if (cell === "") return { value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(cell);
  } catch {
    return { problem: `${show(cell)} is not a JSON object (write attributes as {"key":"value","count":3})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { problem: `${show(cell)} is not a JSON object` };
  for (const [key, item] of Object.entries(value)) {
    if (item !== null && typeof item === "object") return { problem: `attribute ${JSON.stringify(key)} is not a string, number, boolean or null` };
  }
  return { value };
}

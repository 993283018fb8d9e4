import { compareIds } from "../../model/records.js";

/**
 * Orders sub-nodes (a service's channels, a department's identifiers): by IRI, a trailing number compared as a
 * number, so that `...:channel:10` comes after `...:channel:9` as the writer numbered them.
 * @internal
 */
export function compareNodes(a: string, b: string): number {
  const ia = digitsFrom(a);
  const ib = digitsFrom(b);
  if (ia < a.length && ib < b.length && ia === ib && a.startsWith(b.slice(0, ib))) return Number(a.slice(ia)) - Number(b.slice(ib)) || compareIds(a, b);
  return compareIds(a, b);
}

/** Where the digits that end a text start (its length when it does not end with one). */
function digitsFrom(text: string): number {
  let i = text.length;
  while (i > 0 && text.charCodeAt(i - 1) >= 48 && text.charCodeAt(i - 1) <= 57) i--;
  return i;
}

import { compareIds } from "../../model/records.js";

const TRAILING_NUMBER = /^(.*?)(\d+)$/;

/**
 * Orders sub-nodes (a service's channels, a department's identifiers): by IRI, a trailing number compared as a
 * number, so that `...:channel:10` comes after `...:channel:9` as the writer numbered them.
 * @internal
 */
export function compareNodes(a: string, b: string): number {
  const ma = TRAILING_NUMBER.exec(a);
  const mb = TRAILING_NUMBER.exec(b);
  if (ma && mb && ma[1] === mb[1]) return Number(ma[2]) - Number(mb[2]) || compareIds(a, b);
  return compareIds(a, b);
}

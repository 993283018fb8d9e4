/**
 * Ids
 * ===
 * Every collection's id index, and the `duplicate_id` issues of repeated ids and key pairs.
 */
import type { Issue } from "../../errors.js";
import { issue, quote } from "../../issues.js";
import { COLLECTIONS, type CollectionName } from "../../schemas/model.js";
import { fieldOf, isId, isPairCollection, keyString, PAIR_KEYS, RECORD_NAMES, RECORD_ORDER, recordLabel, type PairCollection } from "../records.js";

/** The records of each collection, as given (not yet known to match the schema). @internal */
export type RawCollections = Record<CollectionName, readonly unknown[]>;

/** Id -> index of its first record, per collection with ids (empty for pair collections). @internal */
export type IdIndexes = Record<CollectionName, Map<string, number>>;

/**
 * Indexes every collection's ids (first occurrence wins) and reports `duplicate_id`: a repeated `id`, a repeated
 * (departmentId, functionId) assignment or (regionId, pointId) travel cost. @internal
 */
export function indexIds(collections: RawCollections, issues: Issue[]): IdIndexes {
  const indexes = {} as IdIndexes;
  for (const name of COLLECTIONS) {
    const records = collections[name];
    const index = new Map<string, number>();
    indexes[name] = index;
    if (isPairCollection(name)) {
      checkPairs(name, records, issues);
      continue;
    }
    for (let i = 0; i < records.length; i++) {
      const id = fieldOf(records[i], "id");
      if (!isId(id)) continue;
      const first = index.get(id);
      if (first === undefined) index.set(id, i);
      else {
        issues.push(
          issue(
            "duplicate_id",
            [name, i, "id"],
            `Duplicate ${RECORD_NAMES[name]} id ${quote(id)} (also at ${name}[${first}]). Ids must be unique within ${name}; rename or remove one.`,
          ),
        );
      }
    }
  }
  return indexes;
}

/** Reports each repeated key pair of an assignment or travel cost. */
function checkPairs(name: PairCollection, records: readonly unknown[], issues: Issue[]): void {
  const [k1, k2] = PAIR_KEYS[name];
  if (pairsInOrder(name, records)) return; // canonical input: no duplicate possible (and nothing refers to pairs)
  const seen = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    const a = fieldOf(records[i], k1);
    const b = fieldOf(records[i], k2);
    if (!isId(a) || !isId(b)) continue;
    const key = keyString([a, b]);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else {
      issues.push(
        issue("duplicate_id", [name, i], `Duplicate ${recordLabel(name, records[i], i)} (also at ${name}[${first}]). Keep one record per (${k1}, ${k2}) pair.`),
      );
    }
  }
}

/** True when pair records are in strictly increasing (canonical) order, which rules out duplicates in one pass. */
function pairsInOrder(name: PairCollection, records: readonly unknown[]): boolean {
  const [k1, k2] = PAIR_KEYS[name];
  const order = RECORD_ORDER[name];
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (typeof fieldOf(record, k1) !== "string" || typeof fieldOf(record, k2) !== "string") return false;
    if (i > 0 && order(records[i - 1] as object, record as object) >= 0) return false;
  }
  return true;
}

/**
 * Integrity
 * =========
 * The rules a model must keep beyond its schemas, checked on raw collections (records not yet known to match the
 * schema): unique ids and key pairs, references that resolve, acyclic trees and journeys, and two warnings.
 */
import type { Issue } from "../errors.js";
import { capitalize, issue } from "../issues.js";
import { checkJourneys, checkTrees } from "./integrity/cycles.js";
import { indexIds, type IdIndexes, type RawCollections } from "./integrity/ids.js";
import { fieldOf, forEachReference, recordLabel, REFERENCE_FIELDS, unknownReference } from "./records.js";

export type { IdIndexes, RawCollections } from "./integrity/ids.js";

/** Runs every integrity check on raw collections: duplicates, references, cycles and the warnings. @internal */
export function checkIntegrity(collections: RawCollections, issues: Issue[]): IdIndexes {
  const ids = indexIds(collections, issues);
  checkReferences(collections, ids, issues);
  checkTrees(collections, ids, issues);
  checkJourneys(collections, ids, issues);
  checkChannels(collections, issues);
  return ids;
}

/** Reports `unknown_reference` for every id in a reference field that names no record of its target collection. @internal */
export function checkReferences(collections: RawCollections, ids: IdIndexes, issues: Issue[]): void {
  for (const ref of REFERENCE_FIELDS) {
    const records = collections[ref.from];
    const targets = ids[ref.to];
    forEachReference(ref, records, (id, r, i, j) => {
      if (id !== "" && !targets.has(id)) issues.push(unknownReference(ref, records[r], r, id, i, j));
    });
  }
}

/** Warns about services with no channel (`service_without_channel`). @internal */
export function checkChannels(collections: RawCollections, issues: Issue[]): void {
  const services = collections.services;
  for (let s = 0; s < services.length; s++) {
    const service = services[s];
    if (typeof service !== "object" || service === null) continue;
    const channels = fieldOf(service, "channels");
    if (channels === undefined || (Array.isArray(channels) && channels.length === 0)) {
      issues.push(
        issue(
          "service_without_channel",
          ["services", s, "channels"],
          `${capitalize(recordLabel("services", service, s))} has no channel, so no one can obtain it. Add at least one channel (in_person, online, phone, mail, mobile, kiosk or outreach).`,
          "warning",
        ),
      );
    }
  }
}

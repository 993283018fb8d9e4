import { toPointer, type Issue } from "../errors.js";
import { COLLECTIONS, type CollectionName } from "../schemas/model.js";
import {
  PAIR_KEYS,
  quote,
  RECORD_NAMES,
  recordLabel,
  REFERENCE_FIELDS,
  referencePath,
} from "./references.js";

/** The records of each collection, as given (not yet known to match the schema). @internal */
export type RawCollections = Record<CollectionName, readonly unknown[]>;

/** Id -> index of its first record, per collection with ids. @internal */
export type IdIndexes = Record<CollectionName, Map<string, number>>;

type Path = (string | number)[];

const issue = (code: string, path: Path, message: string, severity: Issue["severity"] = "error"): Issue => ({
  code,
  path,
  pointer: toPointer(path),
  message,
  severity,
});

const field = (record: unknown, key: string): unknown =>
  typeof record === "object" && record !== null ? (record as Record<string, unknown>)[key] : undefined;

const isId = (value: unknown): value is string => typeof value === "string" && value !== "";

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
    if (name === "assignments" || name === "travelCosts") {
      const [k1, k2] = PAIR_KEYS[name];
      if (pairsSortedAndUnique(records, k1, k2)) continue; // canonical input: nothing to index (nothing refers to pairs)
      const seen = new Map<string, Map<string, number>>();
      for (let i = 0; i < records.length; i++) {
        const a = field(records[i], k1);
        const b = field(records[i], k2);
        if (!isId(a) || !isId(b)) continue;
        let inner = seen.get(a);
        if (!inner) seen.set(a, (inner = new Map()));
        const first = inner.get(b);
        if (first === undefined) inner.set(b, i);
        else {
          issues.push(
            issue(
              "duplicate_id",
              [name, i],
              `Duplicate ${recordLabel(name, records[i], i)} (also at ${name}[${first}]). Keep one record per (${k1}, ${k2}) pair.`,
            ),
          );
        }
      }
      continue;
    }
    for (let i = 0; i < records.length; i++) {
      const id = field(records[i], "id");
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

/** True when pair records are in strictly increasing (canonical) order, which rules out duplicates in one pass. */
function pairsSortedAndUnique(records: readonly unknown[], k1: string, k2: string): boolean {
  let a0 = "";
  let b0 = "";
  for (let i = 0; i < records.length; i++) {
    const a = field(records[i], k1);
    const b = field(records[i], k2);
    if (typeof a !== "string" || typeof b !== "string") return false;
    if (i > 0 && (a < a0 || (a === a0 && b <= b0))) return false;
    a0 = a;
    b0 = b;
  }
  return true;
}

/** Reports `unknown_reference` for every id in a reference field that names no record of its target collection. @internal */
export function checkReferences(collections: RawCollections, ids: IdIndexes, issues: Issue[]): void {
  for (const ref of REFERENCE_FIELDS) {
    const records = collections[ref.from];
    const targets = ids[ref.to];
    const report = (r: number, id: string, i: number, j: number) => {
      const inRecord = referencePath(ref, i, j);
      const target = RECORD_NAMES[ref.to];
      issues.push(
        issue(
          "unknown_reference",
          [ref.from, r, ...inRecord],
          `${capitalize(recordLabel(ref.from, records[r], r))} refers to ${target} ${quote(id)} in ${dotPath(inRecord)}, but there is no such ${target} in ${ref.to}. Add it to ${ref.to} or fix the id.`,
        ),
      );
    };
    const [first, , inner] = ref.path;
    // One loop per shape of path, no callback per record: this runs over every reference of the model.
    switch (ref.path.length) {
      case 1:
        for (let r = 0; r < records.length; r++) {
          const id = field(records[r], first!);
          if (typeof id === "string" && id !== "" && !targets.has(id)) report(r, id, -1, -1);
        }
        break;
      case 2:
        for (let r = 0; r < records.length; r++) {
          const list = field(records[r], first!);
          if (!Array.isArray(list)) continue;
          for (let i = 0; i < list.length; i++) {
            const id: unknown = list[i];
            if (typeof id === "string" && id !== "" && !targets.has(id)) report(r, id, i, -1);
          }
        }
        break;
      default:
        for (let r = 0; r < records.length; r++) {
          const list = field(records[r], first!);
          if (!Array.isArray(list)) continue;
          for (let i = 0; i < list.length; i++) {
            const value = field(list[i], inner!);
            if (ref.path.length === 3) {
              if (typeof value === "string" && value !== "" && !targets.has(value)) report(r, value, i, -1);
            } else if (Array.isArray(value)) {
              for (let j = 0; j < value.length; j++) {
                const id: unknown = value[j];
                if (typeof id === "string" && id !== "" && !targets.has(id)) report(r, id, i, j);
              }
            }
          }
        }
    }
  }
}

/** Reports one `cycle` issue per cycle of `parentId` in regions and in departments. @internal */
export function checkTrees(collections: RawCollections, ids: IdIndexes, issues: Issue[]): void {
  for (const name of ["regions", "departments"] as const) {
    const records = collections[name];
    const index = ids[name];
    const parent = new Int32Array(records.length).fill(-1);
    for (const i of index.values()) {
      const p = field(records[i], "parentId");
      if (isId(p)) parent[i] = index.get(p) ?? -1;
    }
    const state = new Uint8Array(records.length); // 0 unseen, 1 on the current walk, 2 done
    const walk: number[] = [];
    for (const start of index.values()) {
      let node = start;
      while (node !== -1 && state[node] === 0) {
        state[node] = 1;
        walk.push(node);
        node = parent[node]!;
      }
      if (node !== -1 && state[node] === 1) {
        const cycle = walk.slice(walk.indexOf(node));
        const cycleIds = cycle.map((i) => field(records[i], "id") as string);
        let least = 0;
        for (let k = 1; k < cycleIds.length; k++) if (cycleIds[k]! < cycleIds[least]!) least = k;
        const ordered = [...cycleIds.slice(least), ...cycleIds.slice(0, least)];
        const words = name === "regions" ? ["Regions", "contain", "region"] : ["Departments", "supervise", "department"];
        issues.push(
          issue(
            "cycle",
            [name, cycle[least]!, "parentId"],
            `${words[0]} form a cycle through parentId: ${[...ordered, ordered[0]!].map(quote).join(" -> ")}. A ${words[2]} cannot ${words[1]} itself; remove one of these parentIds.`,
          ),
        );
      }
      for (const i of walk) state[i] = 2;
      walk.length = 0;
    }
  }
}

/**
 * Checks each need's journey: `after` must not form a cycle (error `cycle`), and each step's service should list
 * the need in its `needIds` (warning `journey_step_not_meeting_need`). @internal
 */
export function checkJourneys(collections: RawCollections, ids: IdIndexes, issues: Issue[]): void {
  const needs = collections.needs;
  const services = collections.services;
  for (let n = 0; n < needs.length; n++) {
    const need = needs[n];
    const journey = field(need, "journey");
    const needId = field(need, "id");
    if (!Array.isArray(journey) || !isId(needId)) continue;
    const stepOf = new Map<string, number>();
    for (let s = 0; s < journey.length; s++) {
      const serviceId = field(journey[s], "serviceId");
      if (!isId(serviceId)) continue;
      if (!stepOf.has(serviceId)) stepOf.set(serviceId, s);
      const at = ids.services.get(serviceId);
      if (at === undefined) continue;
      const needIds = field(services[at], "needIds");
      if (!Array.isArray(needIds) || !needIds.includes(needId)) {
        issues.push(
          issue(
            "journey_step_not_meeting_need",
            ["needs", n, "journey", s, "serviceId"],
            `Need ${quote(needId)} journey step ${s} uses service ${quote(serviceId)}, which does not list ${quote(needId)} in its needIds. Add the need to the service's needIds or use another service.`,
            "warning",
          ),
        );
      }
    }
    // Iterative depth-first search over `after` (a journey may be long), one issue per back edge.
    const state = new Uint8Array(journey.length); // 0 unseen, 1 on the stack, 2 done
    const stack: number[] = [];
    const next: number[] = [];
    for (const root of stepOf.values()) {
      if (state[root] !== 0) continue;
      stack.push(root);
      next.push(0);
      state[root] = 1;
      while (stack.length > 0) {
        const s = stack[stack.length - 1]!;
        const after = field(journey[s], "after");
        const k = next[next.length - 1]!;
        if (!Array.isArray(after) || k >= after.length) {
          state[s] = 2;
          stack.pop();
          next.pop();
          continue;
        }
        next[next.length - 1] = k + 1;
        const prior = after[k];
        const t = typeof prior === "string" ? stepOf.get(prior) : undefined;
        if (t === undefined) continue;
        if (state[t] === 0) {
          state[t] = 1;
          stack.push(t);
          next.push(0);
        } else if (state[t] === 1) {
          const cycle = stack.slice(stack.indexOf(t)).map((q) => field(journey[q], "serviceId") as string);
          issues.push(
            issue(
              "cycle",
              ["needs", n, "journey", s, "after", k],
              `Need ${quote(needId)} journey steps wait for each other in a cycle through after: ${[...cycle, cycle[0]!].map(quote).join(" -> ")}. Remove one of these after entries.`,
            ),
          );
        }
      }
    }
  }
}

/** Warns about services with no channel (`service_without_channel`). @internal */
export function checkChannels(collections: RawCollections, issues: Issue[]): void {
  const services = collections.services;
  for (let s = 0; s < services.length; s++) {
    const service = services[s];
    if (typeof service !== "object" || service === null) continue;
    const channels = field(service, "channels");
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

/** Runs every integrity check on raw collections: duplicates, references, cycles and the warnings. @internal */
export function checkIntegrity(collections: RawCollections, issues: Issue[]): IdIndexes {
  const ids = indexIds(collections, issues);
  checkReferences(collections, ids, issues);
  checkTrees(collections, ids, issues);
  checkJourneys(collections, ids, issues);
  checkChannels(collections, issues);
  return ids;
}

/** `channels[0].kind` for `["channels", 0, "kind"]`. @internal */
export function dotPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

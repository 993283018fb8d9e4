/**
 * Validation in one pass
 * ======================
 * The common case, a valid model without warnings, checked touching each record once (a large model does not fit in
 * the processor's caches, so every further pass over the records costs about as much as the first): its schema (the
 * compiled checker of `fast-parse.ts`), its id, its place in canonical order, and the ids it refers to: looked up at
 * once in a collection read before (the id after the last one found there is tried first, see references.ts), else
 * gathered per target collection as sets of distinct ids and looked up at the end, with the trees and journeys. Records can be
 * given a batch at a time, as a reader parses them. At the first problem, warnings included, the pass gives up and
 * `validateModel` runs the full validation, which finds and words every issue: this pass never writes an issue.
 */
import type { Issue } from "../../errors.js";
import { adoptIdTable } from "../../graph/id-table.js";
import { COLLECTIONS, type CollectionName, type Model } from "../../schemas/model.js";
import { checkJourneys, checkTrees } from "../integrity/cycles.js";
import type { IdIndexes, RawCollections } from "../integrity/ids.js";
import { isPairCollection, RECORD_ASCENDS, RECORD_ORDER, REFERENCE_FIELDS } from "../records.js";
import { markValidatedFrozen } from "../validated.js";
import { FAIL, type Checker } from "../fast-parse.js";
import { checkerFor, parseMeta } from "./parse-records.js";
import { newReference, resolves, type Reference } from "./references.js";

type Row = Record<string, unknown>;

/** What the pass knows of one collection's records so far. */
interface CollectionState {
  count: number;
  checker: Checker;
  ids: Map<string, number>;
  /** The records' ids in order: the strings that references to them are given when `shareIds`. */
  idStrings: string[];
  previous: object | undefined;
  /** Strictly increasing so far (for pairs, this rules out duplicates). */
  ascending: boolean;
  references: Reference[];
  /** The checked records, when they are copies (not adopting). */
  out: unknown[] | undefined;
  first: unknown;
  last: unknown;
}

/** Validates a model's records as they come, giving up at the first problem; see the banner. @internal */
export class OnePass {
  private failed = false;
  /** Collections whose records have all been given. */
  private readonly complete = new Set<CollectionName>();
  private readonly states = new Map<CollectionName, CollectionState>();
  private readonly wanted = new Map<CollectionName, Map<string, string>>();

  /**
   * `adopt`: the records become the model's (see `validateModel`). `shareIds`: the records are plain objects fresh from
   * `JSON.parse`, which no one else holds, so each reference is set to one string per id (the id's own, when its
   * record was read before): `JSON.parse` makes a new string for every value, and on a national model those copies
   * are a third of the heap, which every garbage collection walks.
   */
  constructor(
    private readonly adopt: boolean,
    private readonly shareIds = false,
  ) {}

  /** False once the pass has given up. */
  get ok(): boolean {
    return !this.failed;
  }

  /** Says that every record of a collection has been given: references to it are looked up at once from now. */
  completed(collection: CollectionName): void {
    this.complete.add(collection);
  }

  /** Checks the next records of a collection, in document order. */
  records(collection: CollectionName, records: readonly unknown[]): void {
    if (this.failed || records.length === 0) return;
    const state = this.state(collection);
    if (state === undefined) return;
    if (state.count === 0) state.first = records[0];
    state.last = records[records.length - 1];
    if (!this.check(collection, state, records)) this.failed = true;
  }

  private state(collection: CollectionName): CollectionState | undefined {
    let state = this.states.get(collection);
    if (state) return state;
    const checker = checkerFor(collection, this.adopt);
    if (!checker) {
      this.failed = true;
      return undefined;
    }
    const references = REFERENCE_FIELDS.filter((r) => r.from === collection).map((r): Reference => {
      const target = r.to !== collection && this.complete.has(r.to) ? this.states.get(r.to) : undefined;
      return newReference(r.path, target && { ids: target.ids, strings: target.idStrings }, this.wantedOf(r.to));
    });
    const out = this.adopt ? undefined : [];
    state = { count: 0, checker, ids: new Map(), idStrings: [], previous: undefined, ascending: true, references, out, first: undefined, last: undefined };
    this.states.set(collection, state);
    return state;
  }

  private wantedOf(collection: CollectionName): Map<string, string> {
    let wanted = this.wanted.get(collection);
    if (!wanted) this.wanted.set(collection, (wanted = new Map()));
    return wanted;
  }

  private check(collection: CollectionName, state: CollectionState, records: readonly unknown[]): boolean {
    const { checker, ids, idStrings, references, out } = state;
    const ascends = RECORD_ASCENDS[collection];
    const pairs = isPairCollection(collection);
    const services = collection === "services";
    const share = this.shareIds;
    let previous = state.previous;
    let ascending = state.ascending;
    for (let k = 0; k < records.length; k++) {
      // Sharing ids, references come first: the checker freezes what it adopts, and a shared id is written into the
      // record (fresh from JSON.parse, so read twice the same). Otherwise they are read from what the checker returns,
      // which is what the model holds: a getter could answer a second read differently.
      if (share) for (let r = 0; r < references.length; r++) if (!resolves(records[k], references[r]!, true)) return false;
      const checked = checker(records[k]);
      if (checked === FAIL) return false;
      const record = checked as Row;
      if (!share) for (let r = 0; r < references.length; r++) if (!resolves(record, references[r]!, false)) return false;
      if (out) out.push(record);
      if (!pairs) {
        const size = ids.size;
        ids.set(record.id as string, state.count + k);
        if (ids.size === size) return false; // a duplicate id
        idStrings.push(record.id as string);
      }
      if (previous !== undefined && ascending && !ascends(previous, record)) ascending = false;
      previous = record;
      if (services && (record.channels as unknown[]).length === 0) return false; // a warning
    }
    state.previous = previous;
    state.ascending = ascending;
    state.count += records.length;
    return true;
  }

  /**
   * The valid model, when the records given were all of `root`'s collections and nothing is wrong with them or with
   * `root`; undefined otherwise (then validate it fully).
   */
  finish(root: Row): { model: Model; issues: Issue[] } | undefined {
    if (this.failed || !topLevelFine(root)) return undefined;
    const raw = {} as Record<CollectionName, readonly unknown[]>;
    for (const c of COLLECTIONS) {
      const records = root[c];
      raw[c] = Array.isArray(records) ? records : [];
      if (raw[c].length === 0) continue;
      if (!this.states.has(c)) {
        this.records(c, raw[c]);
        this.completed(c);
      }
      const state = this.states.get(c);
      if (this.failed || !state || state.count !== raw[c].length || state.first !== raw[c][0] || state.last !== raw[c][raw[c].length - 1]) return undefined;
    }
    const ids = Object.fromEntries(COLLECTIONS.map((c) => [c, this.states.get(c)?.ids ?? new Map()])) as IdIndexes;
    for (const [c, wanted] of this.wanted) for (const id of wanted.keys()) if (!ids[c].has(id)) return undefined;
    const out = this.adopt ? raw : (Object.fromEntries(COLLECTIONS.map((c) => [c, this.states.get(c)?.out ?? []])) as unknown as RawCollections);
    const issues: Issue[] = [];
    checkTrees(out, ids, issues);
    checkJourneys(out, ids, issues);
    if (issues.length > 0) return undefined;
    const meta = root.meta === undefined ? undefined : parseMeta(root.meta);
    if (meta && meta.issues.length > 0) return undefined;
    const model: Row = { schemaVersion: 1, ...(meta?.meta ? { meta: meta.meta } : {}) };
    for (const c of COLLECTIONS) {
      const state = this.states.get(c);
      const records = out[c];
      if (!state || state.ascending) {
        model[c] = records;
        continue;
      }
      const sorted = [...(records as object[])].sort(RECORD_ORDER[c]);
      if (isPairCollection(c) && hasAdjacentEqual(sorted, RECORD_ORDER[c])) return undefined; // a pair given twice
      model[c] = sorted;
    }
    const valid = markValidatedFrozen(model as unknown as Model);
    // The ids read, in order, are the id table of each collection kept in its order: the index takes them as they are.
    for (const c of COLLECTIONS) {
      const state = this.states.get(c);
      if (state && state.ascending && !isPairCollection(c)) adoptIdTable(valid[c] as readonly { id: string }[], state.idStrings, state.ids);
    }
    return { model: valid, issues };
  }
}

const TOP_KEYS = new Set<string>(["schemaVersion", "meta", ...COLLECTIONS]);

/** Only known keys, `schemaVersion` 1, and arrays for collections. */
function topLevelFine(root: Row): boolean {
  if (typeof root !== "object" || root === null || Array.isArray(root) || root.schemaVersion !== 1) return false;
  for (const key of Object.keys(root)) if (!TOP_KEYS.has(key)) return false;
  return COLLECTIONS.every((c) => root[c] === undefined || Array.isArray(root[c]));
}

/** Whether two neighbours of a sorted list are equal in its order: a key given twice. */
function hasAdjacentEqual(sorted: readonly object[], order: (a: object, b: object) => number): boolean {
  for (let i = 1; i < sorted.length; i++) if (order(sorted[i - 1]!, sorted[i]!) === 0) return true;
  return false;
}

import { indexModel, type Model } from "../index.js";
import type { Cell, Column } from "./render/table.js";

/** The kinds of record a table names. @internal */
export type NameKind = "department" | "function" | "need" | "region" | "segment" | "service" | "evidence";

const COLLECTION: Record<NameKind, "departments" | "functions" | "needs" | "regions" | "segments" | "services" | "evidence"> = {
  department: "departments",
  function: "functions",
  need: "needs",
  region: "regions",
  segment: "segments",
  service: "services",
  evidence: "evidence",
};

/** Where one model's records of a kind are found by id: the positions of the index, and the records. */
interface Lookup {
  of: ReadonlyMap<string, number>;
  records: readonly { id: string; name: string }[];
}

/**
 * Names of a model's records by kind and id, for tables that show a name beside an id; with several models (a
 * comparison) the first that has the record names it. With `indexed` (the command's analyses have built each
 * model's index), ids are looked up in the index (`indexModel`, cached): a national table shows a few dozen names of
 * half a million services. Otherwise each kind's map is built on first use, which costs less than building an index.
 * @internal
 */
export class Names {
  private readonly lookups = new Map<NameKind, Lookup[]>();
  constructor(
    private readonly models: readonly Model[] = [],
    private readonly indexed = false,
  ) {}

  /** The record's name, or undefined when no model has it. */
  of(kind: NameKind, id: string): string | undefined {
    let lookups = this.lookups.get(kind);
    if (!lookups) this.lookups.set(kind, (lookups = this.models.map((model) => lookupOf(model, kind, this.indexed))));
    for (const { of, records } of lookups) {
      const at = of.get(id);
      if (at !== undefined) return records[at]!.name;
    }
    return undefined;
  }

  /** The record's name, or its id when it has none. */
  label(kind: NameKind, id: string | null | undefined, none = "(everyone)"): string {
    if (id === null || id === undefined) return none;
    return this.of(kind, id) ?? id;
  }

  /** Names of several records, `; `-separated (names hold commas), at most `max` then `+N`. */
  list(kind: NameKind, ids: readonly string[], max = 4): string {
    if (ids.length === 0) return "–";
    const shown = ids.slice(0, max).map((id) => this.label(kind, id));
    return ids.length > max ? `${shown.join("; ")}; +${ids.length - max} more` : shown.join("; ");
  }

  /** The cells [name, id] of a record: the name for people, the id to act on it. */
  pair(kind: NameKind, id: string | null | undefined, none = "(everyone)"): [Cell, Cell] {
    return [this.label(kind, id, none), id ?? null];
  }
}

/** The lookup of a kind of record in a model: its index's id table when `indexed` (and the model frozen), else a map. */
function lookupOf(model: Model, kind: NameKind, indexed: boolean): Lookup {
  const collection = COLLECTION[kind];
  if (indexed && Object.isFrozen(model)) {
    // Positions in the index's own model: a frozen model that govgraph did not validate is indexed as a sorted copy.
    const index = indexModel(model);
    return { of: index[collection].of, records: index.model[collection] };
  }
  const records = model[collection];
  return { of: new Map(records.map((r, i) => [r.id, i])), records };
}

/**
 * The columns [name, id] of a record kind: `label` and `id` in text (the id only in CSV when `showId` is false),
 * `<kind>Name` and `<kind>Id` in CSV.
 * @internal
 */
export function nameColumns(kind: NameKind, label: string = kind, showId = true): [Column, Column] {
  return [
    { label, csv: `${kind}Name` },
    { label: "id", csv: `${kind}Id`, id: true, ...(showId ? {} : { only: "csv" as const }) },
  ];
}

/** The columns of a list of records: names (and ids with `showIds`) in text, names and `|`-separated ids in CSV. @internal */
export function listColumns(kind: NameKind, label: string, showIds = false): [Column, Column] {
  return [
    { label, csv: `${kind}Names` },
    { label: `${kind} ids`, csv: `${kind}Ids`, id: true, ...(showIds ? {} : { only: "csv" as const }) },
  ];
}

/**
 * The cells of a list of records: its names (`; `-separated, at most `max` in text; every one, `|`-separated, in
 * CSV) and its ids (`|`-separated, CSV only). @internal
 */
export function listCells(names: Names, kind: NameKind, ids: readonly string[], max = 4): [Cell, Cell] {
  const idList = { text: ids.length > max ? `${ids.slice(0, max).join(", ")}, +${ids.length - max} more` : ids.join(", "), value: ids.join("|"), right: false };
  return [{ text: names.list(kind, ids, max), value: ids.map((id) => names.label(kind, id)).join("|"), right: false }, idList];
}

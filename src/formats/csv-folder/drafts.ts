/**
 * CSV folder, reading the tables: each row becomes a record (or a nested item appended to its owner's list),
 * remembering the line it came from, so that any later problem (a dangling reference found by validation) is
 * reported at its file, line and column, and `strict: false` can leave out exactly the part that is wrong.
 * @module
 */
import Papa from "papaparse";
import { quote } from "../../issues.js";
import { RECORD_NAMES } from "../../model/records.js";
import { COLLECTIONS, type CollectionName } from "../../schemas/model.js";
import { eachCsvRow } from "../csv-rows.js";
import { decodeAttributes, decodeBoolean, decodeList, decodeNumber, type Decoded } from "./cells.js";
import { csvIssue, type CsvIssue } from "./issues.js";
import { META_FILE, tableOf, type Column, type Table } from "./tables.js";
import { headerOf } from "./write.js";

type Rec = Record<string, unknown>;

/** The model input being built, and the line of every record and nested item (by the array holding it). @internal */
export interface Drafts {
  input: Rec & Record<CollectionName, Rec[]>;
  linesOf: Map<unknown[], number[]>;
  owners: Map<CollectionName, Map<string, Rec>>;
}

/** Empty drafts: every collection an empty array. @internal */
export function newDrafts(): Drafts {
  const input = { schemaVersion: 1 } as unknown as Drafts["input"];
  const linesOf = new Map<unknown[], number[]>();
  for (const c of COLLECTIONS) linesOf.set((input[c] = []), []);
  return { input, linesOf, owners: new Map(COLLECTIONS.map((c) => [c, new Map<string, Rec>()])) };
}

function decode(column: Column, cell: string): Decoded {
  switch (column.kind) {
    case "number":
      return decodeNumber(cell);
    case "boolean":
      return decodeBoolean(cell);
    case "list":
    case "ids":
      return decodeList(cell);
    case "attributes":
      return decodeAttributes(cell);
    case "rows":
      return cell === "" ? { value: undefined } : cell === "[]" ? { value: [] } : { problem: `${quote(cell)} should be empty, or [] for an empty list` };
    default:
      return { value: cell === "" ? undefined : cell };
  }
}

const CODES: Record<string, string> = { number: "not_a_number", boolean: "not_a_boolean", attributes: "invalid_attributes" };

/** Reads a row's cells (`at[i]` the index of `columns[i]`) into a new object, reporting the cells that cannot be read. */
function fill(table: Table, columns: readonly Column[], at: readonly number[], cells: readonly string[], line: number, issues: CsvIssue[]): Rec {
  const out: Rec = {};
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const cell = cells[at[i]!] ?? "";
    // An empty cell is an absent value in every kind; a text cell is its value (no decoding, no allocation).
    if (cell === "") continue;
    let value: unknown = cell;
    if (column.kind !== "text") {
      const decoded = decode(column, cell);
      if (decoded.problem !== undefined) issues.push(csvIssue(table.file, line, column.name, CODES[column.kind] ?? "invalid_list", decoded.problem));
      if ((value = decoded.value) === undefined) continue;
    }
    const [field, inner] = column.path;
    if (inner === undefined) out[field] = value;
    else ((out[field] ??= {}) as Rec)[inner] = value;
  }
  return out;
}

/** The column names of a CSV text's header row (its first record), a byte order mark left out. @internal */
export function csvHeader(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const end = body.indexOf("\n");
  const first = end >= 0 && !body.slice(0, end).includes('"') ? body.slice(0, end) : body;
  return (Papa.parse<string[]>(first, { preview: 1, delimiter: "," }).data[0] ?? []).map((h) => h.replace(/\r$/, "")).filter((h) => h !== "");
}

/** Checks a file's header: unknown columns are errors; a missing required column makes the file unreadable. */
function checkHeader(table: Table, text: string, issues: CsvIssue[]): Column[] | undefined {
  const header = csvHeader(text);
  const expected = headerOf(table);
  for (const name of header) {
    if (!expected.includes(name)) issues.push(csvIssue(table.file, 1, name, "unknown_column", `unknown column (the columns of ${table.file} are ${expected.join(", ")})`));
  }
  const missing = expected.filter((name) => !header.includes(name) && (name === table.nested?.ownerColumn || table.columns.some((c) => c.name === name && c.required)));
  for (const name of missing) issues.push(csvIssue(table.file, 1, name, "missing_column", `the header has no column "${name}", which every row needs; no row of the file is read`));
  return missing.length > 0 ? undefined : table.columns.filter((c) => header.includes(c.name));
}

/** Reads one table's file into the drafts, row by row as the parser gives them; its owners' table must have been read first. @internal */
export function readTable(drafts: Drafts, table: Table, text: string, issues: CsvIssue[]): void {
  const columns = checkHeader(table, text, issues);
  if (columns === undefined) return;
  const c = table.collection;
  const owners = drafts.owners.get(c)!;
  const nested = table.nested;
  let header: string[] | undefined;
  let at: number[] = [];
  let ownerAt = -1;
  eachCsvRow<string[]>(text, false, (line, cells, errors) => {
    if (header === undefined) {
      header = cells;
      // A repeated column name: its first column is read (the header check reports no second one).
      at = columns.map((column) => cells.indexOf(column.name));
      ownerAt = nested ? cells.indexOf(nested.ownerColumn) : -1;
      return;
    }
    const problem = errors[0]?.message ?? (cells.length !== header.length ? `Too ${cells.length > header.length ? "many" : "few"} fields: expected ${header.length} fields but parsed ${cells.length}` : undefined);
    if (problem !== undefined) {
      issues.push(csvIssue(table.file, line, "", "malformed_row", problem));
      return;
    }
    const record = fill(table, columns, at, cells, line, issues);
    if (nested === undefined) {
      drafts.input[c].push(record);
      drafts.linesOf.get(drafts.input[c])!.push(line);
      if (typeof record.id === "string" && !owners.has(record.id)) owners.set(record.id, record);
      return;
    }
    const ownerId = cells[ownerAt] ?? "";
    const owner = owners.get(ownerId);
    if (owner === undefined) {
      const ownerFile = tableOf(c)!.file;
      issues.push(csvIssue(table.file, line, nested.ownerColumn, "unknown_owner", `there is no ${RECORD_NAMES[c]} ${quote(ownerId)} in ${ownerFile}; add it there or fix the id`));
      return;
    }
    const list = (owner[nested.field] ??= []) as unknown[];
    let lines = drafts.linesOf.get(list);
    if (lines === undefined) drafts.linesOf.set(list, (lines = []));
    list.push(record);
    lines.push(line);
  });
}

/**
 * Where a path into the model input comes from: `["services", 3, "channels", 1, "kind"]` is the `kind` column of a
 * line of service-channels.csv. @internal
 */
export function locate(drafts: Drafts, path: readonly (string | number)[]): { file: string; line: number; column: string } {
  const c = path[0] as CollectionName;
  const table = typeof path[1] === "number" ? tableOf(c) : undefined;
  if (table === undefined) return { file: META_FILE, line: 1, column: path.join(".") };
  const records = drafts.input[c];
  const record = records[path[1] as number];
  const line = drafts.linesOf.get(records)![path[1] as number]!;
  const [field, next, inner] = path.slice(2);
  if (field === undefined) return { file: table.file, line, column: "" };
  const nestedTable = tableOf(c, field as string);
  if (nestedTable !== undefined) {
    const items = record?.[field as string] as unknown[] | undefined;
    const itemLine = typeof next === "number" && items ? drafts.linesOf.get(items)?.[next] : undefined;
    if (itemLine === undefined) return { file: table.file, line, column: table.columns.some((col) => col.name === field) ? (field as string) : "" };
    return { file: nestedTable.file, line: itemLine, column: typeof inner === "string" ? inner : "" };
  }
  const dotted = `${field}.${String(next)}`;
  return { file: table.file, line, column: table.columns.some((col) => col.name === dotted) ? dotted : String(field) };
}

/**
 * CSV folder, writing
 * ===================
 * A model as a folder of CSV files (one per collection, one per nested list, `meta.json`), following
 * `TABLES`. Files are RFC 4180, UTF-8 without a byte order mark, records in canonical order; see docs/csv.md.
 * @module
 */
import { canonicalize } from "../../model/records.js";
import { resolveOptions } from "../../options.js";
import type { Model } from "../../schemas/model.js";
import { encodeAttributes, encodeList, encodeScalar } from "./cells.js";
import { formatCsvField, formatCsvRecord } from "../csv-write.js";
import { META_FILE, TABLES, type Column, type Table } from "./tables.js";
import { requireModel } from "../../model/require-model.js";

/** Options of {@link csvFolderChunks}. */
export interface CsvFolderChunksOptions {
  /** Characters gathered before a chunk is yielded; a file's last chunk may be shorter. */
  chunkSize?: number;
}

/** Defaults of {@link csvFolderChunks}. */
export const CSV_FOLDER_CHUNKS_DEFAULTS = { chunkSize: 1 << 20 } as const satisfies Required<CsvFolderChunksOptions>;

/** A piece of one file of a CSV folder; a file's chunks come one after the other, the first holding its header. */
export interface CsvFolderChunk {
  file: string;
  text: string;
}

type Row = Readonly<Record<string, unknown>>;

function cell(column: Column, record: Row): string {
  const [field, inner] = column.path;
  let value = record[field];
  if (inner !== undefined) value = value === undefined ? undefined : (value as Row)[inner];
  switch (column.kind) {
    case "list":
      return encodeList(value as string[] | undefined);
    case "ids":
      return (value as string[] | undefined)?.length ? encodeList(value as string[]) : "";
    case "attributes":
      return encodeAttributes(value as Row | undefined);
    case "rows":
      return Array.isArray(value) && value.length === 0 ? "[]" : "";
    default:
      return encodeScalar(value);
  }
}

/** One record's line of a table (RFC 4180, CRLF), its owner's id first for a nested table. */
function line(table: Table, record: Row, ownerId: string | undefined): string {
  let text = ownerId === undefined ? "" : formatCsvField(ownerId);
  const { columns } = table;
  for (let i = 0; i < columns.length; i++) text += (i === 0 && ownerId === undefined ? "" : ",") + formatCsvField(cell(columns[i]!, record));
  return text + "\r\n";
}

/** The header of a table. @internal */
export function headerOf(table: Table): string[] {
  return [...(table.nested ? [table.nested.ownerColumn] : []), ...table.columns.map((c) => c.name)];
}

/** The text of `meta.json`: the schema version and the model's `meta`. @internal */
export function metaJson(model: Model): string {
  return JSON.stringify(model.meta === undefined ? { schemaVersion: model.schemaVersion } : { schemaVersion: model.schemaVersion, meta: model.meta }, null, 2) + "\n";
}

/**
 * The files of {@link toCsvFolder} as a lazy sequence of chunks, file after file (`meta.json` first), so that a
 * large model can be written to disk without holding any whole file in memory.
 * @example
 * for (const { file, text } of csvFolderChunks(model)) appendFileSync(join(dir, file), text);
 */
export function csvFolderChunks(model: Model, options: CsvFolderChunksOptions = {}): Generator<CsvFolderChunk, void, undefined> {
  model = requireModel("csvFolderChunks", model);
  const { chunkSize } = resolveOptions(CSV_FOLDER_CHUNKS_DEFAULTS, options, "csvFolderChunks", {
    chunkSize: (v) => (typeof v === "number" && v >= 1 ? undefined : "must be a number >= 1"),
  });
  return folderChunks(model, chunkSize);
}

function* folderChunks(model: Model, chunkSize: number): Generator<CsvFolderChunk, void, undefined> {
  const canonical = canonicalize(model);
  yield { file: META_FILE, text: metaJson(canonical) };
  for (const table of TABLES) {
    let text = formatCsvRecord(headerOf(table));
    const nested = table.nested;
    // Lines are appended one by one, nested items after their owner's id, with no array per row.
    for (const owner of canonical[table.collection] as readonly Row[]) {
      const items = nested === undefined ? undefined : (owner[nested.field] as readonly Row[] | undefined);
      const count = nested === undefined ? 1 : (items?.length ?? 0);
      for (let i = 0; i < count; i++) {
        text += items === undefined ? line(table, owner, undefined) : line(table, items[i]!, owner.id as string);
        if (text.length >= chunkSize) {
          yield { file: table.file, text };
          text = "";
        }
      }
    }
    if (text !== "") yield { file: table.file, text };
  }
}

/**
 * Writes a model as a CSV folder: `{ "meta.json": ..., "regions.csv": ..., ... }`, one file per collection and one
 * per nested list (channels, evidence requirements, demand, journey steps, legal bases, identifiers), list fields
 * `|`-separated. `fromCsvFolder` reads it back to the same model.
 * @example
 * const files = toCsvFolder(exampleCounty);
 * files["assignments.csv"].split("\r\n")[0]; // "departmentId,functionId,role,tags,attributes"
 */
export function toCsvFolder(model: Model): Record<string, string> {
  model = requireModel("toCsvFolder", model);
  const files: Record<string, string> = {};
  for (const { file, text } of csvFolderChunks(model, { chunkSize: Infinity })) files[file] = (files[file] ?? "") + text;
  return files;
}

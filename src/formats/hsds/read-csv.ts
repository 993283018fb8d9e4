/**
 * HSDS tabular data package to rows
 * =================================
 * Reads the CSV tables of an HSDS tabular data package (a map of file name to text, with or without its
 * `datapackage.json`) into rows, through papaparse: numbers typed as the HSDS descriptor says, empty cells left
 * out, each row keeping its file and line.
 * @module
 */
import { GovGraphError, type Issue } from "../../errors.js";
import { readCsvRows } from "../csv-rows.js";
import { HSDS_TABLES, TABLE, type HsdsTableName } from "./schema.js";
import { addRow, rowIssue, setOwn, type HsdsTables } from "./tables.js";

const baseName = (name: string) => name.slice(name.lastIndexOf("/") + 1);

/** The table each file holds: from `datapackage.json`'s resources when given, else HSDS's own file names. */
function tableFiles(fn: string, files: Record<string, string>): Map<string, HsdsTableName> {
  const byPath = new Map<string, HsdsTableName>(HSDS_TABLES.map((t) => [t.path, t.name]));
  const descriptor = files["datapackage.json"];
  if (descriptor === undefined) return byPath;
  let resources: unknown;
  try {
    resources = (JSON.parse(descriptor) as { resources?: unknown }).resources;
  } catch (error) {
    throw new GovGraphError("invalid_json", `${fn}: datapackage.json is not valid JSON (${(error as Error).message}). Fix it, or leave it out to use HSDS's own file names.`, { cause: error });
  }
  for (const r of Array.isArray(resources) ? resources : []) {
    const { name, path } = (r ?? {}) as { name?: unknown; path?: unknown };
    if (typeof name === "string" && typeof path === "string" && Object.hasOwn(TABLE, name)) byPath.set(baseName(path), name as HsdsTableName);
  }
  return byPath;
}

/** A cell as the JSON form holds it: a number where the descriptor says so, else the text. */
function typed(table: HsdsTableName, column: string, text: string, issue: (message: string) => void): unknown {
  const field = TABLE[table].fields.find((f) => f.name === column);
  if (field?.type !== "number" || text.trim() === "") return text;
  const value = Number(text.trim());
  if (Number.isFinite(value)) return value;
  issue(`"${text}" is not a number; kept as text`);
  return text;
}

/**
 * The rows of every HSDS table among the files. A file that is no HSDS table is reported (a warning) and left
 * out; so is a row without an id, or with the id of an earlier row (errors).
 * @internal
 */
export function readCsvTables(fn: string, files: Record<string, string>, issues: Issue[]): HsdsTables {
  const tables: HsdsTables = new Map();
  const tableOf = tableFiles(fn, files);
  // Files none of which is an HSDS table would read as an empty model, each left out with a warning.
  const data = Object.keys(files).filter((file) => file !== "datapackage.json");
  if (data.length > 0 && !data.some((file) => tableOf.has(baseName(file)))) {
    const held = `${data.slice(0, 4).join(", ")}${data.length > 4 ? ", ..." : ""}`;
    throw new GovGraphError("invalid_input", `${fn}: none of the files (${held}) is an HSDS table. Pass HSDS's tables (organizations.csv, services.csv, ...), or a datapackage.json naming the tables its files hold.`);
  }
  for (const file of Object.keys(files).sort()) {
    if (file === "datapackage.json") continue;
    const table = tableOf.get(baseName(file));
    if (!table) {
      issues.push(rowIssue({ file, line: 1 }, undefined, "unknown_table", "the file is no HSDS table (see datapackage.json); it is left out", "warning"));
      continue;
    }
    const parsed = readCsvRows(files[file]!, fn, []);
    for (const i of parsed.issues) issues.push(rowIssue({ file, line: i.path[0] as number }, undefined, i.code, i.message.replace(/^line \d+: /, ""), i.severity));
    for (const { line, record } of parsed.rows) {
      const at = { file, line };
      const fields: Record<string, unknown> = {};
      for (const [column, raw] of Object.entries(record)) {
        // Cells are kept as written (RFC 4180: spaces are part of a field); an empty cell is an absent value.
        if (column === "" || typeof raw !== "string" || raw === "") continue;
        setOwn(fields, column, typed(table, column, raw, (m) => issues.push(rowIssue(at, column, "not_a_number", m, "warning"))));
      }
      if (typeof fields.id !== "string") {
        issues.push(rowIssue(at, "id", "missing_value", `the ${table} row has no id; it is left out`, "error"));
        continue;
      }
      const first = tables.get(table)?.get(fields.id);
      if (first) {
        const was = "file" in first.at ? `line ${first.at.line}` : "an earlier row";
        issues.push(rowIssue(at, "id", "duplicate_id", `${table} "${fields.id}" was already read from ${was}; this row is left out`, "error"));
        continue;
      }
      addRow(tables, table, fields, at);
    }
  }
  return tables;
}

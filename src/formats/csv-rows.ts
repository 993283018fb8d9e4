import Papa from "papaparse";
import { GovGraphError, toPointer, type Issue } from "../errors.js";

/** One CSV record with the line it starts on (the header is line 1). @internal */
export interface CsvRow {
  line: number;
  record: Record<string, string>;
}

/**
 * Parses CSV text (papaparse), calling `onRow` with each record and the line it starts on (the header is line 1;
 * a quoted value holding line breaks counts its lines) and the parser's problems with the record, without
 * gathering the records. With `header`, records are objects keyed by the header's names; without, arrays of cells,
 * the header being the first.
 * @internal
 */
export function eachCsvRow<R extends Record<string, string> | string[]>(
  text: string,
  header: R extends string[] ? false : true,
  onRow: (line: number, record: R, errors: readonly Papa.ParseError[], fields: string[] | undefined) => void,
): void {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let counted = 0;
  let newlines = 0;
  Papa.parse<R>(source, {
    header,
    // "greedy" joins every row's cells to test it; arrays are tested here, stopping at the first cell with text.
    skipEmptyLines: header ? "greedy" : true,
    step: (result) => {
      if (!header && (result.data as string[]).every((cell) => cell.trim() === "")) return;
      // The record ends at the cursor; it starts as many lines earlier as its quoted values hold line breaks.
      let end = result.meta.cursor;
      while (end > 0 && (source.charCodeAt(end - 1) === 10 || source.charCodeAt(end - 1) === 13)) end--;
      for (let i = source.indexOf("\n", counted); i >= 0 && i < end; i = source.indexOf("\n", i + 1)) newlines++;
      if (end > counted) counted = end;
      let inside = 0;
      const values = Array.isArray(result.data) ? result.data : Object.values(result.data);
      for (const value of values) {
        if (typeof value === "string") for (let i = value.indexOf("\n"); i >= 0; i = value.indexOf("\n", i + 1)) inside++;
      }
      onRow(1 + newlines - inside, result.data, result.errors, result.meta.fields);
    },
  });
}

/**
 * Parses CSV text with a header row (papaparse), giving each record its starting line number and reporting
 * records with too many or too few fields, and missing required columns, as issues.
 * @internal
 */
export function readCsvRows(text: string, fn: string, requiredColumns: readonly string[]): { rows: CsvRow[]; issues: Issue[] } {
  if (typeof text !== "string") {
    throw new GovGraphError("invalid_input", `${fn}: expected the CSV file's text, got ${typeof text}. Read the file and pass its contents.`);
  }
  const rows: CsvRow[] = [];
  const issues: Issue[] = [];
  let fields: string[] | undefined;
  eachCsvRow<Record<string, string>>(text, true, (line, record, errors, header) => {
    fields ??= header ?? [];
    if (errors.length > 0) {
      for (const e of errors) issues.push(rowIssue(line, [], "malformed_row", `line ${line}: ${e.message}`, "error"));
      return;
    }
    rows.push({ line, record });
  });
  const missing = requiredColumns.filter((c) => !(fields ?? []).includes(c));
  if (missing.length > 0) {
    throw new GovGraphError(
      "invalid_input",
      `${fn}: the CSV has no column ${missing.map((c) => `"${c}"`).join(", ")}. Pass the file this importer is documented for (see docs/real-data.md).`,
      { issues: missing.map((c) => rowIssue(1, [c], "missing_column", `line 1: the header has no column "${c}"`, "error")) },
    );
  }
  return { rows, issues };
}

/** An issue located at a CSV line (and column). @internal */
export function rowIssue(line: number, column: string[], code: string, message: string, severity: Issue["severity"]): Issue {
  const path = [line, ...column];
  return { code, path, pointer: toPointer(path), message, severity };
}

/** Lowercase ASCII slug for ids: letters and digits joined by single hyphens. @internal */
export function slug(text: string): string {
  const s = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s === "" ? "x" : s;
}

/** Splits a pipe-separated list, trimming items and dropping empty ones. @internal */
export function splitList(value: string | undefined, separator: string | RegExp = "|"): string[] {
  if (!value) return [];
  return value
    .split(separator)
    .map((x) => x.trim())
    .filter((x) => x !== "");
}

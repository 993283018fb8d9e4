import Papa from "papaparse";
import { GovGraphError, toPointer, type Issue } from "../errors.js";

/** One CSV record with the line it starts on (the header is line 1). @internal */
export interface CsvRow {
  line: number;
  record: Record<string, string>;
}

/** The delimiters a file may use, in the order that breaks a tie. */
const DELIMITERS = [",", "\t", ";", "|"];

/** Where the first record (the header) ends, past its line break, and its delimiter. @internal */
export interface CsvHeader {
  end: number;
  delimiter: string;
}

/**
 * Scans the first record: its end, and the delimiter it uses most outside quoted fields (ties go to the comma,
 * then tab, semicolon, bar; none at all: the comma). A character found only inside quotes is never taken, as
 * papaparse's own guess may when empty lines are kept (`h0,h1` over rows of `"a;b",";"` gave `;`).
 * @internal
 */
export function scanCsvHeader(source: string): CsvHeader {
  const counts = DELIMITERS.map(() => 0);
  let quoted = false;
  let i = 0;
  for (; i < source.length; i++) {
    const c = source[i]!;
    if (c === '"') quoted = !quoted; // a doubled quote turns it off and on again
    else if (!quoted && (c === "\n" || c === "\r")) {
      i += c === "\r" && source[i + 1] === "\n" ? 2 : 1;
      break;
    } else if (!quoted) {
      const d = DELIMITERS.indexOf(c);
      if (d >= 0) counts[d]!++;
    }
  }
  const best = counts.indexOf(Math.max(...counts));
  return { end: i, delimiter: counts[best]! > 0 ? DELIMITERS[best]! : "," };
}

/** The text without its byte order mark and the empty lines before its header, and how many lines those were. */
function csvSource(text: string): { source: string; skipped: number } {
  const bare = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lead = /^(?:[ \t]*(?:\r\n|\n|\r))+/.exec(bare)?.[0] ?? "";
  return { source: bare.slice(lead.length), skipped: lead.length === 0 ? 0 : lead.split(/\r\n|\n|\r/).length - 1 };
}

/** Whether the text from `start` to `end` (a record with its line break) is an empty line: nothing, or spaces and tabs. */
function isBlankLine(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/**
 * Parses CSV text (papaparse), calling `onRow` with each record and the line it starts on (the header is line 1;
 * a quoted value holding line breaks counts its lines) and the parser's problems with the record, without
 * gathering the records. With `header`, records are objects keyed by the header's names; without, arrays of cells,
 * the header being the first. The delimiter is the header's ({@link scanCsvHeader}). Empty lines (nothing, or
 * spaces and tabs, outside quotes) are skipped, before the header too; a record of empty fields (`,,` or
 * `"",""`) is a record.
 * @internal
 */
export function eachCsvRow<R extends Record<string, string> | string[]>(
  text: string,
  header: R extends string[] ? false : true,
  onRow: (line: number, record: R, errors: readonly Papa.ParseError[], fields: string[] | undefined) => void,
): void {
  const { source, skipped } = csvSource(text);
  const first = scanCsvHeader(source);
  let start = header ? first.end : 0;
  let counted = 0;
  let newlines = 0;
  Papa.parse<R>(source, {
    header,
    delimiter: first.delimiter,
    skipEmptyLines: false,
    step: (result) => {
      const blank = isBlankLine(source, start, result.meta.cursor);
      start = result.meta.cursor;
      if (blank) return;
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
      onRow(1 + skipped + newlines - inside, result.data, result.errors, result.meta.fields);
    },
  });
}

/** The header's names as papaparse gives them (repeated names renamed `a_1`), for a file with no data row. */
function headerFields(text: string): string[] {
  const { source } = csvSource(text);
  const { end, delimiter } = scanCsvHeader(source);
  return Papa.parse(source.slice(0, end), { header: true, delimiter }).meta.fields ?? [];
}

/**
 * Parses CSV text with a header row (papaparse), giving each record its starting line number and reporting
 * records with too many or too few fields, and missing required columns, as issues. A file with a header and no
 * data row reads as no rows (its columns still checked).
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
  fields ??= headerFields(text);
  const missing = requiredColumns.filter((c) => !fields!.includes(c));
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

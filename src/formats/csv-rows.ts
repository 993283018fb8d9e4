import Papa from "papaparse";
import { GovGraphError, toPointer, type Issue } from "../errors.js";

/** One CSV record with the line it starts on (the header is line 1). @internal */
export interface CsvRow {
  line: number;
  record: Record<string, string>;
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
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  const issues: Issue[] = [];
  let counted = 0;
  let newlines = 0;
  let fields: string[] | undefined;
  Papa.parse<Record<string, string>>(source, {
    header: true,
    skipEmptyLines: "greedy",
    step: (result) => {
      fields ??= result.meta.fields ?? [];
      // The record ends at the cursor; it starts as many lines earlier as its quoted values hold line breaks.
      let end = result.meta.cursor;
      while (end > 0 && (source[end - 1] === "\n" || source[end - 1] === "\r")) end--;
      for (; counted < end; counted++) if (source.charCodeAt(counted) === 10) newlines++;
      let inside = 0;
      for (const value of Object.values(result.data)) {
        if (typeof value === "string") for (let i = value.indexOf("\n"); i >= 0; i = value.indexOf("\n", i + 1)) inside++;
      }
      const line = 1 + newlines - inside;
      const record = result.data;
      if (result.errors.length > 0) {
        for (const e of result.errors) issues.push(rowIssue(line, [], "malformed_row", `line ${line}: ${e.message}`, "error"));
        return;
      }
      rows.push({ line, record });
    },
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

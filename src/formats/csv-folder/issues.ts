import { GovGraphError, toPointer, type Issue } from "../../errors.js";
import type { ImportResult } from "../imported.js";

/** A problem found in a CSV file (or `meta.json`), with where it is: `path` is `[file, line, column]`. */
export interface CsvIssue extends Issue {
  /** The file's name in the folder. */
  file: string;
  /** 1-based; the header is line 1, and a quoted value holding line breaks counts its lines. */
  line: number;
  /** The column's header, or `""` for a problem with the whole row or file. */
  column: string;
}

/** A model read from CSV files, with every problem at its file, line and column. */
export interface CsvImportResult extends ImportResult {
  issues: CsvIssue[];
}

/** An issue located at a file, line and column; the message starts with that place. @internal */
export function csvIssue(file: string, line: number, column: string, code: string, message: string, severity: Issue["severity"] = "error"): CsvIssue {
  const path = column === "" ? [file, line] : [file, line, column];
  const where = `${file} line ${line}${column === "" ? "" : `, column "${column}"`}`;
  return { code, path, pointer: toPointer(path), message: `${where}: ${message}`, severity, file, line, column };
}

/** Throws when `strict` and an issue is an error, naming the first and listing every one. @internal */
export function refuseOnErrors(fn: string, issues: readonly CsvIssue[], strict: boolean): void {
  const errors = issues.filter((i) => i.severity === "error");
  if (!strict || errors.length === 0) return;
  throw new GovGraphError(
    "invalid_input",
    `${fn}: ${errors.length} problem(s) in the files (all listed in issues), first ${errors[0]!.message}. Fix them, or pass { strict: false } to map the rest and get the problems as issues.`,
    { issues: [...issues] },
  );
}

/** Issues in file order, then line, then column. @internal */
export function sortCsvIssues(issues: CsvIssue[], fileOrder: readonly string[]): CsvIssue[] {
  const rank = (file: string) => {
    const i = fileOrder.indexOf(file);
    return i < 0 ? fileOrder.length : i;
  };
  return issues.sort((a, b) => rank(a.file) - rank(b.file) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0));
}

import { join } from "node:path";
import type { Issue } from "../index.js";

/** An importer's issue placed in the user's files: the file's path, and its line and column when known. @internal */
export interface PlacedIssue extends Issue {
  file: string;
  line?: number;
  /** A column's header (CSV), or a column number (RDF text). */
  column?: string | number;
}

// A message's own opening place ("line 12: ", "departments.csv line 3, column "regionId": "), said again by `where`.
const PLACE = /^(?:[\w-]+: )?(?:(?:\S+ )?line \d+(?:, column (?:"[^"]*"|[^:]*))?|at (?:\/\S*|the top level)): /;

/**
 * Places each issue of an importer in the input at `path`: an issue naming its file (`CsvIssue`, HSDS tables) is in
 * that file of the folder, one whose path starts with a line number (the inventories, RDF) is in the input file.
 * @internal
 */
export function placeIssues(issues: readonly Issue[], path: string, isFolder: boolean): PlacedIssue[] {
  return issues.map((issue) => {
    const own = issue as Issue & { file?: unknown; line?: unknown; column?: unknown };
    const [first, second, third] = issue.path;
    let place: Pick<PlacedIssue, "file" | "line" | "column">;
    if (typeof own.file === "string" && typeof own.line === "number") {
      place = { file: join(path, own.file), line: own.line, ...(own.column !== "" && own.column !== undefined ? { column: own.column as string } : {}) };
    } else if (isFolder && typeof first === "string" && typeof second === "number") {
      place = { file: join(path, first), line: second, ...(third !== undefined ? { column: third } : {}) };
    } else if (typeof first === "number") {
      place = { file: path, line: first, ...(second !== undefined ? { column: second } : {}) };
    } else {
      place = { file: path };
    }
    return { ...issue, ...place, message: issue.message.replace(PLACE, "") };
  });
}

/** Where an issue is: `programs.csv:12 (column agency)`, or the file and the JSON pointer in it. @internal */
export function where(issue: PlacedIssue): string {
  if (issue.line === undefined) return issue.pointer ? `${issue.file} at ${issue.pointer}` : issue.file;
  return `${issue.file}:${issue.line}${issue.column === undefined ? "" : typeof issue.column === "number" ? `:${issue.column}` : ` (column ${issue.column})`}`;
}

import { toPointer, type Issue } from "../../errors.js";

/** An issue of {@link fromCpsvAp}: where the document's text gives one, its line and column (1-based). */
export interface RdfIssue extends Issue {
  line?: number;
  column?: number;
}

/** An `invalid_rdf` error at a line (and column) of the document. @internal */
export function rdfIssue(fn: string, line: number | undefined, column: number | undefined, problem: string): RdfIssue {
  const where = line === undefined ? "" : column === undefined ? `line ${line}: ` : `line ${line}, column ${column}: `;
  const path = line === undefined ? [] : column === undefined ? [line] : [line, column];
  const issue: RdfIssue = { code: "invalid_rdf", path, pointer: toPointer(path), message: `${fn}: ${where}${problem}`, severity: "error" };
  if (line !== undefined) issue.line = line;
  if (column !== undefined) issue.column = column;
  return issue;
}

/** A mapping issue about one node of the document (a warning unless said otherwise). @internal */
export function nodeIssue(code: string, node: string, message: string, severity: Issue["severity"] = "warning"): RdfIssue {
  const path = node.startsWith("_:") ? [] : [node]; // a blank-node label is not stable from run to run
  return { code, path, pointer: toPointer(path), message, severity };
}

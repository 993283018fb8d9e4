/**
 * Documents
 * =========
 * A command's output as a list of blocks (headings, paragraphs, tables, issues), written as text that fits the
 * terminal, as Markdown, or as CSV (its tables only).
 */
import type { Issue } from "../../index.js";
import { renderIssueLines, renderIssuesMarkdown, issueTable, type IssueView } from "./issues.js";
import { buffered, type Writer } from "./json.js";
import { tableLines } from "./table-text.js";
import { csvLine, tableMarkdown, writeTableCsv, type Column, type Rows, type Table } from "./table.js";
import { displayWidth, escapeControl, wrap } from "./text.js";

/** A part of a document. @internal */
export type Block =
  | { kind: "heading"; text: string; level: 1 | 2 }
  | { kind: "text"; text: string }
  | { kind: "table"; table: Table }
  | { kind: "issues"; id: string; issues: readonly Issue[] }
  | { kind: "diagram"; caption: string; mermaid: string };

/** How text and Markdown are drawn: the width of a line, rows per table, the issues' cap and grouping. @internal */
export interface View extends IssueView {
  /** Rows of each table shown in text and Markdown (CSV and JSON have them all). */
  top: number;
}

/** A heading (level 1: the document's title). @internal */
export const heading = (text: string, level: 1 | 2 = 2): Block => ({ kind: "heading", text, level });
/** A paragraph. @internal */
export const paragraph = (text: string): Block => ({ kind: "text", text });
/**
 * A table block: `id` names it in CSV; `whole` when its rows do not grow with the model (never cut by `--top`);
 * `empty` is what text and Markdown say when it has no row (CSV still writes its header). @internal
 */
export const table = (id: string, columns: readonly (string | Column)[], rows: Rows, options: Pick<Table, "whole" | "empty" | "layout" | "title"> = {}): Block => ({
  kind: "table",
  table: { id, columns, rows, ...options },
});
export { rowsOf } from "./table.js";
/** A Mermaid diagram: Markdown only (text and CSV leave it out). @internal */
export const diagram = (caption: string, mermaid: string): Block => ({ kind: "diagram", caption, mermaid });
/** A list of validation issues. @internal */
export const issueList = (id: string, issues: readonly Issue[]): Block => ({ kind: "issues", id, issues });

/** The text lines of one block. */
function textLines(block: Block, view: View): string[] {
  switch (block.kind) {
    case "heading": {
      const lines = wrap(escapeControl(block.text), view.width);
      const rule = (block.level === 1 ? "=" : "-").repeat(lines.reduce((w, l) => Math.max(w, displayWidth(l)), 0));
      return [...lines, rule];
    }
    case "text":
      return wrap(escapeControl(block.text), view.width);
    case "table":
      if (block.table.rows.length === 0) return wrap(escapeControl(block.table.empty ?? "None."), view.width);
      return tableLines(block.table, view.width, view.top, view.hints);
    case "issues":
      return renderIssueLines(block.issues, view);
    case "diagram":
      return [];
  }
}

function markdown(block: Block, view: View): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(block.level)} ${escapeControl(block.text)}\n`;
    case "text":
      return escapeControl(block.text) + "\n";
    case "table":
      if (block.table.rows.length === 0) return escapeControl(block.table.empty ?? "None.") + "\n";
      return tableMarkdown(block.table, view.top, view.hints);
    case "issues":
      return renderIssuesMarkdown(block.issues, view).replace(/\n+$/, "\n");
    case "diagram":
      return `${escapeControl(block.caption)}\n\n\`\`\`mermaid\n${block.mermaid.replace(/\n*$/, "\n")}\`\`\`\n`;
  }
}

/** Writes blocks as text (lines of at most `view.width` columns) or Markdown, blank lines between. @internal */
export function writeDocument(blocks: readonly Block[], format: "text" | "md", view: View, write: Writer): void {
  const out = buffered(write);
  const shown = format === "md" ? blocks : blocks.filter((b) => b.kind !== "diagram");
  shown.forEach((block, i) => {
    if (i > 0) out.write("\n");
    if (format === "md") out.write(markdown(block, view));
    else for (const line of textLines(block, view)) out.write(line + "\n");
  });
  out.flush();
}

/** The tables of a document, as CSV has them: tables, and issue lists as tables of every issue. @internal */
export function documentTables(blocks: readonly Block[]): Table[] {
  return blocks.flatMap((b) => (b.kind === "table" ? [b.table] : b.kind === "issues" ? [issueTable(b.issues, b.id)] : []));
}

/**
 * Writes tables as CSV: one table as plain RFC 4180; several each after a `# table: id` line, a blank line
 * between (`--table ID` picks one, `--out DIR/` writes one file per table). @internal
 */
export function writeCsvTables(tables: readonly Table[], write: Writer): void {
  const out = buffered(write);
  tables.forEach((t, i) => {
    if (tables.length > 1) out.write((i > 0 ? "\n" : "") + csvLine([`# table: ${t.id}`]));
    writeTableCsv(t, out.write);
  });
  out.flush();
}

/**
 * Tables
 * ======
 * One table, three renderings: aligned columns that fit the terminal's width (text), a pipe table (Markdown),
 * RFC 4180 rows (CSV, written by the library's `formatCsvRecord`). Text and Markdown show the first `top` rows
 * and say how many are left; CSV has every row.
 */
import { formatCsvRecord } from "../../index.js";
import { formatCount, formatDecimal, NONE, type Value } from "./numbers.js";
import { escapeControl, shorten } from "./text.js";

/** A cell: text, a number (a count, or a decimal), nothing (`null`), or a formatted {@link Value}. @internal */
export type Cell = string | number | null | Value;

/** A column: its heading in text and Markdown, its name in CSV, and where it shows (default both). @internal */
export interface Column {
  label: string;
  /** The CSV header (default: `label`). */
  csv?: string;
  /** `"csv"`: only in CSV (an id beside a name, say); `"text"`: only in text and Markdown. */
  only?: "csv" | "text";
  /** Identifiers: squeezed last in text, since a cut id cannot be used. */
  id?: boolean;
}

/** A table: `id` names it in CSV (`--table`, the file name with `--out DIR/`). @internal */
export interface Table {
  id: string;
  columns: readonly (string | Column)[];
  rows: Rows;
  /** Shown whole whatever `--top` says: its rows do not grow with the model (a scorecard's indicators). */
  whole?: boolean;
  /** What text and Markdown say instead of a table without rows. */
  empty?: string;
  /** In text, each row as a card (its first cells, then one line per other column): for few rows of long lists. */
  layout?: "cards";
  /** The line above the cards in text (a table says what it holds in its header row). */
  title?: string;
}

/**
 * A table's rows: an array, or rows made when they are drawn ({@link rowsOf}). Text and Markdown draw the first
 * `--top` of a national table's 100,000 rows: only CSV needs them all. @internal
 */
export interface Rows {
  readonly length: number;
  at(index: number): readonly Cell[] | undefined;
}

/** The rows of `items`, each made by `row` (given the item and its index) when it is drawn. @internal */
export function rowsOf<T>(items: readonly T[], row: (item: T, index: number) => readonly Cell[]): Rows {
  return { length: items.length, at: (i) => (i >= 0 && i < items.length ? row(items[i]!, i) : undefined) };
}

/** The first `n` rows (all of them when there are fewer). */
function firstRows(rows: Rows, n: number): (readonly Cell[])[] {
  const out: (readonly Cell[])[] = [];
  for (let i = 0; i < Math.min(n, rows.length); i++) out.push(rows.at(i)!);
  return out;
}

/** Characters of a cell looked at in text: a 1 MB id is shown cut, not measured. */
const MAX_CHARS = 400;

/** A column given by its label alone, as a column. @internal */
export const columnOf = (c: string | Column): Column => (typeof c === "string" ? { label: c } : c);

/** The text of a cell in text and Markdown: numbers formatted, control characters escaped. @internal */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return NONE;
  if (typeof cell === "number") return Number.isInteger(cell) ? formatCount(cell) : formatDecimal(cell, 2);
  if (typeof cell === "string") return escapeControl(shorten(cell, MAX_CHARS));
  return escapeControl(cell.text);
}

/** Whether a cell is right-aligned in text (numbers). @internal */
export const isRight = (cell: Cell | undefined) => typeof cell === "number" || (typeof cell === "object" && cell !== null && cell.right);

/** The columns and rows shown in text and Markdown: without CSV-only columns, cut to `top` rows. @internal */
export function shown(t: Table, top: number) {
  const keep = t.columns.map((c) => columnOf(c).only !== "csv");
  const pick = <T>(cells: readonly T[]) => cells.filter((_, i) => keep[i]);
  const columns = pick(t.columns.map(columnOf));
  return { columns, labels: columns.map((c) => escapeControl(c.label)), rows: firstRows(t.rows, t.whole ? t.rows.length : top).map(pick) };
}

/** The options and formats of the command drawing the output, so that a hint names only what it accepts. @internal */
export interface Hints {
  options: readonly string[];
  formats: readonly string[];
}

/** Hints for a command that accepts every output option and format. @internal */
export const ALL_HINTS: Hints = { options: ["top", "verbose", "max-issues"], formats: ["text", "json", "md", "csv"] };

/** The formats among `wanted` a command accepts, as `csv or json`, or nothing. @internal */
export function formatHint(hints: Hints, wanted: readonly string[]): string {
  const ok = wanted.filter((f) => hints.formats.includes(f));
  return ok.length ? `--format ${ok.join(" or ")}` : "";
}

/** The line under a table cut to its first `shown` rows, or nothing when every row is shown. @internal */
export function moreRows(total: number, shownRows: number, hints: Hints = ALL_HINTS): string {
  if (total <= shownRows) return "";
  const format = formatHint(hints, ["csv", "json"]);
  const how = [hints.options.includes("top") ? `--top ${total} shows them all` : "", format ? `${format} lists every row` : ""].filter(Boolean);
  return `… and ${formatCount(total - shownRows)} more${how.length ? ` (${how.join("; ")})` : ""}`;
}

/** A table in Markdown (GitHub pipe table), its first `top` rows, then how many more. @internal */
export function tableMarkdown(t: Table, top: number, hints: Hints = ALL_HINTS): string {
  const { labels, rows } = shown(t, top);
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |\n`;
  const rule = `| ${labels.map((_, i) => (rows.some((r) => isRight(r[i])) ? "---:" : "---")).join(" | ")} |\n`;
  const more = moreRows(t.rows.length, rows.length, hints);
  return line(labels) + rule + rows.map((row) => line(labels.map((_, i) => cellText(row[i])))).join("") + (more ? `\n${more}\n` : "");
}

/** The raw value of a cell in CSV: numbers unformatted, nothing as an empty cell. */
function csvValue(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object") return cell.value === null ? "" : String(cell.value);
  return String(cell);
}

/** One CSV record of a table (the library's RFC 4180 writer), ended by a line feed as terminal tools expect. @internal */
export function csvLine(cells: readonly string[]): string {
  return formatCsvRecord(cells, "\n");
}

/** Writes a table as CSV: its CSV columns, every row, raw values. @internal */
export function writeTableCsv(t: Table, write: (chunk: string) => void): void {
  const keep = t.columns.map((c) => columnOf(c).only !== "text");
  write(csvLine(t.columns.filter((_, i) => keep[i]).map((c) => columnOf(c).csv ?? columnOf(c).label)));
  for (let r = 0; r < t.rows.length; r++) write(csvLine(t.rows.at(r)!.filter((_, i) => keep[i]).map(csvValue)));
}

/**
 * Tables
 * ======
 * One table, three renderings: aligned columns that fit the terminal's width (text), a pipe table (Markdown),
 * RFC 4180 rows (CSV). Text and Markdown show the first `top` rows and say how many are left; CSV has every row.
 */
import { formatCount, formatDecimal, NONE, type Value } from "./numbers.js";
import { clip, displayWidth, escapeControl, pad, shorten, wrap } from "./text.js";

/** A cell: text, a number (a count, or a decimal), nothing (`null`), or a formatted {@link Value}. @internal */
export type Cell = string | number | null | Value;

/** A column: its heading in text and Markdown, its name in CSV, and where it shows (default both). @internal */
export interface Column {
  label: string;
  /** The CSV header (default: `label`). */
  csv?: string;
  /** `"csv"`: only in CSV (an id beside a name, say); `"text"`: only in text and Markdown. */
  only?: "csv" | "text";
  /** Identifiers: squeezed last in text (up to {@link MAX_ID} columns), since a cut id cannot be used. */
  id?: boolean;
}

/** A table: `id` names it in CSV (`--table`, the file name with `--out DIR/`). @internal */
export interface Table {
  id: string;
  columns: readonly (string | Column)[];
  rows: readonly (readonly Cell[])[];
  /** Shown whole whatever `--top` says: its rows do not grow with the model (a scorecard's indicators). */
  whole?: boolean;
  /** What text and Markdown say instead of a table without rows. */
  empty?: string;
}

/** Gap between columns in text. */
const GAP = "  ";
/** A text column is not squeezed below this many columns (less when all its cells are shorter), nor below its longest word up to {@link MAX_WORD}. */
const MIN_TEXT = 8;
const MAX_WORD = 14;
/** An id column is squeezed last, down to this many columns. */
const MAX_ID = 32;
/** Lines a cell may wrap onto in text before it is cut with "…". */
const MAX_LINES = 4;
/** Characters of a cell looked at in text: a 1 MB id is shown cut, not measured. */
const MAX_CHARS = 400;

const columnOf = (c: string | Column): Column => (typeof c === "string" ? { label: c } : c);

/** The text of a cell in text and Markdown: numbers formatted, control characters escaped. @internal */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return NONE;
  if (typeof cell === "number") return Number.isInteger(cell) ? formatCount(cell) : formatDecimal(cell, 2);
  if (typeof cell === "string") return escapeControl(shorten(cell, MAX_CHARS));
  return escapeControl(cell.text);
}

const isRight = (cell: Cell | undefined) => typeof cell === "number" || (typeof cell === "object" && cell !== null && cell.right);

/** The columns and rows shown in text and Markdown: without CSV-only columns, cut to `top` rows. */
function shown(t: Table, top: number) {
  const keep = t.columns.map((c) => columnOf(c).only !== "csv");
  const pick = <T>(cells: readonly T[]) => cells.filter((_, i) => keep[i]);
  const columns = pick(t.columns.map(columnOf));
  return { columns, labels: columns.map((c) => escapeControl(c.label)), rows: t.rows.slice(0, t.whole ? t.rows.length : top).map(pick) };
}

/** The widest word of `text`, in columns. */
const longestWord = (text: string) => text.split(" ").reduce((w, word) => Math.max(w, displayWidth(word)), 0);
const widest = (texts: readonly string[], measure: (text: string) => number) => texts.reduce((w, t) => Math.max(w, measure(t)), 0);

/** The line under a table cut to its first `shown` rows, or nothing when every row is shown. @internal */
export function moreRows(total: number, shownRows: number): string {
  if (total <= shownRows) return "";
  return `… and ${formatCount(total - shownRows)} more (--top ${total} shows them all; --format csv or json lists every row)`;
}

/** Column widths that fit `width`: the widest squeezable column gives way first, down to its minimum. */
function fitWidths(natural: number[], minimum: number[], width: number): number[] {
  const widths = [...natural];
  let excess = widths.reduce((s, w) => s + w, 0) + GAP.length * (widths.length - 1) - width;
  while (excess > 0) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i]! > minimum[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) break;
    widths[widest]! -= 1;
    excess -= 1;
  }
  return widths;
}

/**
 * Column widths for text: each column as wide as its widest cell, squeezed to fit `width` (text first, ids last,
 * numbers never), then widened where room is left so that headings do not wrap.
 */
function columnWidths(columns: readonly Column[], labels: readonly string[], texts: readonly string[][], right: readonly boolean[], width: number): number[] {
  const cells = labels.map((_, i) => texts.map((row) => row[i]!));
  const natural = labels.map((label, i) => Math.max(widest(cells[i]!, displayWidth), longestWord(label), 1));
  const minimum = labels.map((_, i) => {
    if (right[i]) return natural[i]!;
    // An id is never broken; a list of ids breaks between them.
    if (columns[i]!.id) return Math.min(natural[i]!, Math.max(MIN_TEXT, Math.min(MAX_ID, widest(cells[i]!, longestWord))));
    return Math.min(natural[i]!, Math.max(MIN_TEXT, Math.min(MAX_WORD, widest(cells[i]!, longestWord))));
  });
  const widths = fitWidths(natural, minimum, width);
  let room = width - widths.reduce((s, w) => s + w, 0) - GAP.length * (widths.length - 1);
  labels.forEach((label, i) => {
    const grow = Math.min(room, displayWidth(label) - widths[i]!);
    if (grow > 0) {
      widths[i]! += grow;
      room -= grow;
    }
  });
  return widths;
}

/** A table as aligned lines of at most `width` columns, its first `top` rows, then how many more. @internal */
export function tableLines(t: Table, width: number, top: number): string[] {
  const { columns, labels, rows } = shown(t, top);
  const texts = rows.map((row) => labels.map((_, i) => cellText(row[i])));
  const right = labels.map((_, i) => rows.length > 0 && rows.every((row) => row[i] === null || row[i] === undefined || isRight(row[i])));
  const widths = columnWidths(columns, labels, texts, right, width);
  const block = (cells: readonly string[], header: boolean) => {
    const split = cells.map((text, i) => (right[i] && !header ? [clip(text, widths[i]!)] : wrap(text, widths[i]!, header ? MAX_LINES + 1 : MAX_LINES)));
    const height = split.reduce((h, lines) => Math.max(h, lines.length), 1);
    const out: string[] = [];
    for (let l = 0; l < height; l++) {
      const line = split.map((lines, i) => pad(lines[l] ?? "", widths[i]!, right[i] && !header ? "right" : "left")).join(GAP);
      out.push(clip(line.trimEnd(), width));
    }
    return out;
  };
  const lines = block(labels, true);
  for (const row of texts) lines.push(...block(row, false));
  const more = moreRows(t.rows.length, rows.length);
  if (more) lines.push("", ...wrap(more, width));
  return lines;
}

/** A table in Markdown (GitHub pipe table), its first `top` rows, then how many more. @internal */
export function tableMarkdown(t: Table, top: number): string {
  const { labels, rows } = shown(t, top);
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |\n`;
  const rule = `| ${labels.map((_, i) => (rows.some((r) => isRight(r[i])) ? "---:" : "---")).join(" | ")} |\n`;
  const more = moreRows(t.rows.length, rows.length);
  return line(labels) + rule + rows.map((row) => line(labels.map((_, i) => cellText(row[i])))).join("") + (more ? `\n${more}\n` : "");
}

/** The raw value of a cell in CSV: numbers unformatted, nothing as an empty cell. */
function csvValue(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object") return cell.value === null ? "" : String(cell.value);
  return String(cell);
}

/** One CSV record (RFC 4180): a cell holding a comma, a quote or a line break is quoted. @internal */
export function csvLine(cells: readonly string[]): string {
  return cells.map((s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)).join(",") + "\n";
}

/** Writes a table as CSV: its CSV columns, every row, raw values. @internal */
export function writeTableCsv(t: Table, write: (chunk: string) => void): void {
  const keep = t.columns.map((c) => columnOf(c).only !== "text");
  write(csvLine(t.columns.filter((_, i) => keep[i]).map((c) => columnOf(c).csv ?? columnOf(c).label)));
  for (const row of t.rows) write(csvLine(row.filter((_, i) => keep[i]).map(csvValue)));
}

/**
 * Tables as text
 * ==============
 * Aligned columns that fit the terminal: each column as wide as its widest cell, then squeezed (the widest text
 * column first, ids last, numbers never) until the line fits; long cells wrap onto a few lines and are cut with
 * "…" past them. A table of few rows and long lists can be drawn as cards instead, one block per row.
 */
import { ALL_HINTS, cellText, isRight, moreRows, shown, type Column, type Hints, type Table } from "./table.js";
import { clip, displayWidth, escapeControl, pad, wrap, wrapHanging } from "./text.js";

/** Gap between columns. */
const GAP = "  ";
/** A text column is not squeezed below this many columns (less when all its cells are shorter)... */
const MIN_TEXT = 8;
/** ...nor below its longest word, up to this many columns. */
const MAX_WORD = 14;
/** An id column is squeezed last, down to its longest id, up to this many columns. */
const MAX_ID = 32;
/** Lines a cell may wrap onto before it is cut with "…" (a heading one more). */
const MAX_LINES = 4;

/** The widest word of `text`, in columns. */
const longestWord = (text: string) => text.split(" ").reduce((w, word) => Math.max(w, displayWidth(word)), 0);
const widest = (texts: readonly string[], measure: (text: string) => number) => texts.reduce((w, t) => Math.max(w, measure(t)), 0);

/** The narrowest width at which a heading takes at most two lines. */
function twoLineWidth(label: string): number {
  for (let w = Math.max(1, longestWord(label)); w < displayWidth(label); w++) if (wrap(label, w).length <= 2) return w;
  return displayWidth(label);
}

/** Column widths that fit `width`: the widest squeezable column gives way first, down to its minimum. */
function fitWidths(natural: number[], minimum: number[], width: number): number[] {
  const widths = [...natural];
  let excess = widths.reduce((s, w) => s + w, 0) + GAP.length * (widths.length - 1) - width;
  while (excess > 0) {
    let at = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i]! > minimum[i]! && (at < 0 || widths[i]! > widths[at]!)) at = i;
    if (at < 0) break;
    widths[at]! -= 1;
    excess -= 1;
  }
  return widths;
}

/**
 * Column widths: each column as wide as its widest cell and its heading on two lines, squeezed to fit `width`
 * (headings first, then text cells), then widened where room is left so that a heading fits on one line.
 */
function columnWidths(columns: readonly Column[], labels: readonly string[], texts: readonly string[][], right: readonly boolean[], width: number): number[] {
  const cells = labels.map((_, i) => texts.map((row) => row[i]!));
  const natural = labels.map((label, i) => Math.max(widest(cells[i]!, displayWidth), twoLineWidth(label), 1));
  const minimum = labels.map((label, i) => {
    if (right[i]) return Math.max(widest(cells[i]!, displayWidth), longestWord(label));
    // An id is never broken; a list of ids breaks between them.
    const word = Math.min(columns[i]!.id ? MAX_ID : MAX_WORD, widest(cells[i]!, longestWord));
    return Math.min(natural[i]!, Math.max(MIN_TEXT, word));
  });
  // Headings wrap before cells do: first down to the widest cell of each column, then the cells of text columns.
  const cellsFit = labels.map((label, i) => Math.max(widest(cells[i]!, displayWidth), longestWord(label), 1));
  const widths = fitWidths(fitWidths(natural, cellsFit, width), minimum, width);
  let room = width - widths.reduce((s, w) => s + w, 0) - GAP.length * (widths.length - 1);
  labels.forEach((label, i) => {
    const grow = displayWidth(label) - widths[i]!;
    if (grow > 0 && grow <= room) {
      widths[i]! += grow;
      room -= grow;
    }
  });
  return widths;
}

/** A table as aligned lines of at most `width` columns, its first `top` rows, then how many more. @internal */
export function tableLines(t: Table, width: number, top: number, hints: Hints = ALL_HINTS): string[] {
  if (t.layout === "cards") return cardLines(t, width, top, hints);
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
  return withMore(lines, t, rows.length, width, hints);
}

/** The lines, then the line saying how many rows were left out, if any. */
function withMore(lines: string[], t: Table, shownRows: number, width: number, hints: Hints): string[] {
  const more = moreRows(t.rows.length, shownRows, hints);
  return more ? [...lines, "", ...wrap(more, width)] : lines;
}

/**
 * A table as cards: per row, its first two cells on one line (the second wrapped under itself), then one
 * `label  value` line per other column, indented, values wrapped under themselves.
 */
function cardLines(t: Table, width: number, top: number, hints: Hints): string[] {
  const { labels, rows } = shown(t, top);
  const indent = "    ";
  const labelWidth = Math.min(labels.slice(2).reduce((w, l) => Math.max(w, displayWidth(l)), 0), Math.floor(width / 3));
  const lines: string[] = t.title ? wrap(escapeControl(t.title), width) : [];
  for (const row of rows) {
    const texts = labels.map((_, i) => cellText(row[i]));
    const lead = Math.min(displayWidth(texts[0]!), Math.floor(width / 3)) + 2;
    const head = clip(texts[0]!, lead - 2);
    const [first, ...rest] = wrapHanging(texts[1] ?? "", width - lead, width - lead);
    lines.push(clip(`${head}  ${first}`.trimEnd(), width), ...rest.map((l) => " ".repeat(lead) + l));
    for (let i = 2; i < labels.length; i++) {
      const hang = indent.length + labelWidth + 2;
      const [v, ...more] = wrap(texts[i]!, width - hang);
      lines.push(clip(`${indent}${pad(clip(labels[i]!, labelWidth), labelWidth)}  ${v}`.trimEnd(), width), ...more.map((l) => " ".repeat(hang) + l));
    }
  }
  return withMore(lines, t, rows.length, width, hints);
}

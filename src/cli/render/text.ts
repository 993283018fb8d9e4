/**
 * Terminal text
 * =============
 * What the model says goes to a terminal only through these helpers: control characters are escaped (a model
 * cannot move the cursor, clear the screen or break a table), and widths are counted in terminal columns, so
 * wide (CJK) characters and combining marks line up.
 */

// C0 and C1 controls, DEL, and the invisible characters that reorder or break lines (bidirectional overrides and
// isolates, line and paragraph separators).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character written as `\u001b` and the like, so it prints as it reads. @internal */
export function escapeControl(text: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text) ? text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : text;
}

const ZERO_WIDTH = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x200b, 0x200d],
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
] as const;
const WIDE = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
] as const;
const within = (ranges: readonly (readonly [number, number])[], code: number) => ranges.some(([a, b]) => code >= a && code <= b);

/** The columns one code point takes in a terminal: 0, 1 or 2. */
function charWidth(code: number): number {
  if (code < 0x300) return 1;
  if (within(ZERO_WIDTH, code)) return 0;
  return within(WIDE, code) ? 2 : 1;
}

/** The columns `text` takes in a terminal (text without control characters: escape it first). @internal */
export function displayWidth(text: string): number {
  // Plain ASCII, the common case, is one column a character.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0)!);
  return width;
}

/** The longest start of `text` that fits in `width` columns. */
function fitStart(text: string, width: number): string {
  let used = 0;
  let end = 0;
  for (const char of text) {
    const w = charWidth(char.codePointAt(0)!);
    if (used + w > width) break;
    used += w;
    end += char.length;
  }
  return text.slice(0, end);
}

/** `text` cut to `width` columns, ending with "…" when it was cut. @internal */
export function clip(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return "";
  return fitStart(text, width - 1) + "…";
}

/** `text` cut to at most `max` characters (for values too long to show whole), ending with "…" when cut. @internal */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

/**
 * `text` broken into lines of at most `width` columns, at spaces where it can, inside words where it must; at
 * most `maxLines` lines, the last one cut with "…" when text is left over. @internal
 */
export function wrap(text: string, width: number, maxLines = Infinity): string[] {
  const w = Math.max(1, width);
  if (displayWidth(text) <= w) return [text];
  const lines: string[] = [];
  let line = "";
  const push = () => {
    lines.push(line);
    line = "";
  };
  for (const word of text.split(" ")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (displayWidth(candidate) <= w) {
      line = candidate;
      continue;
    }
    if (line !== "") push();
    let rest = word;
    while (displayWidth(rest) > w) {
      const head = fitStart(rest, w) || rest.slice(0, 1);
      lines.push(head);
      rest = rest.slice(head.length);
    }
    line = rest;
  }
  if (line !== "") push();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = displayWidth(last) < w ? last + "…" : fitStart(last, w - 1) + "…";
  return kept;
}

/** `text` padded with spaces to `width` columns, on the right (`"left"`) or on the left (`"right"`). @internal */
export function pad(text: string, width: number, align: "left" | "right" = "left"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "left" ? text + fill : fill + text;
}

/**
 * `text` wrapped with a hanging indent: the first line at most `firstWidth` columns, the others `restWidth`.
 * @internal
 */
export function wrapHanging(text: string, firstWidth: number, restWidth: number): string[] {
  const [head, ...rest] = wrap(text, firstWidth);
  if (rest.length === 0) return [head!];
  // The first line is a start of the text: wrap what follows it at the other width.
  const remaining = text.slice(head!.length).replace(/^ /, "");
  return [head!, ...wrap(remaining, restWidth)];
}

/** Colours for terminal text; identity functions when colour is off. @internal */
export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  bold(text: string): string;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). @internal */
export function paint(enabled: boolean): Paint {
  const wrapIn = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: wrapIn(31, 39), yellow: wrapIn(33, 39), bold: wrapIn(1, 22) };
}

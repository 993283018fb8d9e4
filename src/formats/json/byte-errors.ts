/**
 * Errors of the byte reader
 * =========================
 * What the reader says when bytes cannot become a value: text that is not JSON (`invalid_json`, at the line and
 * column `parseJson` gives for the same text), bytes that are not UTF-8 (`invalid_encoding`, with the byte offset),
 * and a single value longer than the longest string JavaScript can hold (`invalid_input`).
 */
import { GovGraphError, toPointer, type Issue } from "../../errors.js";
import { dotPath, type IssuePath } from "../../issues.js";
import type { ByteWindow, Position } from "./byte-window.js";
import { invalidJsonError, jsonExcerpt, locateJsonError } from "./json-error.js";
import { jsonPathAt } from "./duplicate-keys.js";
import { type BracketedDecoder, DecodeError, decodeUtf8, MAX_STRING_LENGTH } from "./utf8.js";

/** An `invalid_encoding` issue: the byte offset of the first byte that is not UTF-8, and its line and column. */
export interface EncodingIssue extends Issue {
  offset: number;
  line?: number;
  column?: number;
}

/** The largest window of text decoded to locate an error: well under the longest string. */
const MAX_WINDOW = 256 << 20;

/** What the errors need to know of a reader. @internal */
export interface ReaderContext {
  fn: string;
  w: ByteWindow;
  bom: number;
  batch: number;
}

const where = (at: Position | undefined, offset: number) => (at ? `line ${at.line}, column ${at.column} (byte ${offset})` : `byte ${offset}`);

/** The `invalid_encoding` error of a byte that is not UTF-8. @internal */
export function encodingError(r: ReaderContext, offset: number, reason: string, path: IssuePath = []): GovGraphError {
  const [at] = r.w.positions([offset]);
  const what = path.length > 0 ? ` (${dotPath(path)})` : "";
  const issue: EncodingIssue = { code: "invalid_encoding", path, pointer: toPointer(path), message: `${where(at, offset)}: ${reason}`, severity: "error", offset, ...at };
  return new GovGraphError("invalid_encoding", `${r.fn}: the text is not UTF-8 at ${where(at, offset)}${what}: ${reason}. Save the file as UTF-8 and try again.`, { issues: [issue] });
}

/** The `invalid_encoding` error of a file in another encoding (UTF-16, UTF-32). @internal */
export function foreignEncodingError(fn: string, encoding: string): GovGraphError {
  const issue: EncodingIssue = { code: "invalid_encoding", path: [], pointer: "", message: `the file is ${encoding}`, severity: "error", offset: 0, line: 1, column: 1 };
  return new GovGraphError(
    "invalid_encoding",
    `${fn}: the file is ${encoding}, and JSON is read as UTF-8. Convert it to UTF-8 (for example iconv -f UTF-16 -t UTF-8 in.json > out.json) and try again.`,
    { issues: [issue] },
  );
}

/** The error of one value too long for a JavaScript string, which `JSON.parse` therefore cannot read. @internal */
export function tooLongError(r: ReaderContext, offset: number, units: number, path: IssuePath): GovGraphError {
  const [at] = r.w.positions([offset]);
  const what = path.length > 0 ? ` (${dotPath(path)})` : "";
  const message = `the value at ${where(at, offset)}${what} is ${units.toLocaleString("en-US")} characters of JSON, more than the longest string JavaScript can hold (${MAX_STRING_LENGTH.toLocaleString("en-US")})`;
  const issue = { code: "too_large", path, pointer: "", message, severity: "error" as const, offset, ...at };
  return new GovGraphError("invalid_input", `${r.fn}: ${message}, so it cannot be parsed. Split it into smaller values.`, { issues: [issue] });
}

/** Decodes the bytes between two absolute offsets, or throws the `invalid_encoding` or too-long error. @internal */
export function decodeOrThrow(r: ReaderContext, from: number, to: number, path: IssuePath): string {
  return decodeWith(r, from, to, path, decodeUtf8, (bad) => jsonPathAt(r.w.bytes, from - r.w.base, bad, path));
}

/**
 * Decodes the bytes between two absolute offsets as the text of an array (between brackets) with `decoder`, or
 * throws the `invalid_encoding` or too-long error. @internal
 */
export function decodeArrayOrThrow(r: ReaderContext, decoder: BracketedDecoder, from: number, to: number, path: IssuePath): string {
  const inArray = (bad: number) => jsonPathAt(r.w.bytes, from - r.w.base, bad, path.slice(0, -1), path[path.length - 1] as number);
  return decodeWith(r, from, to, path, (bytes, start, end) => decoder.decode(bytes, start, end), inArray);
}

/** Decodes with `decode`; a byte that is not UTF-8 is placed by `pathAt` (given its index in the window's bytes). */
function decodeWith(r: ReaderContext, from: number, to: number, path: IssuePath, decode: (bytes: Uint8Array, from: number, to: number) => string, pathAt: (bad: number) => IssuePath): string {
  const w = r.w;
  try {
    return decode(w.bytes, from - w.base, to - w.base);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    const problem = error.problem;
    if (problem.kind === "encoding") throw encodingError(r, problem.offset + w.base, problem.reason, pathAt(problem.offset));
    throw tooLongError(r, from, problem.units, path);
  }
}

/**
 * The `invalid_json` error of the first syntax error at or after `from`, where the text stands after `context`
 * (the text up to `from` being valid): `locateJsonError` on `context` + a window of the text from `from`. @internal
 */
export function syntaxError(r: ReaderContext, context: string, from: number, cause?: unknown): GovGraphError {
  const w = r.w;
  const limit = from + Math.min(MAX_WINDOW, 2 * r.batch + (1 << 20));
  w.fill(from - 64, limit);
  let to = Math.min(limit, w.end);
  while (to < w.end && (w.bytes[to - w.base]! & 0xc0) === 0x80) to--; // end the window on a character boundary
  const window = decodeOrThrow(r, from, to, []);
  const found = locateJsonError(context + window);
  const native = cause instanceof Error ? cause.message : "the JSON breaks here";
  let index = window.length;
  let reason = native;
  if (found && (found.index - context.length < window.length || (w.done && to === w.end))) {
    index = Math.max(0, found.index - context.length);
    reason = found.reason;
  } else if (!found) index = 0;
  const { line, column } = lineAndColumn(r, from, window, index);
  let before = Math.max(r.bom, from - 64, w.base);
  while (before < from && (w.bytes[before - w.base]! & 0xc0) === 0x80) before++;
  const lead = decodeOrThrow(r, before, from, []);
  return invalidJsonError(r.fn, line, column, reason, jsonExcerpt(lead + window, lead.length + index), cause);
}

/** Line and column of `window[index]`, the window starting at the absolute offset `from`. */
function lineAndColumn(r: ReaderContext, from: number, window: string, index: number): Position {
  const start = r.w.positions([from])[0] ?? { line: 1, column: 1 };
  let line = start.line;
  let windowLineStart = -1;
  for (let i = window.indexOf("\n"); i !== -1 && i < index; i = window.indexOf("\n", i + 1)) {
    line++;
    windowLineStart = i + 1;
  }
  if (windowLineStart >= 0) return { line, column: index - windowLineStart + 1 };
  return { line, column: start.column + index };
}

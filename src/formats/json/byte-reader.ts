/**
 * Model JSON from bytes
 * =====================
 * Reads model JSON of any size from its UTF-8 bytes, where `JSON.parse` of one string cannot: a V8 string holds at
 * most 2^29 - 24 characters (about 512 MB), and the nation tier's JSON is about 1.1 GB. One pass over the bytes
 * tracks nesting and strings (only `{ } [ ] " \` matter) to find the top-level object's keys and, inside each array,
 * the commas between its elements; whole elements are decoded (TextDecoder) and `JSON.parse`d in batches of about
 * `batchBytes`, which builds the value `JSON.parse` of the whole text would. A batch that `JSON.parse` accepts is a
 * list of complete values, so the scan is in step with the text at every batch boundary; when a batch fails,
 * `locateJsonError` reads a window of the text from the last boundary, behind a few characters that put it in the
 * same context (`{"":[`, `{"":[0,`, `{"":0,`), and the error's place in the window is turned into a line and a column
 * (UTF-16 code units, as `parseModelJson` counts them).
 */
import type { GovGraphError } from "../../errors.js";
import { invalidJsonError, jsonExcerpt, locateJsonError } from "./json-error.js";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const NEWLINE = 0x0a;
/** The largest window of text decoded to locate an error: well under the longest string. */
const MAX_WINDOW = 256 << 20;

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Reads one JSON document from its UTF-8 bytes, in batches; `fn` names the caller in errors. @internal */
export class JsonByteReader {
  private readonly n: number;
  private readonly bom: number;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly fn: string,
    private readonly batch: number,
  ) {
    this.n = bytes.length;
    this.bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  }

  document(): unknown {
    const at = this.skip(this.bom);
    let value: unknown;
    let end: number;
    if (this.bytes[at] === OPEN_BRACE) [value, end] = this.object(at);
    else if (this.bytes[at] === OPEN_BRACKET) {
      const list: unknown[] = [];
      end = this.array(at, list, "");
      value = list;
    } else return this.parse(this.bom, this.n, ""); // a bare value, or nothing: small enough for one string
    const rest = this.skip(end);
    if (rest < this.n) throw this.fail("0", end);
    return value;
  }

  private skip(i: number): number {
    const b = this.bytes;
    while (i < this.n) {
      const c = b[i];
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      i++;
    }
    return i;
  }

  private text(from: number, to: number): string {
    return decoder.decode(this.bytes.subarray(from, to));
  }

  /** JSON.parse of the bytes from..to, which stand after `context` in the document. */
  private parse(from: number, to: number, context: string): unknown {
    try {
      return JSON.parse(this.text(from, to));
    } catch (error) {
      throw this.fail(context, from, error);
    }
  }

  /** The top-level object opening at `open`: each key's value parsed alone, arrays in batches. */
  private object(open: number): [Record<string, unknown>, number] {
    const b = this.bytes;
    const out: Record<string, unknown> = {};
    let resume = open + 1;
    let context = "{";
    let i = this.skip(resume);
    if (b[i] === CLOSE_BRACE) return [out, i + 1];
    for (;;) {
      if (b[i] !== QUOTE) throw this.fail(context, resume);
      const keyEnd = this.stringEnd(i);
      if (keyEnd < 0) throw this.fail(context, resume);
      const key = this.parse(i, keyEnd, context) as string;
      const colon = this.skip(keyEnd);
      if (b[colon] !== COLON) throw this.fail(context, resume);
      const start = this.skip(colon + 1);
      let end: number;
      if (b[start] === OPEN_BRACKET) {
        const list: unknown[] = [];
        end = this.array(start, list, '{"":');
        define(out, key, list);
      } else {
        end = this.valueEnd(start);
        define(out, key, this.parse(start, end, '{"":'));
      }
      i = this.skip(end);
      if (b[i] === CLOSE_BRACE) return [out, i + 1];
      if (b[i] !== COMMA) throw this.fail('{"":0', end);
      resume = i + 1;
      context = '{"":0,';
      i = this.skip(resume);
    }
  }

  /** The index after the closing quote of the string opening at `start`, or -1 when the bytes end first. */
  private stringEnd(start: number): number {
    const b = this.bytes;
    for (let i = start + 1; i < this.n; i++) {
      const c = b[i];
      if (c === QUOTE) return i + 1;
      if (c === BACKSLASH) i++;
    }
    return -1;
  }

  /** The index of the `,`, `}` or `]` ending the value starting at `start` (or the end of the bytes). */
  private valueEnd(start: number): number {
    const b = this.bytes;
    const n = this.n;
    let depth = 0;
    for (let i = start; i < n; i++) {
      const c = b[i];
      if (c === QUOTE) {
        // Skip the string; the loop then steps past its closing quote.
        const end = this.stringEnd(i);
        i = end < 0 ? n : end - 1;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (depth === 0) return i;
        depth--;
      } else if (c === COMMA && depth === 0) return i;
    }
    return n;
  }

  /**
   * The array opening at `open`: its elements appended to `out`, parsed a batch at a time (whole elements, cut at
   * the first comma between elements after `batch` bytes), `outer` being the text it stands in (for errors).
   * Returns the index after its closing bracket.
   */
  private array(open: number, out: unknown[], outer: string): number {
    const b = this.bytes;
    let start = open + 1;
    let first = true;
    for (let i = this.valueEnd(start); i < this.n; i = this.valueEnd(i + 1)) {
      if (b[i] !== COMMA) {
        this.batchInto(start, i, first, out, outer);
        if (b[i] !== CLOSE_BRACKET) break;
        return i + 1;
      }
      if (i - start >= this.batch) {
        this.batchInto(start, i, first, out, outer);
        start = i + 1;
        first = false;
      }
    }
    throw this.fail(outer + (first ? "[" : "[0,"), start);
  }

  /** Parses the elements between `start` and `end` (after the array's `[` when `first`, else after a comma). */
  private batchInto(start: number, end: number, first: boolean, out: unknown[], outer: string): void {
    let part: unknown[];
    try {
      part = JSON.parse(`[${this.text(start, end)}]`) as unknown[];
    } catch (error) {
      throw this.fail(outer + (first ? "[" : "[0,"), start, error);
    }
    if (!first && part.length === 0) throw this.fail(`${outer}[0,`, start);
    for (let k = 0; k < part.length; k++) out.push(part[k]);
  }

  /**
   * The `invalid_json` error of the first syntax error at or after `from`, where the text stands after `context`
   * (the text up to `from` being valid): `locateJsonError` on `context` + a window of the text from `from`.
   */
  private fail(context: string, from: number, cause?: unknown): GovGraphError {
    const b = this.bytes;
    let to = Math.min(this.n, from + Math.min(MAX_WINDOW, 2 * this.batch + (1 << 20)));
    while (to < this.n && (b[to]! & 0xc0) === 0x80) to--; // end the window on a character boundary
    const window = this.text(from, to);
    const found = locateJsonError(context + window);
    const native = cause instanceof Error ? cause.message : "the JSON breaks here";
    let index = window.length;
    let reason = native;
    if (found && (found.index - context.length < window.length || to === this.n)) {
      index = Math.max(0, found.index - context.length);
      reason = found.reason;
    } else if (!found) index = 0;
    const { line, column } = this.lineAndColumn(from, window, index);
    let before = Math.max(this.bom, from - 64);
    while (before < from && (b[before]! & 0xc0) === 0x80) before++;
    const lead = this.text(before, from);
    return invalidJsonError(this.fn, line, column, reason, jsonExcerpt(lead + window, lead.length + index), cause);
  }

  /** Line and column (UTF-16 code units, a byte order mark counted) of `window[index]`, the window starting at `from`. */
  private lineAndColumn(from: number, window: string, index: number): { line: number; column: number } {
    const b = this.bytes;
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < from; i++) {
      if (b[i] === NEWLINE) {
        line++;
        lineStart = i + 1;
      }
    }
    let windowLineStart = -1;
    for (let i = window.indexOf("\n"); i !== -1 && i < index; i = window.indexOf("\n", i + 1)) {
      line++;
      windowLineStart = i + 1;
    }
    if (windowLineStart >= 0) return { line, column: index - windowLineStart + 1 };
    let units = 0;
    for (let i = lineStart; i < from; i++) {
      const c = b[i]!;
      if ((c & 0xc0) !== 0x80) units += c >= 0xf0 ? 2 : 1; // a 4-byte sequence is a surrogate pair
    }
    return { line, column: units + index + 1 };
  }
}

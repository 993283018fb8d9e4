/**
 * Model JSON from bytes
 * =====================
 * Reads JSON of any size from its UTF-8 bytes, where `JSON.parse` of one string cannot: a V8 string holds at most
 * 2^29 - 24 characters (about 512 MB), and the nation tier's JSON is about 1.1 GB. The top-level object's keys are
 * read one by one, and each array's elements are decoded (strict UTF-8) and `JSON.parse`d in batches of about
 * `batch` bytes, which builds the value `JSON.parse` of the whole text would.
 *
 * A batch that `JSON.parse` accepts as the elements of an array is a list of whole elements: the text is read from
 * the start of an element, so a cut inside an element or a string would leave a bracket or a quote open. So batch
 * ends may be guessed: where the bytes between the first two elements (`,\n    {` in an indented file; a line
 * break never occurs inside a JSON string) occur again after `batch` bytes, and the array's end where its closing
 * line (`\n  ]`) occurs. A guess `JSON.parse` refuses is no loss of correctness: that array is then read from the
 * same place by scanning every byte (`byte-scan.ts`), as are arrays on one line and, when every key is checked for
 * duplicates, all of them (the scan counts keys). When a batch fails in the scan, `syntaxError` says where.
 */
import type { IssuePath } from "../../issues.js";
import { syntaxError, decodeOrThrow, foreignEncodingError, type ReaderContext } from "./byte-errors.js";
import { findBytes, isSpace, scanValues, ValueScan } from "./byte-scan.js";
import { ByteWindow, type JsonBytes } from "./byte-window.js";
import { keyCount, type DuplicateKey } from "./duplicate-keys.js";
import { BatchList, findDuplicatesIn, type ArrayListener } from "./batches.js";
import { BracketedDecoder, foreignEncoding } from "./utf8.js";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const NEWLINE = 0x0a;
/** Bytes read ahead of where the reader needs them. */
const LOOKAHEAD = 1 << 20;
/** The largest batch: well under the longest string. */
const MAX_BATCH = 256 << 20;
const encoder = new TextEncoder();

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Where a guessed array stopped: its end, or the place to read it from by scanning. */
type Guessed = { end: number } | { from: number; first: boolean };

/** Reads one JSON document from its UTF-8 bytes, in batches; `fn` names the caller in errors. @internal */
export class JsonByteReader implements ReaderContext {
  readonly w: ByteWindow;
  readonly batch: number;
  bom = 0;
  /** Repeated keys found: always those of the top-level object, every one with `allKeys`. */
  readonly duplicates: DuplicateKey[] = [];
  readonly decoder = new BracketedDecoder();
  /** The first byte still needed: the window may drop those before it. */
  private keep = 0;
  /** Keys counted by the last `valueEnd`. */
  private lastKeys = 0;

  constructor(
    source: JsonBytes,
    readonly fn: string,
    batch: number,
    readonly allKeys: boolean,
    readonly listener?: ArrayListener,
  ) {
    this.w = new ByteWindow(source, fn);
    this.batch = Math.min(batch, MAX_BATCH);
  }

  document(): unknown {
    this.w.fill(0, 4);
    const head = this.w.bytes.subarray(0, Math.min(4, this.w.length));
    const foreign = foreignEncoding(head);
    if (foreign) throw foreignEncodingError(this.fn, foreign);
    this.bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    const at = this.skip(this.bom);
    let value: unknown;
    let end: number;
    if (this.byte(at) === OPEN_BRACE) [value, end] = this.object(at);
    else if (this.byte(at) === OPEN_BRACKET) [value, end] = this.array(at, "", []);
    else {
      this.w.fill(this.bom, Infinity); // a bare value, or nothing
      return this.value(this.bom, this.w.end, "", []);
    }
    if (this.byte(this.skip(end)) !== -1) throw syntaxError(this, "0", end);
    return value;
  }

  /** The byte at an absolute offset, or -1 after the last. */
  private byte(at: number): number {
    const w = this.w;
    if (at >= w.end) w.fill(this.keep, at + LOOKAHEAD);
    return at < w.end ? w.bytes[at - w.base]! : -1;
  }

  private skip(i: number): number {
    while (isSpace(this.byte(i))) i++;
    return i;
  }

  /** Runs a scan to where it stops, reading bytes as it needs them; the end of the bytes when it never stops. */
  private scanTo(scan: ValueScan): number {
    for (;;) {
      const w = this.w;
      const stop = scanValues(scan, w.bytes, w.base, w.length);
      if (stop >= 0) return stop;
      if (w.done) return w.end;
      w.fill(this.keep, w.end + LOOKAHEAD);
    }
  }

  /** The offset of the `,`, `}` or `]` after the value at `start` (or the end of the bytes); its keys in `lastKeys`. */
  private valueEnd(start: number): number {
    const scan = new ValueScan(start, start);
    const end = this.scanTo(scan);
    this.lastKeys = scan.keys;
    return end;
  }

  private stringEnd(start: number): number {
    for (let i = start + 1; ; i++) {
      const c = this.byte(i);
      if (c === -1) return -1;
      if (c === QUOTE) return i + 1;
      if (c === BACKSLASH) i++;
    }
  }

  /** JSON.parse of the bytes from..to, which stand after `context` at `path`; with `keys`, checked for repeated keys. */
  private value(from: number, to: number, context: string, path: IssuePath, keys?: number): unknown {
    const text = decodeOrThrow(this, from, to, path);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw syntaxError(this, context, from, error);
    }
    if (keys !== undefined && keyCount(value) !== keys) findDuplicatesIn(this, from, to, path, this.duplicates);
    return value;
  }

  /** The top-level object opening at `open`: each key's value parsed alone, arrays in batches. */
  private object(open: number): [Record<string, unknown>, number] {
    const out: Record<string, unknown> = {};
    const seen = new Map<string, number>();
    let resume = open + 1;
    let context = "{";
    let i = this.skip(resume);
    if (this.byte(i) === CLOSE_BRACE) return [out, i + 1];
    for (;;) {
      this.keep = resume;
      if (this.byte(i) !== QUOTE) throw syntaxError(this, context, resume);
      const keyEnd = this.stringEnd(i);
      if (keyEnd < 0) throw syntaxError(this, context, resume);
      const key = this.value(i, keyEnd, context, []) as string;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else this.duplicates.push({ offset: i, first, key, path: [key] });
      const colon = this.skip(keyEnd);
      if (this.byte(colon) !== COLON) throw syntaxError(this, context, resume);
      const start = this.skip(colon + 1);
      let end: number;
      if (this.byte(start) === OPEN_BRACKET) {
        let list: unknown[];
        [list, end] = this.array(start, '{"":', [key]);
        this.listener?.ended(key);
        define(out, key, list);
      } else {
        end = this.valueEnd(start);
        define(out, key, this.value(start, end, '{"":', [key], this.allKeys ? this.lastKeys : undefined));
      }
      i = this.skip(end);
      if (this.byte(i) === CLOSE_BRACE) return [out, i + 1];
      if (this.byte(i) !== COMMA) throw syntaxError(this, '{"":0', end);
      resume = i + 1;
      context = '{"":0,';
      i = this.skip(resume);
    }
  }

  /** The array opening at `open` (standing after `outer`, at `path`) and the offset after its closing bracket. */
  private array(open: number, outer: string, path: IssuePath): [unknown[], number] {
    const items = new BatchList(this, path);
    const guessed = this.guessed(open, items);
    if ("end" in guessed) return [items.list(), guessed.end];
    const end = this.scanned(guessed.from, guessed.first, items, outer);
    return [items.list(), end];
  }

  /**
   * Reads an array's elements from `start` (after its `[` when `first`, else after a comma) in batches cut at the
   * first comma between elements after `batch` bytes, scanning every byte. Returns the offset after its `]`.
   */
  private scanned(start: number, first: boolean, items: BatchList, outer: string): number {
    for (;;) {
      this.keep = start;
      const counts: number[] | undefined = this.allKeys ? [] : undefined;
      const scan = new ValueScan(start, start + this.batch, counts);
      const i = this.scanTo(scan);
      const c = this.byte(i);
      if (c === -1) break;
      if (c !== COMMA) counts?.push(scan.keys);
      items.parse(start, i, first, outer, counts);
      if (c === CLOSE_BRACKET) return i + 1;
      if (c !== COMMA) break;
      start = i + 1;
      first = false;
    }
    throw syntaxError(this, outer + (first ? "[" : "[0,"), start);
  }

  /** Reads an array in batches whose ends are guessed (see the banner), as far as the guesses hold. */
  private guessed(open: number, items: BatchList): Guessed {
    const restart = { from: open + 1, first: true };
    const indent = this.lineIndent(open);
    const i = this.skip(open + 1);
    if (this.byte(i) === CLOSE_BRACKET) return { end: i + 1 };
    const e0 = this.valueEnd(i);
    const n1 = this.skip(e0 + 1);
    if (indent === undefined || this.byte(e0) !== COMMA || this.byte(n1) === -1) return restart;
    const separator = this.w.bytes.slice(e0 - this.w.base, n1 + 1 - this.w.base);
    if (!separator.includes(NEWLINE)) return restart;
    const closing = encoder.encode(`\n${indent}]`);
    let start = i;
    let first = true;
    for (let closeFrom = i; ; first = false) {
      this.keep = start;
      const cut = this.find(separator, start + this.batch);
      const w = this.w;
      const close = findBytes(w.bytes, w.length, closing, Math.max(0, closeFrom - w.base), cut < 0 ? w.length : cut - w.base);
      if (close >= 0) return items.guess(start, close + w.base, first) ? { end: close + w.base + closing.length } : { from: start, first };
      if (cut < 0 || !items.guess(start, cut, first)) return { from: start, first };
      closeFrom = cut;
      start = cut + 1;
    }
  }

  /** The spaces and tabs that begin the line holding `open`, or undefined when that line is not in sight. */
  private lineIndent(open: number): string | undefined {
    const w = this.w;
    const stop = Math.max(w.base, this.bom, open - 4096);
    let i = open - 1;
    while (i >= stop && w.bytes[i - w.base] !== NEWLINE) i--;
    if (i < stop && stop !== this.bom) return undefined;
    let indent = "";
    for (let j = i + 1; j < open && (w.bytes[j - w.base] === 0x20 || w.bytes[j - w.base] === 0x09); j++) indent += String.fromCharCode(w.bytes[j - w.base]!);
    return indent;
  }

  /** The first offset at or after `from` where `needle` starts, reading bytes as needed; -1 when there is none. */
  private find(needle: Uint8Array, from: number): number {
    let at = from;
    for (;;) {
      const w = this.w;
      if (at + LOOKAHEAD > w.end) w.fill(this.keep, at + LOOKAHEAD);
      const found = findBytes(w.bytes, w.length, needle, at - w.base, w.length);
      if (found >= 0) return found + w.base;
      if (w.done) return -1;
      at = Math.max(at, w.end - needle.length + 1);
      w.fill(this.keep, w.end + LOOKAHEAD);
    }
  }

  /** The keys counted in the bytes of each element between two offsets (whole elements), for `BatchList`. @internal */
  keyCounts(from: number, to: number): number[] {
    const counts: number[] = [];
    const scan = new ValueScan(from, to, counts);
    if (this.byte(this.scanTo(scan)) !== COMMA) counts.push(scan.keys);
    return counts;
  }

  /** The offset where the value starting at `from` ends (a comma or closing bracket), for `BatchList`. @internal */
  elementEnd(from: number): number {
    return this.scanTo(new ValueScan(from, from));
  }
}

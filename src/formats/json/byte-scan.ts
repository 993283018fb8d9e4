/**
 * Scanning JSON bytes
 * ===================
 * The structure of JSON text shows in five bytes outside strings (`{ } [ ] ,`), strings in `"` and `\`, and keys in
 * `:`, so one pass over the bytes finds where values end without decoding them. A scan stops at a `,` between values
 * (once past `stopAfter`) or at the `]` or `}` that closes the values' container, and can stop at the end of a window
 * of the bytes and go on in the next one (its state is kept). It also counts the colons of each value: its keys, at
 * every depth, which `JSON.parse` would keep all unless one repeats.
 */
import { nodeBuffer } from "./utf8.js";

const OTHER = 0;
const STRING = 1;
const OPEN = 2;
const CLOSE = 3;
const COMMA = 4;
const COLON = 5;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON_BYTE = 0x3a;
const EMPTY_WORDS = new Uint32Array(0);

/** What each byte means to the scan. */
const CLASS = new Uint8Array(256);
CLASS[QUOTE] = STRING;
CLASS[0x7b] = OPEN;
CLASS[0x5b] = OPEN;
CLASS[0x7d] = CLOSE;
CLASS[0x5d] = CLOSE;
CLASS[0x2c] = COMMA;
CLASS[0x3a] = COLON;

/** Node's `Buffer`, whose `indexOf` of a byte is `memchr` (a typed array's reads one element at a time). */
const NODE = nodeBuffer();

/** `bytes[0, end)` to search with `indexOf`: a Node `Buffer` over them (`memchr`), or the typed array elsewhere. */
function searchable(bytes: Uint8Array, end: number): Uint8Array {
  if (NODE) return NODE.Buffer.from(bytes.buffer, bytes.byteOffset, end);
  return bytes.length === end ? bytes : bytes.subarray(0, end);
}

/** Where a scan through a list of values stands, kept from one window of bytes to the next. @internal */
export class ValueScan {
  /** Nesting inside the current value (0: between values). */
  depth = 0;
  /** Inside a string; `skip` bytes of it (an escaped character) come first in the next window. */
  inString = false;
  skip = 0;
  /** Colons of the current value so far. */
  keys = 0;

  /**
   * @param at absolute offset of the next byte to read
   * @param stopAfter the scan stops at the first comma between values at or after this offset
   * @param counts when given, receives the colons of each value a comma ends
   */
  constructor(
    public at: number,
    readonly stopAfter: number,
    readonly counts?: number[],
  ) {}
}

/**
 * Scans `bytes[scan.at - base, length)`: returns the absolute offset of the byte it stops at (a comma between values
 * at or after `stopAfter`, or a closing bracket at depth 0), or -1 when the window ends first (`scan` then holds where
 * it stands). @internal
 */
export function scanValues(scan: ValueScan, bytes: Uint8Array, base: number, length: number): number {
  let i = scan.at - base;
  let depth = scan.depth;
  let keys = scan.keys;
  const stop = scan.stopAfter - base;
  const counts = scan.counts;
  // Strings are skipped by searching their closing quote: natively in Node (`memchr`), by a typed array elsewhere.
  const view = searchable(bytes, length);
  if (scan.inString) {
    i += scan.skip;
    while (i < length) {
      const c = bytes[i]!;
      if (c === QUOTE) break;
      i += c === BACKSLASH ? 2 : 1;
    }
    if (i >= length) {
      scan.skip = i - length;
      scan.at = base + length;
      return -1;
    }
    scan.inString = false;
    i++;
  }
  for (; i < length; i++) {
    const kind = CLASS[bytes[i]!];
    if (kind === OTHER) continue;
    if (kind === STRING) {
      const close = closingQuote(view, i);
      if (close < 0) {
        scan.inString = true;
        scan.skip = escapesPastEnd(bytes, i, length);
        i = length;
        break;
      }
      i = close;
    } else if (kind === OPEN) depth++;
    else if (kind === CLOSE) {
      if (depth === 0) break;
      depth--;
    } else if (kind === COMMA) {
      if (depth !== 0) continue;
      if (counts) counts.push(keys);
      keys = 0;
      if (i >= stop) break;
    } else keys++;
  }
  scan.depth = depth;
  scan.keys = keys;
  scan.at = base + i;
  return i < length ? base + i : -1;
}

/**
 * The index of the quote that closes the string opening at `open`, or -1 when `view` ends first. Quotes are found
 * by `indexOf` (native, much faster than a loop over every byte of a long string); one preceded by an odd run of
 * backslashes is escaped.
 */
function closingQuote(view: Uint8Array, open: number): number {
  for (let q = view.indexOf(QUOTE, open + 1); q !== -1; q = view.indexOf(QUOTE, q + 1)) {
    let b = q - 1;
    while (view[b] === BACKSLASH) b--; // stops at the opening quote at the latest
    if (((q - 1 - b) & 1) === 0) return q;
  }
  return -1;
}

/** 1 when the string opening at `open` is cut after a backslash that escapes the next window's first byte, else 0. */
function escapesPastEnd(bytes: Uint8Array, open: number, length: number): number {
  let b = length - 1;
  while (b > open && bytes[b] === BACKSLASH) b--;
  return (length - 1 - b) & 1;
}

/** The index after the string whose opening quote is at `start`, or -1 when `length` comes first. @internal */
export function stringEnd(bytes: Uint8Array, start: number, length: number): number {
  for (let i = start + 1; i < length; i++) {
    const c = bytes[i];
    if (c === QUOTE) return i + 1;
    if (c === BACKSLASH) i++;
  }
  return -1;
}

/**
 * The first index in `[from, to)` where `needle` starts in `bytes[0, length)`, or -1 (also for an empty needle).
 * Candidates are found by searching one byte of the needle, natively in Node: its last byte that is no blank
 * (blanks are the commonest bytes of an indented file), the `]` of an array's closing line, the `{` or `"` that
 * ends the separator between its elements. @internal
 */
export function findBytes(bytes: Uint8Array, length: number, needle: Uint8Array, from: number, to: number): number {
  const end = Math.min(length, to + needle.length - 1);
  return findBytesIn(searchable(bytes, end), end, bytes, needle, from);
}

/**
 * {@link findBytes} with `view.indexOf` finding the needle's anchor byte in `bytes[0, end)` (a view of them: Node's
 * `Buffer`, or the typed array elsewhere). @internal
 */
export function findBytesIn(view: { indexOf(value: number, byteOffset: number): number }, end: number, bytes: Uint8Array, needle: Uint8Array, from: number): number {
  const m = needle.length;
  if (m === 0) return -1;
  let a = m - 1;
  while (a > 0 && isSpace(needle[a]!)) a--;
  const anchor = needle[a]!;
  for (let i = view.indexOf(anchor, from + a); i !== -1; i = view.indexOf(anchor, i + 1)) {
    const start = i - a;
    if (start + m > end) return -1;
    let k = 0;
    while (k < m && bytes[start + k] === needle[k]) k++;
    if (k === m) return start;
  }
  return -1;
}

/** True for JSON whitespace (space, tab, line feed, carriage return). @internal */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * The colons in `bytes[from, to)`, four bytes at a time: each 32-bit word is XORed with four colons, and its zero
 * bytes counted with the carry trick of "Bit Twiddling Hacks" (S. E. Anderson, "Determine if a word has a zero
 * byte"). A colon byte is never part of a longer UTF-8 character. @internal
 */
export function countColons(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  let i = from;
  const offset = bytes.byteOffset;
  for (; i < to && ((offset + i) & 3) !== 0; i++) if (bytes[i] === COLON_BYTE) n++;
  const count = i < to ? (to - i) >>> 2 : 0;
  const words = count > 0 ? new Uint32Array(bytes.buffer, offset + i, count) : EMPTY_WORDS;
  for (let k = 0; k < count; k++) {
    const x = words[k]! ^ 0x3a3a3a3a;
    // The high bit of each byte of `nonZero` is set where that byte of `x` is not zero.
    const nonZero = (((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x) & 0x80808080;
    // One bit at the bottom of each byte that was a colon, summed into the top byte by the multiplication.
    n += Math.imul((~nonZero & 0x80808080) >>> 7, 0x01010101) >>> 24;
  }
  for (i += count * 4; i < to; i++) if (bytes[i] === COLON_BYTE) n++;
  return n;
}

/**
 * How many times `\u003a` or `\u003A` (an escaped colon) appears in `bytes[from, to)`: at least the colons that
 * escapes put in the strings (some appearances may be text after an escaped backslash instead). @internal
 */
export function escapedColons(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  const view = searchable(bytes, to);
  for (let i = view.indexOf(BACKSLASH, from); i !== -1 && i + 5 < to; i = view.indexOf(BACKSLASH, i + 1)) {
    if (bytes[i + 1] === 0x75 && bytes[i + 2] === 0x30 && bytes[i + 3] === 0x30 && bytes[i + 4] === 0x33 && (bytes[i + 5] === 0x61 || bytes[i + 5] === 0x41)) n++;
  }
  return n;
}

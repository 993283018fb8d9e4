/**
 * Strict UTF-8
 * ============
 * JSON files are UTF-8 (RFC 8259, section 8.1). Bytes that are not (a stray 0xFF, a character cut short, a UTF-16
 * file) are refused instead of being replaced by U+FFFD, which would make the ids `r\xff` and `r\xfe` one id.
 * Decoding is TextDecoder's own, with `fatal: true`; only when it refuses is the first bad byte looked for here
 * (the checks of the WHATWG Encoding Standard's UTF-8 decoder: no overlong forms, no surrogates, nothing past
 * U+10FFFF).
 */

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The longest string V8 makes, in UTF-16 code units (2^29 - 24); other engines allow more. @internal */
export const MAX_STRING_LENGTH = 2 ** 29 - 24;

/** Why bytes could not become a string: not UTF-8 at `offset`, or too long for one string. @internal */
export type DecodeProblem = { kind: "encoding"; offset: number; reason: string } | { kind: "too_long"; units: number };

/** Thrown by {@link decodeUtf8}. @internal */
export class DecodeError extends Error {
  constructor(readonly problem: DecodeProblem) {
    super(problem.kind === "encoding" ? problem.reason : `${problem.units} UTF-16 code units`);
  }
}

/** bytes[from, to) as a string; a {@link DecodeError} when they are not UTF-8 or too long for one string. @internal */
export function decodeUtf8(bytes: Uint8Array, from: number, to: number): string {
  if (to - from > MAX_STRING_LENGTH) {
    const units = utf16Units(bytes, from, to);
    if (units > MAX_STRING_LENGTH) throw new DecodeError({ kind: "too_long", units });
  }
  try {
    return strict.decode(bytes.subarray(from, to));
  } catch {
    const bad = firstInvalidUtf8(bytes, from, to);
    if (bad) throw new DecodeError({ kind: "encoding", ...bad });
    throw new DecodeError({ kind: "too_long", units: utf16Units(bytes, from, to) }); // this engine's limit is lower
  }
}

/** What Node's `buffer` module offers for decoding; undefined in a browser. @internal */
export interface NodeBufferModule {
  isAscii(bytes: Uint8Array): boolean;
  isUtf8(bytes: Uint8Array): boolean;
  Buffer: {
    from(buffer: ArrayBufferLike, offset: number, length: number): Uint8Array & { toString(encoding: "latin1" | "utf8"): string; indexOf(value: number | Uint8Array, byteOffset: number): number };
  };
}

/** Node's `buffer` module when this runs in Node (20.16 and later), found without importing it (browsers have none). @internal */
export function nodeBuffer(): NodeBufferModule | undefined {
  try {
    const get = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process?.getBuiltinModule;
    const module = typeof get === "function" ? (get("node:buffer") as Partial<NodeBufferModule> | undefined) : undefined;
    return typeof module?.isAscii === "function" && typeof module.isUtf8 === "function" && module.Buffer ? (module as NodeBufferModule) : undefined;
  } catch {
    return undefined;
  }
}

const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * Decodes a run of array elements as the text of an array (`[` + the elements + `]`), for `JSON.parse`: the bytes
 * are copied between brackets into a buffer it keeps, so the text is one flat string, never a concatenation that
 * `JSON.parse` would have to copy again. In Node, bytes that are all ASCII (what a model file mostly is) become a
 * one-byte string through Latin-1, which decodes about four times as fast as UTF-8 and parses faster than a two-byte
 * string; other bytes are checked (simdutf) and decoded as UTF-8. Elsewhere `TextDecoder` decodes. @internal
 */
export class BracketedDecoder {
  private scratch = new Uint8Array(0);

  /** @param node Node's `buffer` module (found by default; `null` decodes with `TextDecoder`, as in a browser). */
  constructor(private readonly node: NodeBufferModule | null = nodeBuffer() ?? null) {}

  /** The text of bytes[from, to) between brackets; a {@link DecodeError} when they are not UTF-8 or too long. */
  decode(bytes: Uint8Array, from: number, to: number): string {
    const n = to - from;
    if (n + 2 > MAX_STRING_LENGTH) {
      // With its brackets the text would be longer than a string can be: decodeUtf8 says when the bytes are not
      // UTF-8, else the elements' text (UTF-16 units) is too long whenever brackets would not fit.
      const units = n > MAX_STRING_LENGTH ? utf16Units(bytes, from, to) : decodeUtf8(bytes, from, to).length;
      if (units + 2 > MAX_STRING_LENGTH) throw new DecodeError({ kind: "too_long", units });
      return `[${decodeUtf8(bytes, from, to)}]`;
    }
    if (this.scratch.length < n + 2) this.scratch = new Uint8Array(Math.max(n + 2, Math.min(2 * this.scratch.length, MAX_STRING_LENGTH)));
    const scratch = this.scratch;
    scratch[0] = OPEN_BRACKET;
    scratch.set(bytes.subarray(from, to), 1);
    scratch[n + 1] = CLOSE_BRACKET;
    const text = scratch.subarray(0, n + 2);
    const node = this.node;
    if (node) {
      const view = node.Buffer.from(scratch.buffer, scratch.byteOffset, n + 2);
      if (node.isAscii(text)) return view.toString("latin1");
      if (node.isUtf8(text)) return view.toString("utf8");
      return `[${decodeUtf8(bytes, from, to)}]`; // throws the DecodeError that places the bad byte
    }
    try {
      return strict.decode(text);
    } catch {
      return `[${decodeUtf8(bytes, from, to)}]`;
    }
  }
}

/** UTF-16 code units of valid UTF-8 bytes: one per character, two for one of four bytes (a surrogate pair). @internal */
export function utf16Units(bytes: Uint8Array, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const c = bytes[i]!;
    if ((c & 0xc0) !== 0x80) units += c >= 0xf0 ? 2 : 1;
  }
  return units;
}

const hex = (byte: number) => "0x" + byte.toString(16).toUpperCase().padStart(2, "0");

/** The first byte of bytes[from, to) where UTF-8 breaks, and why; undefined when it does not. @internal */
export function firstInvalidUtf8(bytes: Uint8Array, from: number, to: number): { offset: number; reason: string } | undefined {
  for (let i = from; i < to; i++) {
    const c = bytes[i]!;
    if (c < 0x80) continue;
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) low = 0xa0; // shorter forms are overlong
      if (c === 0xed) high = 0x9f; // U+D800-U+DFFF are surrogates, not characters
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) low = 0x90;
      if (c === 0xf4) high = 0x8f; // beyond U+10FFFF
    } else {
      const what = c < 0xc0 ? "continues a character that has not started" : "never appears in UTF-8";
      return { offset: i, reason: `the byte ${hex(c)} ${what}` };
    }
    for (let k = 1; k <= need; k++) {
      const next = i + k < to ? bytes[i + k]! : -1;
      const ok = k === 1 ? next >= low && next <= high : next >= 0x80 && next <= 0xbf;
      if (!ok) {
        const seen = Array.from(bytes.subarray(i, Math.min(to, i + k + 1)), hex).join(" ");
        return { offset: i, reason: `the bytes ${seen} are not a UTF-8 character` };
      }
    }
    i += need;
  }
  return undefined;
}

/**
 * The encoding a file's first bytes show when it is not UTF-8: a UTF-16 or UTF-32 byte order mark, or the NUL
 * bytes that UTF-16 puts beside every ASCII character. Undefined for anything else. @internal
 */
export function foreignEncoding(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe) return c === 0 && d === 0 ? "UTF-32 (little-endian byte order mark FF FE 00 00)" : "UTF-16 (little-endian byte order mark FF FE)";
  if (a === 0xfe && b === 0xff) return "UTF-16 (big-endian byte order mark FE FF)";
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return "UTF-32 (big-endian byte order mark 00 00 FE FF)";
  if (bytes.length >= 2 && (a === 0 || b === 0)) return "UTF-16 or UTF-32 without a byte order mark (it has NUL bytes beside its characters)";
  return undefined;
}

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

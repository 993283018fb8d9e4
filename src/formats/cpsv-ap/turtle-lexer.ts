import { misspeltScheme } from "./lint.js";
import { hashStep } from "./name-table.js";
import { XSD } from "./vocabulary.js";

/**
 * The tokens of the Turtle subset govgraph writes (turtle-writer.ts), for turtle-reader.ts: white space and
 * comments, prefix names, local names (hashed as they are scanned), `<iri>`s, one-line strings, language tags,
 * integers, doubles and booleans. Anything outside the subset throws {@link OffFastPath}.
 * @internal
 */

/** Thrown when the document is not in the subset (or not govgraph's own): read it the general way. @internal */
export class OffFastPath extends Error {}

const NOT_OWN = new OffFastPath("not in the Turtle subset govgraph writes");

// Character classes (ASCII only: anything else ends a name, and then fails the check that follows it).
export const NAME = new Uint8Array(128); // PN_LOCAL characters other than "%": letters, digits, "_", ":", "-", "."
const PREFIX = new Uint8Array(128); // PN_PREFIX characters after the first, without ".": letters, digits, "_", "-"
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9_-]/.test(ch)) PREFIX[c] = 1;
  if (/[A-Za-z0-9_:.-]/.test(ch)) NAME[c] = 1;
}
const ESCAPES: Record<string, string> = { t: "\t", b: "\b", n: "\n", r: "\r", f: "\f", '"': '"', "'": "'", "\\": "\\" };
const SPECIAL_IN_STRING = /[\\\n\r]/;
const LANGUAGE = /[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*(?![a-zA-Z0-9-])/y;
// eslint-disable-next-line no-control-regex -- what an IRIREF must not hold unescaped
const IRI_FORBIDDEN = /[\u0000-\u0020<>"{}|^`\\]/;
const ABSOLUTE = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
export const HASH = 35;
export const DOT = 46;
export const QUOTE = 34;
export const COLON = 58;
export const isSpace = (c: number) => c === SPACE || c === LF || c === TAB || c === CR;
export const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);

/** The seed of a name's hash. @internal */
export const SEED = 0x811c9dc5;

/** A position in a Turtle text and the tokens at it. @internal */
export class TurtleLexer {
  protected pos = 0;
  /** The hash of the local name {@link nameEnd} last read. */
  protected hash = SEED;

  constructor(protected readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  /** Skips white space and comments. */
  protected space(): void {
    const { text } = this;
    let i = this.pos;
    for (let c = text.charCodeAt(i); isSpace(c) || c === HASH; c = text.charCodeAt(i)) {
      if (c !== HASH) i++;
      else {
        const end = text.indexOf("\n", i);
        const cr = text.slice(i, end < 0 ? text.length : end).indexOf("\r");
        if (cr >= 0 && i + cr !== end - 1) throw NOT_OWN; // a line ended by CR alone
        i = end < 0 ? text.length : end + 1;
      }
    }
    this.pos = i;
  }

  /** The end of a prefix name starting at `start` (a letter, then letters, digits, `_`, `-`), or `start` for none. */
  protected prefixEnd(start: number): number {
    const { text } = this;
    const first = text.charCodeAt(start);
    if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return start;
    let i = start + 1;
    for (let c = text.charCodeAt(i); c < 128 && PREFIX[c] === 1; c = text.charCodeAt(++i));
    return i;
  }

  /**
   * Where the local name after the colon ends, its trailing dots left out (they end the statement), and its hash
   * into {@link hash}.
   */
  protected nameEnd(colon: number): number {
    const { text } = this;
    if (text.charCodeAt(colon) !== COLON) throw NOT_OWN;
    let i = colon + 1;
    let hash = SEED;
    const first = text.charCodeAt(i);
    if (first !== 45 /* - */ && first !== DOT) {
      for (let c = first; ; c = text.charCodeAt(i)) {
        if (c === DOT) {
          let j = i + 1; // dots belong to the name only when it goes on after them
          while (text.charCodeAt(j) === DOT) j++;
          const after = text.charCodeAt(j);
          if (!((after < 128 && NAME[after] === 1) || after === 37)) break;
          for (; i < j; i++) hash = hashStep(hash, DOT);
        } else if (c < 128 && NAME[c] === 1) {
          hash = hashStep(hash, c);
          i++;
        } else if (c === 37 /* % */ && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) {
          hash = hashStep(hashStep(hashStep(hash, c), text.charCodeAt(i + 1)), text.charCodeAt(i + 2));
          i += 3;
        } else break;
      }
    }
    this.hash = hash;
    return i;
  }

  /** `<iri>`: absolute, without escapes, not a misspelt `http`. */
  protected fullIri(): string {
    const { text } = this;
    const end = text.indexOf(">", this.pos);
    if (text.charCodeAt(this.pos) !== 60 || end < 0) throw NOT_OWN;
    const iri = text.slice(this.pos + 1, end);
    if (IRI_FORBIDDEN.test(iri) || !ABSOLUTE.test(iri) || misspeltScheme(iri) !== undefined) throw NOT_OWN;
    this.pos = end + 1;
    return iri;
  }

  /** `true` or `false` when the word at the position is one (then passed), else `undefined`. */
  protected keyword(): string | undefined {
    const { text } = this;
    const word = text.startsWith("true", this.pos) ? "true" : text.startsWith("false", this.pos) ? "false" : undefined;
    if (word === undefined) return undefined;
    const next = text.charCodeAt(this.pos + word.length);
    // A prefixed name (true:x) or a longer word; "true." ends a statement.
    if (next !== DOT && next < 128 && (NAME[next] === 1 || next === 37)) return undefined;
    this.pos += word.length;
    return word;
  }

  /** Passes an integer, or a double with an exponent (a decimal such as `1.5` is left to n3); its datatype. */
  protected number(): string {
    const { text } = this;
    let i = this.pos;
    const sign = text.charCodeAt(i);
    if (sign === 43 || sign === 45) i++;
    const digits = i;
    while (isDigit(text.charCodeAt(i))) i++;
    let datatype: string = XSD.integer;
    if (text.charCodeAt(i) === DOT && isDigit(text.charCodeAt(i + 1))) {
      i++;
      while (isDigit(text.charCodeAt(i))) i++;
      if ((text.charCodeAt(i) | 32) !== 101 /* e */) throw NOT_OWN;
    }
    if ((text.charCodeAt(i) | 32) === 101) {
      i++;
      if (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45) i++;
      if (!isDigit(text.charCodeAt(i))) throw NOT_OWN;
      while (isDigit(text.charCodeAt(i))) i++;
      datatype = XSD.double;
    }
    // What may follow: white space, "," or ";", or a "." that ends the statement (not a decimal's point).
    const next = text.charCodeAt(i);
    if (i === digits || !(isSpace(next) || next === 44 || next === 59 || (next === DOT && !isDigit(text.charCodeAt(i + 1))))) throw NOT_OWN;
    this.pos = i;
    return datatype;
  }

  /** Passes a one-line `"..."` string; its value. */
  protected quoted(): string {
    const { text } = this;
    const start = this.pos + 1;
    if (text.charCodeAt(start) === QUOTE && text.charCodeAt(start + 1) === QUOTE) throw NOT_OWN; // a long string
    let end = text.indexOf('"', start);
    if (end < 0) throw NOT_OWN;
    let value = text.slice(start, end);
    if (SPECIAL_IN_STRING.test(value)) ({ value, end } = this.escaped(start)); // raw line breaks throw there
    this.pos = end + 1;
    return value;
  }

  /** Passes the language tag after `@`; the tag. */
  protected languageTag(): string {
    LANGUAGE.lastIndex = this.pos + 1;
    const m = LANGUAGE.exec(this.text);
    if (m === null) throw NOT_OWN;
    this.pos += 1 + m[0].length;
    return m[0];
  }

  /**
   * A string with escapes, from after its opening quote: its value (one flat string: JSON values are full of
   * `\"`) and the index of its closing quote.
   */
  private escaped(start: number): { value: string; end: number } {
    const { text } = this;
    let end = text.indexOf('"', start);
    for (; end >= 0; end = text.indexOf('"', end + 1)) {
      let backslashes = 0;
      while (text.charCodeAt(end - backslashes - 1) === 92 /* \ */) backslashes++;
      if (backslashes % 2 === 0) break;
    }
    const raw = end < 0 ? "" : text.slice(start, end);
    if (end < 0 || LINE_BREAK.test(raw)) throw NOT_OWN;
    // Turtle's escapes are JSON's but for `\/` (JSON only), `\'` and `\U` (Turtle only): JSON.parse unescapes
    // what it can read, natively; a string it refuses (those escapes, raw control characters) goes through ESCAPE.
    if (!raw.includes("\\/")) {
      try {
        return { value: JSON.parse(text.slice(start - 1, end + 1)) as string, end };
      } catch {
        // unescaped below
      }
    }
    return { value: raw.replace(ESCAPE, unescape), end };
  }
}

const LINE_BREAK = /[\n\r]/;
const ESCAPE = /\\(?:u([0-9A-Fa-f]{4})|([^]))/g;

function unescape(_: string, hex: string | undefined, char: string | undefined): string {
  if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
  return ESCAPES[char!] ?? notInSubset();
}

function notInSubset(): never {
  throw NOT_OWN;
}

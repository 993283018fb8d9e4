import { misspeltScheme } from "./lint.js";
import { hashOf, hashStep, NameTable } from "./own-table.js";
import { NS, T, XSD } from "./vocabulary.js";

/**
 * Reads the Turtle subset govgraph writes (turtle-writer.ts) without n3, several times faster on a large model:
 * `@prefix` lines, then statements `subject verb object, object; verb object.` of prefixed names and absolute
 * IRIs, one-line strings (with a language tag or a datatype), integers, doubles and booleans, white space and
 * comments anywhere. Whatever else it meets (a blank node, a collection, a long or single-quoted string, a
 * relative or empty IRI, a misspelt `http`, `@base`, a prefix declared after the first statement, a syntax
 * error) throws {@link NotOwnTurtle}, and the caller reads the document with n3 instead: what this accepts, it
 * reads as n3 does (a differential test checks it on generated and edited documents).
 *
 * Each IRI is looked up once per occurrence, by its namespace (the longest declared namespace it starts with) and
 * its local name, in the text (own-table.ts): no IRI string is built, hashed or collected per occurrence; the
 * handler makes the node of an IRI the first time it is seen.
 * @internal
 */

/** Where the reader puts each triple. @internal */
export interface TripleHandler<N> {
  /** The node of the IRI `namespace + local`, asked for once per IRI. */
  node(namespace: string, local: string): N;
  /** Where the objects of a predicate of a subject go: a number passed on with each, or -1 to skip them (still checked). */
  predicate(subject: N, predicate: string): number;
  iri(subject: N, slot: number, object: N): void;
  literal(subject: N, slot: number, value: string, language: string, datatype: string): void;
}

/** Thrown when the document is not in the subset (or not govgraph's own): read it the general way. @internal */
export class NotOwnTurtle extends Error {}

const NOT_OWN = new NotOwnTurtle("not in the Turtle subset govgraph writes");

// Character classes (ASCII only: anything else ends a name, and then fails the check that follows it).
const NAME = new Uint8Array(128); // PN_LOCAL characters other than "%": letters, digits, "_", ":", "-", "."
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
const HASH = 35;
const DOT = 46;
const QUOTE = 34;
const COLON = 58;
const isSpace = (c: number) => c === SPACE || c === LF || c === TAB || c === CR;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);

/** Reads a document of the subset, giving each triple to the handler; throws {@link NotOwnTurtle} on anything else. @internal */
export function readOwnTurtle<N>(text: string, handler: TripleHandler<N>): void {
  new Scanner(text, handler).read();
}

/** A namespace: its number in the tables, and the declared namespaces that extend it (`ex:` and `exb:` = `ex:b`). */
interface Space {
  readonly index: number;
  readonly iri: string;
  longer: Space[];
}

const SEED = 0x811c9dc5;

class Scanner<N> {
  private pos = 0;
  /** Declared prefixes by the length of their name. */
  private readonly prefixes: { name: string; space: Space }[][] = [];
  private readonly spaces = new Map<string, Space>([["", { index: 0, iri: "", longer: [] }]]);
  /** Namespaces, longest first, for IRIs written in full. */
  private byLength: Space[] | undefined;
  /** The nodes by namespace and local name. */
  private readonly nodes = new NameTable<N>();
  /** Predicate and datatype IRIs by namespace and local name. */
  private readonly names = new NameTable<string>();
  /** The hash of the local name {@link nameEnd} last read. */
  private hash = SEED;

  constructor(
    private readonly text: string,
    private readonly handler: TripleHandler<N>,
  ) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  read(): void {
    const { text } = this;
    for (this.space(); this.pos < text.length; this.space()) {
      if (text.charCodeAt(this.pos) === 64 /* @ */) this.prefix();
      else this.statement();
    }
  }

  /** Skips white space and comments. */
  private space(): void {
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

  /** `@prefix p: <iri>.`, before the first statement. */
  private prefix(): void {
    const { text } = this;
    if (this.byLength !== undefined || !text.startsWith("@prefix", this.pos) || !isSpace(text.charCodeAt(this.pos + 7))) throw NOT_OWN;
    this.pos += 7;
    this.space();
    const start = this.pos;
    const end = this.prefixEnd(start);
    if (text.charCodeAt(end) !== COLON) throw NOT_OWN;
    this.pos = end + 1;
    this.space();
    const iri = this.fullIri();
    this.space();
    if (text.charCodeAt(this.pos++) !== DOT) throw NOT_OWN;
    const name = text.slice(start, end);
    let space = this.spaces.get(iri);
    if (space === undefined) this.spaces.set(iri, (space = { index: this.spaces.size, iri, longer: [] }));
    const list = (this.prefixes[name.length] ??= []);
    const existing = list.find((p) => p.name === name);
    if (existing) existing.space = space;
    else list.push({ name, space });
  }

  /** The end of a prefix name starting at `start` (a letter, then letters, digits, `_`, `-`), or `start` for none. */
  private prefixEnd(start: number): number {
    const { text } = this;
    const first = text.charCodeAt(start);
    if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return start;
    let i = start + 1;
    for (let c = text.charCodeAt(i); c < 128 && PREFIX[c] === 1; c = text.charCodeAt(++i));
    return i;
  }

  /** `subject verb objects (; verb objects)* .` */
  private statement(): void {
    const { text } = this;
    if (this.byLength === undefined) this.closePrefixes();
    const subject = this.node();
    for (;;) {
      this.space();
      const slot = this.handler.predicate(subject, this.verb());
      for (;;) {
        this.space();
        this.object(subject, slot);
        this.space();
        const c = text.charCodeAt(this.pos++);
        if (c === 44 /* , */) continue;
        if (c === 59 /* ; */) break;
        if (c !== DOT || (this.pos < text.length && !isSpace(text.charCodeAt(this.pos)) && text.charCodeAt(this.pos) !== HASH)) throw NOT_OWN;
        return;
      }
    }
  }

  /** Once the prefixes are known: which namespaces extend which, and all of them longest first. */
  private closePrefixes(): void {
    const all = [...this.spaces.values()].sort((a, b) => b.iri.length - a.iri.length);
    for (const space of all) space.longer = all.filter((s) => s.iri.length > space.iri.length && s.iri.startsWith(space.iri));
    this.byLength = all;
  }

  /** A subject or an IRI object: `<iri>` or a prefixed name. */
  private node(): N {
    const { text } = this;
    if (text.charCodeAt(this.pos) === 60 /* < */) {
      const iri = this.fullIri();
      const space = this.byLength!.find((s) => iri.startsWith(s.iri))!;
      return this.named(space, iri.slice(space.iri.length));
    }
    const start = this.pos;
    const colon = this.prefixEnd(start);
    const end = this.nameEnd(colon);
    const space = this.spaceOf(start, colon);
    this.pos = end;
    if (space.longer.length > 0) return this.named(space, text.slice(colon + 1, end));
    return this.nodes.get(space.index, text, colon + 1, end, this.hash) ?? this.added(space, text.slice(colon + 1, end), this.hash);
  }

  /** The node of `space.iri + local`, in the longest namespace that holds it. */
  private named(space: Space, local: string): N {
    for (const longer of space.longer) {
      const rest = longer.iri.slice(space.iri.length);
      if (local.startsWith(rest)) return this.named(longer, local.slice(rest.length));
    }
    const hash = hashOf(local, 0, local.length, SEED);
    return this.nodes.get(space.index, local, 0, local.length, hash) ?? this.added(space, local, hash);
  }

  private added(space: Space, local: string, hash: number): N {
    const node = this.handler.node(space.iri, local);
    this.nodes.add(space.index, local, hash, node);
    return node;
  }

  /** The namespace of the prefix written between `start` and `colon`. */
  private spaceOf(start: number, colon: number): Space {
    for (const p of this.prefixes[colon - start] ?? []) if (this.text.startsWith(p.name, start)) return p.space;
    throw NOT_OWN;
  }

  /**
   * Where the local name after the colon ends, its trailing dots left out (they end the statement), and its hash
   * into {@link hash}.
   */
  private nameEnd(colon: number): number {
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

  /** A predicate or a datatype: `a`, `<iri>` or a prefixed name, as an IRI (the same string each time). */
  private verb(): string {
    const { text } = this;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (c === 97 /* a */ && isSpace(text.charCodeAt(start + 1))) {
      this.pos++;
      return T.type;
    }
    if (c === 60) return this.fullIri();
    const colon = this.prefixEnd(start);
    const end = this.nameEnd(colon);
    const space = this.spaceOf(start, colon);
    let iri = this.names.get(space.index, text, colon + 1, end, this.hash);
    if (iri === undefined) {
      const local = text.slice(colon + 1, end);
      this.names.add(space.index, local, this.hash, (iri = space.iri + local));
    }
    this.pos = end;
    return iri;
  }

  /** `<iri>`: absolute, without escapes, not a misspelt `http`. */
  private fullIri(): string {
    const { text } = this;
    const end = text.indexOf(">", this.pos);
    if (text.charCodeAt(this.pos) !== 60 || end < 0) throw NOT_OWN;
    const iri = text.slice(this.pos + 1, end);
    if (IRI_FORBIDDEN.test(iri) || !ABSOLUTE.test(iri) || misspeltScheme(iri) !== undefined) throw NOT_OWN;
    this.pos = end + 1;
    return iri;
  }

  private object(subject: N, slot: number): void {
    const { text, handler } = this;
    const c = text.charCodeAt(this.pos);
    if (c === QUOTE) return this.string(subject, slot);
    if ((c >= 48 && c <= 57) || c === 43 || c === 45) return this.number(subject, slot);
    if ((c === 116 || c === 102) && this.keyword(subject, slot)) return;
    if (slot === -1) {
      if (c === 60) this.fullIri();
      else {
        const colon = this.prefixEnd(this.pos);
        const end = this.nameEnd(colon);
        this.spaceOf(this.pos, colon);
        this.pos = end;
      }
      return;
    }
    handler.iri(subject, slot, this.node());
  }

  /** `true` or `false`, when the word is one. */
  private keyword(subject: N, slot: number): boolean {
    const { text } = this;
    const word = text.startsWith("true", this.pos) ? "true" : text.startsWith("false", this.pos) ? "false" : undefined;
    if (word === undefined) return false;
    const next = text.charCodeAt(this.pos + word.length);
    // A prefixed name (true:x) or a longer word; "true." ends a statement.
    if (next !== DOT && next < 128 && (NAME[next] === 1 || next === 37)) return false;
    this.pos += word.length;
    if (slot !== -1) this.handler.literal(subject, slot, word, "", XSD.boolean);
    return true;
  }

  /** An integer, or a double with an exponent (a decimal such as `1.5` is left to n3). */
  private number(subject: N, slot: number): void {
    const { text } = this;
    const start = this.pos;
    let i = start;
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
    if (slot !== -1) this.handler.literal(subject, slot, text.slice(start, i), "", datatype);
  }

  /** `"..."`, `"..."@tag` or `"..."^^datatype`. */
  private string(subject: N, slot: number): void {
    const { text } = this;
    const start = this.pos + 1;
    if (text.charCodeAt(start) === QUOTE && text.charCodeAt(start + 1) === QUOTE) throw NOT_OWN; // a long string
    let end = text.indexOf('"', start);
    if (end < 0) throw NOT_OWN;
    let value = text.slice(start, end);
    if (SPECIAL_IN_STRING.test(value)) ({ value, end } = this.escaped(start)); // raw line breaks throw there
    this.pos = end + 1;
    let language = "";
    let datatype: string = XSD.string;
    const after = text.charCodeAt(this.pos);
    if (after === 64 /* @ */) {
      LANGUAGE.lastIndex = this.pos + 1;
      const m = LANGUAGE.exec(text);
      if (m === null) throw NOT_OWN;
      this.pos += 1 + m[0].length;
      language = m[0];
      datatype = XSD.langString;
    } else if (after === 94 /* ^ */) {
      if (text.charCodeAt(this.pos + 1) !== 94) throw NOT_OWN;
      this.pos += 2;
      datatype = this.verb();
      if (datatype === T.type || datatype === XSD.langString || datatype === NS.rdf + "dirLangString") throw NOT_OWN;
    }
    if (slot !== -1) this.handler.literal(subject, slot, value, language, datatype);
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

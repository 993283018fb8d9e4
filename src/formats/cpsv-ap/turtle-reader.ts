import { hashOf, NameTable } from "./name-table.js";
import { COLON, DOT, HASH, isSpace, OffFastPath, QUOTE, SEED, TurtleLexer } from "./turtle-lexer.js";
import { NS, T, XSD } from "./vocabulary.js";

export { OffFastPath } from "./turtle-lexer.js";

/**
 * Reads the Turtle subset govgraph writes (turtle-writer.ts) without n3, several times faster on a large model:
 * `@prefix` lines, then statements `subject verb object, object; verb object.` of prefixed names and absolute
 * IRIs, one-line strings (with a language tag or a datatype), integers, doubles and booleans, white space and
 * comments anywhere. Whatever else it meets (a blank node, a collection, a long or single-quoted string, a
 * relative or empty IRI, a misspelt `http`, `@base`, a prefix declared after the first statement, a syntax
 * error) throws {@link OffFastPath}, and the caller reads the document with n3 instead: what this accepts, it
 * reads as n3 does (a differential test checks it on generated and edited documents).
 *
 * Each IRI is looked up once per occurrence, by its namespace (the longest declared namespace it starts with) and
 * its local name, in the text (name-table.ts): no IRI string is built, hashed or collected per occurrence; the
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

const NOT_OWN = new OffFastPath("not in the Turtle subset govgraph writes");

/** Reads a document of the subset, giving each triple to the handler; throws {@link OffFastPath} on anything else. @internal */
export function readTurtleSubset<N>(text: string, handler: TripleHandler<N>): void {
  new Scanner(text, handler).read();
}

/** A namespace: its number in the tables, and the declared namespaces that extend it (`ex:` and `exb:` = `ex:b`). */
interface Space {
  readonly index: number;
  readonly iri: string;
  longer: Space[];
}

class Scanner<N> extends TurtleLexer {
  /** Declared prefixes by the length of their name. */
  private readonly prefixes: { name: string; space: Space }[][] = [];
  private readonly spaces = new Map<string, Space>([["", { index: 0, iri: "", longer: [] }]]);
  /** Namespaces, longest first, for IRIs written in full. */
  private byLength: Space[] | undefined;
  /** The nodes by namespace and local name. */
  private readonly nodes = new NameTable<N>();
  /** Predicate and datatype IRIs by namespace and local name. */
  private readonly names = new NameTable<string>();

  constructor(
    text: string,
    private readonly handler: TripleHandler<N>,
  ) {
    super(text);
  }

  read(): void {
    const { text } = this;
    for (this.space(); this.pos < text.length; this.space()) {
      if (text.charCodeAt(this.pos) === 64 /* @ */) this.prefix();
      else this.statement();
    }
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

  private object(subject: N, slot: number): void {
    const { text, handler } = this;
    const c = text.charCodeAt(this.pos);
    if (c === QUOTE) return this.string(subject, slot);
    if ((c >= 48 && c <= 57) || c === 43 || c === 45) return this.numeric(subject, slot);
    if ((c === 116 || c === 102) && this.boolean(subject, slot)) return;
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
  private boolean(subject: N, slot: number): boolean {
    const word = this.keyword();
    if (word !== undefined && slot !== -1) this.handler.literal(subject, slot, word, "", XSD.boolean);
    return word !== undefined;
  }

  /** An integer or a double. */
  private numeric(subject: N, slot: number): void {
    const start = this.pos;
    const datatype = this.number();
    if (slot !== -1) this.handler.literal(subject, slot, this.text.slice(start, this.pos), "", datatype);
  }

  /** `"..."`, `"..."@tag` or `"..."^^datatype`. */
  private string(subject: N, slot: number): void {
    const { text } = this;
    const value = this.quoted();
    let language = "";
    let datatype: string = XSD.string;
    const after = text.charCodeAt(this.pos);
    if (after === 64 /* @ */) {
      language = this.languageTag();
      datatype = XSD.langString;
    } else if (after === 94 /* ^ */) {
      if (text.charCodeAt(this.pos + 1) !== 94) throw NOT_OWN;
      this.pos += 2;
      datatype = this.verb();
      if (datatype === T.type || datatype === XSD.langString || datatype === NS.rdf + "dirLangString") throw NOT_OWN;
    }
    if (slot !== -1) this.handler.literal(subject, slot, value, language, datatype);
  }
}

import type { TripleSink } from "./sink.js";
import { NS, XSD } from "./vocabulary.js";

// PN_LOCAL of the Turtle grammar (characters outside the BMP left out: encoded ids are ASCII).
const LOCAL_START = "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD_:0-9";
const LOCAL_CHAR = `${LOCAL_START}\\-\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
const PERCENT = "%[0-9A-Fa-f]{2}";
// eslint-disable-next-line no-misleading-character-class -- code point ranges of the Turtle grammar, not glyphs
const LOCAL_NAME = new RegExp(`^(?:(?:[${LOCAL_START}]|${PERCENT})(?:(?:[${LOCAL_CHAR}.]|${PERCENT})*(?:[${LOCAL_CHAR}]|${PERCENT}))?)?$`);
/* eslint-disable no-control-regex -- these match the control characters Turtle must escape */
const STRING_ESCAPES = /["\\\u0000-\u001f]/g;
const IRI_ESCAPE = /[\u0000-\u0020<>"{}|^`\\]/g;
const STRING_ESCAPE = /["\\\u0000-\u001f]/;
/* eslint-enable no-control-regex */
const ESCAPES: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };
const uchar = (c: string) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
const BARE: Record<string, RegExp> = {
  [XSD.integer]: /^[+-]?\d+$/,
  [XSD.boolean]: /^(true|false)$/,
  [XSD.double]: /^[+-]?(?:\d+\.\d*|\.?\d+)[eE][+-]?\d+$/,
};

/** Pieces joined into one block of the document. */
const BLOCK = 4096;

/**
 * Writes Turtle text directly: a subject's triples grouped with `;`, a predicate's objects with `,`, IRIs as
 * prefixed names wherever the local part is a valid Turtle name (`service:a%2Fb:channel:0`), numbers and booleans
 * bare. n3's Writer shortens only plain local names and costs most of an export at a few million triples; what
 * this writes is read back by n3's parser in every round-trip test.
 * @internal
 */
export class TurtleWriter implements TripleSink {
  /** The pieces written since the last block. */
  private chunks: string[] = [];
  /** The document so far, in blocks of {@link BLOCK} pieces joined. */
  private readonly blocks: string[] = [];
  private readonly namespaces: [string, string][];
  private readonly shortened = new Map<string, string>();
  private readonly objects = new Map<string, string>();
  private subject: string | undefined;
  private predicate = "";

  constructor(
    prefixes: Record<string, string>,
    private readonly language: string,
  ) {
    this.namespaces = Object.entries(prefixes)
      .map(([prefix, iri]) => [iri, prefix] as [string, string])
      .sort((a, b) => b[0].length - a[0].length);
    for (const [prefix, iri] of Object.entries(prefixes)) this.chunks.push(`@prefix ${prefix}: ${this.fullIri(iri)}.\n`);
    this.chunks.push("\n");
  }

  private fullIri(iri: string): string {
    return `<${iri.replace(IRI_ESCAPE, uchar)}>`;
  }

  /** A prefixed name when the IRI has one, else `<iri>`; vocabulary terms are looked up once. */
  private name(iri: string): string {
    for (const [namespace, prefix] of this.namespaces) {
      if (!iri.startsWith(namespace)) continue;
      const local = iri.slice(namespace.length);
      if (LOCAL_NAME.test(local)) return `${prefix}:${local}`;
      break;
    }
    return this.fullIri(iri);
  }

  private term(iri: string): string {
    let name = this.shortened.get(iri);
    if (name === undefined) this.shortened.set(iri, (name = iri === NS.rdf + "type" ? "a" : this.name(iri)));
    return name;
  }

  // Pieces go into an array, joined a block at a time: concatenating them would build millions of intermediate
  // strings for the collector, and one array of every piece (tens of millions on a province) costs more to grow and
  // to join than the whole rest of the export.
  private add(subject: string, predicate: string, object: string): void {
    const chunks = this.chunks;
    if (subject === this.subject) {
      if (predicate === this.predicate) chunks.push(", ", object);
      else chunks.push(";\n    ", this.term(predicate), " ", object);
    } else {
      if (this.subject !== undefined) chunks.push(".\n");
      if (chunks.length >= BLOCK) this.flush();
      this.chunks.push(this.name(subject), " ", this.term(predicate), " ", object);
      this.subject = subject;
    }
    this.predicate = predicate;
  }

  private flush(): void {
    this.blocks.push(this.chunks.join(""));
    this.chunks = [];
  }

  iri(subject: string, predicate: string, object: string): void {
    // Objects are mostly records pointed to again and again (departments, functions, concepts).
    let name = this.objects.get(object);
    if (name === undefined) this.objects.set(object, (name = this.name(object)));
    this.add(subject, predicate, name);
  }

  lit(subject: string, predicate: string, value: string, datatype?: string): void {
    const quoted = `"${STRING_ESCAPE.test(value) ? value.replace(STRING_ESCAPES, uchar) : value}"`;
    if (datatype === undefined || datatype === XSD.string) this.add(subject, predicate, quoted);
    else this.add(subject, predicate, BARE[datatype]?.test(value) ? value : `${quoted}^^${this.term(datatype)}`);
  }

  text(subject: string, predicate: string, value: string): void {
    this.add(subject, predicate, `"${STRING_ESCAPE.test(value) ? value.replace(STRING_ESCAPES, uchar) : value}"@${this.language}`);
  }

  /** The Turtle document. */
  end(): string {
    if (this.subject !== undefined) this.chunks.push(".\n");
    this.flush();
    return this.blocks.join("");
  }
}

import { DataFactory, Writer, type Literal, type NamedNode } from "n3";
import { NS, XSD } from "./vocabulary.js";

/**
 * Where the writer puts its triples: one subject's triples come together, subjects in the order written, so
 * the Turtle groups them with `;` and the output is deterministic.
 * @internal
 */
export interface TripleSink {
  /** A triple whose object is an IRI. */
  iri(subject: string, predicate: string, object: string): void;
  /** A triple whose object is a literal (`xsd:string` when no datatype is given). */
  lit(subject: string, predicate: string, value: string, datatype?: string): void;
  /** A triple whose object is a text in the document's language. */
  text(subject: string, predicate: string, value: string): void;
}

/** The prefixes written in the Turtle header and the JSON-LD context. @internal */
export const PREFIXES: Record<string, string> = { ...NS };

// PN_LOCAL as n3's Writer checks it for a name given already prefixed (characters outside the BMP left out).
const LOCAL_START = "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD_:0-9";
const LOCAL_CHAR = `${LOCAL_START}\\-\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
const PERCENT = "%[0-9A-Fa-f]{2}";
// eslint-disable-next-line no-misleading-character-class -- code point ranges of the Turtle grammar, not glyphs
const LOCAL_NAME = new RegExp(`^(?:(?:[${LOCAL_START}]|${PERCENT})(?:(?:[${LOCAL_CHAR}.]|${PERCENT})*(?:[${LOCAL_CHAR}]|${PERCENT}))?)?$`);

/**
 * Writes Turtle through n3's Writer. n3 shortens an IRI to a prefixed name only when its local part is plain
 * letters, digits, `-` and `_`; our IRIs hold `%`-escapes and `:` (`service:a%2Fb:channel:0`), so the sink gives
 * n3 the prefixed name itself when the local part is a valid Turtle name (n3 then writes it as it is).
 * @internal
 */
export class TurtleSink implements TripleSink {
  private readonly writer: Writer;
  private readonly namespaces: [string, string][];
  private readonly terms = new Map<string, NamedNode>();
  private subject = "";
  private subjectTerm: NamedNode = DataFactory.namedNode("");
  private readonly string: NamedNode;
  private readonly langTerm: string;

  private readonly chunks: string[] = [];

  constructor(prefixes: Record<string, string>, language: string) {
    // Chunks joined once at the end: n3's own string output grows one long concatenation.
    const chunks = this.chunks;
    const output = { write: (chunk: string) => void chunks.push(chunk), end: (done?: () => void) => done?.() };
    this.writer = new Writer(output as never, { prefixes, format: "text/turtle" });
    this.namespaces = Object.entries(prefixes)
      .map(([prefix, iri]) => [iri, prefix] as [string, string])
      .sort((a, b) => b[0].length - a[0].length);
    this.string = this.term(XSD.string);
    this.langTerm = language;
  }

  private term(iri: string): NamedNode {
    let term = this.terms.get(iri);
    if (term === undefined) {
      term = DataFactory.namedNode(iri);
      this.terms.set(iri, term);
    }
    return term;
  }

  /** The prefixed name of an IRI when one can be written, else the IRI. */
  private short(iri: string): string {
    for (const [namespace, prefix] of this.namespaces) {
      if (!iri.startsWith(namespace)) continue;
      const local = iri.slice(namespace.length);
      return LOCAL_NAME.test(local) ? `${prefix}:${local}` : iri;
    }
    return iri;
  }

  private subjectOf(iri: string): NamedNode {
    if (iri !== this.subject) {
      this.subject = iri;
      this.subjectTerm = DataFactory.namedNode(this.short(iri));
    }
    return this.subjectTerm;
  }

  iri(subject: string, predicate: string, object: string): void {
    this.writer.addQuad(this.subjectOf(subject), this.term(predicate), DataFactory.namedNode(this.short(object)));
  }

  lit(subject: string, predicate: string, value: string, datatype?: string): void {
    const literal: Literal = DataFactory.literal(value, datatype === undefined ? this.string : this.term(datatype));
    this.writer.addQuad(this.subjectOf(subject), this.term(predicate), literal);
  }

  text(subject: string, predicate: string, value: string): void {
    this.writer.addQuad(this.subjectOf(subject), this.term(predicate), DataFactory.literal(value, this.langTerm));
  }

  /** The Turtle document. */
  end(): string {
    this.writer.end();
    return this.chunks.join("");
  }
}

/** An expanded JSON-LD node object. @internal */
export type JsonLdNode = { "@id": string; "@type"?: string[] } & Record<string, unknown>;

/** Collects expanded JSON-LD node objects, one per subject, in the order written. @internal */
export class JsonLdSink implements TripleSink {
  readonly nodes: JsonLdNode[] = [];
  private readonly byId = new Map<string, JsonLdNode>();

  constructor(private readonly language: string) {}

  private node(id: string): JsonLdNode {
    let node = this.byId.get(id);
    if (node === undefined) {
      node = { "@id": id };
      this.byId.set(id, node);
      this.nodes.push(node);
    }
    return node;
  }

  private push(subject: string, predicate: string, value: unknown): void {
    const node = this.node(subject);
    const list = node[predicate] as unknown[] | undefined;
    if (list === undefined) node[predicate] = [value];
    else list.push(value);
  }

  iri(subject: string, predicate: string, object: string): void {
    if (predicate === NS.rdf + "type") {
      const node = this.node(subject);
      (node["@type"] ??= []).push(object);
    } else this.push(subject, predicate, { "@id": object });
  }

  lit(subject: string, predicate: string, value: string, datatype?: string): void {
    // rdf:JSON stays a typed string: as "@json" it would come back with its keys sorted (JCS).
    this.push(subject, predicate, datatype === undefined || datatype === XSD.string ? { "@value": value } : { "@value": value, "@type": datatype });
  }

  text(subject: string, predicate: string, value: string): void {
    this.push(subject, predicate, { "@value": value, "@language": this.language });
  }
}

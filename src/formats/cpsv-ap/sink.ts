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

/** Writes Turtle through n3's Writer. @internal */
export class TurtleSink implements TripleSink {
  private readonly writer: Writer;
  private readonly terms = new Map<string, NamedNode>();
  private subject = "";
  private subjectTerm: NamedNode = DataFactory.namedNode("");
  private readonly string: NamedNode;
  private readonly langTerm: string;

  constructor(prefixes: Record<string, string>, language: string) {
    this.writer = new Writer({ prefixes, format: "text/turtle" });
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

  private subjectOf(iri: string): NamedNode {
    if (iri !== this.subject) {
      this.subject = iri;
      this.subjectTerm = DataFactory.namedNode(iri);
    }
    return this.subjectTerm;
  }

  iri(subject: string, predicate: string, object: string): void {
    this.writer.addQuad(this.subjectOf(subject), this.term(predicate), DataFactory.namedNode(object));
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
    let out = "";
    this.writer.end((error, result: string) => {
      if (error) throw error;
      out = result;
    });
    return out;
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

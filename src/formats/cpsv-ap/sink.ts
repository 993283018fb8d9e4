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

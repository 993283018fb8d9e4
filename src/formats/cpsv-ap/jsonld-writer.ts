import type { JsonLdNode } from "./sink.js";

/**
 * Compacts the expanded node objects toCpsvAp writes with a context of prefixes, giving what jsonld.js's
 * `compact` gives for them (a test compares the two), at the cost of one pass: jsonld.js compacts node by node
 * through its general machinery and took minutes on a province. Its rules, for this input: each node's keys in
 * the order of their expanded IRIs (`@id` and `@type` first); an IRI becomes the shortest compact IRI
 * (`prefix:rest`, the least of equal length) whose prefix is a proper start of it, else stays whole; one value is
 * written alone, several as an array; a plain string value is a string, a value with a language or a type an
 * object (`@language` tags lowercased, as expansion does). `undefined` when the input strays from what this
 * covers (an IRI equal to a prefix's, one that looks like a compact IRI, a graph of fewer than two nodes): the
 * caller then uses jsonld.js.
 * @internal
 */
export function compactNodes(nodes: readonly JsonLdNode[], context: Record<string, string>): { "@context": Record<string, string>; "@graph": unknown[] } | undefined {
  if (nodes.length < 2) return undefined;
  const compactor = new Compactor(context);
  try {
    return { "@context": context, "@graph": nodes.map((node) => compactor.node(node)) };
  } catch (error) {
    if (error === UNSURE) return undefined;
    throw error;
  }
}

const UNSURE = new Error("not a case compactNodes covers");

interface ValueObject {
  "@id"?: string;
  "@value"?: string;
  "@language"?: string;
  "@type"?: string;
}

class Compactor {
  private readonly prefixes: [string, string][];
  private readonly iris = new Set<string>();
  private readonly compacted = new Map<string, string>();

  constructor(context: Record<string, string>) {
    this.prefixes = Object.entries(context);
    for (const iri of Object.values(context)) this.iris.add(iri);
  }

  /** The compact form of an IRI (the same as a vocabulary term or as an `@id`: no prefix's IRI is written whole). */
  iri(iri: string): string {
    let compact = this.compacted.get(iri);
    if (compact === undefined) {
      if (this.iris.has(iri)) throw UNSURE; // jsonld.js would write the prefix's name where a term is allowed
      for (const [prefix, namespace] of this.prefixes) {
        if (iri.length <= namespace.length || !iri.startsWith(namespace)) continue;
        const candidate = `${prefix}:${iri.slice(namespace.length)}`;
        if (compact === undefined || candidate.length < compact.length || (candidate.length === compact.length && candidate < compact)) compact = candidate;
      }
      if (compact === undefined) {
        // jsonld.js refuses an IRI that would read back as a compact IRI
        if (this.prefixes.some(([prefix]) => iri.startsWith(prefix + ":"))) throw UNSURE;
        compact = iri;
      }
      this.compacted.set(iri, compact);
    }
    return compact;
  }

  node(node: JsonLdNode): Record<string, unknown> {
    const out: Record<string, unknown> = { "@id": this.iri(node["@id"]) };
    const types = node["@type"];
    if (types !== undefined && types.length > 0) out["@type"] = types.length === 1 ? this.iri(types[0]!) : types.map((t) => this.iri(t));
    for (const key of Object.keys(node).sort()) {
      if (key === "@id" || key === "@type") continue;
      const values = (node[key] as ValueObject[]).map((v) => this.value(v));
      out[this.iri(key)] = values.length === 1 ? values[0] : values;
    }
    return out;
  }

  private value(v: ValueObject): unknown {
    if (v["@id"] !== undefined) return { "@id": this.iri(v["@id"]) };
    if (v["@language"] !== undefined) return { "@language": v["@language"].toLowerCase(), "@value": v["@value"] };
    if (v["@type"] !== undefined) return { "@type": this.iri(v["@type"]), "@value": v["@value"] };
    return v["@value"];
  }
}

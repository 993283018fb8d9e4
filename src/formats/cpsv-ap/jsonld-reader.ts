import { misspeltScheme } from "./lint.js";
import { OffFastPath } from "./turtle-lexer.js";
import type { TripleHandler } from "./turtle-reader.js";
import { NS, T, XSD } from "./vocabulary.js";

/**
 * Reads the JSON-LD govgraph writes (toCpsvAp: a context of prefixes, then a `@graph` of flat node objects)
 * without jsonld.js, giving each triple to a handler as turtle-reader.ts does: node objects with an `@id` and
 * `@type`, properties named by compact IRIs, values that are plain strings, `{"@id"}`, `{"@value", "@language"}`
 * or `{"@value", "@type"}`, alone or in arrays. Each triple is what jsonld.js's `toRDF` makes of it (language
 * tags lowercased, `xsd:double` values in canonical form). Whatever else it meets (another context entry, a
 * keyword it does not know, a nested node, a blank node, a number, a relative IRI) throws {@link OffFastPath},
 * and the caller reads the document with jsonld.js.
 * @internal
 */

const NOT_OWN = new OffFastPath("not in the JSON-LD govgraph writes");
const PREFIX_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
// eslint-disable-next-line no-control-regex -- what an IRI must not hold
const IRI_FORBIDDEN = /[\u0000-\u0020<>"{}|^`\\]/;
const ABSOLUTE = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
const LANGUAGE = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;
const TYPE = T.type;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** Reads a document of the subset, giving each triple to the handler; throws {@link OffFastPath} on anything else. @internal */
export function readJsonLdSubset<N>(text: string, handler: TripleHandler<N>): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const split = splitDocument(body);
  if (split !== undefined) {
    const scanner = new JsonLdScanner(prefixesOf(split.context), handler);
    for (const node of split.nodes) scanner.nodeObject(parsed(node));
    return;
  }
  const document = parsed(body);
  if (!isObject(document) || Object.keys(document).length !== 2 || !isObject(document["@context"]) || !Array.isArray(document["@graph"])) throw NOT_OWN;
  new JsonLdScanner(prefixesOf(document["@context"]), handler).graph(document["@graph"]);
}

function parsed(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (isObject(value)) return value;
  } catch {
    // the general reader says where
  }
  throw NOT_OWN;
}

const GRAPH_OPENS = '\n  },\n  "@graph": [\n';
const NODE_CLOSES = "\n    }";

/**
 * The document as toCpsvAp lays it out (`JSON.stringify` with an indent of 2): its context, and the text of each
 * node object of its graph, to be parsed one at a time (the parsed nodes are then short-lived, which spares the
 * collector the whole tree). A raw line break only ever separates tokens, so a node ends at the first line break
 * followed by four spaces and `}`. `undefined` for another layout: the document is then parsed whole.
 */
function splitDocument(text: string): { context: Record<string, unknown>; nodes: Iterable<string> } | undefined {
  const open = text.indexOf(GRAPH_OPENS);
  if (!text.startsWith('{\n  "@context": {') || open < 0) return undefined;
  let header: Record<string, unknown>;
  try {
    header = parsed(text.slice(0, open + 4) + "}");
  } catch {
    return undefined;
  }
  if (Object.keys(header).length !== 1 || !isObject(header["@context"])) return undefined;
  const nodes: string[] = [];
  for (let at = open + GRAPH_OPENS.length; ; ) {
    const end = text.indexOf(NODE_CLOSES, at);
    if (!text.startsWith("    {", at) || end < 0) return undefined;
    nodes.push(text.slice(at, end + NODE_CLOSES.length));
    at = end + NODE_CLOSES.length;
    if (text.startsWith(",\n", at)) at += 2;
    else if (text.startsWith("\n  ]\n}", at) && /^[ \t\n\r]*$/.test(text.slice(at + 6))) return { context: header["@context"], nodes };
    else return undefined;
  }
}

/** The context's prefixes: each a plain name for an absolute IRI ending with `/`, `#` or `:`. */
function prefixesOf(context: Record<string, unknown>): Map<string, string> {
  const prefixes = new Map<string, string>();
  for (const [name, iri] of Object.entries(context)) {
    if (!PREFIX_NAME.test(name) || typeof iri !== "string" || !/[/#:]$/.test(iri) || !isAbsolute(iri)) throw NOT_OWN;
    prefixes.set(name, iri);
  }
  return prefixes;
}

function isAbsolute(iri: string): boolean {
  return ABSOLUTE.test(iri) && !IRI_FORBIDDEN.test(iri) && misspeltScheme(iri) === undefined;
}

/** `xsd:double` as jsonld.js's `toRDF` writes it: `1.5E0`. */
function canonicalDouble(lexical: string): string {
  return parseFloat(lexical)
    .toExponential(15)
    .replace(/(\d)0*e\+?/, "$1E");
}

/** The number of keys of an object, without making the array of them. */
function keyCount(object: object): number {
  let n = 0;
  for (const key in object) if (Object.hasOwn(object, key)) n++;
  return n;
}

class JsonLdScanner<N> {
  /** Full IRIs by the compact IRI written. */
  private readonly iris = new Map<string, string>();
  /** Nodes by their full IRI, and by the name written (one lookup for a name seen before). */
  private readonly nodes = new Map<string, N>();
  private readonly named = new Map<string, N>();

  constructor(
    private readonly prefixes: Map<string, string>,
    private readonly handler: TripleHandler<N>,
  ) {}

  /** Reads the node objects, letting go of each once read (the parsed document is the reader's own). */
  graph(nodes: unknown[]): void {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (!isObject(node)) throw NOT_OWN;
      this.nodeObject(node);
      nodes[i] = null;
    }
  }

  /**
   * The IRI a compact IRI of a property or datatype stands for, remembered: the few of them recur on every node.
   * Node names are expanded once each, by {@link node}, without this table.
   */
  private expand(name: unknown): string {
    let iri = this.iris.get(name as string);
    if (iri === undefined) this.iris.set(name as string, (iri = this.expanded(name)));
    return iri;
  }

  /** The IRI a compact IRI or an absolute IRI stands for (terms, blank nodes and relative IRIs are not in the subset). */
  private expanded(name: unknown): string {
    if (typeof name !== "string") throw NOT_OWN;
    const colon = name.indexOf(":");
    if (colon <= 0) throw NOT_OWN;
    const namespace = name.startsWith("//", colon + 1) ? undefined : this.prefixes.get(name.slice(0, colon));
    if (namespace === undefined) {
      if (name.startsWith("_:") || name.startsWith("@") || !isAbsolute(name)) throw NOT_OWN;
      return name;
    }
    // The namespace is an absolute IRI (see prefixesOf), whose scheme is the expansion's: only the rest is checked.
    const local = name.slice(colon + 1);
    if (IRI_FORBIDDEN.test(local)) throw NOT_OWN;
    return namespace + local;
  }

  private node(name: unknown): N {
    let node = this.named.get(name as string);
    if (node === undefined) {
      const iri = this.expanded(name);
      node = this.nodes.get(iri);
      if (node === undefined) this.nodes.set(iri, (node = this.handler.node(iri, "")));
      this.named.set(name as string, node);
    }
    return node;
  }

  nodeObject(object: Record<string, unknown>): void {
    const subject = this.node(object["@id"]);
    const types = object["@type"];
    if (types === undefined) throw NOT_OWN;
    const slot = this.handler.predicate(subject, TYPE);
    for (const type of Array.isArray(types) ? types : [types]) this.handler.iri(subject, slot, this.node(type));
    for (const key in object) {
      if (key === "@id" || key === "@type") continue;
      if (key.startsWith("@")) throw NOT_OWN;
      const slot = this.handler.predicate(subject, this.expand(key));
      const values = object[key];
      if (Array.isArray(values)) for (const value of values) this.value(subject, slot, value);
      else this.value(subject, slot, values);
    }
  }

  private value(subject: N, slot: number, value: unknown): void {
    if (typeof value === "string") return this.literal(subject, slot, value, "", XSD.string);
    if (!isObject(value)) throw NOT_OWN;
    const size = keyCount(value);
    const id = value["@id"];
    if (id !== undefined && size === 1) {
      if (slot === -1) this.expanded(id);
      else this.handler.iri(subject, slot, this.node(id));
      return;
    }
    const lexical = value["@value"];
    if (size !== 2 || typeof lexical !== "string") throw NOT_OWN;
    const language = value["@language"];
    if (typeof language === "string" && LANGUAGE.test(language)) return this.literal(subject, slot, lexical, language.toLowerCase(), XSD.langString);
    const datatype = this.expand(value["@type"]);
    if (datatype === XSD.langString || datatype === NS.rdf + "dirLangString") throw NOT_OWN;
    this.literal(subject, slot, datatype === XSD.double ? canonicalDouble(lexical) : lexical, "", datatype);
  }

  private literal(subject: N, slot: number, value: string, language: string, datatype: string): void {
    if (slot !== -1) this.handler.literal(subject, slot, value, language, datatype);
  }
}

/**
 * GraphML
 * =======
 * Writes the model's graph (`toGraph`) as GraphML (http://graphml.graphdrawing.org/), the XML graph format that
 * networkx, igraph, Cytoscape, yEd and Gephi read. graphology's own GraphML package only parses, so this is a
 * small writer of our own: typed `<key>`s (`boolean`, `long`, `double`, `string`) inferred from the attributes,
 * then nodes and edges, produced as a lazy sequence of chunks so that a large graph never becomes one string.
 * @module
 */
import type { Attributes } from "graphology-types";
import type Graph from "graphology-types";
import { GovGraphError } from "../errors.js";
import { toGraph } from "../graph/to-graph.js";
import { resolveOptions } from "../options.js";
import type { Model } from "../schemas/model.js";
import { requireModel } from "../model/require-model.js";

/** Options of {@link graphmlChunks}. */
export interface GraphMLOptions {
  /** Characters gathered before a chunk is yielded; the last chunk may be shorter. */
  chunkSize?: number;
}

/** Defaults of {@link graphmlChunks}. */
export const GRAPHML_DEFAULTS = { chunkSize: 1 << 16 } as const satisfies Required<GraphMLOptions>;

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are what this pattern finds
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- a quick test for any character the two functions below would change
const SPECIAL = /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

/** Text as XML 1.0 can carry it: characters XML forbids become U+FFFD. @internal */
export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, "\uFFFD");
}

/** Text escaped for an XML attribute value or element content (line breaks and tabs kept as character references). @internal */
export function xmlEscape(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return xmlSafe(text).replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c]!);
}

/** Throws when a node or edge key holds a character XML cannot carry: a key cannot be changed without changing the graph. @internal */
export function checkXmlKey(fn: string, key: string): void {
  INVALID_XML.lastIndex = 0;
  if (SPECIAL.test(key) && INVALID_XML.test(key)) {
    throw new GovGraphError("unsupported_format", `${fn}: the key ${JSON.stringify(key)} holds a character XML cannot carry (a control character or a lone surrogate). Rename that id in the model.`);
  }
}

type KeyType = "boolean" | "long" | "double" | "string";

function typeOf(value: unknown): KeyType | undefined {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isSafeInteger(value) ? "long" : "double";
  if (typeof value === "string") return "string";
  return undefined;
}

/** The attribute names of one domain (node, edge, graph) with the type all their values fit. */
function inferKeys(into: Map<string, KeyType>, attributes: Attributes): void {
  for (const name in attributes) {
    const type = typeOf(attributes[name]);
    if (type === undefined) continue;
    const known = into.get(name);
    if (known === undefined || known === type) into.set(name, type);
    else into.set(name, (known === "long" && type === "double") || (known === "double" && type === "long") ? "double" : "string");
  }
}

function data(ids: Map<string, string>, attributes: Attributes): string {
  let out = "";
  for (const name in attributes) {
    const value = attributes[name];
    if (typeOf(value) === undefined) continue;
    out += `<data key="${ids.get(name)}">${xmlEscape(String(value))}</data>`;
  }
  return out;
}

/** GraphML for any graphology graph, in chunks. @internal */
export function* writeGraphML(graph: Graph, chunkSize: number, fn = "graphmlChunks"): Generator<string, void, undefined> {
  const domains = { graph: new Map<string, KeyType>(), node: new Map<string, KeyType>(), edge: new Map<string, KeyType>() };
  inferKeys(domains.graph, graph.getAttributes());
  graph.forEachNode((key, attributes) => {
    checkXmlKey(fn, key);
    inferKeys(domains.node, attributes);
  });
  graph.forEachEdge((key, attributes) => {
    checkXmlKey(fn, key);
    inferKeys(domains.edge, attributes);
  });
  const ids = { graph: new Map<string, string>(), node: new Map<string, string>(), edge: new Map<string, string>() };
  let out =
    '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const domain of ["graph", "node", "edge"] as const) {
    for (const [name, type] of domains[domain]) {
      const id = `${domain[0]}${ids[domain].size}`;
      ids[domain].set(name, id);
      out += `  <key id="${id}" for="${domain}" attr.name="${xmlEscape(name)}" attr.type="${type}"/>\n`;
    }
  }
  out += `  <graph id="G" edgedefault="${graph.type === "undirected" ? "undirected" : "directed"}">\n`;
  const graphData = data(ids.graph, graph.getAttributes());
  if (graphData !== "") out += `    ${graphData}\n`;
  for (const { node, attributes } of graph.nodeEntries()) {
    out += `    <node id="${xmlEscape(node)}">${data(ids.node, attributes)}</node>\n`;
    if (out.length >= chunkSize) {
      yield out;
      out = "";
    }
  }
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    const direction = undirected && graph.type !== "undirected" ? ' directed="false"' : "";
    out += `    <edge id="${xmlEscape(edge)}" source="${xmlEscape(source)}" target="${xmlEscape(target)}"${direction}>${data(ids.edge, attributes)}</edge>\n`;
    if (out.length >= chunkSize) {
      yield out;
      out = "";
    }
  }
  yield out + "  </graph>\n</graphml>\n";
}

/**
 * The GraphML of the model's graph as a lazy sequence of chunks: node and edge attributes of `toGraph` as typed
 * `<key>`s, node ids `kind:id`, edge ids as `toGraph`'s keys. Join the chunks, or write each to a stream.
 * @example
 * for (const chunk of graphmlChunks(model)) if (!out.write(chunk)) await once(out, "drain");
 */
export function graphmlChunks(model: Model, options: GraphMLOptions = {}): Generator<string, void, undefined> {
  model = requireModel("graphmlChunks", model);
  const { chunkSize } = resolveOptions(GRAPHML_DEFAULTS, options, "graphmlChunks", {
    chunkSize: (v) => (typeof v === "number" && v >= 1 ? undefined : "must be a number >= 1"),
  });
  return writeGraphML(toGraph(model), chunkSize);
}

/**
 * The model's graph as one GraphML text, for networkx (`networkx.read_graphml`), igraph, Cytoscape or yEd.
 * @example
 * writeFileSync("county.graphml", toGraphML(exampleCounty));
 */
export function toGraphML(model: Model): string {
  model = requireModel("toGraphML", model);
  return [...writeGraphML(toGraph(model), GRAPHML_DEFAULTS.chunkSize, "toGraphML")].join("");
}

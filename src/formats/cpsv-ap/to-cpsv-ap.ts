/**
 * CPSV-AP export
 * ==============
 * Writes a model as CPSV-AP 3.2.0 (SEMICeu/CPSV-AP, releases/3.2.0) in Turtle (n3) or JSON-LD (jsonld.js),
 * conforming to the official SHACL shapes, with govgraph's extension namespace for what CPSV-AP has no term
 * for, so that `fromCpsvAp` gives the model back exactly. The mapping: docs/cpsv-ap.md.
 * @module
 */
import jsonld from "jsonld";
import { oneOf, resolveOptions } from "../../options.js";
import { requireModel } from "../../model/require-model.js";
import type { Model } from "../../schemas/model.js";
import { cpsvApDocumentLoader } from "./document-loader.js";
import { Iris } from "./iris.js";
import { compactNodes } from "./jsonld-writer.js";
import { JsonLdSink, type JsonLdNode, type TripleSink } from "./sink.js";
import { TurtleWriter } from "./turtle-writer.js";
import { CODE_LIST_PREFIXES } from "./mapping.js";
import { NS } from "./vocabulary.js";
import type { WriteContext } from "./write-context.js";
import { writeEvidenceTypes, writeNeeds, writeServicePoints, writeTravelCosts } from "./write-needs.js";
import { writeConcepts, writeDepartments, writeFunctions, writeModelNode, writeRegions, writeSegments } from "./write-records.js";
import { writeServices } from "./write-services.js";

/** Options of {@link toCpsvAp}. */
export interface ToCpsvApOptions {
  /** `"jsonld"` (default) or `"turtle"`. */
  format?: "jsonld" | "turtle";
  /** The IRI the records' IRIs start with (`<base>services/<id>`); ends with `/` or `#`. */
  base?: string;
  /** The language tag of every text (names, descriptions); default `"en"`. */
  language?: string;
}

/** Defaults of {@link toCpsvAp}. */
export const TO_CPSV_AP_DEFAULTS = { format: "jsonld", base: "https://example.org/govgraph/", language: "en" } as const satisfies Required<ToCpsvApOptions>;

const BASE = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>"{}|\\^`]*[/#:]$/;
const LANGUAGE_TAG = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;

/**
 * Writes a validated model as a CPSV-AP 3.2.0 document (Turtle or JSON-LD) that passes the official SHACL shapes.
 * The same model always gives the same bytes. Asynchronous because jsonld.js is.
 * @example
 * const turtle = await toCpsvAp(exampleCounty, { format: "turtle", base: "https://data.example.gov/" });
 * const { model } = await fromCpsvAp(turtle); // the same model
 */
export async function toCpsvAp(model: Model, options: ToCpsvApOptions = {}): Promise<string> {
  const fn = "toCpsvAp";
  const o = resolveOptions(TO_CPSV_AP_DEFAULTS as Required<ToCpsvApOptions>, options, fn, {
    format: oneOf(["jsonld", "turtle"]),
    base: (v) => (typeof v === "string" && BASE.test(v) ? undefined : `must be an absolute IRI ending with "/", "#" or ":", got ${JSON.stringify(v)}`),
    language: (v) => (typeof v === "string" && LANGUAGE_TAG.test(v) ? undefined : `must be a language tag such as "en" or "zh-Hans", got ${JSON.stringify(v)}`),
  });
  model = requireModel(fn, model);
  const iris = new Iris(o.base);
  if (o.format === "turtle") {
    const sink = new TurtleWriter({ ...NS, ...CODE_LIST_PREFIXES, ...iris.prefixes }, o.language);
    writeModel(sink, iris, o.language, model);
    return sink.end();
  }
  const sink = new JsonLdSink(o.language);
  writeModel(sink, iris, o.language, model);
  const context = { ...NS, ...iris.prefixes };
  const compacted = compactNodes(sink.nodes, context) ?? (await compactWithJsonLd(sink.nodes, context));
  return JSON.stringify(compacted, null, 2) + "\n";
}

/** What {@link compactNodes} gives, through jsonld.js: for what it does not cover, and for the tests that compare the two. @internal */
export function compactWithJsonLd(nodes: JsonLdNode[], context: Record<string, string>): Promise<object> {
  return jsonld.compact({ "@graph": nodes } as never, context as never, { documentLoader: cpsvApDocumentLoader as never });
}

/** Writes every record of the model into a sink, collection by collection. */
function writeModel(sink: TripleSink, iris: Iris, language: string, model: Model): void {
  const partners = new Set<string>();
  for (const service of model.services) for (const id of service.partnerIds ?? []) partners.add(id);
  const ctx: WriteContext = { sink, iris, language, concepts: new Map(), partners };
  writeModelNode(ctx, model);
  writeRegions(ctx, model);
  writeSegments(ctx, model);
  writeDepartments(ctx, model);
  writeFunctions(ctx, model);
  writeServices(ctx, model);
  writeNeeds(ctx, model);
  writeEvidenceTypes(ctx, model);
  writeServicePoints(ctx, model);
  writeTravelCosts(ctx, model);
  writeConcepts(ctx);
}

import type { Iris } from "./iris.js";
import { jsonLiteral, numberLiteral, wktPoint } from "./literals.js";
import { orderHint, sortedDistinct } from "./order.js";
import type { TripleSink } from "./sink.js";
import { T, XSD } from "./vocabulary.js";

/** A concept the document points to, written once at the end with its label. @internal */
export interface ConceptNode {
  label: string;
  scheme?: string;
  notation?: string;
}

/** What every record writer shares. @internal */
export interface WriteContext {
  sink: TripleSink;
  iris: Iris;
  /** The language tag of every text. */
  language: string;
  /** Concepts pointed to (channel kinds, statuses, COFOG codes, the partner role), by IRI. */
  concepts: Map<string, ConceptNode>;
  /** Departments that co-provide a service: also `foaf:Agent`s, as a participation's participant must be. */
  partners: Set<string>;
}

/** Order hints of one record's lists, written as one `gg:listOrder` JSON literal. @internal */
export type Hints = Record<string, number[]>;

/** Writes one triple per distinct value of an id list, and its order hint into `hints` when one is needed. @internal */
export function writeIdList(
  ctx: WriteContext,
  subject: string,
  predicate: string,
  ids: readonly string[] | undefined,
  iriOf: (id: string) => string,
  hints: Hints,
  field: string,
  optional = false,
): void {
  if (ids === undefined) return;
  for (const id of sortedDistinct(ids)) ctx.sink.iri(subject, predicate, iriOf(id));
  const hint = orderHint(ids, optional);
  if (hint !== undefined) hints[field] = hint;
}

/** Writes one literal per distinct string of a list (texts in the document's language, or plain strings), and its order hint. @internal */
export function writeTextList(
  ctx: WriteContext,
  subject: string,
  predicate: string,
  values: readonly string[] | undefined,
  hints: Hints,
  field: string,
  asText: boolean,
): void {
  if (values === undefined) return;
  for (const value of sortedDistinct(values)) {
    if (asText) ctx.sink.text(subject, predicate, value);
    else ctx.sink.lit(subject, predicate, value);
  }
  const hint = orderHint(values, true);
  if (hint !== undefined) hints[field] = hint;
}

/** Opens a record that has a title: its class, `dct:identifier` and `dct:title`. @internal */
export function writeTitled(ctx: WriteContext, subject: string, type: string, id: string, title: string): void {
  ctx.sink.iri(subject, T.type, type);
  ctx.sink.lit(subject, T.identifier, id);
  ctx.sink.text(subject, T.title, title);
}

/** Opens a record written as a concept of one of govgraph's schemes: identifier, label and definition. @internal */
export function writeConcept(ctx: WriteContext, subject: string, scheme: string, record: { id: string; name: string; description?: string | undefined }): void {
  const { sink } = ctx;
  sink.iri(subject, T.type, T.Concept);
  sink.iri(subject, T.inScheme, scheme);
  sink.lit(subject, T.identifier, record.id);
  sink.text(subject, T.prefLabel, record.name);
  if (record.description !== undefined) sink.text(subject, T.definition, record.description);
}

/** Writes a location as a WKT point (`locn:geometry`) when the record has one. @internal */
export function writeGeometry(ctx: WriteContext, subject: string, location: { lat: number; lon: number } | undefined): void {
  if (location === undefined) return;
  const wkt = wktPoint(location);
  ctx.sink.lit(subject, T.geometry, wkt.value, wkt.datatype);
}

/** Writes a number literal when the value is there. @internal */
export function writeNumber(ctx: WriteContext, subject: string, predicate: string, value: number | undefined): void {
  if (value === undefined) return;
  const { value: lexical, datatype } = numberLiteral(value);
  ctx.sink.lit(subject, predicate, lexical, datatype);
}

/** Writes a plain string literal when the value is there. @internal */
export function writeString(ctx: WriteContext, subject: string, predicate: string, value: string | undefined): void {
  if (value !== undefined) ctx.sink.lit(subject, predicate, value);
}

/** Writes a JSON literal when the value is there. @internal */
export function writeJson(ctx: WriteContext, subject: string, predicate: string, value: unknown): void {
  if (value === undefined) return;
  const { value: lexical, datatype } = jsonLiteral(value);
  ctx.sink.lit(subject, predicate, lexical, datatype);
}

/**
 * Writes a record's own data (`tags`, `attributes`) and then its order hints. Tags are `gg:tag` literals, or
 * texts of `tagPredicate` (a service's keywords).
 * @internal
 */
export function writeUserData(
  ctx: WriteContext,
  subject: string,
  record: { readonly tags?: readonly string[] | undefined; readonly attributes?: object | undefined },
  hints: Hints,
  tagPredicate?: string,
): void {
  if (tagPredicate === undefined) writeTextList(ctx, subject, T.tag, record.tags, hints, "tags", false);
  else writeTextList(ctx, subject, tagPredicate, record.tags, hints, "tags", true);
  writeJson(ctx, subject, T.attributes, record.attributes);
  if (Object.keys(hints).length > 0) ctx.sink.lit(subject, T.listOrder, JSON.stringify(hints), XSD.json);
}

/** Records a concept to write at the end. @internal */
export function useConcept(ctx: WriteContext, iri: string, concept: ConceptNode): string {
  if (!ctx.concepts.has(iri)) ctx.concepts.set(iri, concept);
  return iri;
}

/**
 * CPSV-AP import
 * ==============
 * Reads a CPSV-AP document (3.x, and the 2.x terms still in use) in Turtle (n3) or JSON-LD (jsonld.js, with the
 * bundled CPSV-AP context) onto a model. A document `toCpsvAp` wrote gives its model back exactly. The mapping,
 * and what another catalogue's document loses: docs/cpsv-ap.md.
 * @module
 */
import { GovGraphError } from "../../errors.js";
import { oneOf, resolveOptions } from "../../options.js";
import type { ModelInput } from "../../schemas/model.js";
import { validateModel } from "../../model/validate.js";
import { importedModel, type ImportResult } from "../imported.js";
import { RdfGraph } from "./graph.js";
import type { RdfIssue } from "./issues.js";
import { parseJsonLd, parseTurtle, sniffFormat, type CpsvApFormat } from "./parse.js";
import { readFastPath } from "./fast-path.js";
import { ReadContext } from "./read-context.js";
import { readMeta } from "./read-records.js";
import { readOwnCatalogue, readOtherCatalogue } from "./read-catalogue.js";

/** Options of {@link fromCpsvAp}. */
export interface FromCpsvApOptions {
  /** `"turtle"` or `"jsonld"`; default: JSON-LD when the text starts with `{` or `[`, else Turtle. */
  format?: CpsvApFormat;
  /** Throw on a syntax error (default), or map what parses and return every problem as issues. */
  strict?: boolean;
  /** The language to pick texts in (`"nb"`, `"fr"`); default English, then the first given. */
  language?: string;
}

/** Defaults of {@link fromCpsvAp}: the format sniffed, strict, English texts (else the first). */
export const FROM_CPSV_AP_DEFAULTS: { format: CpsvApFormat | undefined; strict: boolean; language: string | undefined } = {
  format: undefined,
  strict: true,
  language: undefined,
};

/**
 * Reads a CPSV-AP document (Turtle or JSON-LD, CPSV-AP 3.x and 2.x terms) onto a valid model, with the issues
 * found: syntax errors (`invalid_rdf`, with line and column), and warnings such as a placeholder department for a
 * competent authority the document does not describe. Never touches the network.
 * @example
 * const { model, issues } = await fromCpsvAp(turtleText, { language: "nb" });
 * model.services.length;
 */
export async function fromCpsvAp(text: string, options: FromCpsvApOptions = {}): Promise<FromCpsvApResult> {
  const fn = "fromCpsvAp";
  const o = resolveOptions(FROM_CPSV_AP_DEFAULTS, options, fn, {
    format: oneOf(["turtle", "jsonld"]),
    strict: (v) => (typeof v === "boolean" ? undefined : `must be true or false, got ${JSON.stringify(v)}`),
    language: (v) => (typeof v === "string" && /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(v) ? undefined : `must be a language tag such as "en", got ${JSON.stringify(v)}`),
  });
  if (typeof text !== "string") {
    throw new GovGraphError("invalid_input", `${fn}: expected the document's text, got ${text === null ? "null" : typeof text}. Read the file and pass its contents.`);
  }
  const format = o.format ?? sniffFormat(text);
  return readOnFastPath(text, format) ?? (await readIndexed(text, format, o));
}

/** What {@link fromCpsvAp} returns: the model and every issue, each with where it is in the document. */
export type FromCpsvApResult = Omit<ImportResult, "issues"> & { issues: RdfIssue[] };

/** A document govgraph wrote, read on the fast path (fast-path.ts); `undefined` when it strays from it. */
function readOnFastPath(text: string, format: CpsvApFormat): FromCpsvApResult | undefined {
  const own = readFastPath(text, format);
  if (own === undefined) return undefined;
  // The records are ours to give away: validation freezes them in place instead of copying them.
  const result = validateModel({ schemaVersion: 1, ...(own.meta ? { meta: own.meta } : {}), ...own.collections }, { adopt: true });
  return result.ok && result.model ? { model: result.model, issues: [] } : undefined;
}

/**
 * Reads any CPSV-AP document through an index of its triples (n3 or jsonld.js), with the syntax errors and the
 * mapping's warnings; {@link fromCpsvAp} without its fast path.
 * @internal
 */
export async function readIndexed(text: string, format: CpsvApFormat, o: { strict: boolean; language: string | undefined }): Promise<FromCpsvApResult> {
  const fn = "fromCpsvAp";
  const graph = new RdfGraph();
  graph.language = o.language;
  const syntax = format === "turtle" ? await parseTurtle(text, fn, graph) : await parseJsonLd(text, fn, graph);
  if (o.strict && syntax.length > 0) {
    const more = syntax.length > 1 ? ` (and ${syntax.length - 1} more, listed in issues)` : "";
    throw new GovGraphError(
      "invalid_rdf",
      `${syntax[0]!.message}${more}. The document is not valid ${format === "turtle" ? "Turtle" : "JSON-LD"}: fix it, or pass { strict: false } to map what parses.`,
      { issues: syntax },
    );
  }
  const ctx = new ReadContext(graph, fn);
  ctx.issues.push(...syntax);
  const input = ctx.own ? readOwnCatalogue(ctx) : readOtherCatalogue(ctx);
  const meta = readMeta(ctx);
  const model = importedModel(fn, { schemaVersion: 1, ...(meta ? { meta } : {}), ...input } as ModelInput);
  return { model, issues: ctx.issues };
}

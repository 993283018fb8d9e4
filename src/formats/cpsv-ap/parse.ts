import jsonld from "jsonld";
import { Parser } from "n3";
import { GovGraphError } from "../../errors.js";
import { cpsvApDocumentLoader } from "./document-loader.js";
import { rdfIssue, type RdfIssue } from "./issues.js";
import { lintTurtle } from "./lint.js";

/** An RDF term as n3 and jsonld.js both give it. @internal */
export interface RdfTerm {
  termType: string;
  value: string;
  language?: string;
  datatype?: { value: string };
}

/** A triple (the graph is ignored: CPSV-AP documents use the default graph). @internal */
export interface RdfQuad {
  subject: RdfTerm;
  predicate: RdfTerm;
  object: RdfTerm;
}

/** The RDF formats {@link fromCpsvAp} reads. */
export type CpsvApFormat = "turtle" | "jsonld";

/** JSON-LD when the text starts (after white space and a byte order mark) with `{` or `[`, else Turtle. @internal */
export function sniffFormat(text: string): CpsvApFormat {
  const m = /^[\s\ufeff]*(.)/.exec(text);
  return m && (m[1] === "{" || m[1] === "[") ? "jsonld" : "turtle";
}

const MAX_SYNTAX_ERRORS = 100;

/**
 * Parses Turtle with n3. After a syntax error the parser resumes after the end of the broken statement (the next
 * line ending in `.`), with the prefixes declared so far, so that every error is listed; the triples read before
 * an error are kept.
 * @internal
 */
export async function parseTurtle(text: string, fn: string): Promise<{ quads: RdfQuad[]; issues: RdfIssue[] }> {
  const quads: RdfQuad[] = [];
  const issues: RdfIssue[] = lintTurtle(text, fn);
  let lines: string[] | undefined; // split only after a first error
  let from = 0; // the line (0-based) the current chunk starts at
  let prefixes = "";
  while (issues.length < MAX_SYNTAX_ERRORS) {
    const chunk = lines === undefined ? text : (prefixes === "" ? "" : prefixes + "\n") + lines.slice(from).join("\n");
    const offset = from - (prefixes === "" ? 0 : 1);
    const error = await parseChunk(chunk, quads);
    if (error === undefined) break;
    lines ??= text.split("\n");
    const line = error.line + offset;
    issues.push(rdfIssue(fn, line, error.column, error.message));
    prefixes = lines
      .slice(0, line)
      .filter((l) => /^\s*(@prefix|@base|PREFIX|BASE)\s/i.test(l))
      .join(" ");
    let end = line - 1; // resume after the first line from the error on that ends a statement
    while (end < lines.length && !/\.\s*(#.*)?$/.test(lines[end]!)) end++;
    from = end + 1;
    if (from >= lines.length) break;
  }
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { quads, issues };
}

interface SyntaxProblem {
  line: number;
  column: number | undefined;
  message: string;
}

function parseChunk(chunk: string, quads: RdfQuad[]): Promise<SyntaxProblem | undefined> {
  return new Promise((resolve) => {
    new Parser({ format: "text/turtle" }).parse(chunk, (error, quad) => {
      if (error) resolve(describeError(error));
      else if (quad) quads.push(quad as RdfQuad);
      else resolve(undefined);
    });
  });
}

/** n3's message, rephrased where a person would not understand it; the column from n3's token. */
function describeError(error: Error & { context?: { line?: number; token?: { start?: number; value?: string; prefix?: string } | null; previousToken?: { value?: string } | null } }): SyntaxProblem {
  const context = error.context ?? {};
  const line = context.line ?? Number(/line (\d+)/.exec(error.message)?.[1] ?? 1);
  const token = context.token;
  const column = token?.start === undefined ? undefined : token.start + 1;
  let message = error.message.replace(/\s*on line \d+\.?$/, "");
  const expected = /^Expected punctuation to follow "(.*)"$/.exec(message);
  if (expected && token) {
    const next = token.prefix ? `${token.prefix}:${token.value}` : (token.value ?? "");
    message = `a ";" or "," or "." is missing between "${expected[1]}" and "${next}" (a new predicate needs ";" before it)`;
  }
  return { line, column, message };
}

/** Parses JSON-LD with jsonld.js and the bundled CPSV-AP context; JSON errors come with their line and column. @internal */
export async function parseJsonLd(text: string, fn: string): Promise<{ quads: RdfQuad[]; issues: RdfIssue[] }> {
  const body = text.replace(/^\ufeff/, "");
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const at = Number(/position (\d+)/.exec(message)?.[1] ?? -1);
    const { line, column } = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : at >= 0 ? lineAndColumn(body, at) : { line: undefined, column: undefined };
    return { quads: [], issues: [rdfIssue(fn, line, column, `the text is not JSON (${message})`)] };
  }
  try {
    const quads = (await jsonld.toRDF(document as never, { documentLoader: cpsvApDocumentLoader as never })) as unknown as RdfQuad[];
    return { quads, issues: [] };
  } catch (error) {
    const cause = (error as { details?: { cause?: unknown } }).details?.cause;
    const reason = cause instanceof GovGraphError ? cause.message.replace(/^fromCpsvAp: /, "") : error instanceof Error ? error.message : String(error);
    return { quads: [], issues: [rdfIssue(fn, undefined, undefined, `the JSON-LD cannot be read: ${reason}`)] };
  }
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: index - start + 1 };
}

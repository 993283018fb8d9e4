import jsonld from "jsonld";
import { Parser } from "n3";
import { GovGraphError } from "../../errors.js";
import { lineAndColumn, locateJsonError } from "../json/json-error.js";
import { cpsvApDocumentLoader } from "./document-loader.js";
import { rdfIssue, type RdfIssue } from "./issues.js";
import type { LiteralValue, ObjectValue, RdfGraph } from "./graph.js";
import { lintTurtle } from "./lint.js";
import { XSD } from "./vocabulary.js";

/** An RDF term as jsonld.js gives it. */
interface RdfTerm {
  termType: string;
  value: string;
  language?: string;
  datatype?: { value: string };
  id?: string;
}

interface RdfQuad {
  subject: RdfTerm;
  predicate: RdfTerm;
  object: RdfTerm;
}

/** The key of a subject or an IRI object: the IRI, or `_:label` for a blank node. */
function termKey(term: RdfTerm): string {
  return term.termType === "BlankNode" ? `_:${term.value}` : term.value;
}

function objectOf(term: RdfTerm): ObjectValue {
  if (term.termType !== "Literal") return termKey(term);
  return { value: term.value, language: term.language ?? "", datatype: term.datatype?.value ?? (term.language ? XSD.langString : XSD.string) };
}

function addQuad(graph: RdfGraph, quad: RdfQuad): void {
  graph.add(termKey(quad.subject), quad.predicate.value, objectOf(quad.object));
}

/** A term of n3's parser built by {@link graphFactory}: `key` is what the graph stores. */
class Term {
  constructor(
    readonly termType: string,
    readonly value: string,
    readonly key: string,
  ) {}

  /** n3 names terms by `id` in its error messages. */
  get id(): string {
    return this.termType === "Literal" ? JSON.stringify(this.value) : this.key;
  }
}

/** A literal of n3's parser: already the graph's literal value. */
class Literal extends Term implements LiteralValue {
  constructor(
    value: string,
    readonly language: string,
    readonly datatype: string,
  ) {
    super("Literal", value, "");
  }
}

const EMITTED = Object.freeze({});

/**
 * A data factory for n3's parser that puts each triple straight into the graph: no quad objects, and plain terms
 * (n3's own keep one string and parse it in getters, which costs at a few million triples).
 */
function graphFactory(graph: RdfGraph, chunk: number) {
  let blanks = 0;
  return {
    namedNode: (value: string) => new Term("NamedNode", value, value),
    blankNode: (label?: string) => {
      const value = label ?? `c${chunk}b${blanks++}`;
      return new Term("BlankNode", value, `_:${value}`);
    },
    literal: (value: string, tag?: string | Term | { language: string }) =>
      typeof tag === "string"
        ? new Literal(value, tag, XSD.langString)
        : tag instanceof Term
          ? new Literal(value, "", tag.value)
          : new Literal(value, tag?.language ?? "", tag ? XSD.langString : XSD.string),
    variable: (value: string) => new Term("Variable", value, `?${value}`),
    defaultGraph: () => new Term("DefaultGraph", "", ""),
    quad: (subject: Term, predicate: Term, object: Term) => {
      graph.add(subject.key, predicate.value, object instanceof Literal ? object : object.key);
      return EMITTED;
    },
  };
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
export async function parseTurtle(text: string, fn: string, graph: RdfGraph): Promise<RdfIssue[]> {
  const issues: RdfIssue[] = lintTurtle(text, fn);
  let lines: string[] | undefined; // split only after a first error
  let from = 0; // the line (0-based) the current chunk starts at
  let prefixes = "";
  let chunks = 0;
  while (issues.length < MAX_SYNTAX_ERRORS) {
    const chunk = lines === undefined ? text : (prefixes === "" ? "" : prefixes + "\n") + lines.slice(from).join("\n");
    const offset = from - (prefixes === "" ? 0 : 1);
    const error = await parseChunk(chunk, graph, chunks++);
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
  return issues;
}

interface SyntaxProblem {
  line: number;
  column: number | undefined;
  message: string;
}

function parseChunk(chunk: string, graph: RdfGraph, index: number): Promise<SyntaxProblem | undefined> {
  return new Promise((resolve) => {
    new Parser({ format: "text/turtle", factory: graphFactory(graph, index) as never }).parse(chunk, (error, quad) => {
      if (error) resolve(describeError(error));
      else if (!quad) resolve(undefined); // the factory has put each triple into the graph
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
export async function parseJsonLd(text: string, fn: string, graph: RdfGraph): Promise<RdfIssue[]> {
  const body = text.replace(/^\ufeff/, "");
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    const found = locateJsonError(body);
    const reason = found?.reason ?? (error instanceof Error ? error.message : String(error));
    const { line, column } = found ? lineAndColumn(body, found.index) : { line: undefined, column: undefined };
    return [rdfIssue(fn, line, column, `the text is not JSON: ${reason}`)];
  }
  try {
    const quads = (await jsonld.toRDF(document as never, { documentLoader: cpsvApDocumentLoader as never })) as unknown as RdfQuad[];
    for (const quad of quads) addQuad(graph, quad);
    return [];
  } catch (error) {
    const cause = (error as { details?: { cause?: unknown } }).details?.cause;
    const reason = cause instanceof GovGraphError ? cause.message.replace(/^fromCpsvAp: /, "") : error instanceof Error ? error.message : String(error);
    return [rdfIssue(fn, undefined, undefined, `the JSON-LD cannot be read: ${reason}`)];
  }
}


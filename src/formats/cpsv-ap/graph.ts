import type { RdfQuad, RdfTerm } from "./parse.js";
import { T } from "./vocabulary.js";

/** The key of a subject or an IRI object: the IRI, or `_:label` for a blank node. @internal */
export function termKey(term: RdfTerm): string {
  return term.termType === "BlankNode" ? `_:${term.value}` : term.value;
}

/** The last segment of an IRI (after `/`, `#` or `:`), for a name when a node has no label. @internal */
export function iriTail(iri: string): string {
  const tail = iri.replace(/[/#]+$/, "").replace(/^.*[/#:]/, "");
  return tail === "" ? iri : decodeSafe(tail);
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The triples of a document indexed by subject and predicate, objects in document order, and subjects by type.
 * Triples with an empty IRI (reported by the parser's checks) are left out.
 * @internal
 */
export class RdfGraph {
  private readonly bySubject = new Map<string, Map<string, RdfTerm[]>>();
  private readonly byType = new Map<string, string[]>();

  constructor(
    quads: readonly RdfQuad[],
    /** The language texts are picked in first, then English, then the first given. */
    private readonly language: string | undefined,
  ) {
    for (const { subject, predicate, object } of quads) {
      if (subject.value === "" || (object.termType === "NamedNode" && object.value === "")) continue;
      const s = termKey(subject);
      let predicates = this.bySubject.get(s);
      if (predicates === undefined) {
        predicates = new Map();
        this.bySubject.set(s, predicates);
      }
      const p = predicate.value;
      const list = predicates.get(p);
      if (list === undefined) predicates.set(p, [object]);
      else list.push(object);
      if (p === T.type && object.termType === "NamedNode") {
        const typed = this.byType.get(object.value);
        if (typed === undefined) this.byType.set(object.value, [s]);
        else if (typed[typed.length - 1] !== s) typed.push(s);
      }
    }
  }

  /** Whether the node is described (is the subject of a triple). */
  has(node: string): boolean {
    return this.bySubject.has(node);
  }

  /** The nodes of a class, in document order, without repeats. */
  ofType(classIri: string): string[] {
    return [...new Set(this.byType.get(classIri) ?? [])];
  }

  /** Whether a node has a type. */
  is(node: string, classIri: string): boolean {
    return (this.bySubject.get(node)?.get(T.type) ?? []).some((t) => t.value === classIri);
  }

  /** The objects of the first of the predicates the node has. */
  objects(node: string, ...predicates: string[]): RdfTerm[] {
    const map = this.bySubject.get(node);
    if (map === undefined) return [];
    for (const p of predicates) {
      const list = map.get(p);
      if (list !== undefined) return list;
    }
    return [];
  }

  /** The IRI and blank-node objects of all the predicates, in order, without repeats. */
  nodes(node: string, ...predicates: string[]): string[] {
    const map = this.bySubject.get(node);
    if (map === undefined) return [];
    const out = new Set<string>();
    for (const p of predicates) for (const o of map.get(p) ?? []) if (o.termType !== "Literal") out.add(termKey(o));
    return [...out];
  }

  /** The first IRI or blank-node object of the predicates. */
  node(node: string, ...predicates: string[]): string | undefined {
    for (const o of this.objects(node, ...predicates)) if (o.termType !== "Literal") return termKey(o);
    return undefined;
  }

  /** The literal values of a predicate, in order. */
  values(node: string, predicate: string): string[] {
    return this.objects(node, predicate).filter((o) => o.termType === "Literal").map((o) => o.value);
  }

  /** The first literal value of a predicate. */
  value(node: string, predicate: string): string | undefined {
    for (const o of this.objects(node, predicate)) if (o.termType === "Literal") return o.value;
    return undefined;
  }

  /** A text of the first predicate that has one, in the preferred language (then English, then the first). */
  text(node: string, ...predicates: string[]): string | undefined {
    for (const p of predicates) {
      const literals = this.objects(node, p).filter((o) => o.termType === "Literal");
      if (literals.length > 0) return this.pick(literals).value;
    }
    return undefined;
  }

  /** The texts of a predicate in the language {@link text} would pick. */
  texts(node: string, predicate: string): string[] {
    const literals = this.objects(node, predicate).filter((o) => o.termType === "Literal");
    if (literals.length === 0) return [];
    const chosen = this.pick(literals).language ?? "";
    return literals.filter((o) => (o.language ?? "") === chosen).map((o) => o.value);
  }

  private pick(literals: RdfTerm[]): RdfTerm {
    const matches = (tag: string) => literals.find((o) => !!o.language && (o.language.toLowerCase() === tag || o.language.toLowerCase().startsWith(tag + "-")));
    return (this.language === undefined ? undefined : matches(this.language.toLowerCase())) ?? matches("en") ?? literals[0]!;
  }
}

import { T } from "./vocabulary.js";

/** A literal object of a triple. @internal */
export interface LiteralValue {
  value: string;
  /** `""` when the literal has no language tag. */
  language: string;
  datatype: string;
}

/** The object of a triple: an IRI, a blank node (`_:label`), or a literal. @internal */
export type ObjectValue = string | LiteralValue;

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

const isNode = (o: ObjectValue): o is string => typeof o === "string";
const isLiteral = (o: ObjectValue): o is LiteralValue => typeof o !== "string";

/**
 * The triples of a document, by subject (`_:label` for a blank node): each subject's predicates (as small
 * integers, so that a scan compares numbers, not IRIs) and objects in one flat array, in document order (a
 * subject has a few dozen triples, so a scan beats a map per subject), and the subjects of each type. Triples
 * with an empty IRI (reported by the parser's checks) are left out.
 * @internal
 */
export class RdfGraph {
  private readonly bySubject = new Map<string, (number | ObjectValue)[]>();
  private readonly byType = new Map<string, string[]>();
  private readonly predicates = new Map<string, number>([[T.type, 0]]);
  /** The language texts are picked in first, then English, then the first given. */
  language: string | undefined;

  /** Adds a triple. */
  add(subject: string, predicate: string, object: ObjectValue): void {
    if (subject === "" || object === "") return;
    let p = this.predicates.get(predicate);
    if (p === undefined) this.predicates.set(predicate, (p = this.predicates.size));
    const list = this.bySubject.get(subject);
    if (list === undefined) this.bySubject.set(subject, [p, object]);
    else list.push(p, object);
    if (p === 0 && typeof object === "string") {
      const typed = this.byType.get(object);
      if (typed === undefined) this.byType.set(object, [subject]);
      else if (typed[typed.length - 1] !== subject) typed.push(subject);
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
    const list = this.bySubject.get(node);
    if (list === undefined) return false;
    for (let i = 0; i < list.length; i += 2) if (list[i] === 0 && list[i + 1] === classIri) return true;
    return false;
  }

  /** The objects of the first of the predicates the node has. */
  objects(node: string, ...predicates: string[]): ObjectValue[] {
    const list = this.bySubject.get(node);
    if (list === undefined) return [];
    for (const predicate of predicates) {
      const out = this.scan(list, predicate);
      if (out.length > 0) return out;
    }
    return [];
  }

  private scan(list: (number | ObjectValue)[], predicate: string): ObjectValue[] {
    const p = this.predicates.get(predicate);
    const out: ObjectValue[] = [];
    if (p !== undefined) for (let i = 0; i < list.length; i += 2) if (list[i] === p) out.push(list[i + 1] as ObjectValue);
    return out;
  }

  /** The IRI and blank-node objects of all the predicates, in order, without repeats. */
  nodes(node: string, ...predicates: string[]): string[] {
    const list = this.bySubject.get(node);
    if (list === undefined) return [];
    const ids = predicates.map((p) => this.predicates.get(p) ?? -1);
    const out = new Set<string>();
    for (let i = 0; i < list.length; i += 2) {
      const o = list[i + 1] as ObjectValue;
      if (isNode(o) && ids.includes(list[i] as number)) out.add(o);
    }
    const nodes = [...out];
    if (ids.length > 1) nodes.sort((a, b) => order(list, ids, a) - order(list, ids, b));
    return nodes;
  }

  /** The first IRI or blank-node object of the predicates. */
  node(node: string, ...predicates: string[]): string | undefined {
    const list = this.bySubject.get(node);
    if (list === undefined) return undefined;
    for (const predicate of predicates) {
      const p = this.predicates.get(predicate);
      if (p === undefined) continue;
      for (let i = 0; i < list.length; i += 2) if (list[i] === p && isNode(list[i + 1] as ObjectValue)) return list[i + 1] as string;
    }
    return undefined;
  }

  /** The first literal value of a predicate. */
  value(node: string, predicate: string): string | undefined {
    const list = this.bySubject.get(node);
    const p = this.predicates.get(predicate);
    if (list === undefined || p === undefined) return undefined;
    for (let i = 0; i < list.length; i += 2) {
      const o = list[i + 1] as ObjectValue;
      if (list[i] === p && isLiteral(o)) return o.value;
    }
    return undefined;
  }

  /** The literals of a predicate, in order. */
  literals(node: string, predicate: string): LiteralValue[] {
    return this.objects(node, predicate).filter(isLiteral);
  }

  /** A text of the first predicate that has one, in the preferred language (then English, then the first). */
  text(node: string, ...predicates: string[]): string | undefined {
    for (const p of predicates) {
      const literals = this.literals(node, p);
      if (literals.length > 0) return this.pick(literals).value;
    }
    return undefined;
  }

  /** The texts of a predicate in the language {@link text} would pick. */
  texts(node: string, predicate: string): string[] {
    const literals = this.literals(node, predicate);
    if (literals.length === 0) return [];
    const chosen = this.pick(literals).language;
    return literals.filter((o) => o.language === chosen).map((o) => o.value);
  }

  private pick(literals: LiteralValue[]): LiteralValue {
    if (literals.length === 1) return literals[0]!;
    const matches = (tag: string) => literals.find((o) => o.language !== "" && (o.language.toLowerCase() === tag || o.language.toLowerCase().startsWith(tag + "-")));
    return (this.language === undefined ? undefined : matches(this.language.toLowerCase())) ?? matches("en") ?? literals[0]!;
  }
}

/** With several predicates, objects come predicate by predicate, in the order the predicates are given. */
function order(list: (number | ObjectValue)[], predicates: number[], node: string): number {
  for (let i = 0; i < list.length; i += 2) if (list[i + 1] === node) return predicates.indexOf(list[i] as number);
  return predicates.length;
}

import { iriTail, type RdfGraph } from "./graph.js";
import { nodeIssue, type RdfIssue } from "./issues.js";
import { readAmount, readBoolean } from "./literals.js";
import { applyOrder, rebuildList } from "./order.js";
import { T, XSD } from "./vocabulary.js";

/** The collections whose records the reader gives ids to. @internal */
export type IdCollection = "regions" | "segments" | "departments" | "functions" | "services" | "needs" | "evidence" | "servicePoints";

/** A record being built (plain JSON, validated at the end). @internal */
export type Draft = Record<string, unknown> & { id: string };

/**
 * What the record readers share: the graph, the issues, each collection's records by node, and whether the
 * document is one govgraph wrote (a `gg:Model` node: then derived triples are skipped and nothing is guessed).
 * @internal
 */
export class ReadContext {
  readonly issues: RdfIssue[] = [];
  readonly own: boolean;
  /** The base IRI of a document govgraph wrote (the model node is `<base>model`). */
  readonly base: string | undefined;
  private readonly records = new Map<IdCollection, Map<string, Draft>>();
  private readonly usedIds = new Map<IdCollection, Map<string, Draft>>();
  private blanks = 0;

  constructor(
    readonly graph: RdfGraph,
    readonly fn: string,
  ) {
    const model = graph.ofType(T.Model)[0];
    this.own = model !== undefined;
    this.base = model?.endsWith("model") ? model.slice(0, -"model".length) : undefined;
  }

  /** The records of a collection, in the order they were added. */
  all(collection: IdCollection): Draft[] {
    return [...(this.records.get(collection)?.values() ?? [])];
  }

  /** The record a node maps to, if any. */
  get(collection: IdCollection, node: string): Draft | undefined {
    return this.records.get(collection)?.get(node);
  }

  /** The record with an id. */
  byId(collection: IdCollection, id: string): Draft | undefined {
    return this.usedIds.get(collection)?.get(id);
  }

  /**
   * Adds the record of a node: its id is its `dct:identifier` when that is unique in the collection, else its IRI
   * (or `_:n` for a blank node without one). Returns the existing record when the node was added before.
   */
  add(collection: IdCollection, node: string, fields: Record<string, unknown> = {}): Draft {
    let byNode = this.records.get(collection);
    if (byNode === undefined) this.records.set(collection, (byNode = new Map()));
    const existing = byNode.get(node);
    if (existing) return existing;
    let used = this.usedIds.get(collection);
    if (used === undefined) this.usedIds.set(collection, (used = new Map()));
    const identifier = this.graph.value(node, T.identifier);
    let id = identifier !== undefined && identifier !== "" && !used.has(identifier) ? identifier : node.startsWith("_:") ? `_:${this.blanks++}` : node;
    if (used.has(id)) id = `${id}#${used.size}`;
    if (identifier !== undefined && identifier !== "" && id !== identifier) {
      this.issues.push(nodeIssue("duplicate_id", node, `${this.fn}: ${this.label(node)} repeats the identifier "${identifier}" of another record among ${collection}; its id is "${id}"`));
    }
    const draft: Draft = { id, ...fields };
    used.set(id, draft);
    byNode.set(node, draft);
    return draft;
  }

  /** A node as messages name it: its IRI, or a blank node by its identifier (blank-node labels change from run to run). */
  label(node: string): string {
    if (!node.startsWith("_:")) return `<${node}>`;
    const identifier = this.graph.value(node, T.identifier);
    return identifier === undefined ? "a blank node" : `the blank node with identifier ${JSON.stringify(identifier)}`;
  }

  /** A name for a node: its label in the chosen language, else its identifier, else its IRI's last segment. */
  name(node: string, ...predicates: string[]): string {
    const text = this.graph.text(node, ...predicates, T.prefLabel, T.title, T.foafName, T.rdfsLabel);
    if (text !== undefined && (this.own ? text !== "" : text.trim() !== "")) return text;
    return this.graph.value(node, T.identifier) || (node.startsWith("_:") ? "(unnamed)" : iriTail(node));
  }

  /** A non-negative finite number of a literal; anything else is a warning and `undefined`. */
  amount(node: string, predicate: string): number | undefined {
    const lexical = this.graph.value(node, predicate);
    if (lexical === undefined) return undefined;
    const value = readAmount(lexical);
    if (value !== undefined) return value;
    this.issues.push(nodeIssue("invalid_value", node, `${this.fn}: ${this.label(node)} has ${predicate} "${lexical}", not a non-negative number; left out`));
    return undefined;
  }

  /** A boolean literal. */
  boolean(node: string, predicate: string): boolean | undefined {
    return readBoolean(this.graph.value(node, predicate));
  }

  /** A JSON literal (`gg:` extension values); unreadable JSON is a warning and `undefined`. */
  json(node: string, predicate: string): unknown {
    const lexical = this.graph.value(node, predicate);
    if (lexical === undefined) return undefined;
    try {
      return JSON.parse(lexical);
    } catch {
      this.issues.push(nodeIssue("invalid_value", node, `${this.fn}: ${this.label(node)} has ${predicate} that is not JSON; left out`));
      return undefined;
    }
  }

  /** The order hints of a node (`gg:listOrder`). */
  hints(node: string): Record<string, number[]> {
    const hints = this.json(node, T.listOrder);
    return typeof hints === "object" && hints !== null && !Array.isArray(hints) ? (hints as Record<string, number[]>) : {};
  }

  /**
   * A list of values rebuilt with its order hint: `undefined` when an optional list is absent (no values, no
   * hint). A hint that does not fit the values is a warning, and the sorted values are kept.
   */
  ordered(node: string, values: string[], hints: Record<string, number[]>, field: string, optional: boolean): string[] | undefined {
    const list = rebuildList(values, hints[field], optional);
    if (list !== null) return list;
    this.issues.push(nodeIssue("invalid_value", node, `${this.fn}: ${this.label(node)} has a gg:listOrder for ${field} that does not fit its values; they are kept sorted`));
    return applyOrder(values, undefined);
  }

  /** The plain-string (or untyped) literal values of a predicate, for `gg:tag`. */
  strings(node: string, predicate: string): string[] {
    return this.graph.literals(node, predicate).filter((o) => o.language === "" && o.datatype === XSD.string).map((o) => o.value);
  }
}

/** Sets a field of a record being read when the document gives it a value (absent fields stay absent). @internal */
export function setDefined(draft: Record<string, unknown>, field: string, value: unknown): void {
  if (value !== undefined) draft[field] = value;
}

/** Copies the record's own data (`tags`, `attributes`) from the extension, or a service's keywords. @internal */
export function readUserData(ctx: ReadContext, node: string, draft: Draft, hints: Record<string, number[]>, keywordPredicate?: string): void {
  const tags = keywordPredicate === undefined ? ctx.strings(node, T.tag) : ctx.graph.texts(node, keywordPredicate);
  setDefined(draft, "tags", ctx.ordered(node, tags, hints, "tags", true));
  setDefined(draft, "attributes", ctx.json(node, T.attributes));
}

import { readAmount } from "./literals.js";
import type { OwnNode } from "./own-collect.js";
import { NotOwnTurtle } from "./own-turtle.js";
import { rebuildList } from "./order.js";
import { compareNodes } from "./read-order.js";

/**
 * Reading the collected slots of a node of a document govgraph wrote, with the general reader's rules
 * (read-context.ts): where that reader would warn (a number that is not one, JSON that does not parse, an order
 * hint that does not fit), these throw {@link NotOwnTurtle}, and the document is read the general way, which
 * reports it.
 * @internal
 */

const NOT_OWN = new NotOwnTurtle("a value the general reader would warn about");

/** A record being built (plain JSON, validated at the end). @internal */
export type OwnDraft = Record<string, unknown>;

/** Throws {@link NotOwnTurtle}: the document is to be read the general way. @internal */
export function notOwn(): never {
  throw NOT_OWN;
}

/** The lexical value of a one-literal slot. @internal */
export function lit(node: OwnNode, slot: number): string | undefined {
  return node.slots?.[slot] as string | undefined;
}

/** The node of a one-node slot. @internal */
export function ref(node: OwnNode, slot: number): OwnNode | undefined {
  return node.slots?.[slot] as OwnNode | undefined;
}

/** The distinct nodes of a many-node slot, in document order. @internal */
export function refs(node: OwnNode, slot: number): OwnNode[] {
  const value = node.slots?.[slot] as OwnNode | OwnNode[] | undefined;
  if (value === undefined) return [];
  if (!Array.isArray(value)) return [value];
  const list = value;
  for (let i = 1; i < list.length; i++) if (list.lastIndexOf(list[i]!, i - 1) >= 0) return [...new Set(list)];
  return list;
}

/** Sub-nodes (channels, costs, participations...) in the order the writer numbered them. @internal */
export function numbered(node: OwnNode, slot: number): OwnNode[] {
  const list = refs(node, slot);
  for (let i = 1; i < list.length; i++) if (compareNodes(list[i - 1]!.iri, list[i]!.iri) > 0) return [...list].sort((a, b) => compareNodes(a.iri, b.iri));
  return list;
}

/** The plain strings or texts of a many-literal slot. @internal */
export function strings(node: OwnNode, slot: number): string[] {
  const value = node.slots?.[slot] as string | string[] | undefined;
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The id of the record a node maps to in a collection; anything else is not a document govgraph wrote. @internal */
export function idIn(node: OwnNode | undefined, collection: string): string {
  if (node === undefined || node.collection !== collection) notOwn();
  return node.id!;
}

/** A record's name: its label, or its id when the label is empty. @internal */
export function nameOf(node: OwnNode, slot: number): string {
  const text = lit(node, slot);
  if (text === undefined) notOwn();
  return text !== "" ? text : node.id!;
}

/** A non-negative number. @internal */
export function amount(node: OwnNode, slot: number): number | undefined {
  const lexical = lit(node, slot);
  if (lexical === undefined) return undefined;
  return readAmount(lexical) ?? notOwn();
}

/** A JSON value. @internal */
export function json(node: OwnNode, slot: number): unknown {
  const lexical = lit(node, slot);
  if (lexical === undefined) return undefined;
  try {
    return JSON.parse(lexical);
  } catch {
    return notOwn();
  }
}

/** The order hints of a node (`gg:listOrder`). @internal */
export function hintsOf(node: OwnNode, slot: number): Record<string, unknown> {
  const hints = json(node, slot);
  return typeof hints === "object" && hints !== null && !Array.isArray(hints) ? (hints as Record<string, unknown>) : {};
}

/** A list rebuilt with its order hint; `undefined` when an optional list is absent. @internal */
export function ordered(values: string[], hint: unknown, optional: boolean): string[] | undefined {
  const list = rebuildList(values, hint, optional);
  return list === null ? notOwn() : list;
}

/** Sets a field when the value is there. @internal */
export function set(draft: OwnDraft, key: string, value: unknown): void {
  if (value !== undefined) draft[key] = value;
}

/** A record's own data: `tags` (from the slot given: `gg:tag`, or a service's keywords) and `attributes`. @internal */
export function userData(draft: OwnDraft, node: OwnNode, hints: Record<string, unknown>, tags: number, attributes: number): OwnDraft {
  set(draft, "tags", ordered(strings(node, tags), hints.tags, true));
  set(draft, "attributes", json(node, attributes));
  return draft;
}

import { readAmount } from "./literals.js";
import type { CollectedNode } from "./node-collector.js";
import { OffFastPath } from "./turtle-reader.js";
import { rebuildList } from "./order.js";
import { compareNodes } from "./read-order.js";

/**
 * Reading the collected slots of a node of a document govgraph wrote, with the general reader's rules
 * (read-context.ts): where that reader would warn (a number that is not one, JSON that does not parse, an order
 * hint that does not fit), these throw {@link OffFastPath}, and the document is read the general way, which
 * reports it.
 * @internal
 */

const NOT_OWN = new OffFastPath("a value the general reader would warn about");

/** A record being built (plain JSON, validated at the end). @internal */
export type RecordDraft = Record<string, unknown>;

/** Throws {@link OffFastPath}: the document is to be read the general way. @internal */
export function offFastPath(): never {
  throw NOT_OWN;
}

/** The lexical value of a one-literal slot. @internal */
export function lit(node: CollectedNode, slot: number): string | undefined {
  return node.slots?.[slot] as string | undefined;
}

/** The node of a one-node slot. @internal */
export function ref(node: CollectedNode, slot: number): CollectedNode | undefined {
  return node.slots?.[slot] as CollectedNode | undefined;
}

/** The distinct nodes of a many-node slot, in document order. @internal */
export function refs(node: CollectedNode, slot: number): CollectedNode[] {
  const value = node.slots?.[slot] as CollectedNode | CollectedNode[] | undefined;
  if (value === undefined) return [];
  if (!Array.isArray(value)) return [value];
  const list = value;
  for (let i = 1; i < list.length; i++) if (list.lastIndexOf(list[i]!, i - 1) >= 0) return [...new Set(list)];
  return list;
}

/** Sub-nodes (channels, costs, participations...) in the order the writer numbered them. @internal */
export function numbered(node: CollectedNode, slot: number): CollectedNode[] {
  const list = refs(node, slot);
  for (let i = 1; i < list.length; i++) if (compareNodes(list[i - 1]!.iri, list[i]!.iri) > 0) return [...list].sort((a, b) => compareNodes(a.iri, b.iri));
  return list;
}

/** The plain strings or texts of a many-literal slot. @internal */
export function strings(node: CollectedNode, slot: number): string[] {
  const value = node.slots?.[slot] as string | string[] | undefined;
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The id of the record a node maps to in a collection; anything else is not a document govgraph wrote. @internal */
export function idIn(node: CollectedNode | undefined, collection: string): string {
  if (node === undefined || node.collection !== collection) offFastPath();
  return node.id!;
}

/** A record's name: its label, or its id when the label is empty. @internal */
export function nameOf(node: CollectedNode, slot: number): string {
  const text = lit(node, slot);
  if (text === undefined) offFastPath();
  return text !== "" ? text : node.id!;
}

/** A non-negative number. @internal */
export function amount(node: CollectedNode, slot: number): number | undefined {
  const lexical = lit(node, slot);
  if (lexical === undefined) return undefined;
  return readAmount(lexical) ?? offFastPath();
}

/** A JSON value. @internal */
export function json(node: CollectedNode, slot: number): unknown {
  const lexical = lit(node, slot);
  if (lexical === undefined) return undefined;
  try {
    return JSON.parse(lexical);
  } catch {
    return offFastPath();
  }
}

/** The order hints of a node (`gg:listOrder`). @internal */
export function hintsOf(node: CollectedNode, slot: number): Record<string, unknown> {
  const hints = json(node, slot);
  return typeof hints === "object" && hints !== null && !Array.isArray(hints) ? (hints as Record<string, unknown>) : {};
}

/** A list rebuilt with its order hint; `undefined` when an optional list is absent. @internal */
export function ordered(values: string[], hint: unknown, optional: boolean): string[] | undefined {
  const list = rebuildList(values, hint, optional);
  return list === null ? offFastPath() : list;
}

/** Sets a field when the value is there. @internal */
export function set(draft: RecordDraft, key: string, value: unknown): void {
  if (value !== undefined) draft[key] = value;
}

/** A record's own data: `tags` (from the slot given: `gg:tag`, or a service's keywords) and `attributes`. @internal */
export function userData(draft: RecordDraft, node: CollectedNode, hints: Record<string, unknown>, tags: number, attributes: number): RecordDraft {
  set(draft, "tags", ordered(strings(node, tags), hints.tags, true));
  set(draft, "attributes", json(node, attributes));
  return draft;
}

import { EDGE_KINDS, NODE_KINDS, type EdgeKind, type NodeKind } from "./types.js";
import { checkArguments, isOneOf, isString, optional } from "../guard.js";

/**
 * The key of a model record's node: `kind:id`, such as `department:edu`.
 * @example nodeKey("department", "edu") // "department:edu"
 */
export function nodeKey(kind: NodeKind, id: string): string {
  checkArguments("nodeKey", [["kind", kind, isOneOf(NODE_KINDS)], ["id", id, isString]], "Pass a node kind and a record id");
  return kind + ":" + id;
}

// Ids go into edge keys with `%` and `>` percent-encoded, so `->` separates the endpoints unambiguously.
const NEEDS_ENCODING = /[%>]/;

/** An id as it stands in edge keys: `%` and `>` percent-encoded. @internal */
export function keyId(id: string): string {
  return NEEDS_ENCODING.test(id) ? id.replace(/%/g, "%25").replace(/>/g, "%3E") : id;
}

/**
 * The key of an edge: `kind:source->target`, plus `:role` for `holds` (whose prefix is `assignment`) and `:source`
 * for `requires`. Endpoints are bare model ids with `%` and `>` percent-encoded.
 * @example edgeKey("holds", "edu", "f12", "lead") // "assignment:edu->f12:lead"
 */
export function edgeKey(kind: EdgeKind, sourceId: string, targetId: string, qualifier?: string): string {
  checkArguments("edgeKey", [["kind", kind, isOneOf(EDGE_KINDS)], ["sourceId", sourceId, isString], ["targetId", targetId, isString], ["qualifier", qualifier, optional(isString)]], "Pass an edge kind and two record ids");
  const key = (kind === "holds" ? "assignment" : kind) + ":" + keyId(sourceId) + "->" + keyId(targetId);
  return qualifier === undefined ? key : key + ":" + qualifier;
}

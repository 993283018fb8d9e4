import { MultiDirectedGraph } from "graphology";
import { GovGraphError } from "../errors.js";
import type { Model } from "../schemas/model.js";
import { addEdges } from "./graph-edges.js";
import { addNodes } from "./graph-nodes.js";
import type { EdgeAttributes, GovGraph, GraphAttributes, NodeAttributes } from "./types.js";
import { requireModel } from "../model/require-model.js";

/**
 * Builds the model's full graph: a graphology `MultiDirectedGraph` with one node per record (`kind:id`) and one
 * keyed edge per relation listed in docs/graph.md, inserted in the model's order, so the same model gives the same graph.
 * Throws a `GovGraphError` (`invalid_model`) on a dangling reference or a reference repeated within a record.
 * @example
 * const graph = toGraph(parseModel(input));
 * graph.outNeighbors("department:edu"); // ["region:county", "function:f12", "service:s1", ...]
 */
export function toGraph(model: Model): GovGraph {
  model = requireModel("toGraph", model);
  const graph: GovGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  if (model.meta?.name !== undefined) graph.setAttribute("name", model.meta.name);
  try {
    addEdges(graph, model, addNodes(graph, model));
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Graph\.\w+: /, "").replace(/\.$/, "") : String(error);
    throw new GovGraphError(
      "invalid_model",
      `toGraph: ${detail}. Run validateModel first and fix the unknown references and repeated ids or list entries it reports.`,
      { cause: error },
    );
  }
  return graph;
}

/**
 * GEXF for Gephi
 * ==============
 * Writes the model's graph (`toGraph`) as GEXF 1.3 with graphology-gexf's writer, ready to open in Gephi:
 * nodes coloured by kind (the Okabe-Ito palette, safe for colour-blind readers), sized by the figures the model
 * has (staff, demand, volume, capacity, population), duplicated functions and the departments holding them flagged
 * (`findDuplication`), and laid out by ForceAtlas2 from seeded positions, so the same model opens the same way.
 *
 * References:
 * - M. Okabe, K. Ito, "Color Universal Design (CUD): how to make figures and presentations that are friendly to
 *   colorblind people" (2008).
 * - M. Jacomy, T. Venturini, S. Heymann, M. Bastian, "ForceAtlas2, a continuous graph layout algorithm for handy
 *   network visualization designed for the Gephi software", PLoS ONE 9(6) (2014).
 * @module
 */
import { write } from "graphology-gexf";
import type Graph from "graphology-types";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { findDuplication } from "../analyses/duplication/find-duplication.js";
import { toGraph } from "../graph/to-graph.js";
import type { NodeAttributes, NodeKind } from "../graph/types.js";
import { mulberry32 } from "../random.js";
import { integerIn, oneOf, resolveOptions } from "../options.js";
import type { Model } from "../schemas/model.js";
import { checkXmlKey, xmlSafe } from "./graphml.js";
import { requireModel } from "../model/require-model.js";

/** Options of {@link toGexf}. */
export interface GexfOptions {
  /** ForceAtlas2 iterations from the seeded start; 0 keeps the seeded random positions. */
  iterations?: number;
  /** Seed of the starting positions. */
  seed?: number;
  /** `data`: departments by staff, needs by demand, services by annual volume, points by capacity, regions by population; `degree`: by number of edges; `none`: one size. */
  sizeBy?: "data" | "degree" | "none";
  /** Flag (`duplicated: true`) the functions held as lead by departments with overlapping jurisdictions, those departments, and duplicated services. */
  duplication?: boolean;
}

/** Defaults of {@link toGexf}. */
export const GEXF_DEFAULTS = { iterations: 100, seed: 1, sizeBy: "data", duplication: true } as const satisfies Required<GexfOptions>;

/** The colour of each node kind: the Okabe-Ito palette. */
export const GEXF_COLORS: Readonly<Record<NodeKind, string>> = {
  region: "#999999",
  segment: "#F0E442",
  department: "#0072B2",
  function: "#D55E00",
  service: "#009E73",
  need: "#CC79A7",
  evidence: "#56B4E9",
  point: "#E69F00",
};

const MIN_SIZE = 2;
const MAX_SIZE = 20;

/** The figure a node is sized by under `sizeBy: "data"`, or undefined. */
function figure(attributes: NodeAttributes, demand: ReadonlyMap<string, number>): number | undefined {
  switch (attributes.kind) {
    case "department":
      return attributes.staffActual ?? attributes.staffAuthorized;
    case "need":
      return demand.get(attributes.id);
    case "service":
      return attributes.annualVolume;
    case "point":
      return attributes.capacity;
    case "region":
      return attributes.population;
    default:
      return undefined;
  }
}

/** Sizes in [MIN_SIZE, MAX_SIZE], by the square root of each node's figure over the largest of its kind. */
function sizes(model: Model, graph: ReturnType<typeof toGraph>, sizeBy: GexfOptions["sizeBy"]): Map<string, number> {
  const demand = new Map(model.needs.map((n) => [n.id as string, (n.demand ?? []).reduce((sum, d) => sum + d.volume, 0)]));
  const values = new Map<string, number>();
  const largest = new Map<string, number>();
  graph.forEachNode((key, attributes) => {
    const value = sizeBy === "degree" ? graph.degree(key) : sizeBy === "data" ? figure(attributes, demand) : undefined;
    if (value === undefined) return;
    values.set(key, value);
    largest.set(attributes.kind, Math.max(largest.get(attributes.kind) ?? 0, value));
  });
  const out = new Map<string, number>();
  graph.forEachNode((key, attributes) => {
    const max = largest.get(attributes.kind) ?? 0;
    const value = values.get(key);
    out.set(key, value === undefined || max <= 0 ? MIN_SIZE : Math.round((MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(value / max)) * 100) / 100);
  });
  return out;
}

/** Node keys of duplicated functions, their lead holders and duplicated services. */
function duplicated(model: Model): Set<string> {
  const out = new Set<string>();
  for (const finding of findDuplication(model, { include: ["duplication"] }).duplication) {
    for (const d of finding.departmentIds) out.add(`department:${d}`);
    if (finding.kind === "function") out.add(`function:${finding.id}`);
    else for (const s of finding.ids) out.add(`service:${s}`);
  }
  return out;
}

/**
 * The model's graph as GEXF 1.3 for Gephi: node kinds as attributes (and colours), sizes, `duplicated` flags,
 * ForceAtlas2 positions from seeded starting points, edge kinds as GEXF edge kinds. Every node and edge of
 * `toGraph(model)` is there with its attributes.
 * @example
 * writeFileSync("county.gexf", toGexf(exampleCounty, { iterations: 200 }));
 */
export function toGexf(model: Model, options: GexfOptions = {}): string {
  model = requireModel("toGexf", model);
  const fn = "toGexf";
  const o = resolveOptions(GEXF_DEFAULTS, options, fn, {
    iterations: integerIn(0, 100_000),
    seed: integerIn(-(2 ** 31), 2 ** 32 - 1),
    sizeBy: oneOf(["data", "degree", "none"]),
  });
  const govGraph = toGraph(model);
  govGraph.forEachNode((key) => checkXmlKey(fn, key));
  govGraph.forEachEdge((key) => checkXmlKey(fn, key));
  const flagged = o.duplication ? duplicated(model) : undefined;
  const size = sizes(model, govGraph, o.sizeBy);
  // The graph is ours (toGraph built it for this call): positions and metadata go on it for the layout and writer.
  const graph = govGraph as unknown as Graph;
  const random = mulberry32(o.seed);
  const scale = 10 * Math.sqrt(Math.max(graph.order, 1));
  graph.updateEachNodeAttributes((_key, attributes) => ({ ...attributes, x: (random() - 0.5) * scale, y: (random() - 0.5) * scale }));
  if (o.iterations > 0 && graph.order > 0) forceAtlas2.assign(graph, { iterations: o.iterations, settings: forceAtlas2.inferSettings(graph) });
  graph.replaceAttributes(model.meta?.name === undefined ? { creator: "govgraph" } : { creator: "govgraph", description: xmlSafe(model.meta.name) });
  return write(graph, {
    version: "1.3",
    pedantic: true,
    formatNode: (key, { label, x, y, ...rest }) => {
      const attributes: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(rest)) attributes[name] = typeof value === "string" ? xmlSafe(value) : value;
      if (flagged) attributes.duplicated = flagged.has(key);
      const viz = { color: GEXF_COLORS[rest.kind as NodeKind], size: size.get(key), x: round(x as number), y: round(y as number) };
      return { label: xmlSafe(label as string), viz, attributes };
    },
    formatEdge: (_key, { kind, ...rest }) => ({ kind: kind as string, attributes: rest }),
  });
}

const round = (value: number) => Math.round(value * 1000) / 1000;

import { readFileSync } from "node:fs";
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { exampleCounty, GEXF_COLORS, parseModel, toGexf, toGraph, type Model } from "../../src/index.js";

const fixture = (name: string): Model => parseModel(JSON.parse(readFileSync(new URL(`../fixtures/duplication/${name}.json`, import.meta.url), "utf8")));
const read = (text: string) => parse(MultiDirectedGraph, text);

describe("toGexf", () => {
  const text = toGexf(exampleCounty, { iterations: 20 });
  const back = read(text);

  it("parses back with graphology-gexf into the nodes and edges of toGraph, kinds kept", () => {
    const graph = toGraph(exampleCounty);
    expect([back.order, back.size]).toEqual([graph.order, graph.size]);
    expect(back.nodes()).toEqual(graph.nodes());
    expect(back.edges()).toEqual(graph.edges());
    expect(back.getNodeAttributes("department:agri")).toMatchObject({ kind: "department", label: "Agriculture and Rural Affairs Bureau", staffActual: 88, color: GEXF_COLORS.department });
    expect(back.mapEdges((_e, a) => a.kind)).toEqual(graph.mapEdges((_e, a) => a.kind));
    expect(text).toContain('<gexf version="1.3"');
    expect(text).toContain("<creator>govgraph</creator>");
  });

  it("lays the graph out from seeded positions: the same bytes for the same seed, other positions for another", () => {
    expect(toGexf(exampleCounty, { iterations: 20 })).toBe(text);
    const other = read(toGexf(exampleCounty, { iterations: 20, seed: 2 }));
    expect(other.getNodeAttribute("department:agri", "x")).not.toBe(back.getNodeAttribute("department:agri", "x"));
    const spread = back.mapNodes((_n, a) => a.x as number);
    expect(Math.max(...spread) - Math.min(...spread)).toBeGreaterThan(10);
  });

  it("sizes departments by staff and needs by demand, within their kind", () => {
    const departments = exampleCounty.departments.filter((d) => d.staff?.actual !== undefined);
    const biggest = departments.reduce((a, b) => (b.staff!.actual! > a.staff!.actual! ? b : a));
    const smallest = departments.reduce((a, b) => (b.staff!.actual! < a.staff!.actual! ? b : a));
    expect(back.getNodeAttribute(`department:${biggest.id}`, "size")).toBe(20);
    expect(back.getNodeAttribute(`department:${smallest.id}`, "size")).toBeLessThan(back.getNodeAttribute(`department:${biggest.id}`, "size"));
    const sizes = read(toGexf(exampleCounty, { iterations: 0, sizeBy: "none" })).mapNodes((_n, a) => a.size);
    expect(new Set(sizes)).toEqual(new Set([2]));
  });

  it("flags the duplicated function, the two bureaus holding it and their services", () => {
    const model = fixture("two-bureaus-license-the-same-activity");
    const flags = read(toGexf(model, { iterations: 0 })).reduceNodes((out, node, a) => ({ ...out, [node]: a.duplicated }), {});
    expect(flags).toEqual({
      "region:county": false,
      "segment:business": false,
      "department:health": true,
      "department:market": true,
      "function:food-stall-licence": true,
      "service:health-stall-licence": true,
      "service:market-stall-licence": true,
    });
    expect(read(toGexf(fixture("two-counties-each-with-own-bureau"), { iterations: 0 })).someNode((_n, a) => a.duplicated === true)).toBe(false);
  });

  it("refuses bad options, naming them", () => {
    expect(() => toGexf(exampleCounty, { iterations: -1, sizeBy: "staff" as never })).toThrow(
      /toGexf: option iterations must be an integer in \[0, 100000\], got -1 \(and 1 more, listed in issues\)/,
    );
  });
});

// networkx reads govgraph's GraphML (run by `npm run test:real`; skipped when Python's networkx is not installed:
// .ci/run installs Debian's python3-networkx, and in CI a missing networkx fails).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EDGE_KINDS, generateModel, NODE_KINDS, toGraph, toGraphML } from "../../src/index.js";

const python = process.env.PYTHON ?? "/usr/bin/python3";
const hasNetworkx = spawnSync(python, ["-c", "import networkx"]).status === 0;

// Reads the file, then prints counts and, for each node and edge kind, the attributes of its first node or edge.
const READ = `
import json, sys, networkx
g = networkx.read_graphml(sys.argv[1])
nodes, edges = {}, {}
for key, data in g.nodes(data=True):
    nodes.setdefault(data["kind"], [key, data])
for source, target, data in g.edges(data=True):
    edges.setdefault(data["kind"], [data["id"], data])
print(json.dumps({"type": type(g).__name__, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "byNode": nodes, "byEdge": edges}))
`;

describe.skipIf(!hasNetworkx && !process.env.CI)("networkx.read_graphml on toGraphML", () => {
  const dir = mkdtempSync(join(tmpdir(), "govgraph-graphml-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads a generated county with the node and edge counts of toGraph, and each kind's attributes typed", () => {
    const { model } = generateModel({ size: "county", seed: 1 });
    const file = join(dir, "county.graphml");
    writeFileSync(file, toGraphML(model));
    const run = spawnSync(python, ["-c", READ, file], { encoding: "utf8", maxBuffer: 1 << 26 });
    expect(run.stderr).toBe("");
    const read = JSON.parse(run.stdout) as { type: string; nodes: number; edges: number; byNode: Record<string, [string, object]>; byEdge: Record<string, [string, object]> };
    const graph = toGraph(model);
    expect([read.nodes, read.edges]).toEqual([graph.order, graph.size]);
    const nodeKinds = NODE_KINDS.filter((kind) => graph.someNode((_n, a) => a.kind === kind));
    expect(Object.keys(read.byNode).sort()).toEqual([...nodeKinds].sort());
    for (const kind of nodeKinds) {
      const [key, attributes] = read.byNode[kind]!;
      expect(attributes, kind).toEqual(graph.getNodeAttributes(key));
    }
    const edgeKinds = EDGE_KINDS.filter((kind) => graph.someEdge((_e, a) => a.kind === kind));
    expect(Object.keys(read.byEdge).sort()).toEqual([...edgeKinds].sort());
    for (const kind of edgeKinds) {
      const [key, attributes] = read.byEdge[kind]!;
      expect(attributes, kind).toEqual({ id: key, ...graph.getEdgeAttributes(key) });
    }
  });
});

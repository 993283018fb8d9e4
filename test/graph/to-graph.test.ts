import fc from "fast-check";
import louvain from "graphology-communities-louvain";
import { describe, expect, it } from "vitest";
import {
  EDGE_KINDS,
  GovGraphError,
  edgeKey,
  nodeKey,
  toGraph,
  validateModel,
  type Model,
  type ModelInput,
} from "../../src/index.js";
import { arbitraryModel, arbitraryShuffledModel } from "../arbitraries.js";
import { county, countyInput } from "./fixtures.js";

const valid = (input: ModelInput): Model => {
  const result = validateModel(input);
  if (!result.model) throw new Error(JSON.stringify(result.issues));
  return result.model;
};

describe("toGraph", () => {
  it("gives one node per record, keyed kind:id, in canonical model order", () => {
    expect(toGraph(county).nodes()).toMatchInlineSnapshot(`
      [
        "region:county",
        "region:east",
        "region:west",
        "segment:families",
        "segment:firms",
        "department:edu",
        "department:edu-east",
        "department:market",
        "function:f-licence",
        "function:f-school",
        "service:s-enrol",
        "service:s-licence",
        "need:n-baby",
        "need:n-start",
        "evidence:e-birth",
        "evidence:e-id",
        "point:p-east",
      ]
    `);
  });

  it("keys every edge kind deterministically, the assignment as DESIGN shows it", () => {
    const graph = toGraph(county);
    expect(graph.edges()).toMatchInlineSnapshot(`
      [
        "contains:county->east",
        "contains:county->west",
        "jurisdiction:edu->county",
        "jurisdiction:edu-east->east",
        "supervises:edu->edu-east",
        "jurisdiction:market->county",
        "assignment:edu->f-school:lead",
        "assignment:edu-east->f-school:support",
        "assignment:market->f-licence:lead",
        "provides:edu-east->s-enrol",
        "performs:s-enrol->f-school",
        "meets:s-enrol->n-baby",
        "targets:s-enrol->families",
        "requires:s-enrol->e-birth:citizen",
        "provides:market->s-licence",
        "partners:edu->s-licence",
        "performs:s-licence->f-licence",
        "meets:s-licence->n-start",
        "targets:s-licence->firms",
        "requires:s-licence->e-id:reused",
        "issues:market->e-id",
        "offers:p-east->s-enrol",
        "offers:p-east->s-licence",
        "located:p-east->east",
      ]
    `);
    const kinds = new Set(graph.mapEdges((_key, attributes) => attributes.kind));
    expect([...kinds].sort()).toEqual([...EDGE_KINDS].sort());
  });

  it("carries plain scalar attributes, with defaults filled in", () => {
    const graph = toGraph(county);
    expect(graph.getAttributes()).toEqual({ name: "Two townships" });
    expect(graph.getNodeAttributes("region:county")).toEqual({
      kind: "region",
      id: "county",
      label: "County",
      level: "county",
      population: 30000,
      lat: 30,
      lon: 110,
    });
    expect(graph.getNodeAttributes("department:edu")).toEqual({
      kind: "department",
      id: "edu",
      label: "Education bureau",
      departmentKind: "bureau",
      staffAuthorized: 12,
      staffActual: 10,
    });
    expect(graph.getNodeAttributes("service:s-enrol")).toEqual({
      kind: "service",
      id: "s-enrol",
      label: "School enrolment",
      status: "active",
      annualVolume: 400,
    });
    expect(graph.getNodeAttributes("service:s-licence")).toMatchObject({ status: "planned", fee: 0 });
    expect(graph.getNodeAttributes("need:n-baby")).toMatchObject({ needKind: "life_event", weight: 1 });
    expect(graph.getNodeAttributes("point:p-east")).toEqual({
      kind: "point",
      id: "p-east",
      label: "East service centre",
      pointKind: "one_stop_center",
      capacity: 5000,
    });
    expect(graph.getEdgeAttributes("assignment:edu-east->f-school:support")).toEqual({ kind: "holds", role: "support" });
    expect(graph.getEdgeAttributes("requires:s-licence->e-id:reused")).toEqual({ kind: "requires", source: "reused" });
    expect(graph.getEdgeAttributes("offers:p-east->s-enrol")).toEqual({ kind: "offers" });
    expect(graph.source("supervises:edu->edu-east")).toBe("department:edu");
    expect(graph.target("supervises:edu->edu-east")).toBe("department:edu-east");
  });

  it("builds keys with nodeKey and edgeKey that find the graph's nodes and edges", () => {
    const graph = toGraph(county);
    expect(nodeKey("department", "edu")).toBe("department:edu");
    expect(graph.hasNode(nodeKey("function", "f-school"))).toBe(true);
    expect(edgeKey("holds", "edu", "f12", "lead")).toBe("assignment:edu->f12:lead");
    for (const a of county.assignments) expect(graph.hasEdge(edgeKey("holds", a.departmentId, a.functionId, a.role))).toBe(true);
    expect(graph.hasEdge(edgeKey("located", "p-east", "east"))).toBe(true);
  });

  it("keeps ids with '->', '>', '%' or ':' apart, and treats __proto__ as an ordinary id", () => {
    const model = valid({
      schemaVersion: 1,
      regions: [
        { id: "a", name: "A" },
        { id: "a->b", name: "Arrow", parentId: "a" },
        { id: "b", name: "B", parentId: "a->b" },
        { id: "%3E", name: "Looks encoded", parentId: "a" },
        { id: ">", name: "Greater than", parentId: "a" },
        { id: "__proto__", name: "Proto", parentId: "a" },
      ],
    });
    const graph = toGraph(model);
    expect(graph.edges()).toEqual(["contains:a->%253E", "contains:a->%3E", "contains:a->__proto__", "contains:a->a-%3Eb", "contains:a-%3Eb->b"]);
    expect(graph.getNodeAttributes("region:__proto__").label).toBe("Proto");
    expect(({} as Record<string, unknown>).label).toBeUndefined();
  });

  it("rejects a dangling reference and a repeated list entry with a GovGraphError", () => {
    const dangling = { ...county, services: [{ ...county.services[0]!, needIds: ["n-missing"] }] } as unknown as Model;
    expect(() => toGraph(dangling)).toThrow(GovGraphError);
    expect(() => toGraph(dangling)).toThrow(/^toGraph: the model has \d+ errors? \(all listed in issues\), the first at \/services\/0\/needIds\/0: .*"n-missing"/);
    // A list entry given twice passes validation; the graph refuses the repeated edge.
    const repeated = { ...county, services: [{ ...county.services[0]!, functionIds: ["f-school", "f-school"] }, ...county.services.slice(1)] } as unknown as Model;
    expect(() => toGraph(repeated)).toThrow(/toGraph: .*"performs:s-enrol->f-school" edge already exists/);
  });

  it("runs graphology algorithms: seeded Louvain gives every node a community, the same each time", () => {
    const graph = toGraph(county);
    const rng = () => 0.5;
    const communities = louvain(graph, { rng });
    expect(Object.keys(communities).sort()).toEqual(graph.nodes().sort());
    expect(louvain(toGraph(county), { rng })).toEqual(communities);
  });

  it("has as many nodes as records and as many edges as references, on random models", () => {
    fc.assert(
      fc.property(arbitraryModel(), (input) => {
        const m = valid(input);
        const graph = toGraph(m);
        const records = m.regions.length + m.segments.length + m.departments.length + m.functions.length;
        expect(graph.order).toBe(records + m.services.length + m.needs.length + m.evidence.length + m.servicePoints.length);
        let edges = m.regions.filter((r) => r.parentId !== undefined).length;
        edges += m.departments.length + m.departments.filter((d) => d.parentId !== undefined).length;
        edges += m.assignments.length + m.evidence.filter((e) => e.issuerId !== undefined).length;
        for (const s of m.services) {
          edges += 1 + (s.partnerIds?.length ?? 0) + s.functionIds.length + s.needIds.length + s.segmentIds.length + (s.evidence?.length ?? 0);
        }
        for (const p of m.servicePoints) edges += p.serviceIds.length + 1;
        expect(graph.size).toBe(edges);
        graph.forEachEdge((key, attributes, source, target, sourceAttributes, targetAttributes) => {
          const qualifier = attributes.kind === "holds" ? attributes.role : attributes.kind === "requires" ? attributes.source : undefined;
          expect(key).toBe(edgeKey(attributes.kind, sourceAttributes.id, targetAttributes.id, qualifier));
          expect(source).toBe(nodeKey(sourceAttributes.kind, sourceAttributes.id));
          expect(target).toBe(nodeKey(targetAttributes.kind, targetAttributes.id));
        });
      }),
      { numRuns: 150 },
    );
  });

  it("gives the same graph, byte for byte, whatever the input's record order", () => {
    fc.assert(
      fc.property(arbitraryShuffledModel(), ([a, b]) => {
        expect(JSON.stringify(toGraph(valid(b)).export())).toBe(JSON.stringify(toGraph(valid(a)).export()));
      }),
      { numRuns: 100 },
    );
  });

  it("does not change the model", () => {
    const before = JSON.stringify(countyInput);
    const model = valid(structuredClone(countyInput));
    const snapshot = JSON.stringify(model);
    toGraph(model).setNodeAttribute("department:edu", "label", "changed");
    expect(JSON.stringify(model)).toBe(snapshot);
    expect(JSON.stringify(countyInput)).toBe(before);
  });
});

// @vitest-environment happy-dom
// Mermaid's own parser runs here: it needs a DOM only for its sanitizer, which happy-dom provides.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import mermaid from "mermaid";
import { describe, expect, it } from "vitest";
import { exampleCounty, parseModel, toMermaid, type Model } from "../../src/index.js";

const fixture = (name: string): Model => parseModel(JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/duplication", `${name}.json`), "utf8")));

interface Parsed {
  vertices: Map<string, { id: string; text: string; classes: string[] }>;
  edges: { start: string; end: string; text: string }[];
  subgraphs: { id: string; title: string; nodes: string[] }[];
}

/** Parses a diagram with Mermaid's flowchart parser and returns what it understood, labels decoded. */
async function parse(text: string): Promise<Parsed> {
  await mermaid.parse(text); // throws on a syntax error
  const { db } = (await mermaid.mermaidAPI.getDiagramFromText(text)) as unknown as {
    db: { getVertices(): Parsed["vertices"]; getEdges(): Parsed["edges"]; getSubGraphs(): Parsed["subgraphs"] };
  };
  // Mermaid keeps entity codes (#34;) in its own markers until it renders; decode them as the renderer does.
  const decode = (s: string) => s.replace(/ﬂ°°(\d+)¶ß/g, (_m, code: string) => String.fromCharCode(Number(code)));
  const vertices = new Map([...db.getVertices()].map(([id, v]) => [id, { ...v, text: decode(v.text) }]));
  return { vertices, edges: db.getEdges(), subgraphs: db.getSubGraphs().map((s) => ({ ...s, title: decode(s.title) })) };
}

describe("toMermaid, department level", () => {
  it("links the departments holding a function, labelled with how many they share", async () => {
    const text = toMermaid(fixture("two-bureaus-license-the-same-activity"));
    expect(text).toMatchInlineSnapshot(`
      "flowchart LR
        %% Departments with overlapping jurisdictions holding the same functions; a link's label is how many they both hold.
        d0["Health Bureau"]
        d1["Market Regulation Bureau"]
        d0 ---|1| d1
        linkStyle 0 stroke-width:2px
      "
    `);
    const parsed = await parse(text);
    expect([...parsed.vertices.values()].map((v) => v.text)).toEqual(["Health Bureau", "Market Regulation Bureau"]);
    expect(parsed.edges.map((e) => [e.start, e.end, e.text])).toEqual([["d0", "d1", "1"]]);
  });

  it("leaves out departments in disjoint jurisdictions unless asked, and says when nothing is shared", async () => {
    const counties = fixture("two-counties-each-with-own-bureau");
    expect(toMermaid(counties)).toContain('none["No two departments hold the same function."]:::note');
    expect(toMermaid(counties, { jurisdictions: "any" })).toContain("d0 ---|1| d1");
    await parse(toMermaid(counties));
  });

  it("draws at most maxEdges links, the pairs sharing the most, and counts the rest in a note", async () => {
    const text = toMermaid(exampleCounty, { maxEdges: 5 });
    const parsed = await parse(text);
    expect(parsed.edges).toHaveLength(5);
    // A brute-force count of the pairs: every two departments with overlapping jurisdictions holding a common function.
    const regionParent = new Map(exampleCounty.regions.map((r) => [r.id as string, r.parentId as string | undefined]));
    const within = (a: string, b: string): boolean => a === b || (regionParent.get(b) !== undefined && within(a, regionParent.get(b)!));
    const held = new Map(exampleCounty.departments.map((d) => [d.id as string, new Set(exampleCounty.assignments.filter((a) => a.departmentId === d.id).map((a) => a.functionId))]));
    const weights: number[] = [];
    const ds = exampleCounty.departments;
    for (let i = 0; i < ds.length; i++) {
      for (let j = i + 1; j < ds.length; j++) {
        const shared = [...held.get(ds[i]!.id)!].filter((f) => held.get(ds[j]!.id)!.has(f)).length;
        if (shared > 0 && (within(ds[i]!.regionId, ds[j]!.regionId) || within(ds[j]!.regionId, ds[i]!.regionId))) weights.push(shared);
      }
    }
    weights.sort((a, b) => b - a);
    expect(parsed.edges.map((e) => Number(e.text))).toEqual(weights.slice(0, 5));
    const total = weights.reduce((a, b) => a + b, 0);
    expect(parsed.vertices.get("more")!.text).toBe(`${weights.length - 5} more pairs of departments share functions, not drawn (${total} shared functions in all pairs; the 5 pairs sharing the most are drawn).`);
  });

  it("with id, draws that department's links only", async () => {
    const id = exampleCounty.departments.find((d) => d.name === "Civil Affairs Bureau")!.id;
    const parsed = await parse(toMermaid(exampleCounty, { id }));
    const self = [...parsed.vertices.values()].find((v) => v.text === "Civil Affairs Bureau")!.id;
    expect(parsed.edges.length).toBeGreaterThan(0);
    expect(parsed.edges.every((e) => e.start === self || e.end === self)).toBe(true);
  });
});

describe("toMermaid, journey level", () => {
  it("shows a journey's steps in order, grouped by department, with the evidence and who supplies it", async () => {
    const model = parseModel({
      schemaVersion: 1,
      regions: [{ id: "c", name: "County" }],
      departments: [
        { id: "civil", name: "Civil Affairs", regionId: "c" },
        { id: "police", name: "Police", regionId: "c" },
      ],
      evidence: [{ id: "birth", name: "Birth certificate", issuerId: "civil" }],
      services: [
        { id: "register", name: "Register the birth", departmentId: "civil", needIds: ["baby"], channels: [{ kind: "online", endToEnd: true }], evidence: [] },
        { id: "hukou", name: "Add to the household register", departmentId: "police", needIds: ["baby"], channels: [{ kind: "in_person" }], evidence: [{ evidenceId: "birth", source: "citizen" }] },
        { id: "card", name: "Social security card", departmentId: "civil", needIds: ["baby"], channels: [{ kind: "in_person" }], evidence: [{ evidenceId: "birth", source: "reused" }] },
      ],
      needs: [{ id: "baby", name: "Have a baby", kind: "life_event", journey: [{ serviceId: "register" }, { serviceId: "hukou", after: ["register"] }, { serviceId: "card", after: ["register", "hukou"] }] }],
    });
    const text = toMermaid(model, { level: "journey", id: "baby", direction: "TB" });
    expect(text).toMatchInlineSnapshot(`
      "flowchart TB
        %% A need's journey: its steps in order, grouped by department, with the evidence each asks for.
        n0(["Have a baby"])
        subgraph g0["Civil Affairs"]
          s0["Register the birth"]:::online
          s2["Social security card"]
        end
        subgraph g1["Police"]
          s1["Add to the household register"]
        end
        n0 --> s0
        s0 --> s1
        s0 --> s2
        s1 --> s2
        e0[/"Birth certificate"/]
        e0 -.->|from the citizen| s1
        e0 -.->|reused| s2
        classDef online fill:#e6f4ea,stroke:#009E73
      "
    `);
    const parsed = await parse(text);
    expect(parsed.subgraphs.map((s) => [s.title, s.nodes.sort()])).toEqual([
      ["Civil Affairs", ["s0", "s2"]],
      ["Police", ["s1"]],
    ]);
    expect(parsed.edges).toHaveLength(6);
  });

  it("parses for every journey of the example county", async () => {
    for (const need of exampleCounty.needs.filter((n) => n.journey?.length)) {
      const parsed = await parse(toMermaid(exampleCounty, { level: "journey", id: need.id }));
      expect(parsed.vertices.get("n0")!.text).toBe(need.name);
      expect([...parsed.vertices.keys()].filter((k) => k.startsWith("s"))).toHaveLength(need.journey!.length);
    }
  });
});

describe("toMermaid, labels and errors", () => {
  it("keeps hostile names inside their labels, exactly", async () => {
    const names = ['Tax "and" fees', "end", 'x"] --> y["injected', "#35; & <b>bold</b> `code`", "Line\nbreak", "市场监督管理局 %% not a comment", "click d0 call alert(1)"];
    const model = parseModel({
      schemaVersion: 1,
      regions: [{ id: "c", name: "County" }],
      departments: names.map((name, i) => ({ id: `d${i}`, name, regionId: "c" })),
      functions: [{ id: "f", name: "F" }],
      assignments: names.map((_n, i) => ({ departmentId: `d${i}`, functionId: "f" })),
    });
    const parsed = await parse(toMermaid(model));
    expect([...parsed.vertices.values()].map((v) => v.text)).toEqual(names.map((n) => n.replace("\n", " ")));
    expect(parsed.edges).toHaveLength((names.length * (names.length - 1)) / 2);
  });

  it("names what is wrong", () => {
    expect(() => toMermaid(exampleCounty, { level: "journey" })).toThrow(/toMermaid: level "journey" needs the id of a need/);
    expect(() => toMermaid(exampleCounty, { level: "journey", id: "nope" })).toThrow(/toMermaid: no need "nope"/);
    expect(() => toMermaid(exampleCounty, { id: "nope" })).toThrow(/toMermaid: no department "nope"/);
    expect(() => toMermaid(exampleCounty, { level: "graph" as never, maxEdges: 1.5 })).toThrow(/toMermaid: option level must be one of department, journey, got "graph" \(and 1 more/);
  });
});

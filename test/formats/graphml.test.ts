import { DOMParser } from "@xmldom/xmldom";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryModel } from "../arbitraries.js";
import { exampleCounty, GovGraphError, graphmlChunks, parseModel, toGraph, toGraphML } from "../../src/index.js";

/** Parses XML strictly: any warning or error of the parser fails the test. */
function parseXml(text: string): Document {
  const fail = (message: string) => {
    throw new Error(`not well-formed XML: ${message}`);
  };
  return new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(text, "application/xml") as unknown as Document;
}

const tiny = parseModel({
  schemaVersion: 1,
  meta: { name: "R&D <county>" },
  regions: [{ id: "c", name: "County", population: 1200, location: { lat: 30.5, lon: 110 } }],
  departments: [{ id: "d", name: 'Tax "and" fees\nbureau', regionId: "c" }],
  functions: [{ id: "f", name: "Levy" }],
  assignments: [{ departmentId: "d", functionId: "f", role: "support" }],
});

describe("toGraphML", () => {
  it("writes typed keys, then nodes and edges with their attributes, escaped", () => {
    expect(toGraphML(tiny)).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
        <key id="g0" for="graph" attr.name="name" attr.type="string"/>
        <key id="n0" for="node" attr.name="kind" attr.type="string"/>
        <key id="n1" for="node" attr.name="id" attr.type="string"/>
        <key id="n2" for="node" attr.name="label" attr.type="string"/>
        <key id="n3" for="node" attr.name="population" attr.type="long"/>
        <key id="n4" for="node" attr.name="lat" attr.type="double"/>
        <key id="n5" for="node" attr.name="lon" attr.type="long"/>
        <key id="e0" for="edge" attr.name="kind" attr.type="string"/>
        <key id="e1" for="edge" attr.name="role" attr.type="string"/>
        <graph id="G" edgedefault="directed">
          <data key="g0">R&amp;D &lt;county&gt;</data>
          <node id="region:c"><data key="n0">region</data><data key="n1">c</data><data key="n2">County</data><data key="n3">1200</data><data key="n4">30.5</data><data key="n5">110</data></node>
          <node id="department:d"><data key="n0">department</data><data key="n1">d</data><data key="n2">Tax &quot;and&quot; fees&#10;bureau</data></node>
          <node id="function:f"><data key="n0">function</data><data key="n1">f</data><data key="n2">Levy</data></node>
          <edge id="jurisdiction:d-&gt;c" source="department:d" target="region:c"><data key="e0">jurisdiction</data></edge>
          <edge id="assignment:d-&gt;f:support" source="department:d" target="function:f"><data key="e0">holds</data><data key="e1">support</data></edge>
        </graph>
      </graphml>
      "
    `);
  });

  it("is well-formed XML with every node and edge of toGraph, whatever the ids and names (property)", () => {
    fc.assert(
      fc.property(arbitraryModel(), (input) => {
        const model = parseModel(input);
        const graph = toGraph(model);
        const doc = parseXml(toGraphML(model));
        const nodes = Array.from(doc.getElementsByTagName("node")).map((n) => n.getAttribute("id"));
        expect(nodes).toEqual(graph.nodes());
        expect(doc.getElementsByTagName("edge").length).toBe(graph.size);
      }),
      { numRuns: 60 },
    );
  });

  it("streams the same text in chunks, and refuses an id XML cannot carry", () => {
    const chunks = [...graphmlChunks(exampleCounty, { chunkSize: 4096 })];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.join("")).toBe(toGraphML(exampleCounty));
    const bad = parseModel({ schemaVersion: 1, regions: [{ id: "a\u0001b", name: "Control" }] });
    expect(() => toGraphML(bad)).toThrow(GovGraphError);
    expect(() => toGraphML(bad)).toThrow(/toGraphML: the key "region:a\\u0001b" holds a character XML cannot carry/);
    expect(() => graphmlChunks(exampleCounty, { chunkSize: -1 })).toThrow(/graphmlChunks: option chunkSize must be a number >= 1/);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeJourneys, applyScenario, exampleCounty, parseModel, type ModelInput } from "../../src/index.js";
import { renderReport } from "../../src/report/index.js";
import { embeddedData } from "./embedded.js";

const fixture = (path: string) => parseModel(JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), "utf8")) as ModelInput);

describe("the data a report embeds", () => {
  it("two bureaus licensing food stalls: the graph, the duplication and the fragmentation with its HHI", () => {
    const data = embeddedData(renderReport(fixture("duplication/two-bureaus-license-the-same-activity.json")));
    // Departments and functions in the model's (id) order: health 0, market 1; one function.
    expect(data.departments.names).toEqual(["Health Bureau", "Market Regulation Bureau"]);
    const g = data.duplication.graph;
    // Two departments and one function fit under the node limit: every node drawn, each holding a lead (0 * 2 + 0).
    expect([g.mode, g.holdings, g.duplicated, g.fragmented]).toEqual(["full", [[0], [0]], [0], [0]]);
    expect([g.departmentXY.length, g.functionXY.length]).toEqual([4, 2]);
    // Shares by volume 100 and 300: HHI 0.25² + 0.75² = 0.625, worth 1 / 0.625 = 1.6 departments.
    expect(data.duplication.fragmentation).toEqual([[0, 0, 0, 0.625, 1.6, [0, 1]]]);
    // The function held as lead by both (horizontal, in the county), and the two stall-licence services.
    expect(data.duplication.duplication).toEqual([
      [0, [0], [0, 1], 0, [0], [], []],
      [1, [0, 1], [0, 1], 0, [0], [0], [0]],
    ]);
    expect(data.services.names).toEqual(["Stall licence (health)", "Stall licence (market)"]);
    expect(data.duplication.summary).toMatchObject({ heldFunctions: 1, duplicatedFunctions: 1, duplicatedShare: 1, fragmentedShare: 1 });
  });

  it("a newborn journey: steps in stages, visits per step, evidence asked again", () => {
    const model = fixture("journeys/newborn-and-business.json");
    const data = embeddedData(renderReport(model));
    const newborn = data.journeys.journeys.find((j) => data.needs.ids[j.need] === "n-newborn")!;
    const steps = newborn.steps.map((s) => ({
      service: data.services.ids[s.service],
      stage: s.stage,
      visits: s.visits,
      again: s.evidence.filter((e) => e[2] === 1).map((e) => data.evidence.ids[e[0]]),
    }));
    // Birth certificate first; household registration and insurance both wait for it only; the allowance waits for
    // both. Visits: in person or online (0); in person, 2 visits; online or mail (0); kiosk (1). The citizen hands
    // over the identity card at the first step and again at the next two, the birth certificate again at the last.
    expect(steps).toEqual([
      { service: "s-birth-cert", stage: 0, visits: 0, again: [] },
      { service: "s-hukou", stage: 1, visits: 2, again: ["e-id"] },
      { service: "s-insurance", stage: 1, visits: 0, again: ["e-id"] },
      { service: "s-allowance", stage: 2, visits: 1, again: ["e-birth"] },
    ]);
    // The steps add up to what analyzeJourneys counts for the whole journey.
    const report = analyzeJourneys(model).journeys.find((j) => j.needId === "n-newborn")!;
    expect(newborn.steps.reduce((s, x) => s + x.visits, 0)).toBe(report.inPersonVisits);
    expect(steps.flatMap((s) => s.again).length).toBe(report.repeatSubmissions);
  });

  it("says 'no data' where the model has none, never 0 or 1", () => {
    // A county with a department, a service and a need, but no demand, staff, quality or journeys.
    const model = parseModel({
      schemaVersion: 1,
      regions: [{ id: "r", name: "R" }],
      departments: [{ id: "d", name: "D", regionId: "r" }],
      needs: [{ id: "n", name: "N", kind: "need", segmentIds: [] }],
      services: [{ id: "s", name: "S", departmentId: "d", functionIds: [], needIds: ["n"], segmentIds: [], channels: [{ kind: "online" }] }],
    });
    const data = embeddedData(renderReport(model));
    expect([data.coverage.reach, data.coverage.capacity, data.coverage.reason]).toEqual([null, null, "no demand data"]);
    expect([data.duplication.summary.duplicatedShare, data.duplication.summary.fragmentedShare]).toEqual([null, null]);
    const reach = data.scorecard.pillars.find((p) => p.id === "publicServiceLevel")!.indicators.find((i) => i.id === "reach")!;
    expect([reach.value, reach.reason]).toEqual([null, "no demand data"]);
    // No service states what it publishes: openness has no data either, rather than 0%.
    expect(data.scorecard.leftOut).toEqual(["Allocation of functions", "Level of public services", "Openness of government affairs", "Civil service"]);
    expect([data.staffingOpenness.staffing.staff, data.staffingOpenness.staffing.efficiency]).toEqual([null, null]);
    expect(data.journeys.summary.onceOnlyRate).toBeNull();
  });

  it("draws departments only above the node limit, joined by supervision and shared findings", () => {
    const data = embeddedData(renderReport(exampleCounty, {}, { graphNodeLimit: 100 }));
    const g = data.duplication.graph;
    // 42 departments and 86 functions: 128 nodes, over the limit of 100.
    expect([g.mode, g.departmentXY.length, g.functionXY.length]).toEqual(["departments", 84, 0]);
    const kinds = new Set<number>();
    for (let k = 3; k < g.edges.length; k += 4) kinds.add(g.edges[k]!);
    expect([...kinds].sort()).toEqual([0, 1]);
    // Every department's functions are still there, for the page to show one department's on demand.
    expect(g.holdings.reduce((s, h) => s + h.length, 0)).toBe(exampleCounty.assignments.length);
  });

  it("the same model and seed give the same bytes; another seed moves the graph", () => {
    const a = renderReport(exampleCounty);
    expect(renderReport(exampleCounty)).toBe(a);
    const b = embeddedData(renderReport(exampleCounty, {}, { seed: 2 }));
    expect(b.duplication.graph.departmentXY).not.toEqual(embeddedData(a).duplication.graph.departmentXY);
  });

  it("a before/after report has every pillar and the indicators that moved", () => {
    const { model: after } = applyScenario(exampleCounty, [{ op: "digitizeService", serviceId: "apply-id-card" }]);
    const data = embeddedData(renderReport(exampleCounty, {}, { compare: { model: after } }));
    const c = data.compare!;
    expect(c.pillars.map((p) => p[0])).toEqual(data.scorecard.pillars.map((p) => p.name));
    expect(c.after).toBe("after");
    // Digitising the id-card service reaches the two township gaps: reach rises, the gaps go.
    const coverage = c.groups.find((g) => g.name === "Coverage")!.rows;
    expect(coverage.find((r) => r[0] === "gaps")).toEqual(["gaps", 2, 0, -2]);
    expect(c.records).toEqual([{ collection: "services", added: 0, removed: 0, changed: 1, examples: ["apply-id-card"] }]);
    expect(embeddedData(renderReport(exampleCounty)).compare).toBeNull();
  });
});

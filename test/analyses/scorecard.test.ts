import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildScorecard, exampleCounty, findDuplication, GovGraphError, parseModel, scorecard, scoreCoverage, type ModelInput } from "../../src/index.js";
import { arbitraryShuffledModel } from "../arbitraries.js";

const input: ModelInput = {
  schemaVersion: 1,
  regions: [{ id: "r", name: "County", population: 1000 }],
  departments: [
    { id: "d1", name: "Civil Affairs", regionId: "r", level: "county", kind: "bureau", staff: { actual: 10, authorized: 10 } },
    { id: "d2", name: "Market Regulation", regionId: "r", level: "county", kind: "bureau", staff: { actual: 10, authorized: 10 } },
  ],
  functions: [{ id: "f1", name: "Business licensing" }, { id: "f2", name: "Marriage registration" }],
  assignments: [
    { departmentId: "d1", functionId: "f1" },
    { departmentId: "d1", functionId: "f2" },
    { departmentId: "d2", functionId: "f1" },
  ],
  services: [
    {
      id: "s1", name: "Marriage", departmentId: "d1", functionIds: ["f2"], needIds: ["n-marry"], annualVolume: 100,
      channels: [{ kind: "in_person", visits: 2 }], evidence: [{ evidenceId: "e", source: "citizen" }],
      quality: { satisfaction: 0.8, onTimeRate: 0.6 }, published: { guide: true, processingTime: true, channels: true, contact: true },
    },
    {
      id: "s2", name: "Licence", departmentId: "d2", functionIds: ["f1"], needIds: ["n-open"], annualVolume: 300,
      channels: [{ kind: "online", endToEnd: true }], evidence: [{ evidenceId: "e", source: "reused" }],
      quality: { satisfaction: 1 }, published: { guide: true },
    },
  ],
  evidence: [{ id: "e", name: "Identity card", issuerId: "d1" }],
  needs: [
    { id: "n-marry", name: "Getting married", kind: "life_event", demand: [{ regionId: "r", volume: 500 }] },
    { id: "n-open", name: "Opening a shop", kind: "business_event", demand: [{ regionId: "r", volume: 1000 }] },
  ],
};

describe("buildScorecard", () => {
  const model = parseModel(input);
  const card = buildScorecard(model);
  const pillar = (id: string) => card.pillars.find((p) => p.id === id)!;

  it("scores function allocation from the duplication summary", () => {
    const { summary } = findDuplication(model);
    // f1 is led by d1 and d2 in the same county: duplicated (1 of 2 held functions).
    expect(summary.duplicatedShare).toBe(0.5);
    expect(pillar("functionAllocation").score).toBeCloseTo(100 * (1 - (summary.duplicatedShare + summary.fragmentedShare) / 2), 9);
  });

  it("scores public service level from coverage and volume-weighted quality", () => {
    const coverage = scoreCoverage(model);
    // The licence is online (reached everywhere, remote channels unlimited); the marriage needs a counter and the
    // county has no service point: reach = capacity = 1000 / 1500.
    expect([coverage.reach, coverage.capacity]).toEqual([2 / 3, 2 / 3]);
    // Quality: s1 mean(0.8, 0.6) = 0.7 on 100 cases, s2 1 on 300 cases: (70 + 300) / 400 = 0.925.
    expect(pillar("publicServiceLevel").indicators.find((i) => i.id === "quality")!.value).toBeCloseTo(0.925, 12);
    expect(pillar("publicServiceLevel").score).toBeCloseTo(100 * (0.5 * coverage.reach + 0.25 * coverage.capacity + 0.25 * 0.925), 9);
  });

  it("scores governance innovation from single services when no need has a journey", () => {
    // Weighted by volume (100, 300): end to end online s2 only = 300/400; evidence reused 300 of 400 requests;
    // at most one visit: s2 (0) but not s1 (2 visits) = 300/400. Mean 0.75 -> 75.
    expect(pillar("governanceInnovation").score).toBeCloseTo(75, 9);
    expect(pillar("governanceInnovation").indicators[0]!.label).toContain("(services)");
  });

  it("scores openness from published items and the civil service from staffing", () => {
    // s1: guide, processingTime, channels, contact apply and are published (4/4); s2: 1 of 4. 5 / 8.
    expect(pillar("openness").score).toBeCloseTo(62.5, 9);
    // Cases per staff: d1 10, d2 30; best 30: d1 1/3, d2 1; staff-weighted (10/3 + 10) / 20 = 2/3. Median 20: no
    // department below 20/3, so no idle staff: 100 * (0.5 * 2/3 + 0.5 * 1).
    expect(pillar("civilService").score).toBeCloseTo(100 * (0.5 * (2 / 3) + 0.5), 9);
  });

  it("weights the composite as the caller says", () => {
    const scores = card.pillars.map((p) => p.score!);
    expect(card.composite).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / 5, 9);
    const onlyOpenness = buildScorecard(model, { weights: { functionAllocation: 0, publicServiceLevel: 0, governanceInnovation: 0, civilService: 0 } });
    expect(onlyOpenness.composite).toBeCloseTo(62.5, 9);
    const doubled = buildScorecard(model, { weights: { openness: 2 } });
    expect(doubled.composite).toBeCloseTo((scores.reduce((a, b) => a + b, 0) + scores[3]!) / 6, 9);
  });

  it("lists the indicators behind each pillar", () => {
    expect(card.pillars.map((p) => [p.id, p.indicators.filter((i) => i.weight > 0).map((i) => i.id)])).toMatchInlineSnapshot(`
      [
        [
          "functionAllocation",
          [
            "unduplicatedShare",
            "unfragmentedShare",
          ],
        ],
        [
          "publicServiceLevel",
          [
            "reach",
            "capacity",
            "quality",
          ],
        ],
        [
          "governanceInnovation",
          [
            "endToEndOnlineShare",
            "onceOnlyRate",
            "atMostOneVisitShare",
          ],
        ],
        [
          "openness",
          [
            "publishedShare",
          ],
        ],
        [
          "civilService",
          [
            "efficiency",
            "staffNotIdle",
          ],
        ],
      ]
    `);
  });

  it("refuses a negative weight or an unknown pillar", () => {
    expect(() => buildScorecard(model, { weights: { openness: -1 } })).toThrow(GovGraphError);
    expect(() => buildScorecard(model, { weights: { openness: -1 } })).toThrow(
      'buildScorecard: option weights must give each pillar a finite weight of 0 or more, got "openness": -1. Fix the options and try again.',
    );
    expect(() => buildScorecard(model, { weights: { speed: 1 } as never })).toThrow(/option weights must name pillars only \(functionAllocation, .*\), got "speed"/);
  });

  it("takes the default for options given as undefined and names a bad option", () => {
    expect(buildScorecard(model, { weights: { openness: undefined }, coverage: undefined, reports: undefined })).toEqual(card);
    expect(buildScorecard(model, undefined)).toEqual(card);
    expect(() => buildScorecard(model, { coverage: 30 as never })).toThrow("buildScorecard: option coverage must be an object, got 30. Fix the options and try again.");
    expect(() => buildScorecard(model, { weight: {} } as never)).toThrow(/buildScorecard: unknown option "weight"/);
    // The options of the analyses it runs are checked by those analyses, naming them.
    expect(() => buildScorecard(model, { staffing: { flagRatio: "3" as never } })).toThrow(/^analyzeStaffing: option flagRatio/);
  });

  it("keeps scorecard as a deprecated alias of buildScorecard, whose errors name scorecard", () => {
    expect(scorecard(exampleCounty)).toEqual(buildScorecard(exampleCounty));
    expect(() => scorecard(null as never)).toThrow(/^scorecard: the model has 1 error/);
    expect(() => scorecard(exampleCounty, { weights: { nope: 1 } } as never)).toThrow(/^scorecard: option weights must name pillars only/);
  });

  it("scores the bundled example with every pillar in range, as docs/scorecard.md quotes it", () => {
    const example = buildScorecard(exampleCounty);
    for (const p of example.pillars) expect(p.score! >= 0 && p.score! <= 100).toBe(true);
    expect(example.composite! > 0 && example.composite! < 100).toBe(true);
    const doc = readFileSync(new URL("../../docs/scorecard.md", import.meta.url), "utf8");
    const block = /\$ govgraph scorecard\n([\s\S]*?)```/.exec(doc)![1]!;
    for (const [name, score] of [...example.pillars.map((p) => [p.name, p.score] as const), ["Composite", example.composite] as const]) {
      expect(block).toMatch(new RegExp(`^${name} +${score!.toFixed(1)} `, "m"));
    }
  });

  it("keeps every score in [0, 100] and ignores record order", () => {
    fc.assert(
      fc.property(arbitraryShuffledModel(), ([a, b]) => {
        const x = buildScorecard(parseModel(a));
        expect(buildScorecard(parseModel(b))).toEqual(x);
        for (const s of [x.composite, ...x.pillars.map((p) => p.score)]) if (s !== null) expect(s >= 0 && s <= 100).toBe(true);
        for (const p of x.pillars) for (const i of p.indicators) if (i.weight > 0 && i.value !== null) expect(i.value >= 0 && i.value <= 1).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

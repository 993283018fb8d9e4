import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildScorecard, exampleCounty, findDuplication, GovGraphError, parseModel, PILLARS, scorecard, type ModelInput, type ScorecardReport } from "../../src/index.js";
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

const withServices = (patch: (s: NonNullable<ModelInput["services"]>[number]) => object) => parseModel({ ...input, services: input.services!.map((s) => ({ ...s, ...patch(s) })) } as ModelInput);

describe("buildScorecard", () => {
  const model = parseModel(input);
  const card = buildScorecard(model);
  const pillarOf = (c: ScorecardReport, id: string) => c.pillars.find((p) => p.id === id)!;
  const pillar = (id: string) => pillarOf(card, id);
  const indicatorOf = (c: ScorecardReport, id: string) => c.pillars.flatMap((p) => p.indicators).find((i) => i.id === id)!;

  it("scores function allocation from the duplication summary", () => {
    // f1 is led by d1 and d2 in the same county: duplicated and fragmented, 1 of 2 held functions each.
    // 100 × (1 − (0.5 + 0.5) / 2) = 50.
    expect(pillar("functionAllocation").score.value).toBe(50);
    expect(pillar("functionAllocation").indicators[0]).toMatchObject({ id: "unduplicatedShare", value: 0.5, basis: { numerator: 1, denominator: 2, unit: "functions" } });
  });

  it("scores public service level from coverage and volume-weighted quality", () => {
    // The licence is online (reached everywhere, remote channels unlimited); the marriage needs a counter and the
    // county has no service point: reach = capacity = 1000 / 1500.
    // Quality: s1 mean(0.8, 0.6) = 0.7 on 100 cases, s2 1 on 300 cases: (70 + 300) / 400 = 0.925.
    // 100 × (0.5 × 2/3 + 0.25 × 2/3 + 0.25 × 0.925) = 50 + 23.125 = 73.125.
    expect(indicatorOf(card, "reach").value).toBeCloseTo(2 / 3, 12);
    expect(indicatorOf(card, "quality").basis).toMatchObject({ numerator: 370, denominator: 400, known: 2, total: 2, unit: "volume" });
    expect(pillar("publicServiceLevel").score.value).toBeCloseTo(73.125, 9);
  });

  it("scores governance innovation from single services when no need has a journey", () => {
    // Weighted by volume (100, 300): end to end online s2 only = 300/400; evidence reused 300 of 400 requests;
    // at most one visit: s2 (0) but not s1 (2 visits) = 300/400. Mean 0.75 -> 75.
    expect(pillar("governanceInnovation").score.value).toBeCloseTo(75, 9);
    expect(pillar("governanceInnovation").indicators[0]!.label).toContain("(services)");
  });

  it("scores openness from published items and the civil service from staffing", () => {
    // s1: guide, processingTime, channels, contact apply and are published (4/4); s2: 1 of 4. 5 / 8.
    expect(pillar("openness").score.value).toBe(62.5);
    // Cases per staff: d1 10, d2 30; best 30: d1 1/3, d2 1; staff-weighted (10/3 + 10) / 20 = 2/3. Median 20: no
    // department below 20/3, so no idle staff. 100 × (0.5 × 2/3 + 0.5 × 1) = 83.33.
    expect(pillar("civilService").score.value).toBeCloseTo(250 / 3, 9);
  });

  it("weights the composite as the caller says", () => {
    // (50 + 73.125 + 75 + 62.5 + 83.333) / 5 = 68.7917.
    expect(card.composite).toMatchObject({ known: 5, total: 5, leftOut: [], coverageOfWeights: 1, records: "pillars" });
    expect(card.composite.value).toBeCloseTo(68.791667, 6);
    const onlyOpenness = buildScorecard(model, { weights: { functionAllocation: 0, publicServiceLevel: 0, governanceInnovation: 0, civilService: 0 } });
    expect(onlyOpenness.composite).toMatchObject({ value: 62.5, known: 1, total: 1 });
    // Openness twice: (343.958 + 62.5) / 6 = 67.7431.
    expect(buildScorecard(model, { weights: { openness: 2 } }).composite.value).toBeCloseTo(67.743056, 6);
  });

  it("leaves a pillar with no data out of the composite, saying which and how much of the weight is left", () => {
    // No department reports staff: the civil service has no indicator with data.
    const noStaff = buildScorecard(parseModel({ ...input, departments: input.departments!.map(({ staff: _staff, ...d }) => d) } as ModelInput));
    expect(pillarOf(noStaff, "civilService").score).toMatchObject({ value: null, reason: "no_data", known: 0, total: 2, leftOut: ["efficiency", "staffNotIdle"], coverageOfWeights: 0 });
    // (50 + 73.125 + 75 + 62.5) / 4 = 65.15625, over 4 of the 5 equal weights.
    expect(noStaff.composite).toMatchObject({ value: 65.15625, known: 4, total: 5, leftOut: ["civilService"], coverageOfWeights: 0.8 });
    const heavy = buildScorecard(parseModel({ ...input, departments: input.departments!.map(({ staff: _staff, ...d }) => d) } as ModelInput), { weights: { civilService: 2 } });
    expect(heavy.composite.coverageOfWeights).toBeCloseTo(4 / 6, 12);
  });

  it("leaves an indicator with no data out of its pillar's weighted mean", () => {
    // No quality recorded: 100 × (0.5 × 2/3 + 0.25 × 2/3) / 0.75 = 66.67, over 0.75 of the pillar's weight.
    const noQuality = buildScorecard(withServices(() => ({ quality: undefined })));
    expect(indicatorOf(noQuality, "quality")).toMatchObject({ value: null, reason: "no_data", basis: { known: 0, total: 2 } });
    expect(pillarOf(noQuality, "publicServiceLevel").score).toMatchObject({ leftOut: ["quality"], coverageOfWeights: 0.75, known: 2, total: 3 });
    expect(pillarOf(noQuality, "publicServiceLevel").score.value).toBeCloseTo(200 / 3, 9);
  });

  it("has no services-based once-only rate when no service asks for evidence (null, not 1)", () => {
    const noEvidence = buildScorecard(withServices(() => ({ evidence: undefined })));
    expect(indicatorOf(noEvidence, "onceOnlyRate")).toMatchObject({ value: null, reason: "no_data", basis: { known: 0, denominator: 0 } });
    // The pillar stands on the other two: mean(0.75, 0.75).
    expect(pillarOf(noEvidence, "governanceInnovation").score).toMatchObject({ value: 75, leftOut: ["onceOnlyRate"] });
  });

  it("counts a service with no channel as one visit, and not online, as a default it shows", () => {
    const extra = { id: "s3", name: "Certificate", departmentId: "d1", functionIds: ["f2"], needIds: ["n-marry"], annualVolume: 100, channels: [] };
    const withBare = parseModel({ ...input, services: [...input.services!, extra] } as ModelInput);
    // At most one visit: s2 (300, online) and s3 (100, one visit by default) of 500 = 0.8; s3 is assumed.
    expect(indicatorOf(buildScorecard(withBare), "atMostOneVisitShare").basis).toMatchObject({ value: 0.8, known: 2, total: 3, assumed: 1 });
    expect(indicatorOf(buildScorecard(withBare), "endToEndOnlineShare").value).toBe(0.6);
    // Counted as two visits instead, s3 falls out: 300 / 500.
    expect(indicatorOf(buildScorecard(withBare, { journeys: { visitsWithoutChannel: 2 } }), "atMostOneVisitShare").value).toBe(0.6);
  });

  it("weighs a service without annualVolume as the mean volume of those that have one (not 1, not 0)", () => {
    // s2 loses its volume: it weighs the mean known volume, s1's 100. Quality (0.7 × 100 + 1 × 100) / 200 = 0.85
    // (a weight of 1 would give 0.703, a weight of 0 would give 0.7); end to end online 100 / 200.
    const noVolume = buildScorecard(withServices((s) => (s.id === "s2" ? { annualVolume: undefined } : {})));
    expect(indicatorOf(noVolume, "quality").basis).toMatchObject({ value: 0.85, known: 2, assumed: 1 });
    expect(indicatorOf(noVolume, "endToEndOnlineShare").basis).toMatchObject({ value: 0.5, assumed: 1 });
  });

  it("reads a duplication report that left duplication out as not computed, not as none found", () => {
    const reports = { duplication: findDuplication(model, { include: ["fragmentation"] }) };
    const partial = buildScorecard(model, { reports });
    expect(indicatorOf(partial, "unduplicatedShare")).toMatchObject({ value: null, reason: "not_computed" });
    expect(indicatorOf(partial, "duplicatedFunctions")).toMatchObject({ value: null, reason: "not_computed" });
    expect(pillarOf(partial, "functionAllocation").score).toMatchObject({ value: 50, leftOut: ["unduplicatedShare"] });
  });

  it("has no composite at all when no pillar has data", () => {
    const empty = buildScorecard(parseModel({ schemaVersion: 1, regions: [{ id: "r", name: "R" }], departments: [{ id: "d", name: "D", regionId: "r" }] }));
    expect(empty.pillars.map((p) => p.score.value)).toEqual([null, null, null, null, null]);
    expect(empty.composite).toMatchObject({ value: null, reason: "no_data", known: 0, total: 5, coverageOfWeights: 0 });
    expect(empty.composite.leftOut).toEqual([...PILLARS]);
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

  it("scores the bundled example as docs/scorecard.md quotes it", () => {
    const example = buildScorecard(exampleCounty);
    const doc = readFileSync(new URL("../../docs/scorecard.md", import.meta.url), "utf8");
    const block = /\$ govgraph scorecard\n([\s\S]*?)```/.exec(doc)![1]!;
    for (const [name, score] of [...example.pillars.map((p) => [p.name, p.score.value] as const), ["Composite", example.composite.value] as const]) {
      expect(block).toMatch(new RegExp(`^${name} +${score!.toFixed(1)} `, "m"));
    }
  });

  it("leaves out exactly the pillars without a score, and ignores record order", () => {
    fc.assert(
      fc.property(arbitraryShuffledModel(), ([a, b]) => {
        const x = buildScorecard(parseModel(a));
        expect(buildScorecard(parseModel(b))).toEqual(x);
        expect(x.composite.leftOut).toEqual(x.pillars.filter((p) => p.score.value === null).map((p) => p.id));
        for (const p of x.pillars) expect(p.score.leftOut).toEqual(p.indicators.filter((i) => i.weight > 0 && i.value === null).map((i) => i.id));
      }),
      { numRuns: 60 },
    );
  });
});

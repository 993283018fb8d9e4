import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeJourneys, GovGraphError, parseModel, type ModelInput } from "../../src/index.js";

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/journeys/${name}`, import.meta.url), "utf8")) as ModelInput;

describe("analyzeJourneys", () => {
  const model = parseModel(fixture("newborn-and-business.json"));
  const report = analyzeJourneys(model);
  const newborn = report.journeys.find((j) => j.needId === "n-newborn")!;
  const business = report.journeys.find((j) => j.needId === "n-business")!;

  it("counts the newborn journey as worked out on paper", () => {
    // Visits, fewest per step: birth-cert min(in_person 1 by default, online 0) = 0; hukou in_person visits 2 = 2;
    // insurance min(online 0, mail 0) = 0; allowance kiosk (1 by default) = 1. Total 0 + 2 + 0 + 1 = 3.
    expect(newborn.inPersonVisits).toBe(3);
    // Evidence: 2 requests per step = 8; reused: e-medical (birth-cert), e-birth (insurance) = 2; citizen 6.
    expect([newborn.evidenceRequests, newborn.reused, newborn.citizenSupplied, newborn.onceOnlyRate]).toEqual([8, 2, 6, 0.25]);
    // Citizen supplies e-id three times (birth-cert, hukou, insurance: 2 repeats) and e-birth twice (hukou,
    // allowance: 1 repeat); e-bank once. 2 + 1 = 3 repeat submissions.
    expect(newborn.repeatSubmissions).toBe(3);
    expect(newborn.repeatedEvidence).toEqual(["e-birth", "e-id"]);
    // Only birth-cert has an end-to-end online channel (insurance's online channel is not end to end): 1 / 4.
    expect(newborn.endToEndOnlineShare).toBe(0.25);
    // Days, fastest channel per step: birth-cert min(1, 3) = 1; hukou 5; insurance min(10, 7) = 7; allowance has no
    // channel days, so the service's 2. Finish: birth-cert 1, hukou 1 + 5 = 6, insurance 1 + 7 = 8,
    // allowance max(6, 8) + 2 = 10, through insurance.
    expect(newborn.days).toBe(10);
    expect(newborn.criticalPath).toEqual(["s-birth-cert", "s-insurance", "s-allowance"]);
    expect(newborn.departments).toEqual(["d-health", "d-police", "d-social"]);
    expect(newborn.weight).toBe(300);
  });

  it("counts the business journey: two parallel steps, one visit", () => {
    // register online end to end (0 visits, 1 day, e-id reused); tax in person (1 visit by default, 3 days, e-id
    // from the citizen). Parallel steps: days max(1, 3) = 3. Weight: demand 100 times need weight 2 = 200.
    expect(business).toMatchObject({
      inPersonVisits: 1,
      evidenceRequests: 2,
      reused: 1,
      onceOnlyRate: 0.5,
      repeatSubmissions: 0,
      endToEndOnlineShare: 0.5,
      days: 3,
      criticalPath: ["s-tax"],
      weight: 200,
    });
  });

  it("weights the summary by demand", () => {
    // Weights 300 (newborn) and 200 (business), total 500.
    // visits (300*3 + 200*1) / 500 = 2.2; days (300*10 + 200*3) / 500 = 7.2;
    // once-only (300*2 + 200*1) / (300*8 + 200*2) = 800 / 2800; at most one visit: business only, 200 / 500 = 0.4;
    // end-to-end (300*0.25 + 200*0.5) / 500 = 0.35; repeats 300*3 / 500 = 1.8; departments (300*3 + 200*2) / 500 = 2.6.
    const s = report.summary;
    expect(s.journeys).toBe(2);
    expect(s.weight).toBe(500);
    expect(s.inPersonVisits).toBeCloseTo(2.2, 12);
    expect(s.days).toBeCloseTo(7.2, 12);
    expect(s.onceOnlyRate).toEqual({ value: 800 / 2800, numerator: 800, denominator: 2800, unit: "weighted requests", known: 2, total: 2, records: "journeys" });
    expect(s.atMostOneVisitShare).toEqual({ value: 0.4, numerator: 200, denominator: 500, unit: "demand", known: 2, total: 2, records: "journeys" });
    expect(s.atMostOneVisit).toBe(1);
    expect(s.endToEndOnlineShare.value).toBeCloseTo(0.35, 12);
    expect(s.repeatSubmissions).toBeCloseTo(1.8, 12);
    expect(s.departments).toBeCloseTo(2.6, 12);
  });

  it("has no once-only rate (null, not 1) when no journey asks for evidence", () => {
    const input = fixture("newborn-and-business.json") as unknown as { services: Record<string, unknown>[] };
    const noEvidence = parseModel({ ...input, services: input.services.map(({ evidence: _evidence, ...s }) => s) } as ModelInput);
    const s = analyzeJourneys(noEvidence).summary;
    expect(s.onceOnlyRate).toEqual({ value: null, numerator: 0, denominator: 0, unit: "weighted requests", known: 0, total: 2, records: "journeys", reason: "no_data" });
    expect(analyzeJourneys(noEvidence).journeys.map((j) => j.onceOnlyRate)).toEqual([null, null]);
  });

  it("counts a step whose service has no channel as one visit and not online, and says so (assumed)", () => {
    const input = fixture("newborn-and-business.json") as unknown as { services: { id: string; channels: unknown[] }[] };
    // The business journey's tax step (in person, 1 visit by default) loses its channels: still 1 visit, by the default.
    const model2 = parseModel({ ...input, services: input.services.map((x) => (x.id === "s-tax" ? { ...x, channels: [] } : x)) } as unknown as ModelInput);
    const r = analyzeJourneys(model2);
    expect(r.journeys.find((j) => j.needId === "n-business")).toMatchObject({ inPersonVisits: 1, stepsWithoutChannel: 1, endToEndOnlineShare: 0.5 });
    expect(r.summary.atMostOneVisitShare).toMatchObject({ value: 0.4, known: 1, total: 2, assumed: 1 });
    // Counting two visits for a step without a channel moves the business journey out of "at most one visit".
    expect(analyzeJourneys(model2, { visitsWithoutChannel: 2 }).summary.atMostOneVisitShare.value).toBe(0);
    // When no journey's steps all have channels, the share is not measured at all.
    const noChannels = parseModel({ ...input, services: input.services.map((x) => ({ ...x, channels: [] })) } as unknown as ModelInput);
    expect(analyzeJourneys(noChannels).summary.atMostOneVisitShare).toMatchObject({ value: null, reason: "no_data", known: 0, assumed: 2 });
  });

  it("weighs a journey whose need has no demand by the population, and one with a volume of 0 as 1 (assumed)", () => {
    const input = fixture("newborn-and-business.json") as unknown as { regions: Record<string, unknown>[]; needs: Record<string, unknown>[] };
    const byId = (id: string, patch: Record<string, unknown>) => (n: Record<string, unknown>) => (n.id === id ? { ...n, ...patch } : n);
    const needs = input.needs.map(byId("n-newborn", { demand: undefined })).map(byId("n-business", { demand: [{ regionId: input.regions[0]!.id, volume: 0 }] }));
    const r = analyzeJourneys(parseModel({ ...input, needs } as unknown as ModelInput));
    const population = (input.regions as { id: string; parentId?: string; population?: number }[])
      .filter((x) => !input.regions.some((y) => y.parentId === x.id))
      .reduce((t, x) => t + (x.population ?? 0), 0);
    // Business: demand 0 counts as 1 case, times its weight 2; newborn: the leaf regions' population.
    expect(r.journeys.map((j) => [j.needId, j.volume, j.volumeFrom, j.weight])).toEqual([
      ["n-business", 1, "default", 2],
      ["n-newborn", population, "population", population],
    ]);
    expect(r.summary.onceOnlyRate.assumed).toBe(2);
  });

  it("reports only needs with a journey, sorted by need id", () => {
    expect(report.journeys.map((j) => j.needId)).toEqual(["n-business", "n-newborn"]);
  });

  it("refuses a cycle in `after` with an error naming the need", () => {
    const input = fixture("newborn-and-business.json");
    const bad = structuredClone(input) as { needs: { id: string; journey?: { serviceId: string; after?: string[] }[] }[] };
    bad.needs[0]!.journey![0]!.after = ["s-allowance"];
    // A model govgraph has not validated is validated first, and validation reports the cycle.
    const cyclic = { ...model, needs: bad.needs } as unknown as typeof model;
    expect(() => analyzeJourneys(cyclic)).toThrow(GovGraphError);
    expect(() => analyzeJourneys(cyclic)).toThrow(/^analyzeJourneys: the model has \d+ errors? \(all listed in issues\), the first at \/needs\/0\/journey/);
  });

  it("lets the caller change the visits a channel kind costs by default", () => {
    // With kiosks counted as remote, the allowance step costs nothing: 0 + 2 + 0 + 0.
    const r = analyzeJourneys(model, { defaultVisits: { kiosk: 0 } });
    expect(r.journeys.find((j) => j.needId === "n-newborn")!.inPersonVisits).toBe(2);
  });

  it("takes the default for options given as undefined and names a bad option", () => {
    expect(analyzeJourneys(model, { defaultVisits: undefined, visitsWithoutChannel: undefined })).toEqual(report);
    // A channel kind given as undefined keeps its default too (a kiosk costs one visit).
    expect(analyzeJourneys(model, { defaultVisits: { kiosk: undefined } })).toEqual(report);
    expect(() => analyzeJourneys(model, { visitsWithoutChannel: -1 })).toThrow(
      "analyzeJourneys: option visitsWithoutChannel must be a number in [0, Infinity], got -1. Fix the options and try again.",
    );
    expect(() => analyzeJourneys(model, { defaultVisits: { fax: 1 } as never })).toThrow(/^analyzeJourneys: option defaultVisits must map channel kinds \(in_person, /);
  });

  it("ignores the order of records and of journey steps", () => {
    const input = fixture("newborn-and-business.json") as unknown as Record<string, unknown[]>;
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (seeds) => {
        const shuffled: Record<string, unknown> = { ...input };
        let k = 0;
        for (const key of ["services", "needs", "departments", "evidence"]) {
          const list = [...input[key]!];
          const seed = seeds[k++]!;
          shuffled[key] = list.map((x, i) => ({ x, r: (i * 7919 + seed) % 101 })).sort((a, b) => a.r - b.r).map((p) => p.x);
        }
        const needs = shuffled.needs as { journey?: unknown[] }[];
        shuffled.needs = needs.map((n) => (n.journey ? { ...n, journey: [...n.journey].reverse() } : n));
        expect(analyzeJourneys(parseModel(shuffled))).toEqual(report);
      }),
      { numRuns: 20 },
    );
  });
});

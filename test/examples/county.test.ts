import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  analyzeJourneys,
  analyzeStaffing,
  countyInput,
  exampleCounty,
  findDuplication,
  parseModel,
  scoreCoverage,
  scoreOpenness,
  suggestConsolidation,
  validateModel,
  type Model,
} from "../../src/index.js";

const m: Model = exampleCounty;
const byId = <T extends { id: string }>(records: readonly T[]) => new Map(records.map((r) => [r.id as string, r]));
const departments = byId(m.departments);
const regions = byId(m.regions);
const services = byId(m.services);

/** Great-circle distance in km (haversine, R = 6371 km), as coverage uses by default. */
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function isAncestor(ancestorId: string, regionId: string): boolean {
  for (let r = regions.get(regionId)?.parentId; r; r = regions.get(r)?.parentId) if (r === ancestorId) return true;
  return false;
}

/** Character trigram Jaccard similarity of two lower-cased names. */
function trigramJaccard(a: string, b: string): number {
  const grams = (s: string) => {
    const t = s.toLowerCase();
    const set = new Set<string>();
    for (let i = 0; i + 3 <= t.length; i++) set.add(t.slice(i, i + 3));
    return set;
  };
  const ga = grams(a);
  const gb = grams(b);
  const shared = [...ga].filter((g) => gb.has(g)).length;
  return shared / (ga.size + gb.size - shared);
}

const leadHolders = (functionId: string) =>
  m.assignments.filter((a) => a.functionId === functionId && a.role === "lead").map((a) => a.departmentId as string);

describe("the bundled Qingshui County example", () => {
  it("validates with no errors and no warnings", () => {
    const result = validateModel(countyInput);
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("is the validated model of its input, deep-frozen, without validating at import", () => {
    expect(exampleCounty).toEqual(parseModel(countyInput));
    expect(Object.isFrozen(exampleCounty)).toBe(true);
    expect(Object.isFrozen(exampleCounty.services)).toBe(true);
    expect(Object.isFrozen(exampleCounty.services[0]!.channels[0])).toBe(true);
    expect(Object.isFrozen(countyInput.departments)).toBe(true);
    expect(() => (exampleCounty.departments as unknown as unknown[]).push({})).toThrow(TypeError);
  });

  it("is in canonical order and survives a JSON round trip", () => {
    const ids = m.services.map((s) => s.id as string);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(parseModel(JSON.parse(JSON.stringify(countyInput)))).toEqual(exampleCounty);
  });

  it("has the size of a county: ten townships, 35 to 45 departments", () => {
    const townships = m.regions.filter((r) => r.parentId === "qingshui");
    expect(townships).toHaveLength(10);
    expect(m.departments.length).toBeGreaterThanOrEqual(35);
    expect(m.departments.length).toBeLessThanOrEqual(45);
    for (const t of townships) {
      expect(t.population).toBeGreaterThan(0);
      const d = km(regions.get("qingshui")!.location!, t.location!);
      expect(d).toBeLessThan(60);
    }
    const county = regions.get("qingshui")!;
    expect(county.parentId).toBe("yunling");
    expect(county.population).toBe(townships.reduce((sum, t) => sum + t.population!, 0));
    for (const d of m.departments) {
      expect(d.staff?.authorized, d.id).toBeGreaterThan(0);
      expect(d.staff?.actual, d.id).toBeGreaterThan(0);
      expect(d.budget, d.id).toBeGreaterThan(0);
    }
    expect(
      Object.fromEntries(
        Object.entries(m).flatMap(([key, value]) => (Array.isArray(value) ? [[key, value.length]] : [])),
      ),
    ).toMatchInlineSnapshot(`
      {
        "assignments": 215,
        "departments": 42,
        "evidence": 22,
        "functions": 86,
        "needs": 10,
        "regions": 12,
        "segments": 6,
        "servicePoints": 20,
        "services": 54,
        "travelCosts": 3,
      }
    `);
  });

  it("plants horizontal duplication: two departments of one region lead the same licensing function", () => {
    const horizontal = m.functions
      .filter((f) => {
        const leads = leadHolders(f.id);
        return leads.some((a, i) => leads.some((b, j) => j > i && departments.get(a)!.regionId === departments.get(b)!.regionId));
      })
      .map((f) => [f.id, f.category, leadHolders(f.id)]);
    expect(horizontal).toMatchInlineSnapshot(`
      [
        [
          "entertainment-venue-licensing",
          "licensing",
          [
            "culture",
            "psb",
          ],
        ],
        [
          "river-sand-licensing",
          "licensing",
          [
            "natres",
            "water",
          ],
        ],
      ]
    `);
  });

  it("plants vertical duplication: a county bureau and a city department lead the same inspection", () => {
    const vertical = m.functions
      .filter((f) => {
        const leads = leadHolders(f.id).map((id) => departments.get(id)!.regionId as string);
        return leads.some((a) => leads.some((b) => isAncestor(a, b)));
      })
      .map((f) => [f.id, leadHolders(f.id)]);
    expect(vertical).toEqual([
      ["food-safety-inspection", ["amr", "city-amr"]],
      ["pollution-inspection", ["city-eco", "eco-branch"]],
    ]);
  });

  it("plants a duplicated service pair: two departments' services perform the same function for the same segment", () => {
    const culture = services.get("apply-entertainment-licence")!;
    const police = services.get("apply-entertainment-security-approval")!;
    expect(culture.departmentId).not.toBe(police.departmentId);
    expect(culture.functionIds).toEqual(police.functionIds);
    expect(culture.segmentIds).toEqual(police.segmentIds);
  });

  it("plants fragmentation: elderly care is held by four bureaus and met by services of three", () => {
    const holders = m.assignments.filter((a) => a.functionId === "elderly-care" && departments.get(a.departmentId)!.level === "county");
    expect(holders.map((a) => `${a.departmentId}:${a.role}`)).toEqual(["civil:lead", "health:support", "hrss:support", "medsec:support"]);
    const providers = new Set(m.services.filter((s) => s.needIds.includes("elderly-care" as never)).map((s) => s.departmentId));
    expect([...providers].sort()).toEqual(["civil", "health", "medsec"]);
  });

  it("plants overlap: the industry bureau supports three of the commerce bureau's four functions", () => {
    const set = (id: string) => new Set(m.assignments.filter((a) => a.departmentId === id).map((a) => a.functionId));
    const a = set("commerce");
    const b = set("miit");
    const shared = [...a].filter((f) => b.has(f)).length;
    expect(shared / (a.size + b.size - shared)).toBeGreaterThanOrEqual(0.5);
    expect(m.assignments.filter((x) => x.departmentId === "miit" && a.has(x.functionId)).every((x) => x.role === "support")).toBe(true);
  });

  it("plants near-duplicate function names, in English and in Chinese", () => {
    const fns = byId(m.functions);
    for (const [a, b] of [
      ["food-business-licence", "food-business-licence-approval"],
      ["homestead-approval", "homestead-review"],
    ] as const) {
      const similarity = trigramJaccard(fns.get(a)!.name, fns.get(b)!.name);
      expect(similarity, `${a} ~ ${b}`).toBeGreaterThanOrEqual(0.8);
      expect(similarity).toBeLessThan(1);
    }
  });

  it("has a small meteorological bureau: five staff, three functions, the smallest county bureau", () => {
    const meteo = departments.get("meteo")!;
    expect(meteo.staff).toEqual({ authorized: 6, actual: 5 });
    expect(m.assignments.filter((a) => a.departmentId === "meteo")).toHaveLength(3);
    const smaller = m.departments.filter((d) => d.level === "county" && (d.staff?.actual ?? 0) < meteo.staff!.actual!);
    expect(smaller).toEqual([]);
  });

  it("has staffing contrasts: an over-establishment township and a remote one with vacancies", () => {
    const over = m.departments.filter((d) => d.staff!.actual! > d.staff!.authorized!).map((d) => d.id);
    expect(over).toEqual(["chengguan-gov"]);
    const yunwu = departments.get("yunwu-gov")!.staff!;
    expect(1 - yunwu.actual! / yunwu.authorized!).toBeCloseTo(0.25);
  });

  it("asks citizens again for evidence another department issues, and reuses some", () => {
    const issuer = new Map(m.evidence.map((e) => [e.id as string, e.issuerId as string | undefined]));
    const askedAgain = m.services.flatMap((s) =>
      (s.evidence ?? [])
        .filter((e) => e.source === "citizen" && issuer.get(e.evidenceId) && issuer.get(e.evidenceId) !== s.departmentId)
        .map((e) => `${s.id} asks for ${e.evidenceId} from ${issuer.get(e.evidenceId)}`),
    );
    expect(askedAgain).toContain("register-newborn-hukou asks for birth-certificate from health");
    expect(askedAgain).toContain("register-equity-change asks for tax-certificate from tax");
    expect(askedAgain).toContain("switch-to-retiree-medical-insurance asks for retirement-approval-form from hrss");
    expect(askedAgain).toContain("get-rural-planning-permit asks for homestead-approval-letter from agri");
    const reusedOnce = m.services.filter((s) => s.evidence?.some((e) => e.evidenceId === "birth-certificate" && e.source === "reused"));
    expect(reusedOnce.map((s) => s.id)).toEqual(["claim-maternity-benefit"]);
  });

  it("leaves remote townships beyond 30 km of every point offering an in-person-only need", () => {
    const remote = new Set(["online", "phone", "mail", "mobile"]);
    const gaps: string[] = [];
    for (const need of m.needs) {
      const active = m.services.filter((s) => s.needIds.includes(need.id) && (s.status ?? "active") === "active");
      if (active.length === 0 || active.some((s) => s.channels.some((c) => remote.has(c.kind)))) continue;
      const ids = new Set(active.map((s) => s.id as string));
      const points = m.servicePoints.filter((p) => p.serviceIds.some((id) => ids.has(id)));
      for (const t of m.regions.filter((r) => r.parentId === "qingshui")) {
        const nearest = Math.min(...points.map((p) => km(t.location!, p.location!)));
        if (nearest > 30) gaps.push(`${need.id} in ${t.id} (${Math.round(nearest)} km)`);
      }
    }
    expect(gaps).toEqual(["get-id-card in gaoling (35 km)", "get-id-card in yunwu (42 km)"]);
  });

  it("gives each of the five life events a journey of 2+ services across 2+ departments, with an order", () => {
    const events = ["start-business", "transfer-equity", "have-baby", "build-rural-house", "retire"];
    const needs = byId(m.needs);
    for (const id of events) {
      const journey = needs.get(id)!.journey!;
      const depts = new Set(journey.map((step) => services.get(step.serviceId)!.departmentId));
      expect(journey.length, id).toBeGreaterThanOrEqual(2);
      expect(depts.size, id).toBeGreaterThanOrEqual(2);
      expect(journey.some((step) => (step.after ?? []).length > 0), id).toBe(true);
      expect(needs.get(id)!.demand!.length, id).toBe(10);
    }
  });

  it("asks a new family for the birth certificate twice along the same journey", () => {
    const journey = m.needs.find((n) => n.id === "have-baby")!.journey!;
    const asks = journey.filter((step) =>
      services.get(step.serviceId)!.evidence?.some((e) => e.evidenceId === "birth-certificate" && e.source === "citizen"),
    );
    expect(asks.map((s) => s.serviceId)).toEqual(["register-newborn-hukou", "enrol-newborn-medical-insurance"]);
  });

  it("leaves openness something to find, and has a retired and a planned service", () => {
    const unpublished = m.services.filter((s) => !s.published);
    expect(unpublished.map((s) => s.id)).toContain("apply-water-abstraction-permit");
    const partly = m.services.filter((s) => s.published && Object.values(s.published).some((v) => v === false));
    expect(partly.length).toBeGreaterThanOrEqual(5);
    expect(m.services.filter((s) => s.status === "retired").map((s) => s.id)).toEqual(["annual-business-inspection"]);
    expect(m.services.filter((s) => s.status === "planned").map((s) => s.id)).toEqual(["claim-long-term-care"]);
  });

  it("matches the size table of docs/example-county.md", () => {
    const doc = readFileSync(new URL("../../docs/example-county.md", import.meta.url), "utf8");
    const header = doc.split("\n").findIndex((line) => line.startsWith("| regions | segments |"));
    const cells = doc.split("\n")[header + 2]!.split("|").slice(1, -1).map((c) => Number(c.trim()));
    const collections = ["regions", "segments", "departments", "functions", "assignments", "services", "needs", "evidence", "servicePoints", "travelCosts"] as const;
    expect(cells).toEqual(collections.map((c) => m[c].length));
  });
});

describe("the analyses on the example find what is planted", () => {
  it("findDuplication: two horizontal and two vertical duplications, the service pair, both near-duplicate pairs", () => {
    const report = findDuplication(exampleCounty);
    const functions = report.duplication.filter((d) => d.kind === "function").map((d) => [d.id, d.scope, d.departmentIds]);
    expect(functions).toEqual([
      ["entertainment-venue-licensing", "horizontal", ["culture", "psb"]],
      ["food-safety-inspection", "vertical", ["amr", "city-amr"]],
      ["pollution-inspection", "vertical", ["city-eco", "eco-branch"]],
      ["river-sand-licensing", "horizontal", ["natres", "water"]],
    ]);
    expect(report.duplication.filter((d) => d.kind === "service").map((d) => d.ids)).toContainEqual([
      "apply-entertainment-licence",
      "apply-entertainment-security-approval",
    ]);
    expect(report.nearDuplicateFunctions.map((n) => n.functionIds)).toEqual([
      ["food-business-licence", "food-business-licence-approval"],
      ["homestead-approval", "homestead-review"],
    ]);
    expect(report.overlap).toContainEqual(expect.objectContaining({ departmentIds: ["commerce", "miit"], basis: "functions" }));
    expect(report.fragmentation).toContainEqual(
      expect.objectContaining({ kind: "function", id: "elderly-care", regionId: "qingshui", departmentIds: ["civil", "health", "hrss", "medsec"] }),
    );
  });

  it("suggestConsolidation: the meteorological bureau is small and folds into emergency management", () => {
    const { smallDepartments } = suggestConsolidation(exampleCounty);
    expect(smallDepartments).toContainEqual(expect.objectContaining({ departmentId: "meteo", into: "emergency" }));
    expect(smallDepartments.map((d) => d.departmentId)).not.toContain("county-gov");
  });

  it("scoreCoverage: the only gaps are ID cards in Gaoling and Yunwu", () => {
    const { gaps } = scoreCoverage(exampleCounty);
    expect(gaps.map((g) => [g.needId, g.regionId])).toEqual([
      ["get-id-card", "gaoling"],
      ["get-id-card", "yunwu"],
    ]);
  });

  it("analyzeJourneys: visits, repeat submissions and the critical path of the five life events", () => {
    const journeys = new Map(analyzeJourneys(exampleCounty).journeys.map((j) => [j.needId as string, j]));
    const rows = ["start-business", "transfer-equity", "have-baby", "build-rural-house", "retire"].map((id) => {
      const j = journeys.get(id)!;
      return [id, j.departments.length, j.inPersonVisits, j.days, j.repeatSubmissions];
    });
    expect(rows).toEqual([
      ["start-business", 4, 1, 11, 5],
      ["transfer-equity", 2, 2, 6, 3],
      ["have-baby", 3, 3, 16, 4],
      ["build-rural-house", 3, 7, 40, 4],
      ["retire", 2, 2, 25, 1],
    ]);
  });

  it("scoreOpenness and analyzeStaffing: the unpublished permit, the over-establishment and the vacancies", () => {
    const openness = scoreOpenness(exampleCounty);
    expect(openness.services.find((s) => s.serviceId === "apply-water-abstraction-permit")!.share).toBe(0);
    const flags = new Map(analyzeStaffing(exampleCounty).departments.map((d) => [d.departmentId as string, d.flags]));
    expect(flags.get("chengguan-gov")).toContain("over_establishment");
    expect(flags.get("yunwu-gov")).toContain("high_vacancy");
  });
});

describe("docs/model.md", () => {
  it("has a JSON example that validates with no issues", () => {
    const doc = readFileSync(new URL("../../docs/model.md", import.meta.url), "utf8");
    const json = /```json\n([\s\S]*?)\n```/.exec(doc)![1]!;
    const result = validateModel(JSON.parse(json));
    expect(result.issues).toEqual([]);
    expect(result.model!.services[0]!.channels.map((c) => c.kind)).toEqual(["online", "in_person"]);
  });
});

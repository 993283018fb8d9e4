import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exampleCounty, generateModel, GovGraphError, greatCircleKm, parseModel, scoreCoverage, type Model, type ModelInput } from "../../src/index.js";

const fixture = (name: string): Model =>
  parseModel(JSON.parse(readFileSync(new URL(`../fixtures/coverage/${name}.json`, import.meta.url), "utf8")) as ModelInput);
const gapsOf = (model: Model, options = {}) => scoreCoverage(model, options).gaps.map((g) => `${g.needId}@${g.regionId}/${g.segmentId}`);

describe("scoreCoverage on tiny fixtures", () => {
  it("a remote channel reaches every region the service serves, without capacity limits", () => {
    const report = scoreCoverage(fixture("remote-channel"));
    expect(report).toMatchInlineSnapshot(`
      {
        "byDepartment": [
          {
            "capacity": 1,
            "demand": 4000,
            "departmentId": "permits-office",
            "reach": 1,
          },
        ],
        "byNeed": [
          {
            "capacity": 1,
            "demand": 4000,
            "needId": "n-permit",
            "reach": 1,
          },
        ],
        "byRegion": [
          {
            "capacity": 1,
            "demand": 1000,
            "reach": 1,
            "regionId": "north",
          },
          {
            "capacity": 1,
            "demand": 3000,
            "reach": 1,
            "regionId": "south",
          },
        ],
        "bySegment": [
          {
            "capacity": 1,
            "demand": 4000,
            "reach": 1,
            "segmentId": "residents",
          },
        ],
        "capacity": {
          "denominator": 4000,
          "known": 1,
          "numerator": 4000,
          "records": "needs",
          "total": 1,
          "unit": "demand",
          "value": 1,
        },
        "demand": 4000,
        "gaps": [],
        "gini": 0,
        "reach": {
          "denominator": 4000,
          "known": 1,
          "numerator": 4000,
          "records": "needs",
          "total": 1,
          "unit": "demand",
          "value": 1,
        },
      }
    `);
  });

  it("a point reaches the regions within maxCost km, and its capacity is shared by 2SFCA", () => {
    // North is 11.1 km from the window, South 44.5 km: only North (1000 cases) is reached.
    // 2SFCA: R = 500 / 1000 = 0.5 -> North is served at 50% of its demand; capacity = 1000 * 0.5 / 4000.
    const report = scoreCoverage(fixture("point-in-and-out-of-reach"));
    expect(report.reach.value).toBe(0.25);
    expect(report.capacity.value).toBe(0.125);
    expect(report.gaps).toEqual([{ needId: "n-permit", regionId: "south", segmentId: "residents", volume: 3000 }]);
    expect(report.byRegion.map((r) => [r.regionId, r.reach, r.capacity])).toEqual([
      ["north", 1, 0.5],
      ["south", 0, 0],
    ]);
    // Two regions at 100% and 0% reach, weighted 1000 and 3000: Gini = 1000 * 3000 * |1 - 0| / (4000^2 * 0.25) = 0.75.
    expect(report.gini).toBeCloseTo(0.75, 12);
    // A longer catchment reaches South too; the window's 500 cases are then shared by 4000.
    const wide = scoreCoverage(fixture("point-in-and-out-of-reach"), { maxCost: 45 });
    expect([wide.reach.value, wide.capacity.value, wide.gaps.length]).toEqual([1, 0.125, 0]);
  });

  it("a travel time given in the model replaces the great-circle distance", () => {
    const report = scoreCoverage(fixture("travel-time-matrix"));
    expect([report.reach.value, report.capacity.value, report.gaps.length]).toEqual([1, 0.125, 0]);
    expect(gapsOf(fixture("travel-time-matrix"), { maxCost: 20 })).toEqual(["n-permit@south/residents"]);
  });

  it("a service for another segment does not reach", () => {
    expect(gapsOf(fixture("segment-mismatch"))).toEqual(["n-permit@south/residents", "n-permit@north/residents"]);
    expect(scoreCoverage(fixture("segment-mismatch")).byDepartment).toEqual([]);
  });

  it("a service does not reach a region it does not serve", () => {
    expect(gapsOf(fixture("region-not-served"))).toEqual(["n-permit@south/residents"]);
  });

  it("a retired service reaches nobody; a planned one only with includePlanned", () => {
    expect(gapsOf(fixture("retired-service"))).toHaveLength(2);
    expect(gapsOf(fixture("retired-service"), { includePlanned: true })).toHaveLength(2);
    expect(gapsOf(fixture("planned-service"))).toHaveLength(2);
    expect(gapsOf(fixture("planned-service"), { includePlanned: true })).toEqual([]);
  });

  it("only the channel kinds named in `channels` count as remote", () => {
    expect(gapsOf(fixture("planned-service"), { includePlanned: true, channels: ["online"] })).toHaveLength(2);
  });
});

describe("scoreCoverage definitions", () => {
  const county = (patch: Partial<ModelInput> = {}): Model =>
    parseModel({
      schemaVersion: 1,
      regions: [
        { id: "county", name: "County" },
        { id: "a", name: "A", parentId: "county", population: 600 },
        { id: "b", name: "B", parentId: "county", population: 400 },
      ],
      segments: [
        { id: "elderly", name: "Elderly" },
        { id: "families", name: "Families" },
      ],
      departments: [
        { id: "health", name: "Health", regionId: "county" },
        { id: "social", name: "Social affairs", regionId: "county" },
      ],
      needs: [{ id: "care", name: "Find care", kind: "need", segmentIds: ["elderly", "families"] }],
      ...patch,
    });

  it("a need without demand spreads each leaf region's population evenly over its segments", () => {
    const model = county({
      services: [{ id: "s-home-care", name: "Home care", departmentId: "social", needIds: ["care"], segmentIds: ["elderly"], channels: [{ kind: "phone" }] }],
    });
    const report = scoreCoverage(model);
    expect(report.demand).toBe(1000);
    expect(report.bySegment).toEqual([
      { segmentId: "elderly", demand: 500, reach: 1, capacity: 1 },
      { segmentId: "families", demand: 500, reach: 0, capacity: 0 },
    ]);
    expect(report.gaps.map((g) => [g.regionId, g.segmentId, g.volume])).toEqual([
      ["a", "families", 300],
      ["b", "families", 200],
    ]);
  });

  it("counts the population standing in for demand as assumed, on the basis of reach", () => {
    const model = county({
      needs: [
        { id: "care", name: "Find care", kind: "need", segmentIds: [] },
        { id: "water", name: "Clean water", kind: "need", segmentIds: [], demand: [{ regionId: "b", volume: 500 }] },
      ],
      services: [{ id: "s-line", name: "Care line", departmentId: "social", needIds: ["care"], channels: [{ kind: "phone" }] }],
    });
    // Care: the population (600 + 400) stands in for its demand, all reached; water: 500 cases, none reached.
    expect(scoreCoverage(model).reach).toEqual({ value: 1000 / 1500, numerator: 1000, denominator: 1500, unit: "demand", known: 2, total: 2, records: "needs", assumed: 1 });
  });

  it("with no demand at all, reach, capacity and Gini are null (no_demand), and there are no gaps to report", () => {
    // No need has demand and no leaf region has a population: nothing can be measured, not "everything is reached".
    const model = county({
      regions: [{ id: "county", name: "County" }],
      services: [{ id: "s-line", name: "Care line", departmentId: "social", needIds: ["care"], channels: [{ kind: "phone" }] }],
    });
    const report = scoreCoverage(model);
    const none = { value: null, numerator: 0, denominator: 0, unit: "demand", known: 0, total: 1, records: "needs", reason: "no_demand" };
    expect([report.demand, report.reach, report.capacity, report.gini, report.gaps]).toEqual([0, none, none, null, []]);
  });

  it("demand without a segment is split over the need's segments; a need with no segments is everyone's", () => {
    const model = county({
      needs: [
        { id: "care", name: "Find care", kind: "need", segmentIds: ["elderly", "families"], demand: [{ regionId: "a", volume: 80 }] },
        { id: "water", name: "Clean water", kind: "need", segmentIds: [], demand: [{ regionId: "b", volume: 50 }] },
      ],
      services: [
        { id: "s-care", name: "Care desk", departmentId: "health", needIds: ["care", "water"], segmentIds: ["elderly", "families"], channels: [{ kind: "online" }] },
      ],
    });
    const report = scoreCoverage(model);
    expect(report.byNeed).toEqual([
      { needId: "care", demand: 80, reach: 1, capacity: 1 },
      { needId: "water", demand: 50, reach: 0, capacity: 0 },
    ]);
    // Everyone's need is reached only by a service open to everyone (no segmentIds).
    expect(report.gaps).toEqual([{ needId: "water", regionId: "b", segmentId: null, volume: 50 }]);
    expect(report.bySegment.map((s) => s.segmentId)).toEqual([null, "elderly", "families"]);
  });

  it("byDepartment credits each competent department with the demand its services are for and what they reach", () => {
    const model = county({
      services: [
        { id: "s-clinic", name: "Clinic", departmentId: "health", needIds: ["care"], channels: [{ kind: "in_person" }] },
        { id: "s-hotline", name: "Hotline", departmentId: "social", needIds: ["care"], regionIds: ["a"], channels: [{ kind: "phone" }] },
      ],
    });
    const report = scoreCoverage(model);
    // Health's clinic has no service point: it is meant for all 1000 cases and reaches none; Social's hotline
    // is meant for A (600) and reaches all of it.
    expect(report.byDepartment).toEqual([
      { departmentId: "health", demand: 1000, reach: 0, capacity: 0 },
      { departmentId: "social", demand: 600, reach: 1, capacity: 1 },
    ]);
    expect(report.reach.value).toBe(0.6);
  });

  it("a remote channel with a capacity is shared like a service point", () => {
    const model = county({
      services: [{ id: "s-line", name: "Care line", departmentId: "social", needIds: ["care"], channels: [{ kind: "phone", capacity: 250 }] }],
    });
    // One supply of 250 for 1000 cases, all at cost 0: R = 0.25.
    const report = scoreCoverage(model);
    expect([report.reach.value, report.capacity.value]).toEqual([1, 0.25]);
  });

  it("rejects bad options, naming them", () => {
    const model = county();
    expect(() => scoreCoverage(model, { maxCost: -1 })).toThrow("scoreCoverage: option maxCost must be a number in [0, Infinity], got -1. Fix the options and try again.");
    expect(() => scoreCoverage(model, { channels: ["fax" as never] })).toThrow(GovGraphError);
    expect(() => scoreCoverage(model, { channels: ["fax" as never] })).toThrow(/^scoreCoverage: option channels must be an array of in_person, online, /);
    expect(() => scoreCoverage(model, { method: "4sfca" as never, weight: 3 as never })).toThrow(/^scoreCoverage: option method must be one of 2sfca, e2sfca, 3sfca, gravity, got "4sfca" \(and 1 more/);
    expect(() => scoreCoverage(model, { maxcost: 10 } as never)).toThrow(/^scoreCoverage: unknown option "maxcost"/);
  });

  it("takes the default for options given as undefined", () => {
    const model = county();
    const none = { maxCost: undefined, method: undefined, weight: undefined, channels: undefined, includePlanned: undefined };
    expect(scoreCoverage(model, none)).toEqual(scoreCoverage(model));
  });
});

// Random small counties: towns on a line of latitude, services with random segments, regions, channels and status.
const towns = 5;
const modelArb = fc
  .record({
    needSegs: fc.array(fc.subarray(["s0", "s1"]), { minLength: 2, maxLength: 2 }),
    services: fc.array(
      fc.record({
        need: fc.integer({ min: 0, max: 1 }),
        dept: fc.integer({ min: 0, max: 1 }),
        segs: fc.subarray(["s0", "s1"]),
        regions: fc.option(fc.subarray(["county", "t0", "t1", "t2", "t3", "t4"], { minLength: 1 }), { nil: undefined }),
        remote: fc.option(fc.constantFrom("online", "phone"), { nil: undefined }),
        remoteCapacity: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
        status: fc.constantFrom("active", "planned", "retired", undefined),
      }),
      { maxLength: 6 },
    ),
    points: fc.array(fc.record({ town: fc.integer({ min: 0, max: towns - 1 }), services: fc.array(fc.nat(), { maxLength: 3 }), capacity: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }) }), {
      maxLength: 4,
    }),
    costs: fc.array(fc.record({ town: fc.integer({ min: 0, max: towns - 1 }), point: fc.nat(), cost: fc.integer({ min: 0, max: 60 }) }), { maxLength: 4 }),
  })
  .map(({ needSegs, services, points, costs }): ModelInput => {
    const sv = services.map((s, i) => ({
      id: `svc${i}`,
      name: `Service ${i}`,
      departmentId: `d${s.dept}`,
      needIds: [`n${s.need}`],
      segmentIds: s.segs,
      ...(s.regions ? { regionIds: s.regions } : {}),
      channels: [{ kind: "in_person" as const }, ...(s.remote ? [{ kind: s.remote, ...(s.remoteCapacity === undefined ? {} : { capacity: s.remoteCapacity }) }] : [])],
      ...(s.status ? { status: s.status } : {}),
    }));
    const pts = sv.length === 0 ? [] : points.map((p, i) => ({
      id: `p${i}`,
      name: `Point ${i}`,
      regionId: `t${p.town}`,
      serviceIds: [...new Set(p.services.map((k) => sv[k % sv.length]!.id))],
      ...(p.capacity === undefined ? {} : { capacity: p.capacity }),
    }));
    const seen = new Set<string>();
    const tc = pts.length === 0 ? [] : costs
      .map((c) => ({ regionId: `t${c.town}`, pointId: pts[c.point % pts.length]!.id, cost: c.cost }))
      .filter((c) => !seen.has(c.regionId + c.pointId) && seen.add(c.regionId + c.pointId));
    return {
      schemaVersion: 1,
      // Towns 0.15 degrees of latitude apart (16.7 km): a 30 km catchment reaches the next town, not the one after.
      regions: [
        { id: "county", name: "County" },
        ...Array.from({ length: towns }, (_, t) => ({ id: `t${t}`, name: `Town ${t}`, parentId: "county", population: 100 * (t + 1), location: { lat: 0.15 * t, lon: 10 } })),
      ],
      segments: [
        { id: "s0", name: "Zero" },
        { id: "s1", name: "One" },
      ],
      departments: [
        { id: "d0", name: "Zero", regionId: "county" },
        { id: "d1", name: "One", regionId: "t0" },
      ],
      needs: needSegs.map((segs, n) => ({ id: `n${n}`, name: `Need ${n}`, kind: "need" as const, segmentIds: segs })),
      services: sv,
      servicePoints: pts,
      travelCosts: tc,
    };
  });

/** The reach of every cell by brute force: every service, every point, every region's ancestors. */
function oracleGaps(model: Model, maxCost = 30): string[] {
  const region = new Map<string, Model["regions"][number]>(model.regions.map((r) => [r.id, r]));
  const within = (a: string, b: string): boolean => a === b || (region.get(b)?.parentId !== undefined && within(a, region.get(b)!.parentId!));
  const servesRegion = (s: Model["services"][number], r: string) => (s.regionIds ?? [model.departments.find((d) => d.id === s.departmentId)!.regionId]).some((a) => within(a, r));
  const cost = (r: string, p: Model["servicePoints"][number]) => {
    const given = model.travelCosts.find((t) => t.regionId === r && t.pointId === p.id);
    if (given) return given.cost;
    const at = p.location ?? region.get(p.regionId)!.location;
    const from = region.get(r)!.location;
    return at && from ? greatCircleKm(from, at) : p.regionId === r ? 0 : Infinity;
  };
  const gaps: string[] = [];
  for (const need of model.needs) {
    const segs = need.segmentIds.length ? need.segmentIds : [null];
    for (const r of model.regions.filter((x) => x.population && !model.regions.some((y) => y.parentId === x.id))) {
      for (const g of segs) {
        const ok = model.services.some(
          (s) =>
            (s.status === undefined || s.status === "active") &&
            s.needIds.includes(need.id) &&
            (s.segmentIds.length === 0 || (g !== null && s.segmentIds.includes(g))) &&
            servesRegion(s, r.id) &&
            (s.channels.some((c) => ["online", "phone", "mail", "mobile"].includes(c.kind)) ||
              model.servicePoints.some((p) => p.serviceIds.includes(s.id) && cost(r.id, p) <= maxCost)),
        );
        if (!ok) gaps.push(`${need.id}@${r.id}/${g}`);
      }
    }
  }
  return gaps.sort();
}

describe("scoreCoverage properties", () => {
  it("reports exactly the gaps a brute-force oracle finds", () => {
    fc.assert(
      fc.property(modelArb, (input) => {
        const model = parseModel(input);
        expect(gapsOf(model).sort()).toEqual(oracleGaps(model));
      }),
    );
  });

  it("keeps reach and capacity in [0, 1], capacity at most reach", () => {
    fc.assert(
      fc.property(modelArb, fc.constantFrom("2sfca", "e2sfca", "3sfca", "gravity" as const), (input, method) => {
        const report = scoreCoverage(parseModel(input), { method });
        const overall = report.reach.value === null ? [] : [{ reach: report.reach.value, capacity: report.capacity.value! }];
        for (const row of [...overall, ...report.byNeed, ...report.byRegion, ...report.bySegment, ...report.byDepartment]) {
          expect(row.reach).toBeGreaterThanOrEqual(0);
          expect(row.reach).toBeLessThanOrEqual(1);
          expect(row.capacity).toBeGreaterThanOrEqual(0);
          expect(row.capacity).toBeLessThanOrEqual(row.reach + 1e-12);
        }
        // No demand: no reach, no Gini; with demand, both are measured.
        expect(report.gini === null).toBe(report.demand === 0);
        expect(report.reach.reason === "no_demand").toBe(report.demand === 0);
        if (report.gini !== null) expect(report.gini >= 0 && report.gini <= 1).toBe(true);
      }),
    );
  });

  it("never lowers reach when a service or a channel is added", () => {
    fc.assert(
      fc.property(modelArb, fc.integer({ min: 0, max: 1 }), fc.subarray(["s0", "s1"]), fc.constantFrom("online", "mail"), (input, need, segs, kind) => {
        // Without demand, reach stays null (no service adds demand); with demand, it never falls.
        const reach = (m: ModelInput) => scoreCoverage(parseModel(m)).reach.value ?? -1;
        const before = reach(input);
        const extra = { id: "zz-new", name: "New", departmentId: "d1", needIds: [`n${need}`], segmentIds: segs, channels: [{ kind }] };
        expect(reach({ ...input, services: [...(input.services ?? []), extra] })).toBeGreaterThanOrEqual(before);
        const services = (input.services ?? []).map((s, i) => (i === 0 ? { ...s, channels: [...(s.channels ?? []), { kind }] } : s));
        expect(reach({ ...input, services })).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it("ignores the order of records", () => {
    fc.assert(
      fc.property(modelArb, (input) => {
        const reversed = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? [...v].reverse() : v])) as ModelInput;
        expect(scoreCoverage(parseModel(reversed), { method: "3sfca" })).toEqual(scoreCoverage(parseModel(input), { method: "3sfca" }));
      }),
    );
  });
});

describe("scoreCoverage on generated governments", () => {
  it.each([
    ["county", 1],
    ["county", 2],
    ["county", 3],
    ["province", 1],
  ] as const)("reports every planted uncovered (need, region) cell of the %s tier, seed %i, as a gap", (size, seed) => {
    const { model, truth } = generateModel({ size, seed });
    const gaps = new Set(scoreCoverage(model).gaps.map((g) => `${g.needId}@${g.regionId}`));
    expect(truth.uncoveredNeeds.length).toBeGreaterThan(0);
    expect(truth.uncoveredNeeds.filter((g) => !gaps.has(`${g.needId}@${g.regionId}`))).toEqual([]);
    // And nothing else: the generator's reach rule is the same.
    expect(gaps.size).toBe(truth.uncoveredNeeds.length);
  });
});

describe("scoreCoverage on the bundled county (the worked example of docs/coverage.md)", () => {
  it("finds the two identity-card gaps, in the townships beyond 30 km of every police window", () => {
    const report = scoreCoverage(exampleCounty);
    expect(report.gaps).toEqual([
      { needId: "get-id-card", regionId: "gaoling", segmentId: "citizens", volume: 634 },
      { needId: "get-id-card", regionId: "yunwu", segmentId: "citizens", volume: 432 },
    ]);
    expect([report.demand, report.reach.value!.toFixed(3), report.capacity.value!.toFixed(3), report.gini!.toFixed(4)]).toEqual([31016, "0.966", "0.923", "0.0332"]);
    const idCard = report.byNeed.find((n) => n.needId === "get-id-card")!;
    expect([idCard.reach.toFixed(3), idCard.capacity.toFixed(3)]).toEqual(["0.933", "0.850"]);
    expect(scoreCoverage(exampleCounty, { maxCost: 45 }).gaps).toEqual([]);
  });
});

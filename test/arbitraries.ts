/**
 * Shared fast-check arbitraries: small random VALID model inputs for property tests.
 * Export names are stable; other test helpers import them.
 */
import fc from "fast-check";
import type { ModelInput } from "../src/index.js";

/** Bounds of {@link arbitraryModel}; every collection may also be empty except regions and departments. */
export interface ArbitraryModelOptions {
  maxRegions?: number;
  maxSegments?: number;
  maxDepartments?: number;
  maxFunctions?: number;
  maxServices?: number;
  maxNeeds?: number;
  maxEvidence?: number;
  maxPoints?: number;
  /** Draw ids that are names on Object.prototype (`__proto__`, `constructor`...) now and then. */
  trickyIds?: boolean;
}

/** Defaults of {@link arbitraryModel}. */
export const ARBITRARY_MODEL_DEFAULTS = {
  maxRegions: 6,
  maxSegments: 3,
  maxDepartments: 6,
  maxFunctions: 6,
  maxServices: 8,
  maxNeeds: 4,
  maxEvidence: 3,
  maxPoints: 3,
  trickyIds: true,
} as const satisfies Required<ArbitraryModelOptions>;

/** Ids that break code which keys plain objects by id. */
export const TRICKY_IDS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype"] as const;

const plainId = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,5}$/);

/** A non-empty id: mostly plain ASCII, sometimes any Unicode, sometimes an Object.prototype name. */
export function arbitraryId(trickyIds = true): fc.Arbitrary<string> {
  const arbitraries: fc.WeightedArbitrary<string>[] = [
    { arbitrary: plainId, weight: 6 },
    { arbitrary: fc.string({ minLength: 1, maxLength: 3, unit: "grapheme" }), weight: 1 },
  ];
  if (trickyIds) arbitraries.push({ arbitrary: fc.constantFrom(...TRICKY_IDS), weight: 1 });
  return fc.oneof(...arbitraries);
}

const CHANNEL_KINDS = ["in_person", "online", "phone", "mail", "mobile", "kiosk", "outreach"] as const;
const NEED_KINDS = ["life_event", "business_event", "need"] as const;

/**
 * Small random valid model inputs: an acyclic region tree, an acyclic department tree, unique assignments and
 * travel costs, services whose references all resolve, needs whose journeys only use services that meet them
 * (with acyclic `after`), so they validate without errors or warnings (except `service_without_channel`, never drawn).
 * Optional fields are left out, never set to `undefined`.
 * @example fc.assert(fc.property(arbitraryModel(), (input) => validateModel(input).ok))
 */
export function arbitraryModel(options: ArbitraryModelOptions = {}): fc.Arbitrary<ModelInput> {
  const o = { ...ARBITRARY_MODEL_DEFAULTS, ...options };
  const idArb = arbitraryId(o.trickyIds);
  return fc.gen().map((g) => {
    const ids = (min: number, max: number) => g(() => fc.uniqueArray(idArb, { minLength: min, maxLength: Math.max(min, max) }));
    const pick = <T>(items: readonly T[]): T => items[g(fc.nat, items.length - 1)]!;
    const subset = <T>(items: readonly T[], max = items.length): T[] =>
      items.length === 0 ? [] : g(fc.subarray<T>, [...items], { minLength: 0, maxLength: Math.min(max, items.length) });
    const maybe = <T>(make: () => T): T | undefined => (g(fc.boolean) ? make() : undefined);
    const amount = () => g(fc.integer, { min: 0, max: 10_000 });
    const name = () => g(fc.string, { minLength: 1, maxLength: 8 });
    const set = <T extends object>(target: T, key: string, value: unknown): T => {
      if (value !== undefined) Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
      return target;
    };

    const regionIds = ids(1, o.maxRegions);
    const regions = regionIds.map((id, i) => {
      const region: Record<string, unknown> = { id, name: name() };
      if (i > 0 && g(fc.boolean)) set(region, "parentId", regionIds[g(fc.nat, i - 1)]);
      set(region, "population", maybe(amount));
      if (g(fc.boolean)) set(region, "location", { lat: g(fc.integer, { min: -90, max: 90 }), lon: g(fc.integer, { min: -180, max: 180 }) });
      return region;
    });

    const segmentIds = ids(0, o.maxSegments);
    const segments = segmentIds.map((id) => ({ id, name: name() }));

    const departmentIds = ids(1, o.maxDepartments);
    const departments = departmentIds.map((id, i) => {
      const department: Record<string, unknown> = { id, name: name(), regionId: pick(regionIds) };
      if (i > 0 && g(fc.boolean)) set(department, "parentId", departmentIds[g(fc.nat, i - 1)]);
      if (g(fc.boolean)) set(department, "staff", { authorized: amount(), actual: amount() });
      if (g(fc.boolean)) set(department, "attributes", { code: name(), rank: amount(), open: g(fc.boolean), note: null });
      return department;
    });

    const functionIds = ids(0, o.maxFunctions);
    const functions = functionIds.map((id) => {
      const fn: Record<string, unknown> = { id, name: name() };
      if (g(fc.boolean)) set(fn, "category", pick(["licensing", "inspection", "payment", "other"]));
      if (g(fc.boolean)) set(fn, "keywords", [name()]);
      if (g(fc.boolean)) set(fn, "legalBasis", [{ title: name() }]);
      return fn;
    });

    const pairs = departmentIds.flatMap((departmentId) => functionIds.map((functionId) => ({ departmentId, functionId })));
    const assignments = subset(pairs, 12).map((pair) => set({ ...pair }, "role", maybe(() => pick(["lead", "support"] as const))));

    const evidenceIds = ids(0, o.maxEvidence);
    const evidence = evidenceIds.map((id) => set({ id, name: name() }, "issuerId", maybe(() => pick(departmentIds))));

    const needIds = ids(0, o.maxNeeds);
    const serviceIds = ids(0, o.maxServices);
    const services = serviceIds.map((id) => {
      const service: Record<string, unknown> = {
        id,
        name: name(),
        departmentId: pick(departmentIds),
        functionIds: subset(functionIds, 3),
        needIds: subset(needIds, 2),
        segmentIds: subset(segmentIds, 2),
        channels: g(() => fc.uniqueArray(fc.constantFrom(...CHANNEL_KINDS), { minLength: 1, maxLength: 3 })).map((kind) => {
          const channel: Record<string, unknown> = { kind };
          if (kind === "online") set(channel, "endToEnd", g(fc.boolean));
          if (kind === "in_person") set(channel, "visits", g(fc.integer, { min: 0, max: 3 }));
          set(channel, "processingDays", maybe(() => g(fc.integer, { min: 0, max: 60 })));
          return channel;
        }),
      };
      if (g(fc.boolean)) set(service, "partnerIds", subset(departmentIds, 2));
      if (g(fc.boolean)) set(service, "regionIds", subset(regionIds, 2));
      if (g(fc.boolean)) set(service, "evidence", subset(evidenceIds, 2).map((evidenceId) => ({ evidenceId, source: pick(["citizen", "reused"] as const) })));
      set(service, "fee", maybe(amount));
      set(service, "annualVolume", maybe(amount));
      set(service, "status", maybe(() => pick(["active", "planned", "retired"] as const)));
      // Published flags: none, a few, or every item (each true or false).
      const published = pick(["none", "some", "all"] as const);
      if (published === "some") set(service, "published", { guide: g(fc.boolean), fee: g(fc.boolean) });
      if (published === "all") {
        const flags = Object.fromEntries(["guide", "legalBasis", "fee", "processingTime", "channels", "contact"].map((item) => [item, g(fc.boolean)]));
        set(service, "published", flags);
      }
      if (g(fc.boolean)) set(service, "quality", { satisfaction: g(fc.double, { min: 0, max: 1, noNaN: true }) });
      return service;
    });

    const needs = needIds.map((id) => {
      const need: Record<string, unknown> = { id, name: name(), kind: pick(NEED_KINDS), segmentIds: subset(segmentIds, 2) };
      if (g(fc.boolean)) {
        set(need, "demand", subset(regionIds, 3).map((regionId) => set({ regionId, volume: amount() }, "segmentId", maybe(() => segmentIds.length ? pick(segmentIds) : undefined))));
      }
      set(need, "weight", maybe(() => g(fc.integer, { min: 0, max: 5 })));
      const meeting = services.filter((s) => (s.needIds as string[]).includes(id)).map((s) => s.id as string);
      if (meeting.length > 0 && g(fc.boolean)) {
        const steps = subset(meeting, 4);
        set(need, "journey", steps.map((serviceId, i) => set({ serviceId }, "after", i > 0 && g(fc.boolean) ? subset(steps.slice(0, i), 2) : undefined)));
      }
      return need;
    });

    const pointIds = ids(0, o.maxPoints);
    const servicePoints = pointIds.map((id) => {
      const point: Record<string, unknown> = { id, name: name(), regionId: pick(regionIds), serviceIds: subset(serviceIds, 3) };
      set(point, "capacity", maybe(amount));
      set(point, "kind", maybe(() => pick(["window", "one_stop_center", "kiosk", "office"])));
      return point;
    });

    const costPairs = regionIds.flatMap((regionId) => pointIds.map((pointId) => ({ regionId, pointId })));
    const travelCosts = subset(costPairs, 8).map((pair) => ({ ...pair, cost: amount() }));

    const model: Record<string, unknown> = {
      schemaVersion: 1,
      regions,
      segments,
      departments,
      functions,
      assignments,
      services,
      needs,
      evidence,
      servicePoints,
      travelCosts,
    };
    if (g(fc.boolean)) model.meta = { name: name() };
    return model as unknown as ModelInput;
  });
}

/** Returns a copy of a model input with every collection's records shuffled by the given permutation keys. */
export function shuffleModel(input: ModelInput, keys: readonly number[]): ModelInput {
  const out: Record<string, unknown> = { ...input };
  let k = 0;
  for (const [name, value] of Object.entries(input)) {
    if (!Array.isArray(value)) continue;
    const tagged = value.map((record, i) => ({ record, key: keys[(k + i) % Math.max(keys.length, 1)] ?? 0, i }));
    k += value.length;
    tagged.sort((a, b) => a.key - b.key || b.i - a.i);
    out[name] = tagged.map((t) => t.record);
  }
  return out as unknown as ModelInput;
}

/** A random valid model input and the same input with its records in another order. */
export function arbitraryShuffledModel(options: ArbitraryModelOptions = {}): fc.Arbitrary<[ModelInput, ModelInput]> {
  return fc
    .tuple(arbitraryModel(options), fc.array(fc.nat(1000), { minLength: 1, maxLength: 64 }))
    .map(([input, keys]) => [input, shuffleModel(input, keys)] as [ModelInput, ModelInput]);
}

/**
 * A deterministic valid model input of about `scale` x the province tier's record counts (scale 1: 1,200 regions,
 * 4,000 departments, 200,000 assignments, 30,000 services, 200 needs, 2,000 points, 10,000 travel costs), for
 * speed measurements before and besides the generator. Records come in id order.
 */
export function syntheticModel(scale = 1): ModelInput {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const pad = (i: number) => String(i).padStart(7, "0");
  const regionCount = n(1200);
  const departmentCount = n(4000);
  const functionCount = n(3000);
  const serviceCount = n(30_000);
  const needCount = n(200);
  const segmentCount = 8;
  const evidenceCount = n(500);
  const pointCount = n(2000);
  const regions = Array.from({ length: regionCount }, (_, i) => ({
    id: `r${pad(i)}`,
    name: `Region ${i}`,
    ...(i > 0 ? { parentId: `r${pad(Math.floor((i - 1) / 10))}` } : {}),
    level: i === 0 ? "province" : i <= 10 ? "county" : "township",
    population: 1000 + ((i * 7919) % 50_000),
    location: { lat: 30 + (i % 100) / 100, lon: 110 + Math.floor(i / 100) / 100 },
  }));
  const segments = Array.from({ length: segmentCount }, (_, i) => ({ id: `seg${i}`, name: `Segment ${i}` }));
  const departments = Array.from({ length: departmentCount }, (_, i) => ({
    id: `d${pad(i)}`,
    name: `Department ${i}`,
    regionId: `r${pad(i % regionCount)}`,
    ...(i >= regionCount ? { parentId: `d${pad(i % regionCount)}` } : {}),
    staff: { authorized: 20 + (i % 30), actual: 18 + (i % 25) },
  }));
  const functions = Array.from({ length: functionCount }, (_, i) => ({
    id: `f${pad(i)}`,
    name: `Function ${i} licensing of activity ${i % 97}`,
    category: "licensing",
    keywords: [`k${i % 50}`],
  }));
  const perDepartment = Math.max(1, Math.round((200_000 * scale) / departmentCount));
  const assignments: { departmentId: string; functionId: string; role: "lead" | "support" }[] = [];
  for (let d = 0; d < departmentCount; d++) {
    for (let k = 0; k < perDepartment; k++) {
      assignments.push({ departmentId: `d${pad(d)}`, functionId: `f${pad((d * 13 + k) % functionCount)}`, role: k % 5 === 0 ? "support" : "lead" });
    }
  }
  const seen = new Set<string>();
  const uniqueAssignments = assignments.filter((a) => {
    const key = `${a.departmentId}|${a.functionId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const services = Array.from({ length: serviceCount }, (_, i) => ({
    id: `s${pad(i)}`,
    name: `Service ${i}`,
    departmentId: `d${pad(i % departmentCount)}`,
    functionIds: [`f${pad(i % functionCount)}`, `f${pad((i * 7) % functionCount)}`].filter((v, j, a) => a.indexOf(v) === j),
    needIds: [`n${pad(i % needCount)}`],
    segmentIds: i % 3 === 0 ? [] : [`seg${i % segmentCount}`],
    channels: [
      { kind: "in_person" as const, visits: 1, processingDays: 5 },
      ...(i % 2 === 0 ? [{ kind: "online" as const, endToEnd: i % 4 === 0 }] : []),
    ],
    evidence: [{ evidenceId: `e${pad(i % evidenceCount)}`, source: i % 3 === 0 ? ("reused" as const) : ("citizen" as const) }],
    processingDays: 10,
    fee: i % 10,
    annualVolume: 100 + (i % 1000),
    published: { guide: true, fee: i % 2 === 0 },
  }));
  const needs = Array.from({ length: needCount }, (_, i) => ({
    id: `n${pad(i)}`,
    name: `Need ${i}`,
    kind: "life_event" as const,
    segmentIds: [`seg${i % segmentCount}`],
    demand: Array.from({ length: 10 }, (_, k) => ({ regionId: `r${pad((i * 10 + k) % regionCount)}`, volume: 100 + k })),
    journey: [
      { serviceId: `s${pad(i)}` },
      { serviceId: `s${pad(i + needCount)}`, after: [`s${pad(i)}`] },
    ].filter((step) => Number(step.serviceId.slice(1)) < serviceCount),
  }));
  const evidence = Array.from({ length: evidenceCount }, (_, i) => ({ id: `e${pad(i)}`, name: `Evidence ${i}`, issuerId: `d${pad(i % departmentCount)}` }));
  const servicePoints = Array.from({ length: pointCount }, (_, i) => ({
    id: `p${pad(i)}`,
    name: `Point ${i}`,
    regionId: `r${pad(i % regionCount)}`,
    serviceIds: Array.from({ length: 5 }, (_, k) => `s${pad((i * 5 + k) % serviceCount)}`),
    capacity: 10_000,
  }));
  const travelCosts = Array.from({ length: n(10_000) }, (_, i) => ({
    regionId: `r${pad(i % regionCount)}`,
    pointId: `p${pad(Math.floor(i / regionCount) % pointCount)}`,
    cost: i % 60,
  }));
  const seenCosts = new Set<string>();
  return {
    schemaVersion: 1,
    meta: { name: `synthetic x${scale}` },
    regions,
    segments,
    departments,
    functions,
    assignments: uniqueAssignments,
    services,
    needs,
    evidence,
    servicePoints,
    travelCosts: travelCosts.filter((t) => {
      const key = `${t.regionId}|${t.pointId}`;
      if (seenCosts.has(key)) return false;
      seenCosts.add(key);
      return true;
    }),
  } as ModelInput;
}

/**
 * Needs, service templates and, county by county, the services and service points of a tier, with the planted
 * coverage gaps (in-person-only needs, services restricted to part of a county, retired and planned services).
 * Service ids follow the region ids, so services come out in id order.
 * @internal
 * @module
 */
import { compareIds } from "../records.js";
import { EVIDENCE, LIFE_EVENTS, SECTORS, type Sector } from "./catalogue.js";
import { cf } from "./functions.js";
import { offset, type CountyPlan, type ProvincePlan } from "./geography.js";
import type { Rng } from "./random.js";
import type { TierSpec } from "./build.js";

type Rec = Record<string, unknown>;

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const round2 = (x: number) => Math.round(x * 100) / 100;
const SERVICE_VERBS = ["lic", "reg", "pay", "inf"] as const;
const HALLS = ["publicsec", "tax", "hrss", "medsec", "natres", "market"];
const SERVICE_NAMES: Record<string, (x: string) => string> = {
  lic: (x) => `Licence application: ${x}`,
  reg: (x) => `Registration service: ${x}`,
  pay: (x) => `Fee payment: ${x}`,
  inf: (x) => `Enquiry desk: ${x}`,
};
// Pieces shared by many records (the same template in every county) are frozen, so no record can change another.
const PUBLISHED = [
  { guide: true, legalBasis: true, fee: true, processingTime: true, channels: true, contact: true },
  { guide: true, legalBasis: true, fee: false, processingTime: true, channels: true, contact: true },
  { guide: true, legalBasis: false, processingTime: true, channels: true },
].map((p) => Object.freeze(p));
const TOWNSHIP_SERVICES: readonly (readonly [string, string, string, string])[] = [
  ["hom", "Rural homestead application window", "n-build-house", "farmers"],
  ["sub", "Farmland subsidy claims", "n-start-farm", "farmers"],
  ["fpl", "Birth service registration", "n-have-baby", "newborn-families"],
  ["dis", "Neighbourhood dispute mediation", "", "citizens"],
];

interface Template {
  key: string;
  sector: Sector;
  subject: number;
  verb: string;
  needs: Set<string>;
  inPersonOnly: boolean;
  index: number;
  name: string;
  functionIds: string[];
  needIds: string[];
  segmentIds: string[];
  channels: Rec[];
  evidence: Rec[];
  processingDays: number;
  fee: number;
  partner: boolean;
  inPerson: boolean;
  kiosk: boolean;
  volumeRate: number;
}

interface NeedPlan {
  id: string;
  name: string;
  kind: "life_event" | "business_event" | "need";
  segment: string;
  rate: number;
  level: "county" | "province" | "nation";
  sector?: Sector;
  subject?: number;
  templates: Template[];
  lifeEvent?: (typeof LIFE_EVENTS)[number];
}

/** Needs, services and service points of a tier. @internal */
export function makeServices(
  rng: Rng,
  tier: TierSpec,
  provinces: readonly ProvincePlan[],
  counties: readonly CountyPlan[],
  held: (o: number, v: string) => boolean,
  townshipBase: readonly string[],
): { needs: Rec[]; services: Rec[]; points: Rec[]; totalPopulation: number } {
  // Needs and service templates
  const lifeNeeds: NeedPlan[] = LIFE_EVENTS.map((e) => ({
    id: `n-${e.key}`, name: e.name, kind: e.kind, segment: e.segment, rate: e.rate, level: "county", templates: [], lifeEvent: e,
  }));
  const objectNeeds: NeedPlan[] = [];
  for (let k = 0; objectNeeds.length < tier.needs - lifeNeeds.length && k < 300; k++) {
    const sector = SECTORS[k % SECTORS.length]!;
    const o = Math.floor(k / SECTORS.length);
    const i = objectNeeds.length;
    const level = tier.nationServedEvery && i % tier.nationServedEvery === tier.nationServedEvery - 1 ? "nation"
      : tier.provinceServedEvery && i % tier.provinceServedEvery === tier.provinceServedEvery - 1 ? "province" : "county";
    objectNeeds.push({
      id: `n-${sector.key}-${o}`, name: `Deal with ${sector.subjects[o]}`, kind: "need", segment: sector.segment,
      rate: round2(rng.float(0.05, 1)) / 100, level, sector, subject: o, templates: [],
    });
  }
  const templates = new Map<string, Template>();
  const template = (sector: Sector, o: number, v: string, need: NeedPlan) => {
    const key = `${pad(SECTORS.indexOf(sector), 2)}-${o}-${v}`;
    let t = templates.get(key);
    if (!t) {
      t = { key, sector, subject: o, verb: v, needs: new Set(), inPersonOnly: false } as Template;
      templates.set(key, t);
    }
    t.needs.add(need.id);
    need.templates.push(t);
    return t;
  };
  const bySector = new Map(SECTORS.map((s) => [s.key, s]));
  for (const need of lifeNeeds) for (const [s, o, v] of need.lifeEvent!.steps) template(bySector.get(s)!, o, v, need);
  const countyNeeds = objectNeeds.filter((n) => n.level === "county");
  countyNeeds.forEach((need, i) => {
    const verbs = SERVICE_VERBS.filter((v) => held(need.subject!, v));
    const count = Math.min(verbs.length, tier.verbsPerNeed(i));
    for (let k = 0; k < count; k++) template(need.sector!, need.subject!, verbs[(i + k) % verbs.length]!, need);
  });
  const lifeTemplates = new Set(lifeNeeds.flatMap((n) => n.templates));
  const soleNeed = countyNeeds.filter((n) => n.templates.every((t) => !lifeTemplates.has(t) && t.needs.size === 1));
  const [inPersonNeeds, gapNeeds] = ((picked) => [picked.slice(0, tier.inPersonNeeds), picked.slice(tier.inPersonNeeds)])(
    rng.sample(soleNeed, tier.inPersonNeeds + tier.plants.restricted + tier.plants.retired + tier.plants.planned),
  );
  for (const need of inPersonNeeds) for (const t of need.templates) t.inPersonOnly = true;
  const needById = new Map([...lifeNeeds, ...objectNeeds].map((n) => [n.id, n]));
  const evidenceIssuer = new Map(EVIDENCE.map(([key, , sector]) => [`e-${key}`, sector]));
  const sortedTemplates = [...templates.values()].sort((a, b) => compareIds(a.key, b.key));
  sortedTemplates.forEach((t, index) => {
    const subject = t.sector.subjects[t.subject]!;
    t.index = index;
    t.name = SERVICE_NAMES[t.verb]!(subject);
    t.functionIds = [cf(t.sector.key, t.subject, t.verb)];
    t.needIds = [...t.needs].sort(compareIds);
    t.segmentIds = [...new Set(t.needIds.map((n) => needById.get(n)!.segment))].sort(compareIds);
    t.processingDays = t.verb === "lic" ? rng.int(5, 20) : t.verb === "reg" ? rng.int(1, 7) : rng.int(0, 3);
    t.fee = t.verb === "lic" ? rng.pick([0, 0, 50, 100, 200]) : t.verb === "pay" ? rng.pick([10, 20, 50]) : 0;
    const inPerson: Rec = { kind: "in_person", visits: t.inPersonOnly ? 2 : rng.int(1, 2), processingDays: t.processingDays, fee: t.fee };
    t.channels = [inPerson];
    t.kiosk = false;
    if (!t.inPersonOnly) {
      const endToEnd = rng.chance(0.45);
      t.channels.push({ kind: "online", endToEnd, visits: endToEnd ? 0 : 1, processingDays: Math.max(0, t.processingDays - 1), fee: t.fee });
      if (t.verb === "inf" || rng.chance(0.15)) t.channels.push({ kind: "phone", endToEnd: t.verb === "inf", visits: 0 });
      if (rng.chance(0.25)) t.channels.push({ kind: "mobile", endToEnd, visits: endToEnd ? 0 : 1, processingDays: t.processingDays });
      if (rng.chance(0.12)) {
        t.channels.push({ kind: "kiosk", endToEnd: false, visits: 1, processingDays: t.processingDays, fee: t.fee });
        t.kiosk = true;
      }
    }
    t.inPerson = true;
    const business = t.segmentIds.includes("businesses");
    const first = business ? "e-business-licence" : "e-identity-card";
    const wanted = [first];
    if (rng.chance(0.5)) {
      const other = `e-${rng.pick(EVIDENCE)[0]}`;
      if (other !== first) wanted.push(other);
    }
    t.evidence = wanted.sort(compareIds).map((evidenceId) => ({
      evidenceId,
      source: evidenceIssuer.get(evidenceId) === t.sector.key || rng.chance(0.3) ? "reused" : "citizen",
    }));
    t.partner = lifeTemplates.has(t) && rng.chance(0.3);
    for (const list of [t.functionIds, t.needIds, t.segmentIds, t.channels, t.evidence]) {
      for (const item of list) Object.freeze(item);
      Object.freeze(list);
    }
    t.volumeRate = t.needIds.reduce((sum, n) => sum + needById.get(n)!.rate / needById.get(n)!.templates.length, 0);
  });

  // Planted coverage gaps (kinds by need)
  const gapPlans = new Map<string, { kind: "restricted" | "retired" | "planned"; needId: string; township?: string }[]>();
  gapNeeds.forEach((need, i) => {
    const kind = i < tier.plants.restricted ? "restricted" : i < tier.plants.restricted + tier.plants.retired ? "retired" : "planned";
    const c = rng.pick(counties);
    const list = gapPlans.get(c.id) ?? [];
    list.push({ kind, needId: need.id, township: kind === "restricted" ? rng.pick(c.townships.slice(1)).id : undefined });
    gapPlans.set(c.id, list);
  });

  // Services and points, county by county (ids sorted: township services, then county services)
  const services: Rec[] = [];
  const points: Rec[] = [];
  const nationServices: Rec[] = [];
  const provincialServices = new Map<string, Rec[]>();
  const upperService = (id: string, deptId: string, need: NeedPlan, functionId: string, population: number): Rec => ({
    id, name: `Online service: ${need.sector!.subjects[need.subject!]}`, departmentId: deptId, functionIds: [functionId], needIds: [need.id],
    segmentIds: [need.segment],
    channels: [{ kind: "online", endToEnd: true, visits: 0, processingDays: rng.int(1, 10) }, { kind: "phone", endToEnd: false, visits: 0 }],
    processingDays: rng.int(1, 10), fee: 0, annualVolume: Math.round(population * need.rate), published: PUBLISHED[0],
    quality: { satisfaction: round2(rng.float(0.75, 0.97)), onTimeRate: round2(rng.float(0.85, 1)) },
  });
  const upperNeeds = (level: string) => objectNeeds.filter((n) => n.level === level);
  const totalPopulation = counties.reduce((sum, c) => sum + c.population, 0);
  upperNeeds("nation").forEach((need, j) =>
    nationServices.push(upperService(`N/s${pad(j + 1, 3)}`, `N/${need.sector!.key}`, need, `fn-${need.sector!.key}-${need.subject}-pol`, totalPopulation)));
  for (const p of provinces) {
    provincialServices.set(p.id, upperNeeds("province").map((need, j) =>
      upperService(`${p.id}/s${pad(j + 1, 3)}`, `${p.id}/${need.sector!.key}`, need, `fp-${need.sector!.key}-${need.subject}-apv`, p.population)));
  }
  services.push(...nationServices);
  const townshipTemplates = TOWNSHIP_SERVICES.slice(0, tier.townshipServices).filter(([key]) => townshipBase.includes(`ft-${key}`));
  let provinceDone = "";
  const flushProvince = (next: string | undefined) => {
    if (provinceDone && provinceDone !== next) services.push(...provincialServices.get(provinceDone)!);
    provinceDone = next ?? "";
  };
  for (const c of counties) {
    flushProvince(c.provinceId);
    const kioskTownships = new Set(tier.kiosks < 0 ? c.townships : rng.sample(c.townships, tier.kiosks));
    for (const t of c.townships) {
      const ids: string[] = [];
      townshipTemplates.forEach(([key, name, needId, segment], k) => {
        const id = `${t.id}/s${k + 1}`;
        ids.push(id);
        services.push({
          id, name: `${t.name}: ${name}`, departmentId: `${t.id}/gov`, functionIds: [`ft-${key}`], needIds: needId && needById.has(needId) ? [needId] : [],
          segmentIds: [segment], channels: [{ kind: "in_person", visits: 1, processingDays: 3, fee: 0 }], processingDays: 3, fee: 0,
          annualVolume: Math.round(t.population * 0.002 * rng.float(0.5, 1.5)), published: rng.pick(PUBLISHED),
          quality: { satisfaction: round2(rng.float(0.7, 0.98)), onTimeRate: round2(rng.float(0.8, 1)) },
        });
      });
      const at = offset(t.lat, t.lon, rng.float(0, 0.3), rng.float(0, 2 * Math.PI));
      points.push({ id: `${t.id}/p1`, name: `${t.name} Service Centre`, regionId: t.id, location: at, serviceIds: ids, capacity: Math.round(t.population * 0.05), kind: "window" });
    }
    const plans = gapPlans.get(c.id);
    const townshipIds = c.townships.map((t) => t.id);
    const inPersonIds: string[] = [];
    const hallIds = new Map<string, string[]>(HALLS.map((h) => [h, []]));
    const kioskIds: string[] = [];
    for (const t of sortedTemplates) {
      const id = `${c.id}/s${pad(t.index + 1, 3)}`;
      const rec: Rec = { id, name: t.name, departmentId: `${c.id}/${t.sector.key}` };
      if (t.partner) rec.partnerIds = [`${c.id}/govservice`];
      rec.functionIds = t.functionIds;
      rec.needIds = t.needIds;
      rec.segmentIds = t.segmentIds;
      let status: string | undefined;
      for (const plan of plans ?? []) {
        if (!t.needs.has(plan.needId)) continue;
        if (plan.kind === "restricted") rec.regionIds = townshipIds.filter((r) => r !== plan.township);
        else status = plan.kind;
      }
      rec.channels = t.channels;
      rec.evidence = t.evidence;
      rec.processingDays = t.processingDays;
      rec.fee = t.fee;
      rec.annualVolume = Math.round(c.population * t.volumeRate * rng.float(0.8, 1.2));
      if (status) rec.status = status;
      const published = rng.next();
      if (published < 0.94) rec.published = PUBLISHED[published < 0.7 ? 0 : published < 0.82 ? 1 : 2];
      rec.quality = { satisfaction: round2(rng.float(0.7, 0.98)), onTimeRate: round2(rng.float(0.8, 1)) };
      services.push(rec);
      if (status) continue;
      inPersonIds.push(id);
      hallIds.get(t.sector.key)?.push(id);
      if (t.kiosk) kioskIds.push(id);
    }
    const seat = offset(c.lat, c.lon, rng.float(0, 0.4), rng.float(0, 2 * Math.PI));
    points.push({ id: `${c.id}/p01`, name: `${c.name} Government Service Centre`, regionId: c.townships[0]!.id, location: seat, serviceIds: inPersonIds, capacity: Math.round(c.population * 0.4), kind: "one_stop_center" });
    HALLS.forEach((h, k) => {
      const at = offset(c.lat, c.lon, rng.float(0.3, 2), rng.float(0, 2 * Math.PI));
      const name = `${c.name} ${bySector.get(h)!.bureau} Service Hall`;
      points.push({ id: `${c.id}/p${pad(k + 2, 2)}`, name, regionId: c.townships[0]!.id, location: at, serviceIds: hallIds.get(h)!, capacity: Math.round(c.population * 0.08), kind: "office" });
    });
    for (const t of c.townships) {
      if (!kioskTownships.has(t)) continue;
      const at = offset(t.lat, t.lon, rng.float(0, 0.5), rng.float(0, 2 * Math.PI));
      points.push({ id: `${t.id}/p2`, name: `${t.name} Self-Service Kiosk`, regionId: t.id, location: at, serviceIds: kioskIds, capacity: 5000, kind: "kiosk" });
    }
  }
  flushProvince(undefined);

  // Needs (demand per leaf region) and journeys through the first county's services
  const pilot = counties[0]!;
  const leaves = counties.flatMap((c) => c.townships);
  const allNeeds = [...lifeNeeds, ...objectNeeds].sort((a, b) => compareIds(a.id, b.id));
  const needs: Rec[] = allNeeds.map((n, i) => {
    const rec: Rec = { id: n.id, name: n.name, kind: n.kind, segmentIds: [n.segment] };
    if (i % tier.explicitDemandEvery === 0) {
      rec.demand = leaves.map((t) => ({ regionId: t.id, segmentId: n.segment, volume: Math.max(1, Math.round(t.population * n.rate * rng.float(0.7, 1.3))) }));
    }
    if (n.lifeEvent) {
      rec.weight = 2;
      const ids = n.lifeEvent.steps.map(([s, o, v]) => `${pilot.id}/s${pad(templates.get(`${pad(SECTORS.indexOf(bySector.get(s)!), 2)}-${o}-${v}`)!.index + 1, 3)}`);
      rec.journey = n.lifeEvent.steps.map(([, , , after], k) => (after.length ? { serviceId: ids[k], after: after.map((a) => ids[a]) } : { serviceId: ids[k] }));
    }
    return rec;
  });

  return { needs, services, points, totalPopulation };
}

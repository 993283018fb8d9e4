/**
 * Builds one synthetic government for a tier: regions, departments with their power-and-responsibility lists,
 * services, needs, points; then plants duplicated functions, near-duplicate names and coverage gaps, recording
 * them as ground truth. Records are created in schema field order; large collections are created in id order.
 * @internal
 * @module
 */
import type { Model } from "../../schemas/model.js";
import { canonicalize, compareIds } from "../canonical.js";
import {
  CHINESE_NAMES,
  COUNTY_VERBS,
  EVIDENCE,
  GOVERNMENT_FUNCTIONS,
  LIFE_EVENTS,
  NATION_VERBS,
  PROVINCE_VERBS,
  SECTORS,
  SEGMENTS,
  TOWNSHIP_FUNCTIONS,
  type Sector,
} from "./catalogue.js";
import { makeGeography, offset, type GeographyShape } from "./geography.js";
import { plantNearDuplicates } from "./near-duplicates.js";
import { Rng } from "./random.js";
import { duplicatedLeads } from "./duplicated.js";
import { uncoveredCells } from "./uncovered.js";

/** What a tier asks of the builder. @internal */
export interface TierSpec {
  shape: GeographyShape;
  nation: boolean;
  /** County functions each bureau leads (the first F (verb, subject) pairs, verb-major; at most 60). */
  bureauFunctions: number;
  townshipFunctions: number;
  /** Services each township government provides (at most 4). */
  townshipServices: number;
  supportsPerBureau: number;
  needs: number;
  /** Services (one per verb: licence, registration, fees, enquiries) for the i-th need served by counties. */
  verbsPerNeed: (i: number) => number;
  provinceServedEvery: number;
  nationServedEvery: number;
  explicitDemandEvery: number;
  inPersonNeeds: number;
  /** Kiosks per county; -1 means one in every township. */
  kiosks: number;
  plants: {
    horizontal: number;
    triples: number;
    verticalProvince: number;
    verticalNation: number;
    verticalTownship: number;
    typos: number;
    reorders: number;
    chinese: number;
    restricted: number;
    retired: number;
    planned: number;
  };
}

/** Planted findings. @internal */
export interface Truth {
  duplicatedFunctions: { functionId: string; departmentIds: string[] }[];
  nearDuplicateFunctions: [string, string][];
  uncoveredNeeds: { needId: string; regionId: string }[];
}

type Rec = Record<string, unknown>;
type Role = "lead" | "support";

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const round2 = (x: number) => Math.round(x * 100) / 100;
const cf = (s: string, o: number, v: string) => `fc-${s}-${o}-${v}`;
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

interface DeptPlan {
  rec: Rec;
  base: readonly string[];
  extras?: [string, Role][];
}

/** Builds the model and its ground truth for one tier. @internal */
export function buildModel(tier: TierSpec, seed: number, label: string): { model: Model; truth: Truth } {
  const rng = new Rng(seed * 7919 + label.length * 104729 + label.charCodeAt(0));
  const F = Math.min(tier.bureauFunctions, COUNTY_VERBS.length * 10);
  const { provinces, counties } = makeGeography(rng, tier.shape);
  const truth: Truth = { duplicatedFunctions: [], nearDuplicateFunctions: [], uncoveredNeeds: [] };

  // Functions
  const functions = new Map<string, Rec>();
  const addFunction = (id: string, name: string, category: string, domain: string, law: string, article: number, keywords: string[]) =>
    functions.set(id, { id, name, category, domain, legalBasis: [{ title: `${law}, article ${article}` }], keywords });
  const chinese = new Map(CHINESE_NAMES.map(([s, o, v, name, kw]) => [cf(s, o, v), { name, kw: [...kw] }]));
  const countyBase = new Map<string, string[]>();
  const provinceBase = new Map<string, string[]>();
  const nationBase = new Map<string, string[]>();
  const countyCombos: { o: number; v: (typeof COUNTY_VERBS)[number] }[] = [];
  for (let i = 0; i < F; i++) countyCombos.push({ o: i % 10, v: COUNTY_VERBS[Math.floor(i / 10)]! });
  const held = (o: number, v: string) => COUNTY_VERBS.findIndex((x) => x.key === v) * 10 + o < F;
  for (const sector of SECTORS) {
    const ids: string[] = [];
    for (const { o, v } of countyCombos) {
      const id = cf(sector.key, o, v.key);
      const zh = chinese.get(id);
      const subject = sector.subjects[o]!;
      addFunction(id, zh ? zh.name : v.name(subject), v.category, sector.domain, sector.law, 10 + o * 6 + COUNTY_VERBS.indexOf(v), zh ? zh.kw : [subject, v.keyword]);
      ids.push(id);
    }
    countyBase.set(sector.key, ids.sort(compareIds));
    if (tier.shape.provinces > 0) {
      const p: string[] = [];
      for (let o = 0; o < 10; o++) {
        for (const v of PROVINCE_VERBS) {
          const id = `fp-${sector.key}-${o}-${v.key}`;
          addFunction(id, v.name(sector.subjects[o]!), v.category, sector.domain, sector.law, 70 + o, [sector.subjects[o]!, v.keyword]);
          p.push(id);
        }
      }
      provinceBase.set(sector.key, p.sort(compareIds));
    }
    if (tier.nation) {
      const n: string[] = [];
      for (let o = 0; o < 10; o++) {
        for (const v of NATION_VERBS) {
          const id = `fn-${sector.key}-${o}-${v.key}`;
          addFunction(id, v.name(sector.subjects[o]!), v.category, sector.domain, sector.law, 90 + o, [sector.subjects[o]!, v.keyword]);
          n.push(id);
        }
      }
      nationBase.set(sector.key, n.sort(compareIds));
    }
  }
  const townshipBase: string[] = [];
  for (const [key, name, category, domain] of TOWNSHIP_FUNCTIONS.slice(0, tier.townshipFunctions)) {
    addFunction(`ft-${key}`, name, category, domain, "Organic Law of Local People's Congresses and Governments", 76, [key === "hom" ? "homestead" : name.split(" ").pop()!, "township"]);
    townshipBase.push(`ft-${key}`);
  }
  townshipBase.sort(compareIds);
  const governmentBase: string[] = [];
  for (const [key, name, category] of GOVERNMENT_FUNCTIONS) {
    addFunction(`fg-${key}`, name, category, "01.1", "Organic Law of Local People's Congresses and Governments", 73, [name.split(" ").pop()!, "county government"]);
    governmentBase.push(`fg-${key}`);
  }
  governmentBase.sort(compareIds);
  const upperGovernment = (level: string, pairs: [string, string][]) =>
    pairs.map(([key, name]) => {
      addFunction(`fg-${level}-${key}`, name, "regulation", "01.1", "Constitution", level === "n" ? 89 : 107, [key, level === "n" ? "state council" : "provincial government"]);
      return `fg-${level}-${key}`;
    });
  const provinceGovBase = tier.shape.provinces > 0 ? upperGovernment("p", [["bnd", "Approve changes to county boundaries"], ["rul", "Enact provincial government rules"]]) : [];
  const nationGovBase = tier.nation ? upperGovernment("n", [["trt", "Conclude treaties with foreign states"], ["quo", "Allocate land quotas among provinces"]]) : [];

  // Departments
  const departments = new Map<string, DeptPlan>();
  let credit = 0;
  const addDepartment = (id: string, name: string, regionId: string, parentId: string | undefined, level: string, kind: string, authorized: number, base: readonly string[]) => {
    const actual = Math.round(authorized * rng.float(0.78, 1.04));
    const rec: Rec = { id, name, regionId };
    if (parentId !== undefined) rec.parentId = parentId;
    rec.level = level;
    rec.kind = kind;
    rec.staff = { authorized, actual };
    rec.budget = Math.round(actual * rng.float(150, 260)) * 1000;
    rec.identifiers = [{ scheme: "CN-USCC", id: `11${pad(++credit, 7)}MB${pad((credit * 7919) % 1_000_000_000, 9)}` }];
    departments.set(id, { rec, base });
  };
  const addExtra = (deptId: string, functionId: string, role: Role) => {
    const plan = departments.get(deptId)!;
    const extras = (plan.extras ??= []);
    const found = extras.find((e) => e[0] === functionId);
    if (found) {
      if (role === "lead") found[1] = "lead";
    } else extras.push([functionId, role]);
  };
  if (tier.nation) {
    addDepartment("N/gov", "State Council", "N", undefined, "nation", "government", 900, nationGovBase);
    for (const s of SECTORS) addDepartment(`N/${s.key}`, s.ministry, "N", "N/gov", "nation", "ministry", s.staff * 12, nationBase.get(s.key)!);
  }
  for (const p of provinces) {
    addDepartment(`${p.id}/gov`, `People's Government of ${p.name}`, p.id, tier.nation ? "N/gov" : undefined, "province", "government", 400, provinceGovBase);
    for (const s of SECTORS) {
      addDepartment(`${p.id}/${s.key}`, `${p.name} ${s.department}`, p.id, tier.nation ? `N/${s.key}` : `${p.id}/gov`, "province", "department", s.staff * 4, provinceBase.get(s.key)!);
    }
  }
  for (const c of counties) {
    const scale = Math.sqrt(c.population / 450_000);
    const gov = `${c.id}/gov`;
    addDepartment(gov, `${c.name} People's Government Office`, c.id, c.provinceId ? `${c.provinceId}/gov` : undefined, "county", "government", Math.round(rng.int(60, 120) * scale), governmentBase);
    for (const s of SECTORS) {
      const authorized = Math.max(3, Math.round(s.staff * scale * rng.float(0.8, 1.2)));
      addDepartment(`${c.id}/${s.key}`, `${c.name} ${s.bureau}`, c.id, c.provinceId ? `${c.provinceId}/${s.key}` : gov, "county", "bureau", authorized, countyBase.get(s.key)!);
      for (let k = 0; k < tier.supportsPerBureau; k++) {
        const other = rng.pick(SECTORS);
        if (other === s) continue;
        const combo = rng.pick(countyCombos);
        addExtra(`${c.id}/${s.key}`, cf(other.key, combo.o, combo.v.key), "support");
      }
    }
    for (const t of c.townships) addDepartment(`${t.id}/gov`, `${t.name} Government`, t.id, gov, "township", "township_government", rng.int(30, 80), townshipBase);
  }

  // Planted duplicated functions
  const usedFunctions = new Set<string>();
  const freshCountyFunction = (sector: Sector): string => {
    for (;;) {
      const combo = rng.pick(countyCombos);
      const id = cf(sector.key, combo.o, combo.v.key);
      if (!usedFunctions.has(id)) return (usedFunctions.add(id), id);
    }
  };
  const plantDuplicate = (functionId: string, holders: string[]) => {
    for (const d of holders) addExtra(d, functionId, "lead");
  };
  for (let i = 0; i < tier.plants.horizontal; i++) {
    const c = rng.pick(counties);
    const [s, ...others] = rng.sample(SECTORS, i < tier.plants.triples ? 3 : 2);
    const f = freshCountyFunction(s!);
    plantDuplicate(f, [`${c.id}/${s!.key}`, ...others.map((o) => `${c.id}/${o.key}`)]);
  }
  for (let i = 0; i < tier.plants.verticalTownship; i++) {
    const c = rng.pick(counties);
    const s = rng.pick(SECTORS);
    plantDuplicate(freshCountyFunction(s), [`${c.id}/${s.key}`, `${rng.pick(c.townships).id}/gov`]);
  }
  const freshUpper = (prefix: string, verbs: readonly { key: string }[], sector: Sector) => {
    for (;;) {
      const id = `${prefix}-${sector.key}-${rng.int(0, 9)}-${rng.pick(verbs).key}`;
      if (!usedFunctions.has(id)) return (usedFunctions.add(id), id);
    }
  };
  for (let i = 0; i < tier.plants.verticalProvince && provinces.length > 0; i++) {
    const c = rng.pick(counties);
    const s = rng.pick(SECTORS);
    plantDuplicate(freshUpper("fp", PROVINCE_VERBS, s), [`${c.provinceId}/${s.key}`, `${c.id}/${s.key}`]);
  }
  for (let i = 0; i < tier.plants.verticalNation && tier.nation; i++) {
    const p = rng.pick(provinces);
    const s = rng.pick(SECTORS);
    plantDuplicate(freshUpper("fn", NATION_VERBS, s), [`N/${s.key}`, `${p.id}/${s.key}`]);
  }

  // Planted near-duplicate functions: renamed copies, each led by one bureau of one county.
  for (const { original, copy } of plantNearDuplicates(rng, functions, chinese, tier.plants)) {
    const source = functions.get(original)!;
    functions.set(copy.id, { ...source, id: copy.id, name: copy.name });
    const sectorKey = original.split("-")[1]!;
    addExtra(`${rng.pick(counties).id}/${sectorKey}`, copy.id, "lead");
    truth.nearDuplicateFunctions.push([original, copy.id].sort(compareIds) as [string, string]);
  }

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

  // Regions
  const regions: Rec[] = [];
  const region = (id: string, name: string, parentId: string | undefined, level: string, population: number, lat: number, lon: number) => {
    const rec: Rec = { id, name };
    if (parentId !== undefined) rec.parentId = parentId;
    Object.assign(rec, { level, population, location: { lat, lon } });
    regions.push(rec);
  };
  if (tier.nation) region("N", "Republic of Synthesia", undefined, "nation", totalPopulation, 35, 105);
  for (const p of provinces) region(p.id, p.name, tier.nation ? "N" : undefined, "province", p.population, p.lat, p.lon);
  for (const c of counties) {
    region(c.id, c.name, c.provinceId, "county", c.population, c.lat, c.lon);
    for (const t of c.townships) region(t.id, t.name, c.id, "township", t.population, t.lat, t.lon);
  }

  // Assignments, department by department in id order
  const departmentIds = [...departments.keys()].sort(compareIds);
  const assignments: Rec[] = [];
  for (const id of departmentIds) {
    const plan = departments.get(id)!;
    if (!plan.extras) {
      for (const functionId of plan.base) assignments.push({ departmentId: id, functionId, role: "lead" });
      continue;
    }
    const roles = new Map<string, Role>(plan.base.map((f) => [f, "lead"]));
    for (const [f, role] of plan.extras) if (!roles.has(f)) roles.set(f, role);
    for (const f of [...roles.keys()].sort(compareIds)) assignments.push({ departmentId: id, functionId: f, role: roles.get(f)! });
  }

  const evidenceIssuerDept = (sector: string) =>
    tier.nation ? `N/${sector}` : provinces.length > 0 ? `${provinces[0]!.id}/${sector}` : `${pilot.id}/${sector}`;
  const model = canonicalize({
    schemaVersion: 1,
    meta: {
      name: `Synthetic ${label} government (seed ${seed})`,
      description: `Generated by govgraph generateModel({ size: "${label}", seed: ${seed} }) with planted duplicates and gaps.`,
      source: "govgraph generateModel",
      license: "CC0-1.0",
    },
    regions,
    segments: SEGMENTS.map(([id, name, description]) => ({ id, name, description })),
    departments: departmentIds.map((id) => departments.get(id)!.rec),
    functions: [...functions.values()].sort((a, b) => compareIds(a.id as string, b.id as string)),
    assignments,
    services,
    needs,
    evidence: EVIDENCE.map(([key, name, sector]) => ({ id: `e-${key}`, name, issuerId: evidenceIssuerDept(sector) })),
    servicePoints: points.sort((a, b) => compareIds(a.id as string, b.id as string)),
    travelCosts: [],
  } as unknown as Model);

  // The planted duplicates are all there is; computing the list from the finished model keeps that promise exact.
  truth.duplicatedFunctions = duplicatedLeads(model);
  truth.nearDuplicateFunctions.sort((a, b) => compareIds(a[0], b[0]) || compareIds(a[1], b[1]));
  truth.uncoveredNeeds = uncoveredCells(model);
  return { model, truth };
}

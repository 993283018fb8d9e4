/**
 * The needs of a synthetic government and the service templates that meet them: life and business events with
 * their journeys, one need per (sector, subject) served by counties, provinces or the nation, and the needs chosen
 * for planted coverage gaps (docs/generator.md).
 * @internal
 * @module
 */
import { compareIds } from "../model/records.js";
import type { Rng } from "../random.js";
import { LIFE_EVENTS, SECTORS, type LifeEvent, type Sector } from "./catalogue.js";
import type { CountyPlan } from "./geography.js";
import type { TierSpec } from "./tiers.js";

type Rec = Record<string, unknown>;

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const round2 = (x: number) => Math.round(x * 100) / 100;
const SERVICE_VERBS = ["lic", "reg", "pay", "inf"] as const;

/** A county service offered in every county: one verb applied to one subject of a sector. @internal */
export interface Template {
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

/** A need being planned, with the templates that meet it. @internal */
export interface NeedPlan {
  id: string;
  name: string;
  kind: "life_event" | "business_event" | "need";
  segment: string;
  rate: number;
  level: "county" | "province" | "nation";
  sector?: Sector;
  subject?: number;
  templates: Template[];
  lifeEvent?: LifeEvent;
}

/** The planned needs and templates of a tier. @internal */
export interface NeedsPlan {
  lifeNeeds: NeedPlan[];
  objectNeeds: NeedPlan[];
  needById: Map<string, NeedPlan>;
  /** Templates by key (sector index, subject, verb). */
  templates: Map<string, Template>;
  lifeTemplates: Set<Template>;
  /** Needs met by templates whose services have no remote channel. */
  inPersonNeeds: NeedPlan[];
  /** Needs whose services are restricted, retired or planned in one county (in that order of kinds). */
  gapNeeds: NeedPlan[];
}

/** The key of a template: sector index, subject, verb. */
const templateKey = (sector: Sector, o: number, v: string) => `${pad(SECTORS.indexOf(sector), 2)}-${o}-${v}`;

/** The object needs of a tier: one per (sector, subject), served at the county, province or nation level. */
function objectNeeds(rng: Rng, tier: TierSpec, count: number): NeedPlan[] {
  const out: NeedPlan[] = [];
  for (let k = 0; out.length < count && k < 300; k++) {
    const sector = SECTORS[k % SECTORS.length]!;
    const o = Math.floor(k / SECTORS.length);
    const i = out.length;
    const level = tier.nationServedEvery && i % tier.nationServedEvery === tier.nationServedEvery - 1 ? "nation"
      : tier.provinceServedEvery && i % tier.provinceServedEvery === tier.provinceServedEvery - 1 ? "province" : "county";
    out.push({
      id: `n-${sector.key}-${o}`, name: `Deal with ${sector.subjects[o]}`, kind: "need", segment: sector.segment,
      rate: round2(rng.float(0.05, 1)) / 100, level, sector, subject: o, templates: [],
    });
  }
  return out;
}

/** Plans the needs, the templates meeting them, and the needs left in person only or planted as gaps. @internal */
export function planNeeds(rng: Rng, tier: TierSpec, held: (o: number, v: string) => boolean): NeedsPlan {
  const lifeNeeds: NeedPlan[] = LIFE_EVENTS.map((e) => ({
    id: `n-${e.key}`, name: e.name, kind: e.kind, segment: e.segment, rate: e.rate, level: "county", templates: [], lifeEvent: e,
  }));
  const objects = objectNeeds(rng, tier, tier.needs - lifeNeeds.length);
  const templates = new Map<string, Template>();
  const template = (sector: Sector, o: number, v: string, need: NeedPlan) => {
    const key = templateKey(sector, o, v);
    let t = templates.get(key);
    if (!t) {
      t = { key, sector, subject: o, verb: v, needs: new Set(), inPersonOnly: false } as Template;
      templates.set(key, t);
    }
    t.needs.add(need.id);
    need.templates.push(t);
  };
  const bySector = new Map(SECTORS.map((s) => [s.key, s]));
  for (const need of lifeNeeds) for (const [s, o, v] of need.lifeEvent!.steps) template(bySector.get(s)!, o, v, need);
  const countyNeeds = objects.filter((n) => n.level === "county");
  countyNeeds.forEach((need, i) => {
    const verbs = SERVICE_VERBS.filter((v) => held(need.subject!, v));
    const count = Math.min(verbs.length, tier.verbsPerNeed(i));
    for (let k = 0; k < count; k++) template(need.sector!, need.subject!, verbs[(i + k) % verbs.length]!, need);
  });
  const lifeTemplates = new Set(lifeNeeds.flatMap((n) => n.templates));
  const soleNeed = countyNeeds.filter((n) => n.templates.every((t) => !lifeTemplates.has(t) && t.needs.size === 1));
  const picked = rng.sample(soleNeed, tier.inPersonNeeds + tier.plants.restricted + tier.plants.retired + tier.plants.planned);
  const inPersonNeeds = picked.slice(0, tier.inPersonNeeds);
  for (const need of inPersonNeeds) for (const t of need.templates) t.inPersonOnly = true;
  const needById = new Map([...lifeNeeds, ...objects].map((n) => [n.id, n]));
  return { lifeNeeds, objectNeeds: objects, needById, templates, lifeTemplates, inPersonNeeds, gapNeeds: picked.slice(tier.inPersonNeeds) };
}

/** The need records in id order: explicit demand per township for every `explicitDemandEvery`-th, journeys in the first county. @internal */
export function needRecords(rng: Rng, tier: TierSpec, counties: readonly CountyPlan[], plan: NeedsPlan): Rec[] {
  const pilot = counties[0]!;
  const leaves = counties.flatMap((c) => c.townships);
  const bySector = new Map(SECTORS.map((s) => [s.key, s]));
  const serviceId = ([s, o, v]: readonly [string, number, string, ...unknown[]]) =>
    `${pilot.id}/s${pad(plan.templates.get(templateKey(bySector.get(s)!, o, v))!.index + 1, 3)}`;
  const allNeeds = [...plan.lifeNeeds, ...plan.objectNeeds].sort((a, b) => compareIds(a.id, b.id));
  return allNeeds.map((n, i) => {
    const rec: Rec = { id: n.id, name: n.name, kind: n.kind, segmentIds: [n.segment] };
    if (i % tier.explicitDemandEvery === 0) {
      rec.demand = leaves.map((t) => ({ regionId: t.id, segmentId: n.segment, volume: Math.max(1, Math.round(t.population * n.rate * rng.float(0.7, 1.3))) }));
    }
    if (n.lifeEvent) {
      rec.weight = 2;
      const ids = n.lifeEvent.steps.map(serviceId);
      rec.journey = n.lifeEvent.steps.map(([, , , after], k) => (after.length ? { serviceId: ids[k], after: after.map((a) => ids[a]) } : { serviceId: ids[k] }));
    }
    return rec;
  });
}

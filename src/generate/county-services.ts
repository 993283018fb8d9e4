/**
 * One county's services and service points: a window and a few services in every township, a copy of every
 * template run by the county bureaus (restricted, retired or planned where a gap is planted), the one-stop centre,
 * one service hall per big bureau and self-service kiosks (docs/generator.md).
 * @internal
 * @module
 */
import type { Rng } from "../random.js";
import { SECTORS } from "./catalogue.js";
import { offset, type CountyPlan } from "./geography.js";
import type { NeedPlan, Template } from "./needs.js";

type Rec = Record<string, unknown>;

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const round2 = (x: number) => Math.round(x * 100) / 100;
const HALLS = ["publicsec", "tax", "hrss", "medsec", "natres", "market"];
const BUREAUS = new Map(SECTORS.map((s) => [s.key, s.bureau]));

/** The published flags services carry: all, all but the fee, a few. Frozen: many records share them. @internal */
export const PUBLISHED = [
  { guide: true, legalBasis: true, fee: true, processingTime: true, channels: true, contact: true },
  { guide: true, legalBasis: true, fee: false, processingTime: true, channels: true, contact: true },
  { guide: true, legalBasis: false, processingTime: true, channels: true },
].map((p) => Object.freeze(p));

/** A planted coverage gap in one county. @internal */
export interface GapPlan {
  kind: "restricted" | "retired" | "planned";
  needId: string;
  /** The township a restricted service leaves out. */
  township?: string;
}

/** What every county shares. @internal */
export interface CountyContext {
  rng: Rng;
  /** Township services offered: key, name, need id ("" for none), segment. */
  townshipTemplates: readonly (readonly [string, string, string, string])[];
  templates: readonly Template[];
  needById: ReadonlyMap<string, NeedPlan>;
  /** Kiosks per county; -1 means one in every township. */
  kiosks: number;
}

/** Township services and each township's service window. */
function townships(ctx: CountyContext, c: CountyPlan, services: Rec[], points: Rec[]): void {
  const { rng } = ctx;
  for (const t of c.townships) {
    const ids: string[] = [];
    ctx.townshipTemplates.forEach(([key, name, needId, segment], k) => {
      const id = `${t.id}/s${k + 1}`;
      ids.push(id);
      services.push({
        id, name: `${t.name}: ${name}`, departmentId: `${t.id}/gov`, functionIds: [`ft-${key}`], needIds: needId && ctx.needById.has(needId) ? [needId] : [],
        segmentIds: [segment], channels: [{ kind: "in_person", visits: 1, processingDays: 3, fee: 0 }], processingDays: 3, fee: 0,
        annualVolume: Math.round(t.population * 0.002 * rng.float(0.5, 1.5)), published: rng.pick(PUBLISHED),
        quality: { satisfaction: round2(rng.float(0.7, 0.98)), onTimeRate: round2(rng.float(0.8, 1)) },
      });
    });
    const at = offset(t.lat, t.lon, rng.float(0, 0.3), rng.float(0, 2 * Math.PI));
    points.push({ id: `${t.id}/p1`, name: `${t.name} Service Centre`, regionId: t.id, location: at, serviceIds: ids, capacity: Math.round(t.population * 0.05), kind: "window" });
  }
}

/** The county's copy of one template, with the planted gaps that concern it; `status` set when retired or planned. */
function templateService(rng: Rng, c: CountyPlan, t: Template, plans: readonly GapPlan[]): Rec {
  const rec: Rec = { id: `${c.id}/s${pad(t.index + 1, 3)}`, name: t.name, departmentId: `${c.id}/${t.sector.key}` };
  if (t.partner) rec.partnerIds = [`${c.id}/govservice`];
  rec.functionIds = t.functionIds;
  rec.needIds = t.needIds;
  rec.segmentIds = t.segmentIds;
  let status: string | undefined;
  for (const plan of plans) {
    if (!t.needs.has(plan.needId)) continue;
    if (plan.kind === "restricted") rec.regionIds = c.townships.map((r) => r.id).filter((r) => r !== plan.township);
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
  return rec;
}

/** Adds one county's services and points (township services first, so ids come out sorted). @internal */
export function countyServices(ctx: CountyContext, c: CountyPlan, plans: readonly GapPlan[], services: Rec[], points: Rec[]): void {
  const { rng } = ctx;
  const kioskTownships = new Set(ctx.kiosks < 0 ? c.townships : rng.sample(c.townships, ctx.kiosks));
  townships(ctx, c, services, points);
  const inPersonIds: string[] = [];
  const hallIds = new Map<string, string[]>(HALLS.map((h) => [h, []]));
  const kioskIds: string[] = [];
  for (const t of ctx.templates) {
    const rec = templateService(rng, c, t, plans);
    services.push(rec);
    if (rec.status) continue;
    const id = rec.id as string;
    inPersonIds.push(id);
    hallIds.get(t.sector.key)?.push(id);
    if (t.kiosk) kioskIds.push(id);
  }
  const seat = offset(c.lat, c.lon, rng.float(0, 0.4), rng.float(0, 2 * Math.PI));
  points.push({ id: `${c.id}/p01`, name: `${c.name} Government Service Centre`, regionId: c.townships[0]!.id, location: seat, serviceIds: inPersonIds, capacity: Math.round(c.population * 0.4), kind: "one_stop_center" });
  HALLS.forEach((h, k) => {
    const at = offset(c.lat, c.lon, rng.float(0.3, 2), rng.float(0, 2 * Math.PI));
    const name = `${c.name} ${BUREAUS.get(h)!} Service Hall`;
    points.push({ id: `${c.id}/p${pad(k + 2, 2)}`, name, regionId: c.townships[0]!.id, location: at, serviceIds: hallIds.get(h)!, capacity: Math.round(c.population * 0.08), kind: "office" });
  });
  for (const t of c.townships) {
    if (!kioskTownships.has(t)) continue;
    const at = offset(t.lat, t.lon, rng.float(0, 0.5), rng.float(0, 2 * Math.PI));
    points.push({ id: `${t.id}/p2`, name: `${t.name} Self-Service Kiosk`, regionId: t.id, location: at, serviceIds: kioskIds, capacity: 5000, kind: "kiosk" });
  }
}

/**
 * Needs, service templates and, county by county, the services and service points of a tier, with the planted
 * coverage gaps (in-person-only needs, services restricted to part of a county, retired and planned services).
 * Service ids follow the region ids, so services come out in id order.
 * @internal
 * @module
 */
import type { Rng } from "../random.js";
import { countyServices, PUBLISHED, type CountyContext, type GapPlan } from "./county-services.js";
import type { CountyPlan, ProvincePlan } from "./geography.js";
import { needRecords, planNeeds, type NeedPlan, type NeedsPlan } from "./needs.js";
import { detailTemplates } from "./templates.js";
import type { TierSpec } from "./tiers.js";

type Rec = Record<string, unknown>;

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const round2 = (x: number) => Math.round(x * 100) / 100;
const TOWNSHIP_SERVICES: readonly (readonly [string, string, string, string])[] = [
  ["hom", "Rural homestead application window", "n-build-house", "farmers"],
  ["sub", "Farmland subsidy claims", "n-start-farm", "farmers"],
  ["fpl", "Birth service registration", "n-have-baby", "newborn-families"],
  ["dis", "Neighbourhood dispute mediation", "", "citizens"],
];

/** The planted gaps by county id: each gap need's services restricted, retired or planned in one random county. */
function gapPlans(rng: Rng, tier: TierSpec, counties: readonly CountyPlan[], gapNeeds: readonly NeedPlan[]): Map<string, GapPlan[]> {
  const plans = new Map<string, GapPlan[]>();
  gapNeeds.forEach((need, i) => {
    const kind = i < tier.plants.restricted ? "restricted" : i < tier.plants.restricted + tier.plants.retired ? "retired" : "planned";
    const c = rng.pick(counties);
    const list = plans.get(c.id) ?? [];
    list.push({ kind, needId: need.id, township: kind === "restricted" ? rng.pick(c.townships.slice(1)).id : undefined });
    plans.set(c.id, list);
  });
  return plans;
}

/** The online services of the needs served by the nation (id `N/s…`) or by each province (`P…/s…`). */
function upperServices(rng: Rng, plan: NeedsPlan, provinces: readonly ProvincePlan[], totalPopulation: number) {
  const upperService = (id: string, deptId: string, need: NeedPlan, functionId: string, population: number): Rec => ({
    id, name: `Online service: ${need.sector!.subjects[need.subject!]}`, departmentId: deptId, functionIds: [functionId], needIds: [need.id],
    segmentIds: [need.segment],
    channels: [{ kind: "online", endToEnd: true, visits: 0, processingDays: rng.int(1, 10) }, { kind: "phone", endToEnd: false, visits: 0 }],
    processingDays: rng.int(1, 10), fee: 0, annualVolume: Math.round(population * need.rate), published: PUBLISHED[0],
    quality: { satisfaction: round2(rng.float(0.75, 0.97)), onTimeRate: round2(rng.float(0.85, 1)) },
  });
  const upperNeeds = (level: string) => plan.objectNeeds.filter((n) => n.level === level);
  const nation = upperNeeds("nation").map((need, j) =>
    upperService(`N/s${pad(j + 1, 3)}`, `N/${need.sector!.key}`, need, `fn-${need.sector!.key}-${need.subject}-pol`, totalPopulation));
  const byProvince = new Map<string, Rec[]>();
  for (const p of provinces) {
    byProvince.set(p.id, upperNeeds("province").map((need, j) =>
      upperService(`${p.id}/s${pad(j + 1, 3)}`, `${p.id}/${need.sector!.key}`, need, `fp-${need.sector!.key}-${need.subject}-apv`, p.population)));
  }
  return { nation, byProvince };
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
  const plan = planNeeds(rng, tier, held);
  const templates = detailTemplates(rng, plan);
  const gaps = gapPlans(rng, tier, counties, plan.gapNeeds);
  const totalPopulation = counties.reduce((sum, c) => sum + c.population, 0);
  const upper = upperServices(rng, plan, provinces, totalPopulation);
  const ctx: CountyContext = {
    rng,
    townshipTemplates: TOWNSHIP_SERVICES.slice(0, tier.townshipServices).filter(([key]) => townshipBase.includes(`ft-${key}`)),
    templates,
    needById: plan.needById,
    kiosks: tier.kiosks,
  };
  // Ids sort nation first, then each province's counties followed by the province's own services.
  const services: Rec[] = [...upper.nation];
  const points: Rec[] = [];
  for (let i = 0; i < counties.length; i++) {
    const c = counties[i]!;
    countyServices(ctx, c, gaps.get(c.id) ?? [], services, points);
    const next = counties[i + 1]?.provinceId;
    if (c.provinceId && c.provinceId !== next) services.push(...upper.byProvince.get(c.provinceId)!);
  }
  return { needs: needRecords(rng, tier, counties, plan), services, points, totalPopulation };
}

/**
 * Builds one synthetic government for a tier: regions, departments with their power-and-responsibility lists,
 * services, needs, points; then plants duplicated functions, near-duplicate names and coverage gaps, recording
 * them as ground truth. Records are created in schema field order; large collections are created in id order.
 * @internal
 * @module
 */
import type { Model } from "../../schemas/model.js";
import { canonicalize, compareIds } from "../records.js";
import {
  COUNTY_VERBS,
  EVIDENCE,
  NATION_VERBS,
  PROVINCE_VERBS,
  SECTORS,
  SEGMENTS,
  type Sector,
} from "./catalogue.js";
import { cf, makeFunctions } from "./functions.js";
import { makeGeography, type GeographyShape } from "./geography.js";
import { plantNearDuplicates } from "./near-duplicates.js";
import { Rng } from "./random.js";
import { duplicatedLeads } from "./duplicated.js";
import { makeServices } from "./services.js";
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

  const { functions, chinese, countyCombos, held, countyBase, provinceBase, nationBase, townshipBase, governmentBase, provinceGovBase, nationGovBase } =
    makeFunctions({ F, provinces: tier.shape.provinces > 0, nation: tier.nation, townshipFunctions: tier.townshipFunctions });

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

  const { needs, services, points, totalPopulation } = makeServices(rng, tier, provinces, counties, held, townshipBase);

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

  const pilot = counties[0]!;
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

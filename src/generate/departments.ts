/**
 * The departments of a synthetic government, level by level (State Council and ministries, provincial
 * governments and departments, county governments and bureaus, township governments), each with its standard
 * power-and-responsibility list and the extra functions planted on top, and the assignments they make.
 * @internal
 * @module
 */
import { compareIds } from "../model/records.js";
import { SECTORS } from "./catalogue.js";
import { cf, type FunctionCatalogue } from "./functions.js";
import type { CountyPlan, ProvincePlan } from "./geography.js";
import type { Rng } from "../random.js";
import type { TierSpec } from "./tiers.js";

type Rec = Record<string, unknown>;
type Role = "lead" | "support";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

interface DepartmentPlan {
  rec: Rec;
  base: readonly string[];
  extras?: [string, Role][];
}

/** The departments being planned, with the functions each holds beyond its standard list. @internal */
export class DepartmentPlans {
  private readonly plans = new Map<string, DepartmentPlan>();
  private credit = 0;

  constructor(private readonly rng: Rng) {}

  /** Adds a department (fields in schema order) holding its standard list `base` as lead. */
  add(id: string, name: string, regionId: string, parentId: string | undefined, level: string, kind: string, authorized: number, base: readonly string[]): void {
    const actual = Math.round(authorized * this.rng.float(0.78, 1.04));
    const rec: Rec = { id, name, regionId };
    if (parentId !== undefined) rec.parentId = parentId;
    rec.level = level;
    rec.kind = kind;
    rec.staff = { authorized, actual };
    rec.budget = Math.round(actual * this.rng.float(150, 260)) * 1000;
    rec.identifiers = [{ scheme: "CN-USCC", id: `11${pad(++this.credit, 7)}MB${pad((this.credit * 7919) % 1_000_000_000, 9)}` }];
    this.plans.set(id, { rec, base });
  }

  /** Gives a department one more function; `lead` wins over `support` when it is given twice. */
  addExtra(departmentId: string, functionId: string, role: Role): void {
    const plan = this.plans.get(departmentId)!;
    const extras = (plan.extras ??= []);
    const found = extras.find((e) => e[0] === functionId);
    if (found) {
      if (role === "lead") found[1] = "lead";
    } else extras.push([functionId, role]);
  }

  /** The department ids in id order. */
  ids(): string[] {
    return [...this.plans.keys()].sort(compareIds);
  }

  /** The department records in id order. */
  records(ids: readonly string[]): Rec[] {
    return ids.map((id) => this.plans.get(id)!.rec);
  }

  /** The assignments, department by department in id order, functions in id order within a department. */
  assignments(ids: readonly string[]): Rec[] {
    const out: Rec[] = [];
    for (const id of ids) {
      const plan = this.plans.get(id)!;
      if (!plan.extras) {
        for (const functionId of plan.base) out.push({ departmentId: id, functionId, role: "lead" });
        continue;
      }
      const roles = new Map<string, Role>(plan.base.map((f) => [f, "lead"]));
      for (const [f, role] of plan.extras) if (!roles.has(f)) roles.set(f, role);
      for (const f of [...roles.keys()].sort(compareIds)) out.push({ departmentId: id, functionId: f, role: roles.get(f)! });
    }
    return out;
  }
}

/** Plans every department of the tier, with the support functions county bureaus pick up from other sectors. @internal */
export function planDepartments(rng: Rng, tier: TierSpec, provinces: readonly ProvincePlan[], counties: readonly CountyPlan[], catalogue: FunctionCatalogue): DepartmentPlans {
  const plans = new DepartmentPlans(rng);
  const { countyCombos, countyBase, provinceBase, nationBase, townshipBase, governmentBase, provinceGovBase, nationGovBase } = catalogue;
  if (tier.nation) {
    plans.add("N/gov", "State Council", "N", undefined, "nation", "government", 900, nationGovBase);
    for (const s of SECTORS) plans.add(`N/${s.key}`, s.ministry, "N", "N/gov", "nation", "ministry", s.staff * 12, nationBase.get(s.key)!);
  }
  for (const p of provinces) {
    plans.add(`${p.id}/gov`, `People's Government of ${p.name}`, p.id, tier.nation ? "N/gov" : undefined, "province", "government", 400, provinceGovBase);
    for (const s of SECTORS) {
      plans.add(`${p.id}/${s.key}`, `${p.name} ${s.department}`, p.id, tier.nation ? `N/${s.key}` : `${p.id}/gov`, "province", "department", s.staff * 4, provinceBase.get(s.key)!);
    }
  }
  for (const c of counties) {
    const scale = Math.sqrt(c.population / 450_000);
    const gov = `${c.id}/gov`;
    plans.add(gov, `${c.name} People's Government Office`, c.id, c.provinceId ? `${c.provinceId}/gov` : undefined, "county", "government", Math.round(rng.int(60, 120) * scale), governmentBase);
    for (const s of SECTORS) {
      const authorized = Math.max(3, Math.round(s.staff * scale * rng.float(0.8, 1.2)));
      plans.add(`${c.id}/${s.key}`, `${c.name} ${s.bureau}`, c.id, c.provinceId ? `${c.provinceId}/${s.key}` : gov, "county", "bureau", authorized, countyBase.get(s.key)!);
      for (let k = 0; k < tier.supportsPerBureau; k++) {
        const other = rng.pick(SECTORS);
        if (other === s) continue;
        const combo = rng.pick(countyCombos);
        plans.addExtra(`${c.id}/${s.key}`, cf(other.key, combo.o, combo.v.key), "support");
      }
    }
    for (const t of c.townships) plans.add(`${t.id}/gov`, `${t.name} Government`, t.id, gov, "township", "township_government", rng.int(30, 80), townshipBase);
  }
  return plans;
}

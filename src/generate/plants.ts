/**
 * The planted findings of a synthetic government: functions led twice in overlapping jurisdictions (horizontal:
 * two bureaus of one county; vertical: a county bureau and its township, province or ministry) and renamed copies
 * of catalogue functions (near-duplicates), each led by one county bureau. Definitions: docs/generator.md.
 * @internal
 * @module
 */
import { compareIds } from "../model/records.js";
import type { Rng } from "../random.js";
import { NATION_VERBS, PROVINCE_VERBS, SECTORS, type Sector } from "./catalogue.js";
import type { DepartmentPlans } from "./departments.js";
import { cf, type FunctionCatalogue } from "./functions.js";
import type { CountyPlan, ProvincePlan } from "./geography.js";
import { plantNearDuplicates } from "./near-duplicates.js";
import type { TierSpec } from "./tiers.js";

/** Gives pairs (and a few triples) of departments with overlapping jurisdictions the same function as lead. @internal */
export function plantDuplicates(rng: Rng, tier: TierSpec, provinces: readonly ProvincePlan[], counties: readonly CountyPlan[], catalogue: FunctionCatalogue, plans: DepartmentPlans): void {
  const used = new Set<string>();
  const fresh = (make: () => string): string => {
    for (;;) {
      const id = make();
      if (!used.has(id)) return (used.add(id), id);
    }
  };
  const countyFunction = (sector: Sector) =>
    fresh(() => {
      const combo = rng.pick(catalogue.countyCombos);
      return cf(sector.key, combo.o, combo.v.key);
    });
  const upperFunction = (prefix: string, verbs: readonly { key: string }[], sector: Sector) => fresh(() => `${prefix}-${sector.key}-${rng.int(0, 9)}-${rng.pick(verbs).key}`);
  const plant = (functionId: string, holders: string[]) => {
    for (const d of holders) plans.addExtra(d, functionId, "lead");
  };
  for (let i = 0; i < tier.plants.horizontal; i++) {
    const c = rng.pick(counties);
    const [s, ...others] = rng.sample(SECTORS, i < tier.plants.triples ? 3 : 2);
    const f = countyFunction(s!);
    plant(f, [`${c.id}/${s!.key}`, ...others.map((o) => `${c.id}/${o.key}`)]);
  }
  for (let i = 0; i < tier.plants.verticalTownship; i++) {
    const c = rng.pick(counties);
    const s = rng.pick(SECTORS);
    plant(countyFunction(s), [`${c.id}/${s.key}`, `${rng.pick(c.townships).id}/gov`]);
  }
  for (let i = 0; i < tier.plants.verticalProvince && provinces.length > 0; i++) {
    const c = rng.pick(counties);
    const s = rng.pick(SECTORS);
    plant(upperFunction("fp", PROVINCE_VERBS, s), [`${c.provinceId}/${s.key}`, `${c.id}/${s.key}`]);
  }
  for (let i = 0; i < tier.plants.verticalNation && tier.nation; i++) {
    const p = rng.pick(provinces);
    const s = rng.pick(SECTORS);
    plant(upperFunction("fn", NATION_VERBS, s), [`N/${s.key}`, `${p.id}/${s.key}`]);
  }
}

/**
 * Adds renamed copies of catalogue functions to the catalogue, each led by the bureau of its sector in a random
 * county; returns the (original, copy) pairs, each sorted.
 * @internal
 */
export function plantRenamedCopies(rng: Rng, tier: TierSpec, counties: readonly CountyPlan[], catalogue: FunctionCatalogue, plans: DepartmentPlans): [string, string][] {
  const { functions, chinese } = catalogue;
  const pairs: [string, string][] = [];
  for (const { original, copy } of plantNearDuplicates(rng, functions, chinese, tier.plants)) {
    const source = functions.get(original)!;
    functions.set(copy.id, { ...source, id: copy.id, name: copy.name });
    const sectorKey = original.split("-")[1]!;
    plans.addExtra(`${rng.pick(counties).id}/${sectorKey}`, copy.id, "lead");
    pairs.push([original, copy.id].sort(compareIds) as [string, string]);
  }
  return pairs;
}

/**
 * The function catalogue of a tier: every county bureau's standard functions (the first F verb-subject pairs of
 * its sector, verb-major), provincial and national functions, township and government functions, with the
 * Chinese-named entries. No randomness: the catalogue depends on the tier only.
 * @internal
 * @module
 */
import { compareIds } from "../model/records.js";
import {
  CHINESE_NAMES,
  COUNTY_VERBS,
  GOVERNMENT_FUNCTIONS,
  NATION_VERBS,
  PROVINCE_VERBS,
  SECTORS,
  TOWNSHIP_FUNCTIONS,
  type Sector,
  type Verb,
} from "./catalogue.js";

/** The id of a county function: sector, subject index, verb key. @internal */
export const cf = (s: string, o: number, v: string) => `fc-${s}-${o}-${v}`;

/** What the catalogue of a tier holds, and who leads what by default. @internal */
export interface FunctionCatalogue {
  functions: Map<string, Record<string, unknown>>;
  chinese: Map<string, { name: string; kw: string[] }>;
  countyCombos: { o: number; v: (typeof COUNTY_VERBS)[number] }[];
  held: (o: number, v: string) => boolean;
  countyBase: Map<string, string[]>;
  provinceBase: Map<string, string[]>;
  nationBase: Map<string, string[]>;
  townshipBase: string[];
  governmentBase: string[];
  provinceGovBase: string[];
  nationGovBase: string[];
}

/** Builds the catalogue: `F` county functions per sector, upper levels when the tier has them. @internal */
export function makeFunctions(tier: { F: number; provinces: boolean; nation: boolean; townshipFunctions: number }): FunctionCatalogue {
  const F = tier.F;
  const functions = new Map<string, Record<string, unknown>>();
  const addFunction = (id: string, name: string, category: string, domain: string, law: string, article: number, keywords: string[]) =>
    functions.set(id, { id, name, category, domain, legalBasis: [{ title: `${law}, article ${article}` }], keywords });
  const chinese = new Map(CHINESE_NAMES.map(([s, o, v, name, kw]) => [cf(s, o, v), { name, kw: [...kw] }]));
  const countyBase = new Map<string, string[]>();
  const provinceBase = new Map<string, string[]>();
  const nationBase = new Map<string, string[]>();
  const countyCombos: { o: number; v: (typeof COUNTY_VERBS)[number] }[] = [];
  for (let i = 0; i < F; i++) countyCombos.push({ o: i % 10, v: COUNTY_VERBS[Math.floor(i / 10)]! });
  const held = (o: number, v: string) => COUNTY_VERBS.findIndex((x) => x.key === v) * 10 + o < F;
  // A provincial (`fp`) or national (`fn`) function for each subject and verb of a sector, articles from `article`.
  const upperFunctions = (prefix: string, verbs: readonly Verb[], article: number, sector: Sector) => {
    const ids: string[] = [];
    for (let o = 0; o < 10; o++) {
      for (const v of verbs) {
        const id = `${prefix}-${sector.key}-${o}-${v.key}`;
        addFunction(id, v.name(sector.subjects[o]!), v.category, sector.domain, sector.law, article + o, [sector.subjects[o]!, v.keyword]);
        ids.push(id);
      }
    }
    return ids.sort(compareIds);
  };
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
    if (tier.provinces) provinceBase.set(sector.key, upperFunctions("fp", PROVINCE_VERBS, 70, sector));
    if (tier.nation) nationBase.set(sector.key, upperFunctions("fn", NATION_VERBS, 90, sector));
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
  const provinceGovBase = tier.provinces ? upperGovernment("p", [["bnd", "Approve changes to county boundaries"], ["rul", "Enact provincial government rules"]]) : [];
  const nationGovBase = tier.nation ? upperGovernment("n", [["trt", "Conclude treaties with foreign states"], ["quo", "Allocate land quotas among provinces"]]) : [];

  return { functions, chinese, countyCombos, held, countyBase, provinceBase, nationBase, townshipBase, governmentBase, provinceGovBase, nationGovBase };
}

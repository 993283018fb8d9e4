/**
 * The three tiers of synthetic governments (county, province, nation): the shape of the region tree, how many
 * functions, services and needs each level has, and how many duplicates and gaps are planted (docs/generator.md).
 * @internal
 * @module
 */
import type { GeographyShape } from "./geography.js";

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
  plants: Plants;
}

/** How many findings of each kind a tier plants. @internal */
export interface Plants {
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
}

/** Planted findings, before they are typed as a `GroundTruth`. @internal */
export interface Truth {
  duplicatedFunctions: { functionId: string; departmentIds: string[] }[];
  nearDuplicateFunctions: [string, string][];
  uncoveredNeeds: { needId: string; regionId: string }[];
}

/** The tiers `generateModel` builds, by size. @internal */
export const TIERS: Record<"county" | "province" | "nation", TierSpec> = {
  county: {
    shape: { provinces: 0, counties: 1, townships: [11, 11], remoteTownships: 1 },
    nation: false, kiosks: -1, needs: 60, verbsPerNeed: () => 4, explicitDemandEvery: 1, inPersonNeeds: 2,
    bureauFunctions: 55, townshipFunctions: 12, townshipServices: 4, supportsPerBureau: 3, provinceServedEvery: 0, nationServedEvery: 0,
    plants: { horizontal: 5, triples: 1, verticalProvince: 0, verticalNation: 0, verticalTownship: 3, typos: 3, reorders: 3, chinese: 3, restricted: 1, retired: 1, planned: 0 },
  },
  province: {
    shape: { provinces: 1, counties: 100, townships: [9, 13], remoteTownships: 3 },
    nation: false, kiosks: 2, needs: 200, verbsPerNeed: (i) => 1 + (i % 2), explicitDemandEvery: 4, inPersonNeeds: 2,
    bureauFunctions: 55, townshipFunctions: 12, townshipServices: 4, supportsPerBureau: 2, provinceServedEvery: 8, nationServedEvery: 0,
    plants: { horizontal: 12, triples: 2, verticalProvince: 6, verticalNation: 0, verticalTownship: 6, typos: 8, reorders: 8, chinese: 6, restricted: 4, retired: 1, planned: 1 },
  },
  nation: {
    shape: { provinces: 31, counties: 2500, townships: [9, 13], remoteTownships: 8 },
    nation: true, kiosks: 2, needs: 300, verbsPerNeed: () => 1, explicitDemandEvery: 20, inPersonNeeds: 3,
    bureauFunctions: 36, townshipFunctions: 10, townshipServices: 1, supportsPerBureau: 2, provinceServedEvery: 3, nationServedEvery: 5,
    plants: { horizontal: 40, triples: 4, verticalProvince: 20, verticalNation: 10, verticalTownship: 10, typos: 20, reorders: 20, chinese: 10, restricted: 10, retired: 2, planned: 2 },
  },
};

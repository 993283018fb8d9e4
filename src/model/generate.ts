/**
 * Synthetic governments
 * =====================
 * Seeded synthetic governments at three scales (a county, a province, a nation) with planted duplicated
 * functions, near-duplicate function names and coverage gaps, returned as ground truth so that detection is
 * measured (precision and recall), not assumed. The structure follows the Chinese pattern the reform essay
 * describes: the same bureaus at every level, each county bureau holding the standard power-and-responsibility
 * list of its sector (the same function in many disjoint counties is not duplication), services per county,
 * one-stop centres, townships around their county seat.
 *
 * Randomness: mulberry32 (T. Ettinger), seeded; no `Math.random`. Definitions of what is planted: docs/generator.md.
 * Duplication and coverage rules: DESIGN section 3, after GAO-15-49SP and the floating-catchment literature.
 * @module
 */
import { GovGraphError } from "../errors.js";
import type { DepartmentId, FunctionId, NeedId, RegionId } from "../schemas/ids.js";
import type { Model } from "../schemas/model.js";
import { buildModel, type TierSpec } from "./generate/build.js";

/** The three sizes of {@link generateModel}. */
export type GenerateSize = "county" | "province" | "nation";

/** Options of {@link generateModel}. */
export interface GenerateOptions {
  /** Which tier: `county` (~2,000 assignments), `province` (~200,000), `nation` (~3,000,000). */
  size?: GenerateSize;
  /** Any finite number; the same seed always gives the same model, byte for byte. */
  seed?: number;
}

/** Defaults of {@link generateModel}. */
export const GENERATE_DEFAULTS = { size: "county", seed: 1 } as const satisfies Required<GenerateOptions>;

/** What was planted in a generated model, for measuring precision and recall of the analyses. */
export interface GroundTruth {
  /**
   * Every function held as `lead` by two or more departments whose jurisdictions overlap (the same region, or
   * one an ancestor of the other), with all such lead holders (sorted). Nothing else in the model is duplicated.
   */
  duplicatedFunctions: { functionId: FunctionId; departmentIds: DepartmentId[] }[];
  /** Pairs (sorted, list sorted) of a catalogue function and its renamed copy: typo, reordered words, Chinese variant. */
  nearDuplicateFunctions: [FunctionId, FunctionId][];
  /** Exactly the (need, leaf region) cells with demand that no active service reaches within 30 km (sorted). */
  uncoveredNeeds: { needId: NeedId; regionId: RegionId }[];
}

/** A generated model (canonical order, valid) and its ground truth. */
export interface GeneratedModel {
  model: Model;
  truth: GroundTruth;
}

/** @internal */
export const TIERS: Record<GenerateSize, TierSpec> = {
  county: {
    shape: { provinces: 0, counties: 1, townships: [11, 11], remoteTownships: 1 },
    nation: false,
    bureauFunctions: 55,
    townshipFunctions: 12,
    townshipServices: 4,
    supportsPerBureau: 3,
    needs: 60,
    verbsPerNeed: () => 4,
    provinceServedEvery: 0,
    nationServedEvery: 0,
    explicitDemandEvery: 1,
    inPersonNeeds: 2,
    kiosks: -1,
    plants: { horizontal: 5, triples: 1, verticalProvince: 0, verticalNation: 0, verticalTownship: 3, typos: 3, reorders: 3, chinese: 3, restricted: 1, retired: 1, planned: 0 },
  },
  province: {
    shape: { provinces: 1, counties: 100, townships: [9, 13], remoteTownships: 3 },
    nation: false,
    bureauFunctions: 55,
    townshipFunctions: 12,
    townshipServices: 4,
    supportsPerBureau: 2,
    needs: 200,
    verbsPerNeed: (i) => 1 + (i % 2),
    provinceServedEvery: 8,
    nationServedEvery: 0,
    explicitDemandEvery: 4,
    inPersonNeeds: 2,
    kiosks: 2,
    plants: { horizontal: 12, triples: 2, verticalProvince: 6, verticalNation: 0, verticalTownship: 6, typos: 8, reorders: 8, chinese: 6, restricted: 4, retired: 1, planned: 1 },
  },
  nation: {
    shape: { provinces: 31, counties: 2500, townships: [9, 13], remoteTownships: 8 },
    nation: true,
    bureauFunctions: 36,
    townshipFunctions: 10,
    townshipServices: 1,
    supportsPerBureau: 2,
    needs: 300,
    verbsPerNeed: () => 1,
    provinceServedEvery: 3,
    nationServedEvery: 5,
    explicitDemandEvery: 20,
    inPersonNeeds: 3,
    kiosks: 2,
    plants: { horizontal: 40, triples: 4, verticalProvince: 20, verticalNation: 10, verticalTownship: 10, typos: 20, reorders: 20, chinese: 10, restricted: 10, retired: 2, planned: 2 },
  },
};

/**
 * Builds a seeded synthetic government with planted duplicates and gaps, and the ground truth to score against.
 * The model is in canonical order and valid by construction (it is not run through zod: the nation tier is too
 * big for that to be cheap; `validateModel` accepts it).
 * @example
 * const { model, truth } = generateModel({ size: "county", seed: 7 });
 * truth.duplicatedFunctions[0]; // { functionId: "fc-...", departmentIds: ["C001/...", "C001/..."] }
 */
export function generateModel(options: GenerateOptions = {}): GeneratedModel {
  const size = options.size ?? GENERATE_DEFAULTS.size;
  const seed = options.seed ?? GENERATE_DEFAULTS.seed;
  if (!Object.hasOwn(TIERS, size)) {
    throw new GovGraphError("invalid_input", `generateModel: unknown size ${JSON.stringify(size)}. Use "county", "province" or "nation".`);
  }
  if (typeof seed !== "number" || !Number.isFinite(seed)) {
    throw new GovGraphError("invalid_input", `generateModel: seed must be a finite number, got ${String(seed)}. Pass an integer such as 1.`);
  }
  return buildModel(TIERS[size], seed, size) as unknown as GeneratedModel;
}

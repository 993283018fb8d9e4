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
 * Duplication and coverage rules: docs/duplication.md (after GAO-15-49SP) and docs/coverage.md.
 * @module
 */
import { oneOf, resolveOptions } from "../options.js";
import type { DepartmentId, FunctionId, NeedId, RegionId } from "../schemas/ids.js";
import type { Model } from "../schemas/model.js";
import { buildModel } from "./build.js";
import { TIERS } from "./tiers.js";
import { markValidated } from "../model/validated.js";

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

/**
 * Builds a seeded synthetic government with planted duplicates and gaps, and the ground truth to score against.
 * The model is in canonical order, valid by construction and frozen (it is not run through zod: the nation tier
 * is too big for that to be cheap; `validateModel` accepts it), so the analyses take it without validating it.
 * @example
 * const { model, truth } = generateModel({ size: "county", seed: 7 });
 * truth.duplicatedFunctions[0]; // { functionId: "fc-...", departmentIds: ["C001/...", "C001/..."] }
 */
export function generateModel(options: GenerateOptions = {}): GeneratedModel {
  const { size, seed } = resolveOptions<Required<GenerateOptions>>(GENERATE_DEFAULTS, options, "generateModel", { size: oneOf(Object.keys(TIERS)) });
  const generated = buildModel(TIERS[size], seed, size);
  markValidated(generated.model);
  return generated as unknown as GeneratedModel;
}

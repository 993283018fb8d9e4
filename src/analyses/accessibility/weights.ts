import { GovGraphError } from "../../errors.js";
import { checkArgument, isJsonData } from "../../guard.js";
import { resolveOptions, type OptionRule } from "../../options.js";
import type { CatchmentMethod, WeightFunction } from "./types.js";

/** The default method and the parameters of the default weight of each method (2SFCA has none: every pair in reach weighs 1). */
export const FLOATING_CATCHMENT_DEFAULTS = {
  method: "2sfca" as CatchmentMethod,
  /** Luo & Qi (2009), PySAL's `enhanced_two_stage_fca` default. */
  e2sfcaSteps: { 10: 1, 20: 0.68, 30: 0.22 } as Readonly<Record<number, number>>,
  /** Wan, Zou & Sternberg (2012), PySAL's `three_stage_fca` default. */
  threeStepSteps: { 10: 0.962, 20: 0.704, 30: 0.377, 60: 0.042 } as Readonly<Record<number, number>>,
  /** Inverse distance with the weight held at 1 below a cost of 1. */
  gravity: { scale: 1, alpha: -1, minCost: 1 },
} as const;

/** The floating-catchment methods, in the order error messages list them. @internal */
export const CATCHMENT_METHODS: readonly CatchmentMethod[] = ["2sfca", "e2sfca", "3sfca", "gravity"];

/** A rule for a numeric parameter: a number passing `test`. */
function required(test: (v: number) => boolean, what: string): OptionRule {
  return (v) => (typeof v === "number" && test(v) ? undefined : `must be ${what}, got ${String(v)}`);
}

const GRAVITY = { scale: undefined as number | undefined, alpha: undefined as number | undefined, minCost: 0 };
const GRAVITY_RULES = {
  scale: required((v) => Number.isFinite(v) && v > 0, "a finite, positive number"),
  alpha: required(Number.isFinite, "a finite number"),
  minCost: required((v) => Number.isFinite(v) && v >= 0, "a finite, non-negative number"),
};

function fail(fn: string, what: string, fix: string): never {
  throw new GovGraphError("invalid_input", `${fn}: ${what}. ${fix}.`);
}

/** Distance-decay functions with PySAL's definitions (`access.weights`). */
export const weights = {
  /**
   * A step function: a cost at or below a key takes the weight of the smallest such key; beyond the largest key, 0.
   * @example weights.step({ 10: 1, 20: 0.68, 30: 0.22 })(15) // 0.68
   */
  step(steps: Readonly<Record<number, number>>): WeightFunction {
    checkArgument("weights.step", "steps", steps, isJsonData("an object of costs and weights"), "Pass an object of costs and weights, such as { 10: 1, 20: 0.5 }");
    const entries = Object.entries(steps).map(([k, v]) => [Number(k), v] as const);
    for (const [k, v] of entries) {
      if (Number.isNaN(k)) fail("weights.step", `the key "${k}" is not a number`, "Use numeric costs as keys");
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
        fail("weights.step", `the weight of ${k} is ${String(v)}`, "Use finite, non-negative weights");
      }
    }
    entries.sort((a, b) => a[0] - b[0]);
    const keys = Float64Array.from(entries, (e) => e[0]);
    const values = Float64Array.from(entries, (e) => e[1]);
    return (cost) => {
      for (let i = 0; i < keys.length; i++) if (cost <= keys[i]!) return values[i]!;
      return 0;
    };
  },
  /**
   * The gravity decay `(max(cost, minCost) / scale) ** alpha` (alpha is usually negative; minCost defaults to 0).
   * @example weights.gravity({ scale: 20, alpha: -2, minCost: 1 })(40) // 0.25
   */
  gravity(parameters: { scale: number; alpha: number; minCost?: number }): WeightFunction {
    const { scale, alpha, minCost } = resolveOptions(GRAVITY, parameters, "weights.gravity", GRAVITY_RULES);
    if (scale === undefined || alpha === undefined) fail("weights.gravity", `${scale === undefined ? "scale" : "alpha"} is missing`, "Give scale and alpha");
    return (cost) => (Math.max(cost, minCost) / scale!) ** alpha!;
  },
  /**
   * The Gaussian decay `exp(-cost^2 / (2 sigma^2))`, unnormalised so that a cost of 0 weighs 1.
   * @example weights.gaussian({ sigma: 20 })(20) // 0.6065...
   */
  gaussian(parameters: { sigma: number }): WeightFunction {
    const { sigma } = resolveOptions({ sigma: undefined as number | undefined }, parameters, "weights.gaussian", { sigma: required((v) => Number.isFinite(v) && v !== 0, "a finite, non-zero number") });
    if (sigma === undefined) fail("weights.gaussian", "sigma is missing", "Give sigma, a finite, non-zero number");
    return (cost) => Math.exp((-cost * cost) / (2 * sigma! * sigma!));
  },
};

/** The weight a method uses when none is given (`undefined`: every pair in reach weighs 1). @internal */
export function defaultWeight(method: CatchmentMethod): WeightFunction | undefined {
  switch (method) {
    case "e2sfca":
      return weights.step(FLOATING_CATCHMENT_DEFAULTS.e2sfcaSteps);
    case "3sfca":
      return weights.step(FLOATING_CATCHMENT_DEFAULTS.threeStepSteps);
    case "gravity":
      return weights.gravity(FLOATING_CATCHMENT_DEFAULTS.gravity);
    default:
      return undefined;
  }
}

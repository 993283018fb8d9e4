/**
 * Accessibility
 * =============
 * Floating-catchment measures of spatial access, with the semantics of PySAL's `access` package.
 *
 * - 2SFCA: Luo, W. & Wang, F. (2003). Measures of spatial accessibility to health care in a GIS environment.
 *   Environment and Planning B 30(6), 865-884.
 * - E2SFCA: Luo, W. & Qi, Y. (2009). An enhanced two-step floating catchment area (E2SFCA) method for measuring
 *   spatial accessibility to primary care physicians. Health & Place 15(4), 1100-1107.
 * - 3SFCA: Wan, N., Zou, B. & Sternberg, T. (2012). A three-step floating catchment area method for analyzing
 *   spatial access to health services. International Journal of Geographical Information Science 26(6), 1073-1089.
 * - Gravity: Joseph, A. E. & Bantock, P. R. (1982). Measuring potential physical accessibility to general
 *   practitioners in rural areas. Social Science & Medicine 16(1), 85-90.
 * - Saxon, J., Koschinsky, J. et al. `access` (PySAL), https://pysal.org/access/.
 *
 * Everything runs on sparse adjacency (CSR by demand and by supply) in time linear in the number of cost entries,
 * with sums taken in id order so that the result does not depend on the order of the input records.
 */
import { GovGraphError, toPointer, type Issue } from "../errors.js";
import { compareIds } from "../model/records.js";
import { checkArgument, hasFields, isAny, isArray, isJsonData, isNumber, optional } from "../guard.js";

/** A distance-decay function: the weight of a pair at a given cost. */
export type WeightFunction = (cost: number) => number;

/** The floating-catchment variants. */
export type CatchmentMethod = "2sfca" | "e2sfca" | "3sfca" | "gravity";

/** One demand or supply location with its value (population, cases, doctors, capacity...). */
export interface CatchmentLocation {
  id: string;
  value: number;
}

/** The cost of reaching supply `to` from demand `from` (minutes, km...). */
export interface CatchmentCost {
  from: string;
  to: string;
  cost: number;
}

/** What {@link floatingCatchment} measures. */
export interface CatchmentInput {
  demand: readonly CatchmentLocation[];
  supply: readonly CatchmentLocation[];
  /** Costs from demand to supply (non-negative; `Infinity` for an unroutable pair); a pair without an entry is out of reach. */
  costs: readonly CatchmentCost[];
  /** Default `"2sfca"`. */
  method?: CatchmentMethod;
  /** Pairs costing more are out of reach (inclusive: a cost equal to `maxCost` is in reach). Default: no limit. */
  maxCost?: number;
  /** Distance decay, applied in both steps. Default per method: see {@link FLOATING_CATCHMENT_DEFAULTS}. */
  weight?: WeightFunction;
}

/** The access of one demand location: supply per unit of demand; `NaN` when no supply is in reach. */
export interface CatchmentResult {
  id: string;
  access: number;
}

/** Parameters of the default weight of each method (2SFCA has none: every pair in reach weighs 1). */
export const FLOATING_CATCHMENT_DEFAULTS = {
  method: "2sfca" as CatchmentMethod,
  /** Luo & Qi (2009), PySAL's `enhanced_two_stage_fca` default. */
  e2sfcaSteps: { 10: 1, 20: 0.68, 30: 0.22 } as Readonly<Record<number, number>>,
  /** Wan, Zou & Sternberg (2012), PySAL's `three_stage_fca` default. */
  threeStepSteps: { 10: 0.962, 20: 0.704, 30: 0.377, 60: 0.042 } as Readonly<Record<number, number>>,
  /** Inverse distance with the weight held at 1 below a cost of 1. */
  gravity: { scale: 1, alpha: -1, minCost: 1 },
} as const;

const METHODS: readonly CatchmentMethod[] = ["2sfca", "e2sfca", "3sfca", "gravity"];

/** The fields the body reads, read once here so that a hostile input is refused before. */
const isCatchmentInput = hasFields({ demand: optional(isArray), supply: optional(isArray), costs: optional(isArray), method: optional(isAny), maxCost: optional(isAny), weight: optional(isAny) }, "an object { demand, supply, costs, ... }");

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
      if (!Number.isFinite(k)) fail("weights.step", `the key "${k}" is not a number`, "Use numeric costs as keys");
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
  gravity(options: { scale: number; alpha: number; minCost?: number }): WeightFunction {
    checkArgument("weights.gravity", "options", options, hasFields({ scale: isNumber, alpha: isNumber, minCost: optional(isNumber) }, "an object { scale, alpha, minCost? }"), "Pass { scale, alpha, minCost? }");
    const { scale, alpha, minCost = 0 } = options;
    if (!Number.isFinite(scale) || scale <= 0) fail("weights.gravity", `scale is ${scale}`, "Use a positive scale");
    if (!Number.isFinite(alpha)) fail("weights.gravity", `alpha is ${alpha}`, "Use a finite exponent");
    if (!Number.isFinite(minCost) || minCost < 0) fail("weights.gravity", `minCost is ${minCost}`, "Use a non-negative minCost");
    return (cost) => (Math.max(cost, minCost) / scale) ** alpha;
  },
  /**
   * The Gaussian decay `exp(-cost^2 / (2 sigma^2))`, unnormalised so that a cost of 0 weighs 1.
   * @example weights.gaussian({ sigma: 20 })(20) // 0.6065...
   */
  gaussian(options: { sigma: number }): WeightFunction {
    checkArgument("weights.gaussian", "options", options, hasFields({ sigma: isNumber }, "an object { sigma }"), "Pass { sigma }");
    const { sigma } = options;
    if (!Number.isFinite(sigma) || sigma === 0) fail("weights.gaussian", `sigma is ${sigma}`, "Use a finite, non-zero sigma");
    return (cost) => Math.exp((-cost * cost) / (2 * sigma * sigma));
  },
};

/** The weight a method uses when none is given (`undefined`: every pair in reach weighs 1). @internal */
export function _defaultWeight(method: CatchmentMethod): WeightFunction | undefined {
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

/**
 * Demand/supply pairs for {@link _catchment}: pair `k` links demand `from[k]` to supply `to[k]` with weight `w[k]`;
 * `inReach[k]` is 1 when the pair counts in both steps (3SFCA's selection weights also use the other pairs).
 * `byDemand`/`bySupply` give the order in which sums are taken (identity when absent).
 * @internal
 */
export interface _Pairs {
  count: number;
  from: Uint32Array;
  to: Uint32Array;
  w: Float64Array;
  inReach: Uint8Array;
  byDemand?: Uint32Array;
  bySupply?: Uint32Array;
}

/**
 * The floating-catchment core: access of each demand location, `NaN` where no pair is in reach.
 * 2SFCA, E2SFCA and gravity share one formula (they differ only in their weight); 3SFCA adds selection weights.
 * A supply with zero weighted demand has ratio `S / 0` (`Infinity`, or 0 when `S` is 0).
 * @internal
 */
export function _catchment(method: CatchmentMethod, P: Float64Array, S: Float64Array, pairs: _Pairs): Float64Array {
  const { count, from, to, w, inReach } = pairs;
  const byDemand = pairs.byDemand;
  const bySupply = pairs.bySupply;
  const threeStep = method === "3sfca";
  // Selection weight G of each pair (3SFCA), normalised over every pair of the demand location.
  let G: Float64Array | undefined;
  if (threeStep) {
    const wsum = new Float64Array(P.length);
    for (let n = 0; n < count; n++) {
      const k = byDemand ? byDemand[n]! : n;
      wsum[from[k]!]! += w[k]!;
    }
    G = new Float64Array(count);
    for (let k = 0; k < count; k++) G[k] = w[k]! === 0 ? 0 : w[k]! / wsum[from[k]!]!;
  }
  const D = new Float64Array(S.length);
  for (let n = 0; n < count; n++) {
    const k = bySupply ? bySupply[n]! : n;
    if (!inReach[k]) continue;
    D[to[k]!]! += P[from[k]!]! * (G ? G[k]! : 1) * w[k]!;
  }
  const R = new Float64Array(S.length);
  for (let j = 0; j < S.length; j++) R[j] = S[j]! === 0 ? 0 : S[j]! / D[j]!;
  const A = new Float64Array(P.length).fill(Number.NaN);
  for (let n = 0; n < count; n++) {
    const k = byDemand ? byDemand[n]! : n;
    if (!inReach[k]) continue;
    const i = from[k]!;
    const term = (G ? G[k]! : 1) * R[to[k]!]! * w[k]!;
    A[i] = Number.isNaN(A[i]!) ? term : A[i]! + term;
  }
  return A;
}

/** Sorts `n` items by id in code-unit order and returns each item's rank. */
function ranks(items: readonly CatchmentLocation[]): Uint32Array {
  const order = Array.from(items.keys()).sort((a, b) => compareIds(items[a]!.id, items[b]!.id));
  const rank = new Uint32Array(items.length);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

/** A stable counting sort of `order` (default `0..n-1`) by `key[order[n]]` (keys in `0..size-1`). */
function countingSort(order: Uint32Array | null, key: Uint32Array, size: number): Uint32Array {
  const n = key.length;
  const start = new Uint32Array(size + 1);
  for (let m = 0; m < n; m++) start[key[order ? order[m]! : m]! + 1]!++;
  for (let i = 0; i < size; i++) start[i + 1]! += start[i]!;
  const out = new Uint32Array(n);
  if (order) for (let m = 0; m < n; m++) out[start[key[order[m]!]!]!++] = order[m]!;
  else for (let m = 0; m < n; m++) out[start[key[m]!]!++] = m;
  return out;
}

const MAX_LISTED = 10;

/**
 * Spatial access of each demand location to supply through a floating catchment (2SFCA, E2SFCA, 3SFCA, gravity),
 * computed as PySAL's `access` package does; results in demand order, `NaN` where no supply is in reach.
 * @example
 * floatingCatchment({
 *   demand: [{ id: "north", value: 1000 }], supply: [{ id: "clinic", value: 5 }],
 *   costs: [{ from: "north", to: "clinic", cost: 12 }], method: "e2sfca",
 * }) // [{ id: "north", access: 0.005 }]
 */
export function floatingCatchment(input: CatchmentInput): CatchmentResult[] {
  const fn = "floatingCatchment";
  checkArgument(fn, "input", input, isCatchmentInput, "Pass { demand, supply, costs, method?, maxCost?, weight? }");
  const issues: Issue[] = [];
  const problem = (code: string, path: (string | number)[], message: string) =>
    issues.push({ code, path, pointer: toPointer(path), message, severity: "error" });

  const method = input.method ?? FLOATING_CATCHMENT_DEFAULTS.method;
  if (!METHODS.includes(method)) problem("invalid_option", ["method"], `method "${String(method)}" is not one of ${METHODS.join(", ")}`);
  const maxCost = input.maxCost ?? Number.POSITIVE_INFINITY;
  if (typeof maxCost !== "number" || Number.isNaN(maxCost) || maxCost < 0) {
    problem("invalid_option", ["maxCost"], `maxCost is ${String(maxCost)}; use a non-negative number`);
  }
  const demand = input.demand ?? [];
  const supply = input.supply ?? [];
  const costs = input.costs ?? [];

  const table = (items: readonly CatchmentLocation[], field: "demand" | "supply") => {
    const of = new Map<string, number>();
    const values = new Float64Array(items.length);
    items.forEach((item, i) => {
      const id = item?.id;
      if (typeof id !== "string") {
        problem("invalid_type", [field, i, "id"], `${field}[${i}].id is not a string`);
        return;
      }
      if (of.has(id)) problem("duplicate_id", [field, i, "id"], `${field}[${i}].id "${id}" repeats ${field}[${of.get(id)}]`);
      else of.set(id, i);
      const v = item.value;
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
        problem("invalid_value", [field, i, "value"], `${field}[${i}].value is ${String(v)}; use a finite, non-negative number`);
      } else values[i] = v;
    });
    return { of, values };
  };
  const d = table(demand, "demand");
  const s = table(supply, "supply");

  const count = costs.length;
  const from = new Uint32Array(count);
  const to = new Uint32Array(count);
  const cost = new Float64Array(count);
  const dRank = ranks(demand);
  const sRank = ranks(supply);
  for (let k = 0; k < count; k++) {
    const c = costs[k]!;
    const i = d.of.get(c?.from);
    const j = s.of.get(c?.to);
    if (i === undefined) problem("unknown_reference", ["costs", k, "from"], `costs[${k}].from "${String(c?.from)}" is not a demand id`);
    else from[k] = dRank[i]!;
    if (j === undefined) problem("unknown_reference", ["costs", k, "to"], `costs[${k}].to "${String(c?.to)}" is not a supply id`);
    else to[k] = sRank[j]!;
    const v = c?.cost;
    if (typeof v !== "number" || Number.isNaN(v) || v < 0) {
      problem("invalid_value", ["costs", k, "cost"], `costs[${k}].cost is ${String(v)}; use a non-negative number`);
    } else cost[k] = v;
  }
  if (issues.length === 0) {
    // Rows by demand (within a row, by supply) and by supply (within a row, by demand), both in id order.
    const byDemand = countingSort(countingSort(null, to, supply.length), from, demand.length);
    for (let n = 1; n < count; n++) {
      const a = byDemand[n - 1]!;
      const b = byDemand[n]!;
      if (from[a] === from[b] && to[a] === to[b]) {
        const [first, again] = a < b ? [a, b] : [b, a];
        problem("duplicate_pair", ["costs", again], `costs[${again}] repeats the pair of costs[${first}] ("${costs[again]!.from}" -> "${costs[again]!.to}")`);
      }
    }
    if (issues.length === 0) {
      const weight = input.weight ?? _defaultWeight(method);
      const threeStep = method === "3sfca";
      const w = new Float64Array(count);
      const inReach = new Uint8Array(count);
      for (let k = 0; k < count; k++) {
        // An infinite cost (an unroutable pair) is out of reach and takes no part in 3SFCA's selection.
        if (cost[k] === Number.POSITIVE_INFINITY) continue;
        const within = cost[k]! <= maxCost;
        if (!within && !threeStep) continue;
        const wk = weight ? weight(cost[k]!) : 1;
        if (typeof wk !== "number" || !Number.isFinite(wk) || wk < 0) {
          problem("invalid_weight", ["costs", k, "cost"], `the weight of costs[${k}].cost (${cost[k]}) is ${String(wk)}; give the weight function a minimum cost (gravity: minCost) or use finite, non-negative weights`);
          continue;
        }
        w[k] = wk;
        inReach[k] = within && wk > 0 ? 1 : 0;
      }
      if (issues.length === 0) {
        // Lay the pairs out in demand order (sequential scans), then order them by supply with a stable sort, which
        // keeps demand order within each supply.
        const dFrom = new Uint32Array(count);
        const dTo = new Uint32Array(count);
        const dW = new Float64Array(count);
        const dIn = new Uint8Array(count);
        for (let n = 0; n < count; n++) {
          const k = byDemand[n]!;
          dFrom[n] = from[k]!;
          dTo[n] = to[k]!;
          dW[n] = w[k]!;
          dIn[n] = inReach[k]!;
        }
        const bySupply = countingSort(null, dTo, supply.length);
        const P = new Float64Array(demand.length);
        const S = new Float64Array(supply.length);
        for (let i = 0; i < demand.length; i++) P[dRank[i]!] = d.values[i]!;
        for (let j = 0; j < supply.length; j++) S[sRank[j]!] = s.values[j]!;
        const A = _catchment(method, P, S, { count, from: dFrom, to: dTo, w: dW, inReach: dIn, bySupply });
        return demand.map((loc, i) => ({ id: loc.id, access: A[dRank[i]!]! }));
      }
    }
  }
  const listed = issues.slice(0, MAX_LISTED).map((i) => i.message).join("; ");
  const more = issues.length > MAX_LISTED ? `; and ${issues.length - MAX_LISTED} more` : "";
  throw new GovGraphError(
    "invalid_input",
    `${fn}: ${issues.length} problem${issues.length === 1 ? "" : "s"} in the input: ${listed}${more}. Fix them (every one is listed in error.issues) and call again.`,
    { issues },
  );
}

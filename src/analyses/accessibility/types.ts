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

/**
 * Costs as columns of indexes: pair `k` links `demand[from[k]]` to `supply[to[k]]` at `cost[k]` (finite, `>= 0`).
 * Nothing to look up, so this is the fastest form; {@link parseCostMatrix} and {@link parseCatchmentJson} give it.
 */
export interface CatchmentCostArrays {
  from: Int32Array;
  to: Int32Array;
  cost: Float64Array;
}

/** What {@link floatingCatchment} measures. */
export interface CatchmentInput {
  demand: readonly CatchmentLocation[];
  supply: readonly CatchmentLocation[];
  /**
   * Costs from demand to supply: records by id (non-negative; `Infinity` for an unroutable pair), or columns of
   * indexes into `demand` and `supply`. A pair without an entry is out of reach.
   */
  costs: readonly CatchmentCost[] | CatchmentCostArrays;
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

import { GovGraphError } from "../../errors.js";
import { checkArgument, hasFields, readingArgument } from "../../guard.js";
import { inRange, isFunction, oneOf, resolveOptions, type OptionRule } from "../../options.js";
import { checkCostColumns, columnsOfRecords, isCostColumns } from "./cost-columns.js";
import { catchmentAccess } from "./kernel.js";
import { idPositions, locationTable, type LocationTable } from "./locations.js";
import { pairsInReach } from "./pairs.js";
import { Problems } from "./problems.js";
import { findRepeatedPairs } from "./repeats.js";
import type { CatchmentCost, CatchmentCostArrays, CatchmentInput, CatchmentMethod, CatchmentResult, WeightFunction } from "./types.js";
import { CATCHMENT_METHODS, defaultWeight, FLOATING_CATCHMENT_DEFAULTS } from "./weights.js";

const FN = "floatingCatchment";

const INPUT_DEFAULTS = {
  demand: [] as CatchmentInput["demand"],
  supply: [] as CatchmentInput["supply"],
  costs: [] as CatchmentInput["costs"],
  method: FLOATING_CATCHMENT_DEFAULTS.method,
  maxCost: Number.POSITIVE_INFINITY,
  weight: undefined as WeightFunction | undefined,
};

const IS_INPUT = hasFields({}, "an object { demand, supply, costs, ... }");
const isList: OptionRule = (v) => (Array.isArray(v) ? undefined : "must be an array of {id, value}");
const INPUT_RULES = {
  demand: isList,
  supply: isList,
  costs: (v: unknown) => (Array.isArray(v) || isCostColumns(v) ? undefined : "must be an array of {from, to, cost} or {from, to, cost} typed arrays"),
  method: oneOf(CATCHMENT_METHODS),
  maxCost: inRange(0, Number.POSITIVE_INFINITY),
  weight: isFunction,
};

/** The input's fields over their defaults; a bad field becomes a problem (and its default is used to go on checking). */
function resolveInput(input: CatchmentInput, problems: Problems): typeof INPUT_DEFAULTS {
  try {
    return resolveOptions(INPUT_DEFAULTS, input, FN, INPUT_RULES);
  } catch (error) {
    if (!(error instanceof GovGraphError) || error.issues.length === 0) throw error;
    for (const issue of error.issues) problems.add(issue.code, issue.path.slice(1), issue.message);
    const fine = Object.fromEntries(Object.entries(input).filter(([key]) => !error.issues.some((i) => i.path[1] === key)));
    return resolveOptions(INPUT_DEFAULTS, fine, FN, INPUT_RULES);
  }
}

/** The cost columns, checked (records are looked up by id). */
function costColumns(costs: CatchmentInput["costs"], d: LocationTable, s: LocationTable, problems: Problems): [CatchmentCostArrays, number] {
  if (isCostColumns(costs)) return [costs, checkCostColumns(costs, d.values.length, s.values.length, problems)];
  return [columnsOfRecords(costs, idPositions(d), idPositions(s), problems), costs.length];
}

function checkRepeats(costs: CatchmentInput["costs"], columns: CatchmentCostArrays, count: number, nDemand: number, problems: Problems) {
  const records = Array.isArray(costs) ? (costs as readonly CatchmentCost[]) : undefined;
  findRepeatedPairs(columns, count, nDemand, (again, first) => {
    if (records) {
      const c = records[again]!;
      problems.add("duplicate_pair", ["costs", again], `costs[${again}] repeats the pair of costs[${first}] ("${c.from}" -> "${c.to}")`);
    } else {
      const [i, j] = [columns.from[again]!, columns.to[again]!];
      problems.add("duplicate_pair", ["costs", "to", again], `pair ${again} of costs repeats pair ${first} (demand[${i}] -> supply[${j}])`);
    }
  });
}

/** Values laid out by rank (id order). */
function byRank(table: LocationTable): Float64Array {
  const out = new Float64Array(table.values.length);
  for (let i = 0; i < out.length; i++) out[table.rank[i]!] = table.values[i]!;
  return out;
}

/**
 * Spatial access of each demand location to supply through a floating catchment (2SFCA, E2SFCA, 3SFCA, gravity),
 * computed as PySAL's `access` package does; results in demand order, `NaN` where no supply is in reach.
 * Costs are records by id, or typed-array columns of positions (see {@link parseCostMatrix}).
 * @example
 * floatingCatchment({
 *   demand: [{ id: "north", value: 1000 }], supply: [{ id: "clinic", value: 5 }],
 *   costs: [{ from: "north", to: "clinic", cost: 12 }], method: "e2sfca",
 * }) // [{ id: "north", access: 0.005 }]
 */
export function floatingCatchment(input: CatchmentInput): CatchmentResult[] {
  const problems = new Problems(FN);
  checkArgument(FN, "input", input, IS_INPUT, "Pass { demand, supply, costs, method?, maxCost?, weight? }");
  const { demand, costs, method, maxCost, weight, d, s, columns, count } = readingArgument(FN, "input", () => {
    const resolved = resolveInput(input, problems);
    const d = locationTable(resolved.demand, "demand", problems);
    const s = locationTable(resolved.supply, "supply", problems);
    const [columns, count] = costColumns(resolved.costs, d, s, problems);
    return { ...resolved, d, s, columns, count };
  });
  problems.throwIfAny();
  checkRepeats(costs, columns, count, d.values.length, problems);
  problems.throwIfAny();
  const pairs = pairsInReach(columns, {
    count,
    demandRank: d.rank,
    demandOrder: d.byRank,
    supplyOrder: s.byRank,
    supplyRank: s.rank,
    maxCost,
    weight: weight ?? defaultWeight(method as CatchmentMethod),
    threeStep: method === "3sfca",
    badWeight: (k, c, wk) => {
      const at = isCostColumns(costs) ? `costs.cost[${k}]` : `costs[${k}].cost`;
      problems.add("invalid_weight", isCostColumns(costs) ? ["costs", "cost", k] : ["costs", k, "cost"], `the weight of ${at} (${c}) is ${String(wk)}; give the weight function a minimum cost (gravity: minCost) or use finite, non-negative weights`);
    },
  });
  problems.throwIfAny();
  const A = catchmentAccess(method, byRank(d), s.values, pairs);
  return demand.map((loc, i) => ({ id: loc.id, access: A[d.rank[i]!]! }));
}

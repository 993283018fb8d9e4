import type { Problems } from "./problems.js";
import type { CatchmentCost, CatchmentCostArrays } from "./types.js";

/** Whether `costs` is the columns form (typed arrays) rather than a list of records. @internal */
export function isCostColumns(costs: unknown): costs is CatchmentCostArrays {
  return typeof costs === "object" && costs !== null && !Array.isArray(costs);
}

/**
 * Cost records turned into columns of demand and supply positions, reporting unknown ids and bad costs
 * (`Infinity`, an unroutable pair, is kept: it is out of reach).
 * @internal
 */
export function columnsOfRecords(costs: readonly CatchmentCost[], demand: Map<string, number>, supply: Map<string, number>, problems: Problems): CatchmentCostArrays {
  const n = costs.length;
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const cost = new Float64Array(n);
  // Routing engines list costs origin by origin: one lookup per run of the same origin.
  let lastFrom: unknown = undefined;
  let lastI: number | undefined = undefined;
  for (let k = 0; k < n; k++) {
    const c = costs[k];
    const f = c?.from;
    const i: number | undefined = f === lastFrom && lastI !== undefined ? lastI : demand.get(f as string);
    lastFrom = f;
    lastI = i;
    const j = supply.get(c?.to as string);
    if (i === undefined) missingOrUnknown(problems, k, "from", f, "demand");
    else from[k] = i;
    if (j === undefined) missingOrUnknown(problems, k, "to", c?.to, "supply");
    else to[k] = j;
    const v = c?.cost;
    if (typeof v !== "number" || Number.isNaN(v) || v < 0) {
      problems.add("invalid_value", ["costs", k, "cost"], `costs[${k}].cost is ${v === undefined ? "missing" : shown(v)}; use a non-negative number`);
    } else cost[k] = v;
  }
  return { from, to, cost };
}

/**
 * Checks cost columns: typed arrays of one length, positions within `demand` and `supply`, finite non-negative costs.
 * Returns the number of pairs (0 when the columns themselves are unusable).
 * @internal
 */
export function checkCostColumns(costs: CatchmentCostArrays, nDemand: number, nSupply: number, problems: Problems): number {
  const { from, to, cost } = costs;
  let ok = true;
  const expect = (name: "from" | "to" | "cost", value: unknown, kind: string, good: boolean) => {
    if (good) return;
    ok = false;
    problems.add("invalid_type", ["costs", name], `costs.${name} is ${describe(value)}; use ${/^[AEIOU]/.test(kind) ? "an" : "a"} ${kind} (or cost records)`);
  };
  expect("from", from, "Int32Array", from instanceof Int32Array);
  expect("to", to, "Int32Array", to instanceof Int32Array);
  expect("cost", cost, "Float64Array", cost instanceof Float64Array);
  if (!ok) return 0;
  if (from.length !== to.length || from.length !== cost.length) {
    problems.add("invalid_length", ["costs"], `costs.from, costs.to and costs.cost have ${from.length}, ${to.length} and ${cost.length} entries; give one entry per pair in each`);
    return 0;
  }
  const n = from.length;
  for (let k = 0; k < n; k++) {
    const i = from[k]!;
    const j = to[k]!;
    const c = cost[k]!;
    if (i >= 0 && i < nDemand && j >= 0 && j < nSupply && c >= 0 && c < Infinity) continue;
    if (!(i >= 0 && i < nDemand)) problems.add("unknown_reference", ["costs", "from", k], `costs.from[${k}] is ${i}, not a position in demand (0 to ${nDemand - 1})`);
    if (!(j >= 0 && j < nSupply)) problems.add("unknown_reference", ["costs", "to", k], `costs.to[${k}] is ${j}, not a position in supply (0 to ${nSupply - 1})`);
    if (!(c >= 0 && c < Infinity)) problems.add("invalid_value", ["costs", "cost", k], `costs.cost[${k}] is ${c}; use a finite, non-negative number (leave unroutable pairs out)`);
  }
  return n;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  return `a value of type ${typeof value}`;
}

/** A cost record's `from` or `to` that names no location: missing (`missing_field`) or an unknown id, shown as JSON. */
function missingOrUnknown(problems: Problems, k: number, field: "from" | "to", value: unknown, kind: "demand" | "supply"): void {
  if (value === undefined) problems.add("missing_field", ["costs", k, field], `costs[${k}] has no ${field}`);
  else problems.add("unknown_reference", ["costs", k, field], `costs[${k}].${field} ${shown(value)} is not a ${kind} id`);
}

/** A value as JSON writes it (so a string shows its quotes), or its `String` when JSON has none (NaN, Infinity, a function). */
function shown(value: unknown): string {
  try {
    const json = JSON.stringify(value);
    return json === undefined || (typeof value === "number" && !Number.isFinite(value)) ? String(value) : json;
  } catch {
    return String(value);
  }
}

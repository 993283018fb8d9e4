/**
 * What a scenario returns, and how its operations report
 * ======================================================
 */
import type { Patch } from "immer";
import { GovGraphError, type Issue } from "../../errors.js";
import { firstAndMore } from "../../issues.js";
import type { Model } from "../../schemas/model.js";
import type { ScenarioOperation } from "../../schemas/scenario.js";

/** What one operation did. */
export interface ScenarioLogEntry {
  /** The operation's position in the scenario. */
  index: number;
  op: ScenarioOperation["op"];
  /** One sentence. */
  summary: string;
  /** Counts and ids of what moved, as plain JSON. */
  details: Record<string, unknown>;
}

/** The outcome of `applyScenario`. */
export interface ScenarioResult {
  /** The changed model (frozen, canonical order). */
  model: Model;
  log: ScenarioLogEntry[];
  /** immer patches from the input to `model`. */
  patches: Patch[];
  /** immer patches from `model` back to the input: `applyPatches(result.model, result.inversePatches)` is the input. */
  inversePatches: Patch[];
}

/** The operation of one kind. @internal */
export type Operation<K extends ScenarioOperation["op"]> = Extract<ScenarioOperation, { op: K }>;

/** A log entry of the operation at `index`. @internal */
export function entry(index: number, op: ScenarioOperation, summary: string, details: Record<string, unknown>): ScenarioLogEntry {
  return { index, op: op.op, summary, details };
}

/** The `invalid_operation` error of one operation that cannot run: what it does wrong, and the fix. @internal */
export function operationError(index: number, op: ScenarioOperation, what: string, fix: string): GovGraphError {
  return new GovGraphError("invalid_operation", `applyScenario: operation ${index} (${op.op}) ${what}. ${fix}.`, { path: [index] });
}

/** The `invalid_operation` error listing several problems, the first in the message; `what` introduces them. @internal */
export function operationsError(what: string, issues: Issue[], fix: string): GovGraphError {
  return new GovGraphError("invalid_operation", `applyScenario: ${what}${firstAndMore(issues)}. ${fix}.`, { path: issues[0]!.path, issues });
}

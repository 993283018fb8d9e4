/**
 * Scenarios
 * =========
 * "What if" changes to a government, applied in order as one immer transaction with patches, so that every
 * scenario can be undone exactly (the inverse patches) and compared with its starting point (`compareModels`).
 * Targets are found through id -> position maps of the base model and small reverse indexes kept up to date as
 * the operations run, never by scanning drafts; collections that gain or lose records are rebuilt once, at the end.
 * The steps live in scenario/: parse.ts, check-ids.ts, work.ts, operations.ts, finish.ts, recheck.ts.
 */
import type { Model } from "../schemas/model.js";
import type { ScenarioOperationInput } from "../schemas/scenario.js";
import { shareIdTable } from "../graph/id-table.js";
import { produceWithPatches } from "./edit/immer.js";
import { shareOrder } from "./records/order.js";
import { checkIds } from "./scenario/check-ids.js";
import { changedRecords, sameIdCollections, writeDraft, type Changed } from "./scenario/finish.js";
import { operationsError, type ScenarioLogEntry, type ScenarioResult } from "./scenario/log.js";
import { applyOperation } from "./scenario/operations.js";
import { parseOperations } from "./scenario/parse.js";
import { recheck } from "./scenario/recheck.js";
import { Work, type Draftable } from "./scenario/work.js";
import { requireModel } from "./require-model.js";
import { markValidated } from "./validated.js";
import { noteBase } from "./lineage.js";

export type { ScenarioLogEntry, ScenarioResult } from "./scenario/log.js";

/**
 * Applies "what if" operations to a valid model in order and returns the new model, a log of what each did, and
 * immer patches both ways. Every id is checked first (against the model as earlier operations leave it); an unknown
 * id throws `GovGraphError` `invalid_operation` naming the operation's index, and nothing is applied. A model that
 * did not come from govgraph's validation (or an edit or scenario of such a model) is validated first and throws
 * `invalid_model` listing every issue when it is not valid; the patches then start from the validated model.
 * @example
 * const { model: after, log } = applyScenario(exampleCounty, [
 *   { op: "mergeDepartments", ids: ["meteo", "agri"], into: "agri" },
 *   { op: "digitizeService", serviceId: "get-birth-certificate" },
 * ]);
 * compareModels(exampleCounty, after).scorecard.composite.delta
 */
export function applyScenario(model: Model, operations: readonly ScenarioOperationInput[]): ScenarioResult {
  const base = requireModel("applyScenario", model);
  const ops = parseOperations(operations);
  checkIds(base, ops);
  const log: ScenarioLogEntry[] = [];
  let changed = new Map<Draftable, Changed[]>();
  let sameIds: Draftable[] = [];
  const [next, patches, inversePatches] = produceWithPatches(base, (draft) => {
    const w = new Work(base, draft as Model);
    ops.forEach((op, i) => log.push(applyOperation(w, op, i)));
    writeDraft(w);
    changed = changedRecords(w);
    sameIds = sameIdCollections(w);
  });
  const errors = recheck(next, changed);
  if (errors.length > 0) throw operationsError("the scenario leaves the model invalid: ", errors, "Change the operations; nothing was applied");
  // Collections edited in place keep their ids and order: their id tables and order checks are the base's.
  for (const c of sameIds) {
    shareIdTable(next[c] as readonly { id: string }[], base[c] as readonly { id: string }[]);
    shareOrder(next[c], base[c]);
  }
  markValidated(next);
  noteBase(next, base);
  return { model: next, log, patches, inversePatches };
}

import { issue, plainPath } from "../../issues.js";
import { Scenario, type ScenarioOperation } from "../../schemas/scenario.js";
import { operationsError } from "./log.js";

/** Parses the operations, collecting every schema problem with the operation's index in its path. @internal */
export function parseOperations(operations: unknown): ScenarioOperation[] {
  const parsed = Scenario.safeParse(operations);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((zi) => issue(zi.code, plainPath(zi.path), zi.message));
  const first = issues[0]!;
  const index = typeof first.path[0] === "number" ? first.path[0] : -1;
  const op = index >= 0 ? String((operations as { op?: unknown }[])[index]?.op ?? "?") : "scenario";
  const where = index >= 0 ? `operation ${index} (${op})` : "the scenario";
  throw operationsError(`${where} is malformed at ${first.pointer || "/"}: `, issues, "Fix the operation as schemas/scenario.json describes");
}

import { applyScenario, compareModels, stringifyModel, type ScenarioOperationInput } from "../../index.js";
import { defineCommand, UsageError } from "../command.js";
import { exampleOr, loadModel, parseJsonFile } from "../load-model.js";
import { renderDocument, renderJson, renderTable, type Format } from "../render.js";
import { renderComparison } from "./compare.js";

function renderLog(log: ReturnType<typeof applyScenario>["log"], format: Format): string {
  return renderTable(["#", "operation", "what it did"], log.map((l) => [l.index, l.op, l.summary]), format);
}

/**
 * `govgraph scenario [MODEL] OPS.json [--out new-model.json]`: applies the operations and prints what moved;
 * `--out` writes the new model (the comparison is still printed). @internal
 */
export const scenario = defineCommand({
  name: "scenario",
  summary: "Apply what-if operations (merge, transfer, digitise, reuse evidence...) and print what moved",
  args: [
    { name: "model", description: "A model JSON file (with one file only: the bundled example)" },
    { name: "ops", description: "The operations, a JSON array (schemas/scenario.json)" },
  ],
  options: {},
  examples: ["model.json ops.json", "ops.json   # on the bundled example", "model.json ops.json --out after.json"],
  run({ positionals, values, format, io }) {
    const [modelFile, opsFile] = exampleOr(positionals);
    if (opsFile === undefined) throw new UsageError("Missing argument <ops> for scenario: a JSON file of operations.", scenario);
    const { source, name, model } = loadModel(io, modelFile);
    const ops = parseJsonFile(io.readFile(opsFile), opsFile);
    // The operations are checked by applyScenario, which names every problem.
    const result = applyScenario(model, ops as ScenarioOperationInput[]);
    const comparison = compareModels(model, result.model);
    const report =
      format === "json"
        ? renderJson({ source, operations: opsFile, log: result.log, comparison })
        : renderDocument(`Scenario ${opsFile} on ${name}`, renderLog(result.log, format) + renderComparison(comparison, format), format);
    if (typeof values.out !== "string") return { output: report };
    // --out receives the new model; the comparison still goes to the terminal.
    io.stdout(report);
    return { output: stringifyModel(result.model) };
  },
});

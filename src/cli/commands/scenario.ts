import { applyScenario, compareModels, modelJsonChunks, type ScenarioOperationInput } from "../../index.js";
import { FORCE_OPTION } from "../args.js";
import { defineCommand, UsageError } from "../command.js";
import { progress } from "../io.js";
import { exampleOr, loadModel } from "../load-model.js";
import { Names } from "../names.js";
import { documentResult } from "../output.js";
import { TABLE_OPTION, VIEW_OPTIONS } from "../output-options.js";
import { readJsonFile } from "../read-model-file.js";
import { heading, table, type Block } from "../render/document.js";
import { renderComparison } from "./compare.js";

function logTable(log: ReturnType<typeof applyScenario>["log"]): Block {
  return table("scenario-log", ["#", "operation", { label: "what it did", csv: "summary" }], log.map((l) => [l.index, l.op, l.summary]));
}

/**
 * `govgraph scenario [MODEL] OPS.json [--model-out new-model.json]`: applies the operations and reports what
 * moved, like every command to standard output or `--out`; `--model-out` also writes the changed model. @internal
 */
export const scenario = defineCommand({
  name: "scenario",
  summary: "Apply what-if operations (merge, transfer, digitize, reuse evidence...) and report what moved",
  args: [
    { name: "model", description: "A model JSON file (with one file only: the bundled example)" },
    { name: "ops", description: "The operations, a JSON array (schemas/scenario.json)" },
  ],
  options: {
    "model-out": { type: "string", valueHint: "FILE", description: "Also write the changed model (JSON) to FILE" },
    force: { ...FORCE_OPTION, description: "Let --model-out replace the model this run reads" },
    ...VIEW_OPTIONS,
    ...TABLE_OPTION,
  },
  examples: ["model.json ops.json", "ops.json   # on the bundled example", "model.json ops.json --model-out after.json --out report.md --format md"],
  run(ctx) {
    const { positionals, values, io } = ctx;
    const [modelFile, opsFile] = exampleOr(positionals);
    if (opsFile === undefined) throw new UsageError("Missing argument <ops> for scenario: a JSON file of operations.", scenario);
    const { source, name, model } = loadModel(io, modelFile);
    const ops = readJsonFile(io, opsFile);
    progress(io, "applying the operations...");
    // The operations are checked by applyScenario, which names every problem.
    const result = applyScenario(model, ops as ScenarioOperationInput[]);
    progress(io, "comparing...");
    const comparison = compareModels(model, result.model);
    const report = documentResult(ctx, {
      blocks: [heading(`Scenario ${opsFile} on ${name}`, 1), logTable(result.log), ...renderComparison(comparison, new Names([result.model, model], true))],
      json: () => ({ source, operations: opsFile, log: result.log, comparison }),
    });
    const modelOut = values["model-out"];
    // The changed model is written once the report is, by the rules of --out (--force lets it replace the input).
    if (typeof modelOut !== "string") return report;
    return { ...report, files: [{ option: "--model-out", path: modelOut, output: modelFileChunks(result.model), kind: "model" }] };
  },
});

/** The model's JSON file: its bytes as `stringifyModel` writes them, in chunks, ending with a newline. */
function* modelFileChunks(model: Parameters<typeof modelJsonChunks>[0]): Generator<string, void, undefined> {
  yield* modelJsonChunks(model);
  yield "\n";
}

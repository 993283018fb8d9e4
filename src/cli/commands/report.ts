import { renderReport } from "../../report/index.js";
import { defineCommand, loadPlanned } from "../command.js";
import { progress } from "../io.js";
import { loadModel } from "../load-model.js";
import { ISSUE_OPTIONS } from "../output-options.js";

/** `govgraph report [model] --out report.html [--compare after.json]`: the self-contained HTML report. @internal */
export const report = defineCommand({
  name: "report",
  summary: "Write a self-contained HTML report (scorecard, duplication graph, coverage, journeys, staffing, openness)",
  args: [{ name: "model", description: "The model (default: the bundled example)" }],
  options: {
    compare: { type: "string", valueHint: "FILE", description: "A second model: the report adds the change from the first to it" },
    title: { type: "string", valueHint: "TEXT", description: "The report's title (default: the model's name)" },
    ...ISSUE_OPTIONS,
  },
  formats: ["html"],
  examples: ["model.json --out report.html", "before.json --compare after.json --out scenario.html"],
  run(ctx) {
    const { positionals, values, io } = ctx;
    // Progress is planned for one model; a second one would start the stages again.
    const one = values.compare === undefined;
    const { source, model } = one ? loadPlanned(ctx, positionals[0], [{ prefix: "analysing", weight: 20 }]) : loadModel(io, positionals[0]);
    const after = typeof values.compare === "string" ? loadModel(io, values.compare) : undefined;
    progress(io, "analysing and laying out the graph...");
    const title = typeof values.title === "string" ? values.title : (model.meta?.name ?? source);
    const sameName = after !== undefined && after.model.meta?.name === model.meta?.name;
    const html = renderReport(model, {}, {
      title,
      ...(after ? { compare: { model: after.model, title: sameName || !after.model.meta?.name ? after.source : after.model.meta.name } } : {}),
    });
    return { output: html };
  },
});

import { COLLECTIONS } from "../../index.js";
import { defineModelCommand } from "../command.js";
import { countIssues, renderHeading, renderIssues, renderJson, renderTable } from "../render.js";

/** `govgraph validate [file]`: checks a model and lists its warnings; errors exit 1. @internal */
export const validate = defineModelCommand({
  name: "validate",
  summary: "Check a model: schema, unique ids, references, cycles; list every problem",
  options: {},
  examples: ["model.json", "model.json --format json"],
  run({ source, model, issues }, { format }) {
    const counts = Object.fromEntries(COLLECTIONS.map((c) => [c, model[c].length]));
    if (format === "json") return { output: renderJson({ ok: true, source, counts, issues }) };
    const title = `${source}: valid (${countIssues(issues)})`;
    if (format === "md") {
      return {
        output:
          renderHeading(title, "md", 1) +
          renderTable(["collection", "records"], COLLECTIONS.map((c) => [c, model[c].length]), "md") +
          (issues.length ? renderIssues(issues, "md") : ""),
      };
    }
    const records = COLLECTIONS.filter((c) => model[c].length > 0).map((c) => `${model[c].length} ${c}`);
    return { output: `${title}\n${records.join(", ") || "no records"}\n${renderIssues(issues, "text")}` };
  },
});

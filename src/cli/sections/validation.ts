import type { Issue } from "../../index.js";
import { renderIssues } from "../render.js";
import { defineSection } from "./section.js";

/** The model's validation warnings (a model with errors never reaches analyze). @internal */
export const validationSection = defineSection<{ warnings: Issue[] }>({
  id: "validation",
  title: "Validation",
  run: (_model, { warnings }) => ({ warnings: [...warnings] }),
  render: (r, format) => (r.warnings.length === 0 ? "No problems found.\n\n" : renderIssues(r.warnings, format) + (format === "text" ? "\n" : "")),
});

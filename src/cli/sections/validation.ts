import type { Issue } from "../../index.js";
import { issueList, paragraph } from "../render/document.js";
import { defineSection } from "./section.js";

/** The model's validation warnings (a model with errors never reaches analyze). @internal */
export const validationSection = defineSection<{ warnings: Issue[] }>({
  id: "validation",
  title: "Validation",
  weight: 0.1,
  run: (_model, { warnings }) => ({ warnings: [...warnings] }),
  render: (r) => (r.warnings.length === 0 ? [paragraph("No problems found.")] : [issueList("validation-warnings", r.warnings)]),
});

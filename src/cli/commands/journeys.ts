import { analyzeJourneys } from "../../index.js";
import { defineModelCommand } from "../command.js";
import { progress } from "../io.js";
import { Names } from "../names.js";
import { documentResult } from "../output.js";
import { TABLE_OPTION, VIEW_OPTIONS } from "../output-options.js";
import { heading } from "../render/document.js";
import { journeysSection, renderJourneys } from "../sections/journeys.js";

/** `govgraph journeys [file]`: each need's journey in visits, documents, days and departments. @internal */
export const journeys = defineModelCommand({
  name: "journeys",
  summary: "Measure each need's journey: visits, evidence (once-only), online end to end, days, departments",
  options: { ...VIEW_OPTIONS, ...TABLE_OPTION },
  examples: ["", "model.json --format json", "model.json --format csv --table journeys"],
  stages: () => [{ prefix: journeysSection.title, weight: journeysSection.weight ?? 1 }],
  run({ name, model }, ctx) {
    progress(ctx.io, `${journeysSection.title}...`);
    const report = analyzeJourneys(model);
    return documentResult(ctx, { blocks: [heading(`Journeys: ${name}`, 1), ...renderJourneys(report, { names: new Names([model]) })], json: () => report });
  },
});

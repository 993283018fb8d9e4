import { analyzeJourneys } from "../../index.js";
import { defineModelCommand } from "../command.js";
import { renderReport } from "../render.js";
import { renderJourneys } from "../sections/journeys.js";

/** `govgraph journeys [file]`: each need's journey in visits, documents, days and departments. @internal */
export const journeys = defineModelCommand({
  name: "journeys",
  summary: "Measure each need's journey: visits, evidence (once-only), online end to end, days, departments",
  options: {},
  examples: ["", "model.json --format json"],
  run: ({ name, model }, { format }) => ({ output: renderReport(analyzeJourneys(model), format, `Journeys: ${name}`, renderJourneys) }),
});

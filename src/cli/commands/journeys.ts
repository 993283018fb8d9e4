import { analyzeJourneys, type JourneysReport } from "../../index.js";
import { defineCommand, loadModel } from "../_command.js";
import { percent, renderHeading, renderJson, renderTable, type Format } from "../_render.js";
import type { AnalyzeSection } from "./analyze.js";

/** A number for a table: at most two decimals, "–" when there is none. @internal */
export function num(x: number | null | undefined, digits = 2): string | number {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  return Number.isInteger(x) ? x : Number(x.toFixed(digits));
}

/** Renders a journeys report: one row per journey, then the demand-weighted summary. @internal */
export function renderJourneys(r: JourneysReport, format: Format): string {
  if (r.journeys.length === 0) return "No need has a journey.\n\n";
  const s = r.summary;
  return (
    renderTable(
      ["need", "services", "departments", "visits", "evidence", "reused", "once-only", "repeats", "online e2e", "days", "critical path"],
      r.journeys.map((j) => [
        j.needId,
        j.services.length,
        j.departments.length,
        j.inPersonVisits,
        j.evidenceRequests,
        j.reused,
        j.onceOnlyRate === null ? "–" : percent(j.onceOnlyRate),
        j.repeatSubmissions,
        percent(j.endToEndOnlineShare),
        num(j.days),
        j.criticalPath.join(" > "),
      ]),
      format,
    ) +
    renderTable(
      ["weighted by demand", "value"],
      [
        ["journeys", s.journeys],
        ["in-person visits per journey", num(s.inPersonVisits)],
        ["departments per journey", num(s.departments)],
        ["evidence requests per journey", num(s.evidenceRequests)],
        ["once-only rate", percent(s.onceOnlyRate)],
        ["repeat submissions per journey", num(s.repeatSubmissions)],
        ["steps online end to end", percent(s.endToEndOnlineShare)],
        ["days along the critical path", num(s.days)],
        ["run at most once (<= 1 visit)", `${percent(s.atMostOneVisitShare)} (${s.atMostOneVisit} of ${s.journeys})`],
      ],
      format,
    )
  );
}

/** The journeys section of `govgraph analyze`. @internal */
export const journeysSection: AnalyzeSection<JourneysReport> = {
  id: "journeys",
  title: "Journeys",
  run: (model) => analyzeJourneys(model),
  text: (r) => renderJourneys(r, "text"),
  md: (r) => renderJourneys(r, "md"),
};

/** `govgraph journeys [file]`: each need's journey in visits, documents, days and departments. @internal */
export const journeys = defineCommand({
  name: "journeys",
  summary: "Measure each need's journey: visits, evidence (once-only), online end to end, days, departments",
  args: [{ name: "file", description: "A model JSON file (default: the bundled example)" }],
  options: {},
  examples: ["govgraph journeys", "govgraph journeys model.json --format json"],
  run({ positionals, format, io }) {
    const { source, model } = loadModel(io, positionals[0]);
    const report = analyzeJourneys(model);
    if (format === "json") return { output: renderJson(report) };
    return { output: renderHeading(`Journeys: ${model.meta?.name ?? source}`, format, 1) + renderJourneys(report, format).replace(/\n+$/, "\n") };
  },
});

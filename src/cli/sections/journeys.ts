import { analyzeJourneys, type JourneysReport } from "../../index.js";
import { num, percent, renderTable, type Format } from "../render.js";
import { shareText } from "./measured.js";
import { defineSection } from "./section.js";

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
        ["once-only rate", shareText(s.onceOnlyRate)],
        ["repeat submissions per journey", num(s.repeatSubmissions)],
        ["steps online end to end", shareText(s.endToEndOnlineShare)],
        ["days along the critical path", num(s.days)],
        ["run at most once (<= 1 visit)", `${shareText(s.atMostOneVisitShare)} (${s.atMostOneVisit} of ${s.journeys})`],
      ],
      format,
    )
  );
}

/** The journeys section of `govgraph analyze`. @internal */
export const journeysSection = defineSection<JourneysReport>({ id: "journeys", title: "Journeys", run: (model) => analyzeJourneys(model), render: renderJourneys });

import type { JourneyData, ReportData, StepData } from "../../data/types.js";
import { block, button, h } from "../dom.js";
import { fixed, number, percent, plural } from "../format.js";
import type { Names } from "../names.js";
import { dataTable } from "../table.js";

function stepCard(step: StepData, journey: JourneyData, names: Names): HTMLElement {
  const critical = journey.criticalPath.includes(step.service);
  const department = names.data.services.department[step.service];
  return h("div", { class: `step${critical ? " critical" : ""}` },
    h("p", { class: "step-name" }, names.service(step.service)),
    h("p", {}, department === undefined ? "" : names.department(department)),
    h("p", {}, step.visits === 0 ? "No visit" : plural(step.visits, "visit"), step.endToEnd ? " · online end to end" : "", step.days === null ? "" : ` · ${plural(step.days, "day")}`),
    h("p", { class: "note" }, step.channels.length ? `Channels: ${step.channels.join(", ").replace(/_/g, " ")}` : "No channel recorded"),
    step.after.length ? h("p", { class: "note" }, `After: ${names.list(step.after, (s) => names.service(s), 3)}`) : null,
    critical ? h("p", { class: "tag tag-critical" }, "On the critical path") : null,
    step.evidence.length
      ? h("ul", { class: "evidence" }, ...step.evidence.map(([e, citizen, again]) =>
          h("li", { class: again ? "again" : citizen ? "citizen" : "reused" }, names.evidence(e), ": ", h("span", { class: "tag" }, again ? "asked again" : citizen ? "from the citizen" : "reused, not asked"))))
      : h("p", { class: "note" }, "No evidence asked."),
  );
}

/** One journey as stages of steps, first to last; steps in one stage can run side by side. */
function flow(journey: JourneyData, names: Names): HTMLElement[] {
  const stages: StepData[][] = [];
  for (const step of journey.steps) (stages[step.stage] ??= []).push(step);
  return [
    h("h4", {}, names.need(journey.need)),
    h("p", {}, `${plural(journey.steps.length, "step")} with ${plural(journey.departments.length, "department")} (${names.list(journey.departments, (d) => names.department(d))}); ${plural(journey.visits, "visit")}; ${plural(journey.evidenceRequests, "piece")} of evidence asked, ${number(journey.repeatSubmissions)} asked again; once-only rate ${percent(journey.onceOnlyRate)}; ${percent(journey.endToEndOnlineShare)} of steps online end to end; ${plural(journey.days, "day")} along the critical path.`),
    h("ol", { class: "stages" }, ...stages.filter(Boolean).map((steps, k) => h("li", { class: "stage" }, h("p", { class: "stage-name" }, `Stage ${k + 1}${steps.length > 1 ? ` (${steps.length} steps that can run in parallel)` : ""}`), ...steps.map((s) => stepCard(s, journey, names))))),
  ];
}

/** The journeys section: a table of life events, and the chosen one's steps in order. */
export function mountJourneys(root: HTMLElement, data: ReportData, names: Names): void {
  const j = data.journeys;
  const s = j.summary;
  const panel = h("div", { class: "journey-flow", "aria-live": "polite" });
  const showJourney = (journey: JourneyData) => panel.replaceChildren(...flow(journey, names));
  root.append(
    h("p", { class: "headline" }, j.journeys.length === 0
      ? "No need has a journey in this model."
      : `${plural(s.journeys, "journey")}. Weighted by demand, a journey takes ${fixed(s.inPersonVisits, 1)} visits to ${fixed(s.departments, 1)} departments and ${fixed(s.days, 1)} days; ${percent(s.atMostOneVisitShare)} need at most one visit; ${percent(s.endToEndOnlineShare)} of steps are online end to end; once-only rate ${percent(s.onceOnlyRate)}.`),
    block("Life events", "Press a life event's name to see its steps below.",
      dataTable<JourneyData>({
        caption: "Journeys, most demand first",
        columns: [
          { label: "Life event", value: (x) => names.need(x.need), show: (x) => button(names.need(x.need), () => showJourney(x), { class: "link" }) },
          { label: "Cases a year (weighted)", value: (x) => x.weight, show: (x) => number(x.weight), numeric: true },
          { label: "Steps", value: (x) => x.steps.length, numeric: true },
          { label: "Departments", value: (x) => x.departments.length, numeric: true },
          { label: "Visits", value: (x) => x.visits, numeric: true },
          { label: "Evidence asked", value: (x) => x.evidenceRequests, numeric: true },
          { label: "Asked again", value: (x) => x.repeatSubmissions, numeric: true },
          { label: "Once-only rate", value: (x) => x.onceOnlyRate, show: (x) => percent(x.onceOnlyRate), numeric: true },
          { label: "Online end to end", value: (x) => x.endToEndOnlineShare, show: (x) => percent(x.endToEndOnlineShare), numeric: true },
          { label: "Days", value: (x) => x.days, numeric: true },
        ],
        rows: j.journeys,
        sort: { column: 1, descending: true },
        empty: "No journey.",
      })),
    panel,
  );
  const first = [...j.journeys].sort((a, b) => b.weight - a.weight)[0];
  if (first) showJourney(first);
}

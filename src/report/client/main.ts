/**
 * The report page's script: reads the data the page embeds and draws each section into its place. Built into one
 * file by scripts/build-report.ts and inlined in every report, so the page works offline from file://.
 */
import type { ReportData } from "../data/types.js";
import { h } from "./dom.js";
import type { GraphHandle } from "./graph-view.js";
import { Names } from "./names.js";
import { mountCompare } from "./sections/compare.js";
import { mountCoverage } from "./sections/coverage.js";
import { mountDuplication } from "./sections/duplication.js";
import { mountJourneys } from "./sections/journeys.js";
import { mountScorecard } from "./sections/scorecard.js";
import { mountStaffingOpenness } from "./sections/staffing-openness.js";

declare global {
  interface Window {
    /** The report's data and graph, for scripts run in the browser's console. */
    govgraphReport?: { data: ReportData; graph: GraphHandle | null };
  }
}

/** The element a section draws into. */
function mount(id: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-mount="${id}"]`);
  if (!element) throw new Error(`the page has no place for the ${id} section`);
  return element;
}

/** Draws one section; a section that fails says so in place and leaves the others drawn. */
function draw<T>(id: string, render: (root: HTMLElement) => T): T | null {
  const root = mount(id);
  try {
    return render(root);
  } catch (error) {
    console.error(`govgraph report: the ${id} section could not be drawn`, error);
    root.append(h("p", { class: "error" }, `This section could not be drawn: ${error instanceof Error ? error.message : String(error)}.`));
    return null;
  }
}

function start(): void {
  const data = JSON.parse(document.getElementById("govgraph-data")!.textContent!) as ReportData;
  const names = new Names(data);
  draw("scorecard", (root) => mountScorecard(root, data));
  if (data.compare) draw("compare", (root) => mountCompare(root, data));
  const graph = draw("duplication", (root) => mountDuplication(root, data, names));
  draw("coverage", (root) => mountCoverage(root, data, names));
  draw("journeys", (root) => mountJourneys(root, data, names));
  draw("staffing", (root) => mountStaffingOpenness(root, mount("openness"), data, names));
  window.govgraphReport = { data, graph };
  // Time to interactive, from the start of navigation: every section drawn and its controls live.
  document.documentElement.dataset.ready = String(Math.round(performance.now()));
}

start();

/**
 * A scripted "what if" sweep on the bundled example county: apply each of N scenarios to the same starting model
 * and tabulate what moves. Run it with `npx tsx examples/sweep.ts` (add `--json` for machine-readable rows).
 *
 * Scenarios: the cookbook's three reforms of docs/scenarios.md (merge small bureaus, digitize the five busiest
 * services that still need a visit, make issued evidence reusable), all three together, then a sweep over
 * k = 0..10 of "digitize the k busiest services that still need a visit".
 */
import { pathToFileURL } from "node:url";
import { applyScenario, compareModels, exampleCounty, type ComparisonReport, type Model, type ScenarioOperationInput } from "../src/index.js";

/** Whether every channel of a service needs a trip (a channel without `visits`: 1 in person or at a kiosk, else 0). */
const needsVisit = (s: Model["services"][number]) =>
  s.channels.length > 0 && s.channels.every((c) => (c.visits ?? (c.kind === "in_person" || c.kind === "kiosk" ? 1 : 0)) >= 1);

/** The `k` busiest active services (by annual volume) that still need a visit to an office. */
function busiest(model: Model, k: number): string[] {
  return model.services
    .filter((s) => (s.status ?? "active") === "active" && needsVisit(s))
    .sort((a, b) => (b.annualVolume ?? 0) - (a.annualVolume ?? 0) || (a.id < b.id ? -1 : 1))
    .slice(0, k)
    .map((s) => s.id);
}

const mergeSmallBureaus: ScenarioOperationInput[] = [
  // The essay's example: the county meteorological bureau (6 posts) folded into agriculture, which uses its work.
  { op: "mergeDepartments", ids: ["meteo", "agri"], into: "agri" },
  // Statistics and commerce folded into development and reform, as many counties did in 2019.
  { op: "mergeDepartments", ids: ["drc", "stats", "commerce"], into: "drc" },
];
const digitizeTop5: ScenarioOperationInput[] = busiest(exampleCounty, 5).map((serviceId) => ({ op: "digitizeService", serviceId }));
const reuseEvidence: ScenarioOperationInput[] = exampleCounty.evidence
  .filter((e) => e.issuerId !== undefined)
  .map((e) => ({ op: "reuseEvidence", evidenceId: e.id }));

const scenarios: { name: string; ops: ScenarioOperationInput[] }[] = [
  { name: "merge small bureaus", ops: mergeSmallBureaus },
  { name: "digitize the 5 busiest services", ops: digitizeTop5 },
  { name: "reuse issued evidence", ops: reuseEvidence },
  { name: "all three", ops: [...mergeSmallBureaus, ...digitizeTop5, ...reuseEvidence] },
  ...Array.from({ length: 11 }, (_, k) => ({
    name: `digitize top ${k}`,
    ops: busiest(exampleCounty, k).map((serviceId): ScenarioOperationInput => ({ op: "digitizeService", serviceId })),
  })),
];

/** The columns of the table: a label and where to read the delta. */
const columns: [string, (r: ComparisonReport) => number | null][] = [
  ["composite", (r) => r.scorecard.composite.delta],
  ["functions", (r) => r.scorecard.pillars.functionAllocation.delta],
  ["services", (r) => r.scorecard.pillars.publicServiceLevel.delta],
  ["innovation", (r) => r.scorecard.pillars.governanceInnovation.delta],
  ["openness", (r) => r.scorecard.pillars.openness.delta],
  ["civil service", (r) => r.scorecard.pillars.civilService.delta],
  ["visits/journey", (r) => r.journeys.inPersonVisits?.delta ?? null],
  ["online e2e", (r) => r.journeys.endToEndOnlineShare?.delta ?? null],
  ["once-only", (r) => r.journeys.onceOnlyRate?.delta ?? null],
  ["departments", (r) => r.staffing.departments?.delta ?? null],
  ["duplicated fns", (r) => r.duplication.duplicatedFunctions?.delta ?? null],
  ["reach", (r) => r.coverage.reach?.delta ?? null],
];

/** One row of the sweep: a scenario, its size, and the deltas of the columns. */
export interface SweepRow {
  name: string;
  operations: number;
  composite: number | null;
  deltas: (number | null)[];
}

/** Applies each scenario to the example county and compares it with the starting point. */
export function sweep(): SweepRow[] {
  return scenarios.map(({ name, ops }) => {
    const { model: after } = applyScenario(exampleCounty, ops);
    const report = compareModels(exampleCounty, after);
    return { name, operations: ops.length, composite: report.scorecard.composite.after, deltas: columns.map(([, read]) => read(report)) };
  });
}

const fmt = (x: number | null) => (x === null ? "–" : x === 0 ? "0" : (x > 0 ? "+" : "") + (Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(3)));

/** The sweep as the Markdown that docs/scenarios.md shows (test/examples/sweep.test.ts checks they agree). */
export function sweepMarkdown(rows: readonly SweepRow[] = sweep()): string {
  const header = ["scenario", "ops", "composite after", ...columns.map(([c]) => `Δ ${c}`)];
  const start = compareModels(exampleCounty, exampleCounty).scorecard.composite.before;
  return [
    `Starting point: ${exampleCounty.meta?.name}, composite ${start === null ? "no data" : start.toFixed(1)}`,
    "",
    `| ${header.join(" | ")} |`,
    `| --- | ${header.slice(1).map(() => "---:").join(" | ")} |`,
    ...rows.map((r) => `| ${r.name} | ${r.operations} | ${r.composite === null ? "no data" : r.composite.toFixed(1)} | ${r.deltas.map(fmt).join(" | ")} |`),
  ].join("\n");
}

/** The sweep as JSON rows, each delta under its column's name. */
export function sweepJson(rows: readonly SweepRow[] = sweep()): string {
  return JSON.stringify(rows.map((r) => ({ ...r, deltas: Object.fromEntries(columns.map(([c], i) => [c, r.deltas[i]])) })), null, 2);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(process.argv.includes("--json") ? sweepJson() : sweepMarkdown());
}

import {
  analyzeJourneys,
  analyzeStaffing,
  compareModels,
  findDuplication,
  scoreCoverage,
  buildScorecard,
  scoreOpenness,
  type Model,
  type ScorecardInputs,
  type ScorecardOptions,
  type ScorecardReport,
  type ScorecardReports,
} from "../../index.js";
import { compareData } from "./compare.js";
import { coverageData } from "./coverage.js";
import { duplicationData } from "./duplication.js";
import { journeysData } from "./journeys.js";
import { layoutGraph, type LayoutOptions } from "./layout.js";
import { recordTable, ServiceRefs, type Positions } from "./records.js";
import { scorecardData } from "./scorecard.js";
import { staffingOpennessData } from "./staffing-openness.js";
import type { RegionTable, ReportData } from "./types.js";

/** Analysis reports already computed for a model, used instead of running them again. */
export type ReportInputs = ScorecardReports & { scorecard?: ScorecardReport };

/** What {@link buildReportData} needs besides the model. @internal */
export interface BuildOptions {
  title: string;
  analyses: Omit<ScorecardOptions, "reports">;
  layout: LayoutOptions;
  compare?: { model: Model; reports?: ReportInputs; title: string };
}

/** Every analysis the report shows: the ones given, the others run with the given options. @internal */
export function runAnalyses(model: Model, given: ReportInputs, analyses: Omit<ScorecardOptions, "reports">): ScorecardInputs & { scorecard: ScorecardReport } {
  const inputs: ScorecardInputs = {
    duplication: given.duplication ?? findDuplication(model, analyses.duplication),
    coverage: given.coverage ?? scoreCoverage(model, analyses.coverage),
    journeys: given.journeys ?? analyzeJourneys(model, analyses.journeys),
    openness: given.openness ?? given.transparency ?? scoreOpenness(model),
    staffing: given.staffing ?? analyzeStaffing(model, analyses.staffing),
  };
  return { ...inputs, scorecard: given.scorecard ?? buildScorecard(model, { ...analyses, reports: inputs }) };
}

function regionTable(model: Model): { table: RegionTable; at: Map<string, number> } {
  const { table, at } = recordTable(model.regions);
  return {
    table: {
      ...table,
      parent: model.regions.map((r) => (r.parentId === undefined ? -1 : at.get(r.parentId)!)),
      lat: model.regions.map((r) => r.location?.lat ?? null),
      lon: model.regions.map((r) => r.location?.lon ?? null),
    },
    at,
  };
}

/** The data a report page embeds, from a validated model and its analyses. @internal */
export function buildReportData(model: Model, given: ReportInputs, options: BuildOptions): ReportData {
  const reports = runAnalyses(model, given, options.analyses);
  const departments = recordTable(model.departments);
  const functions = recordTable(model.functions);
  const regions = regionTable(model);
  const needs = recordTable(model.needs);
  const segments = recordTable(model.segments);
  const evidence = recordTable(model.evidence);
  const pos: Positions = { departments: departments.at, functions: functions.at, regions: regions.at, needs: needs.at, segments: segments.at, evidence: evidence.at };
  const services = new ServiceRefs(model, departments.at);
  const graph = layoutGraph(model, reports.duplication, pos, options.layout);
  const names = { functions: functions.table, needs: needs.table, segments: segments.table };

  let compare: ReportData["compare"] = null;
  if (options.compare) {
    const after = options.compare.model;
    const report = compareModels(model, after, { ...options.analyses, reports: { before: reports, after: options.compare.reports } });
    const needNames = new Map<string, string>([...after.needs, ...model.needs].map((n) => [n.id, n.name]));
    const pillarNames = new Map(reports.scorecard.pillars.map((p) => [p.id, p.name]));
    compare = compareData(report, options.title, options.compare.title, pillarNames, (id) => needNames.get(id) ?? id);
  }

  return {
    title: options.title,
    subtitle: model.meta?.description ?? "",
    counts: (["regions", "departments", "functions", "assignments", "services", "needs", "servicePoints"] as const).map((name) => ({ name, count: model[name].length })),
    departments: { ...departments.table, region: model.departments.map((d) => regions.at.get(d.regionId)!) },
    functions: functions.table,
    regions: regions.table,
    needs: needs.table,
    segments: segments.table,
    evidence: evidence.table,
    services: services.table,
    scorecard: scorecardData(reports.scorecard),
    duplication: duplicationData(reports.duplication, pos, services, graph, names),
    coverage: coverageData(model, reports.coverage, pos),
    journeys: journeysData(model, reports.journeys, pos, services, options.analyses.journeys ?? {}),
    staffingOpenness: staffingOpennessData(reports.staffing, reports.openness, pos),
    compare,
  };
}

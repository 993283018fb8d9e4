/**
 * The data a report page embeds: one JSON document, written by `buildReportData` and read by the page's script.
 * Records are interned: each table below lists ids and names once, and every other field refers to a record by
 * its position in that table. Long lists are tuples (labelled below) to keep the file small. A share or score that
 * cannot be measured is `null`, shown as "no data", never as 0 or 100.
 * @module
 */

/** A ratio in [0, 1] or a score, or null when there is no data for it. */
export type Share = number | null;

/** Records of one kind: `ids[i]` and `names[i]` describe record `i`. */
export interface RecordTable {
  ids: string[];
  names: string[];
}

/** Departments, with their region (an index into `regions`). */
export interface DepartmentTable extends RecordTable {
  region: number[];
}

/** Regions, with their parent (-1 for a root) and location (null when absent). */
export interface RegionTable extends RecordTable {
  parent: number[];
  lat: (number | null)[];
  lon: (number | null)[];
}

/** Services referred to by the report (not every service of the model), with their department. */
export interface ServiceTable extends RecordTable {
  department: number[];
}

/** One indicator of a scorecard pillar. `kind` says how to show `value`. */
export interface IndicatorData {
  id: string;
  label: string;
  value: Share;
  weight: number;
  kind: "share" | "count" | "number";
  /** Why `value` is null, when it is. */
  reason: string | null;
}

/** One pillar: its score (0-100, or null) and the indicators behind it. */
export interface PillarData {
  id: string;
  name: string;
  score: Share;
  /** Its weight in the composite. */
  weight: number;
  formula: string;
  indicators: IndicatorData[];
}

/** The scorecard section. */
export interface ScorecardData {
  composite: Share;
  /** Names of the pillars left out of the composite for lack of data. */
  leftOut: string[];
  pillars: PillarData[];
}

/** `[kind (0 function, 1 need), item, jurisdiction region, hhi, effective number, departments]` */
export type FragmentationRow = [kind: 0 | 1, item: number, region: number, hhi: number, effective: number, departments: number[]];
/** `[kind (0 function, 1 services), items (one function, or the services), departments, scope (0 horizontal, 1 vertical), regions, shared functions, shared segments]` */
export type DuplicationRow = [kind: 0 | 1, items: number[], departments: number[], scope: 0 | 1, regions: number[], functions: number[], segments: number[]];
/** `[department a, department b, Jaccard score, basis (0 functions, 1 needs, 2 segments), shared count, first shared names]` */
export type OverlapRow = [a: number, b: number, score: number, basis: 0 | 1 | 2, shared: number, examples: string[]];
/** `[function a, function b, similarity]` */
export type NearDuplicateRow = [a: number, b: number, similarity: number];

/**
 * The graph of departments and the functions they hold, laid out when the report was written. In `full` mode
 * every department and function is a node and every holding an edge; in `departments` mode (big models) only
 * departments are nodes, joined by aggregated edges, and the page shows one department's functions on demand.
 */
export interface GraphData {
  mode: "full" | "departments";
  /** x, y of each department, flattened. */
  departmentXY: number[];
  /** x, y of each function, flattened (full mode), or an empty list. */
  functionXY: number[];
  /** Per department, the functions it holds as `function * 2 + (support ? 1 : 0)`. */
  holdings: number[][];
  /** Departments mode: `[department a, department b, weight, kind (0 supervises, 1 shares duplicated or fragmented functions)]`, flattened. */
  edges: number[];
  /** Functions with a duplication finding, and functions with a fragmentation finding (indexes). */
  duplicated: number[];
  fragmented: number[];
}

/** The duplication section. */
export interface DuplicationData {
  summary: { functions: number; heldFunctions: number; duplicatedFunctions: number | null; fragmentedFunctions: number | null; duplicatedShare: Share; fragmentedShare: Share; duplicatedServices: number | null };
  graph: GraphData;
  duplication: DuplicationRow[];
  fragmentation: FragmentationRow[];
  overlap: OverlapRow[];
  nearDuplicates: NearDuplicateRow[];
}

/** `[row (a region, need, segment (-1: everyone) or department), demand, reach, capacity]` */
export type CoverageRow = [item: number, demand: number, reach: Share, capacity: Share];
/** `[need, region, segment (-1: everyone), volume]` */
export type GapRow = [need: number, region: number, segment: number, volume: number];

/** The coverage section. */
export interface CoverageData {
  demand: number;
  reach: Share;
  capacity: Share;
  gini: Share;
  /** Why reach is null, when it is. */
  reason: string | null;
  byRegion: CoverageRow[];
  byNeed: CoverageRow[];
  bySegment: CoverageRow[];
  byDepartment: CoverageRow[];
  gaps: GapRow[];
  /** Gaps in the model; `gaps` holds the largest `gaps.length` of them. */
  gapCount: number;
  /** Service points with a location (their own or their region's). */
  points: { names: string[]; region: number[]; lat: number[]; lon: number[]; capacity: (number | null)[] };
}

/** `[evidence, supplied by the citizen (1) or reused (0), asked again (1: the citizen gives it a second time or more)]` */
export type StepEvidence = [evidence: number, citizen: 0 | 1, again: 0 | 1];

/** One step of a journey. */
export interface StepData {
  service: number;
  /** Position in the sequence: 0 for steps that wait for nothing, else one more than the latest step it waits for. */
  stage: number;
  /** Services of the journey this step waits for. */
  after: number[];
  visits: number;
  channels: string[];
  endToEnd: boolean;
  days: number | null;
  evidence: StepEvidence[];
}

/** One life event's journey. */
export interface JourneyData {
  need: number;
  weight: number;
  visits: number;
  departments: number[];
  evidenceRequests: number;
  reused: number;
  onceOnlyRate: Share;
  repeatSubmissions: number;
  repeatedEvidence: number[];
  endToEndOnlineShare: Share;
  days: number;
  criticalPath: number[];
  steps: StepData[];
}

/** The journeys section. */
export interface JourneysData {
  summary: { journeys: number; inPersonVisits: Share; departments: Share; evidenceRequests: Share; onceOnlyRate: Share; endToEndOnlineShare: Share; atMostOneVisitShare: Share; repeatSubmissions: Share; days: Share };
  journeys: JourneyData[];
}

/** `[department, staff, cases, cases per staff, relative efficiency, vacancy rate, flags (bits: 1 much staff little work, 2 little staff much work, 4 over establishment, 8 high vacancy), peer group]` */
export type StaffingRow = [department: number, staff: number | null, cases: number | null, casesPerStaff: number | null, efficiency: Share, vacancy: Share, flags: number, peerGroup: string];

/** `[department, active services, share published, then published and applicable count of each item]` */
export type OpennessRow = [department: number, services: number, share: Share, ...counts: number[]];

/** The staffing and openness section. */
export interface StaffingOpennessData {
  staffing: { departments: number; measured: number; staff: number | null; efficiency: Share; vacancyRate: Share; flagged: StaffingRow[] };
  openness: { share: Share; services: number; fullyPublished: number; items: string[]; byItem: [published: number, applicable: number][]; departments: OpennessRow[] };
}

/** `[indicator, before, after, change]` */
export type DeltaRow = [name: string, before: number | null, after: number | null, delta: number | null];

/** The before/after section of a scenario report. */
export interface CompareData {
  before: string;
  after: string;
  composite: DeltaRow;
  pillars: DeltaRow[];
  /** Indicators that moved, by group; `unchanged` counts the others. */
  groups: { name: string; rows: DeltaRow[] }[];
  unchanged: number;
  journeys: { need: string; moved: string }[];
  records: { collection: string; added: number; removed: number; changed: number; examples: string[] }[];
}

/** Everything a report page shows. */
export interface ReportData {
  title: string;
  subtitle: string;
  counts: { name: string; count: number }[];
  departments: DepartmentTable;
  functions: RecordTable;
  regions: RegionTable;
  needs: RecordTable;
  segments: RecordTable;
  evidence: RecordTable;
  services: ServiceTable;
  scorecard: ScorecardData;
  duplication: DuplicationData;
  coverage: CoverageData;
  journeys: JourneysData;
  staffingOpenness: StaffingOpennessData;
  compare: CompareData | null;
}

/**
 * Staffing
 * ========
 * Staff against workload, department by department: staff per function and per 1,000 cases, vacancies, and a
 * relative efficiency (cases per staff member over the best comparable department), the single-input,
 * single-output case of Data Envelopment Analysis (Charnes, Cooper & Rhodes 1978, "Measuring the efficiency of
 * decision making units"), where each unit's score is its output/input ratio over the best ratio of its peers.
 */
import { compareIds } from "../model/records.js";
import { inRange, resolveOptions } from "../options.js";
import type { Department } from "../schemas/department.js";
import type { Model } from "../schemas/model.js";
import { isActiveService } from "../schemas/service.js";
import { requireModel } from "../model/require-model.js";
import { ratio, type Measured } from "./measured.js";

/** Defaults of {@link analyzeStaffing}. */
export const STAFFING_DEFAULTS = {
  /** Flag a department whose cases per staff member are below the peer median divided by this, or above it times this. */
  flagRatio: 3,
  /** Fewest measured departments a peer group needs before a wider group (same level, then everyone) is used. */
  minPeers: 2,
  /** Flag a department whose vacancy rate is at least this. */
  vacancyThreshold: 0.2,
} as const;

/** Options of {@link analyzeStaffing}; see {@link STAFFING_DEFAULTS} for what each means. */
export interface StaffingOptions {
  flagRatio?: number;
  minPeers?: number;
  vacancyThreshold?: number;
}

const RULES = { flagRatio: inRange(0, Infinity, { min: true }), minPeers: inRange(0, Infinity), vacancyThreshold: inRange(0, Infinity) };

/** Why a department stands out. */
export type StaffingFlag = "much_staff_little_work" | "little_staff_much_work" | "over_establishment" | "high_vacancy";

/** One department's staff and workload. */
export interface DepartmentStaffing {
  departmentId: string;
  level: string | null;
  kind: string | null;
  /** Staff in post (`staff.actual`, else `staff.authorized`), or null when unknown. */
  staff: number | null;
  actual: number | null;
  authorized: number | null;
  /** Functions held (lead or support). */
  functions: number;
  /** Active services it provides as competent authority. */
  services: number;
  /**
   * Sum of the `annualVolume` of those services that have one; null when some active service has none and none has
   * one (the caseload is unknown), 0 when it provides no active service.
   */
  cases: number | null;
  /** Active services without `annualVolume`: left out of `cases`. */
  servicesWithoutVolume: number;
  staffPerFunction: number | null;
  staffPer1000Cases: number | null;
  casesPerStaff: number | null;
  /** `(authorized - actual) / authorized`, at least 0; null without both figures. */
  vacancyRate: number | null;
  /** The peer group compared against: `level|kind`, `level`, or `*` (everyone). */
  peerGroup: string;
  /** Cases per staff member over the best of the peer group, in [0, 1]; null when unmeasured. */
  relativeEfficiency: number | null;
  flags: StaffingFlag[];
}

/** The report of {@link analyzeStaffing}. */
export interface StaffingReport {
  /** Every department, sorted by id. */
  departments: DepartmentStaffing[];
  summary: {
    departments: number;
    /** Departments with a staff figure (`actual` or `authorized`). */
    withStaff: number;
    /** Departments with staff above 0 and an active service of known `annualVolume` (caseload measured). */
    measured: number;
    /** Sums of the known figures; null when no department has one. */
    staff: number | null;
    actual: number | null;
    authorized: number | null;
    /** Sum of the known caseloads; null when no active service has an `annualVolume`. */
    cases: number | null;
    /** Active services without `annualVolume`, left out of `cases`. */
    servicesWithoutVolume: number;
    casesPerStaff: number | null;
    /** Pooled over departments with both figures: (sum authorized - sum actual) / sum authorized, at least 0 (unit `staff`). */
    vacancyRate: Measured;
    /** Staff-weighted mean relative efficiency over measured departments (unit `staff`; known: measured departments). */
    efficiency: Measured;
    muchStaffLittleWork: number;
    littleStaffMuchWork: number;
    /** Share of all staff in departments flagged `much_staff_little_work`; null when no caseload is measured. */
    staffInMuchStaffLittleWork: Measured;
  };
}

function median(sorted: readonly number[]): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

interface Workload {
  services: number;
  cases: number;
  /** Services without `annualVolume`. */
  unknown: number;
}

/** Functions held and active services' workload, by department id. */
function workloads(model: Model): { functions: Map<string, number>; work: Map<string, Workload> } {
  // Counted in runs of the same department (assignments come grouped by department in canonical order), so the map
  // is touched once per run rather than once per assignment.
  const functions = new Map<string, number>();
  const assignments = model.assignments;
  for (let i = 0; i < assignments.length; ) {
    const id = assignments[i]!.departmentId;
    let j = i + 1;
    while (j < assignments.length && assignments[j]!.departmentId === id) j++;
    functions.set(id, (functions.get(id) ?? 0) + (j - i));
    i = j;
  }
  const work = new Map<string, Workload>();
  let last: Workload | undefined;
  let lastId: string | undefined;
  for (const s of model.services) {
    if (!isActiveService(s)) continue;
    let w = s.departmentId === lastId ? last : work.get(s.departmentId);
    if (!w) work.set(s.departmentId, (w = { services: 0, cases: 0, unknown: 0 }));
    w.services++;
    // An unknown volume adds nothing to the sum and is counted (docs/scorecard.md, "Missing annualVolume").
    if (s.annualVolume === undefined) w.unknown++;
    else w.cases += s.annualVolume;
    last = w;
    lastId = s.departmentId;
  }
  return { functions, work };
}

/** One department's row, before peers are compared. */
function departmentRow(d: Department, functions: number, work: Workload): DepartmentStaffing {
  const actual = d.staff?.actual ?? null;
  const authorized = d.staff?.authorized ?? null;
  const staff = actual ?? authorized;
  const { services, unknown } = work;
  const known = services > unknown;
  const cases = known || services === 0 ? work.cases : null;
  return {
    departmentId: d.id,
    level: d.level ?? null,
    kind: d.kind ?? null,
    staff,
    actual,
    authorized,
    functions,
    services,
    cases,
    servicesWithoutVolume: unknown,
    staffPerFunction: staff !== null && functions > 0 ? staff / functions : null,
    staffPer1000Cases: staff !== null && cases !== null && cases > 0 ? (1000 * staff) / cases : null,
    // Bodies without a service of known volume (audit, finance) are not measured on caseload.
    casesPerStaff: staff !== null && staff > 0 && known ? work.cases / staff : null,
    vacancyRate: actual !== null && authorized !== null && authorized > 0 ? Math.max(0, (authorized - actual) / authorized) : null,
    peerGroup: "*",
    relativeEfficiency: null,
    flags: [],
  };
}

/**
 * Compares each measured department with its peers, narrowest group first (`level|kind`, then `level`, then
 * everyone) when its own group is too small, and flags the ones far from the group's median.
 */
function comparePeers(rows: DepartmentStaffing[], o: Required<StaffingOptions>): void {
  // Each row's group key at each width, built once.
  const rowKeys = rows.map((r) => [`${r.level ?? ""}|${r.kind ?? ""}`, r.level ?? "", "*"] as const);
  const groups = [0, 1, 2].map((level) => {
    const g = new Map<string, number[]>();
    rows.forEach((r, i) => {
      if (r.casesPerStaff === null) return;
      const key = rowKeys[i]![level]!;
      const list = g.get(key);
      if (list) list.push(r.casesPerStaff);
      else g.set(key, [r.casesPerStaff]);
    });
    for (const list of g.values()) list.sort((a, b) => a - b);
    return g;
  });
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.casesPerStaff === null) continue;
    let level = 0;
    while (level < 2 && groups[level]!.get(rowKeys[i]![level]!)!.length < o.minPeers) level++;
    const group = rowKeys[i]![level]!;
    const peers = groups[level]!.get(group)!;
    const best = peers[peers.length - 1]!;
    const mid = median(peers);
    r.peerGroup = group;
    r.relativeEfficiency = best > 0 ? r.casesPerStaff / best : null;
    if (peers.length >= o.minPeers && mid > 0) {
      if (r.casesPerStaff < mid / o.flagRatio) r.flags.push("much_staff_little_work");
      if (r.casesPerStaff > mid * o.flagRatio) r.flags.push("little_staff_much_work");
    }
  }
}

/** Sums a nullable figure over rows: null when no row has it. */
function knownSum(rows: readonly DepartmentStaffing[], get: (r: DepartmentStaffing) => number | null): number | null {
  let sum: number | null = null;
  for (const r of rows) {
    const x = get(r);
    if (x !== null) sum = (sum ?? 0) + x;
  }
  return sum;
}

function summarize(rows: readonly DepartmentStaffing[]): StaffingReport["summary"] {
  let measured = 0, weighted = 0, weight = 0, withStaff = 0, withBoth = 0;
  let vacancyActual = 0, vacancyAuthorized = 0, much = 0, little = 0, muchStaff = 0, withoutVolume = 0;
  for (const r of rows) {
    if (r.staff !== null) withStaff++;
    withoutVolume += r.servicesWithoutVolume;
    if (r.vacancyRate !== null) {
      withBoth++;
      vacancyActual += r.actual!;
      vacancyAuthorized += r.authorized!;
    }
    if (r.casesPerStaff !== null) measured++;
    if (r.relativeEfficiency !== null) {
      weighted += r.staff! * r.relativeEfficiency;
      weight += r.staff!;
    }
    if (r.flags.includes("much_staff_little_work")) {
      much++;
      muchStaff += r.staff ?? 0;
    }
    if (r.flags.includes("little_staff_much_work")) little++;
  }
  const staff = knownSum(rows, (r) => r.staff);
  const cases = knownSum(rows, (r) => (r.cases === null || (r.cases === 0 && r.services === 0) ? null : r.cases));
  const departments = { total: rows.length, records: "departments" } as const;
  return {
    departments: rows.length,
    withStaff,
    measured,
    staff,
    actual: knownSum(rows, (r) => r.actual),
    authorized: knownSum(rows, (r) => r.authorized),
    cases,
    servicesWithoutVolume: withoutVolume,
    casesPerStaff: staff !== null && staff > 0 && cases !== null ? cases / staff : null,
    vacancyRate: ratio(Math.max(0, vacancyAuthorized - vacancyActual), vacancyAuthorized, { unit: "staff", known: withBoth, ...departments }),
    efficiency: ratio(weighted, weight, { unit: "staff", known: measured, ...departments }),
    muchStaffLittleWork: much,
    littleStaffMuchWork: little,
    staffInMuchStaffLittleWork: ratio(muchStaff, staff ?? 0, { unit: "staff", known: measured, ...departments }),
  };
}

/**
 * Measures staff against workload per department, with relative efficiency against the best comparable
 * department (same `level` and `kind`; the same level, then everyone, when that group is too small), flagging
 * departments with much staff and little work and the reverse.
 * @example
 * const { departments } = analyzeStaffing(exampleCounty);
 * departments.filter((d) => d.flags.includes("much_staff_little_work"))
 */
export function analyzeStaffing(model: Model, options: StaffingOptions = {}): StaffingReport {
  model = requireModel("analyzeStaffing", model);
  const o = resolveOptions<Required<StaffingOptions>>(STAFFING_DEFAULTS, options, "analyzeStaffing", RULES);
  const { functions, work } = workloads(model);
  const rows = model.departments.map((d) => departmentRow(d, functions.get(d.id) ?? 0, work.get(d.id) ?? { services: 0, cases: 0, unknown: 0 }));
  comparePeers(rows, o);
  for (const r of rows) {
    if (r.actual !== null && r.authorized !== null && r.actual > r.authorized) r.flags.push("over_establishment");
    if (r.vacancyRate !== null && r.vacancyRate >= o.vacancyThreshold) r.flags.push("high_vacancy");
  }
  rows.sort((a, b) => compareIds(a.departmentId, b.departmentId));
  return { departments: rows, summary: summarize(rows) };
}

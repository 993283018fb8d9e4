/**
 * The coverage report: demand, reach and capacity summed overall and by need, region, segment and department,
 * the unreached cells largest first, and the Gini coefficient of regional reach, weighted by demand (Gini 1912,
 * in the weighted form of Lerman & Yitzhaki 1989; docs/coverage.md).
 * @internal
 * @module
 */
import type { ModelIndex } from "../../graph/index-model.js";
import { compareIds } from "../../model/records.js";
import type { DemandCells } from "./demand.js";
import type { DepartmentSums } from "./departments.js";
import { ratio, type Basis } from "../measured.js";
import type { CoverageGap, CoverageReport, CoverageRow } from "./types.js";

interface Sums {
  demand: Float64Array;
  reach: Float64Array;
  capacity: Float64Array;
}

/** Demand, reach and capacity summed overall and by need, region and segment, with the unreached cells. */
function totals(index: ModelIndex, cells: DemandCells, reached: Uint8Array, share: Float64Array) {
  const { needStart, region, segment, volume } = cells;
  const nNeeds = index.needs.ids.length;
  const sums = (size: number): Sums => ({ demand: new Float64Array(size), reach: new Float64Array(size), capacity: new Float64Array(size) });
  const byNeed = sums(nNeeds);
  const byRegion = sums(index.regions.ids.length);
  const bySegment = sums(index.segments.ids.length + 1);
  let demand = 0;
  let reach = 0;
  let capacity = 0;
  const gaps: CoverageGap[] = [];
  for (let n = 0; n < nNeeds; n++) {
    for (let c = needStart[n]!; c < needStart[n + 1]!; c++) {
      const v = volume[c]!;
      const r = region[c]!;
      const g = segment[c]! + 1;
      const hit = reached[c] ? v : 0;
      const cap = v * share[c]!;
      demand += v;
      reach += hit;
      capacity += cap;
      byNeed.demand[n]! += v;
      byNeed.reach[n]! += hit;
      byNeed.capacity[n]! += cap;
      byRegion.demand[r]! += v;
      byRegion.reach[r]! += hit;
      byRegion.capacity[r]! += cap;
      bySegment.demand[g]! += v;
      bySegment.reach[g]! += hit;
      bySegment.capacity[g]! += cap;
      if (!reached[c]) {
        gaps.push({ needId: index.needs.ids[n]!, regionId: index.regions.ids[r]!, segmentId: g === 0 ? null : index.segments.ids[g - 1]!, volume: v });
      }
    }
  }
  return { byNeed, byRegion, bySegment, demand, reach, capacity, gaps };
}


/** A row's share: rows exist only where there is demand. */
const rowShare = (part: number, whole: number) => Math.min(1, part / whole);

/** The basis of the overall shares: needs with demand cells, and those whose demand is their regions' population. */
function needBasis(index: ModelIndex, cells: DemandCells): Basis {
  let known = 0;
  let assumed = 0;
  index.model.needs.forEach((need, n) => {
    if (cells.needStart[n + 1]! === cells.needStart[n]!) return;
    known++;
    if (!need.demand || need.demand.length === 0) assumed++;
  });
  return { unit: "demand", known, total: index.model.needs.length, records: "needs", assumed, reason: "no_demand" };
}

/** The rows of the ids with demand, with their reach and capacity shares. */
function rows<K extends string, I>(key: K, ids: readonly I[], s: Sums, keep: (i: number) => boolean): ({ [k in K]: I } & CoverageRow)[] {
  return ids
    .map((id, i) => ({ id, i }))
    .filter(({ i }) => keep(i))
    .map(({ id, i }) => ({ [key]: id, demand: s.demand[i]!, reach: rowShare(s.reach[i]!, s.demand[i]!), capacity: rowShare(s.capacity[i]!, s.demand[i]!) }) as { [k in K]: I } & CoverageRow);
}

/** Orders rows by an id, null first. */
const byId =
  <R>(get: (row: R) => string | null) =>
  (a: R, b: R) => {
    const x = get(a);
    const y = get(b);
    return x === y ? 0 : x === null ? -1 : y === null ? 1 : compareIds(x, y);
  };

/** The report's parts that read the cells alone (all but `byDepartment`). @internal */
export type CoverageTotals = Omit<CoverageReport, "byDepartment">;

/** The report's parts that read the demand cells, which were reached and their capacity shares. @internal */
export function coverageTotals(index: ModelIndex, cells: DemandCells, reached: Uint8Array, share: Float64Array): CoverageTotals {
  const { byNeed, byRegion, bySegment, demand, reach, capacity, gaps } = totals(index, cells, reached, share);
  const regionRows = rows("regionId", index.regions.ids, byRegion, (i) => byRegion.demand[i]! > 0).sort(byId((r) => r.regionId));
  gaps.sort((a, b) => b.volume - a.volume || compareIds(a.needId, b.needId) || compareIds(a.regionId, b.regionId) || byId<CoverageGap>((x) => x.segmentId)(a, b));
  const basis = needBasis(index, cells);
  return {
    demand,
    reach: ratio(Math.min(reach, demand), demand, basis),
    capacity: ratio(Math.min(capacity, demand), demand, basis),
    byNeed: rows("needId", index.needs.ids, byNeed, (i) => byNeed.demand[i]! > 0).sort(byId((r) => r.needId)),
    byRegion: regionRows,
    bySegment: rows("segmentId", [null, ...index.segments.ids], bySegment, (i) => bySegment.demand[i]! > 0).sort(byId((r) => r.segmentId)),
    gaps,
    gini: demand > 0 ? weightedGini(regionRows.map((r) => r.reach), regionRows.map((r) => r.demand)) : null,
  };
}

/** A copy of totals computed before (every row and measure a new object). @internal */
export function copyTotals(t: CoverageTotals): CoverageTotals {
  const each = <R extends object>(list: readonly R[]) => list.map((r) => ({ ...r }));
  return { ...t, reach: { ...t.reach }, capacity: { ...t.capacity }, byNeed: each(t.byNeed), byRegion: each(t.byRegion), bySegment: each(t.bySegment), gaps: each(t.gaps) };
}

/** The report from its totals and the departments' sums (fields in report order). @internal */
export function coverageReport(index: ModelIndex, t: CoverageTotals, departments: DepartmentSums): CoverageReport {
  const byDepartment = rows("departmentId", index.departments.ids, departments, (i) => departments.seen[i] === 1 && departments.demand[i]! > 0).sort(byId((r) => r.departmentId));
  return { demand: t.demand, reach: t.reach, capacity: t.capacity, byNeed: t.byNeed, byRegion: t.byRegion, bySegment: t.bySegment, byDepartment, gaps: t.gaps, gini: t.gini };
}

/** The Gini coefficient of values `x` weighted by `w`: sum_ij w_i w_j |x_i - x_j| / (2 W^2 mean); 0 when the mean is 0. */
function weightedGini(x: readonly number[], w: readonly number[]): number {
  const order = x.map((_, i) => i).sort((a, b) => x[a]! - x[b]!);
  let total = 0;
  let mean = 0;
  for (let i = 0; i < x.length; i++) {
    total += w[i]!;
    mean += w[i]! * x[i]!;
  }
  if (total <= 0 || mean <= 0) return 0;
  mean /= total;
  // With x sorted ascending, sum_ij w_i w_j |x_i - x_j| = 2 sum_i w_i (x_i W_<i - X_<i).
  let below = 0;
  let belowX = 0;
  let sum = 0;
  for (const i of order) {
    sum += w[i]! * (x[i]! * below - belowX);
    below += w[i]!;
    belowX += w[i]! * x[i]!;
  }
  return sum / (total * total * mean);
}

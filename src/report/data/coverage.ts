import type { CoverageReport, Model } from "../../index.js";
import { position, reasonOf, round4, share, type Positions } from "./records.js";
import type { CoverageData, CoverageRow } from "./types.js";

/** The largest gaps embedded in a report; the section says how many more there are. @internal */
export const MAX_GAPS = 5000;

const cases = (x: number) => Math.round(x * 100) / 100;

/** The coverage section: reach by region, need, segment and department, the largest gaps and the service points. @internal */
export function coverageData(model: Model, report: CoverageReport, pos: Positions): CoverageData {
  const noDemand = !(report.demand > 0);
  const row = (item: number, r: { demand: number; reach: unknown; capacity: unknown }): CoverageRow => [item, cases(r.demand), share(r.reach), share(r.capacity)];
  const points: CoverageData["points"] = { names: [], region: [], lat: [], lon: [], capacity: [] };
  for (const p of model.servicePoints) {
    const region = position(pos.regions, p.regionId);
    const location = p.location ?? model.regions[region]!.location;
    if (!location) continue;
    points.names.push(p.name);
    points.region.push(region);
    points.lat.push(location.lat);
    points.lon.push(location.lon);
    points.capacity.push(p.capacity ?? null);
  }
  return {
    demand: cases(report.demand),
    reach: noDemand ? null : share(report.reach),
    capacity: noDemand ? null : share(report.capacity),
    gini: noDemand ? null : share(report.gini),
    reason: noDemand ? "no demand data" : reasonOf(report.reach, "no data"),
    byRegion: report.byRegion.map((r) => row(position(pos.regions, r.regionId), r)),
    byNeed: report.byNeed.map((r) => row(position(pos.needs, r.needId), r)),
    bySegment: report.bySegment.map((r) => row(r.segmentId === null ? -1 : position(pos.segments, r.segmentId), r)),
    byDepartment: report.byDepartment.map((r) => row(position(pos.departments, r.departmentId), r)),
    gaps: report.gaps
      .slice(0, MAX_GAPS)
      .map((g) => [position(pos.needs, g.needId), position(pos.regions, g.regionId), g.segmentId === null ? -1 : position(pos.segments, g.segmentId), round4(g.volume)]),
    gapCount: report.gaps.length,
    points,
  };
}

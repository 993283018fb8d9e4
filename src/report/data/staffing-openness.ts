import { OPENNESS_ITEMS, type StaffingFlag, type StaffingReport, type OpennessReport } from "../../index.js";
import { position, share, type Positions } from "./records.js";
import type { OpennessRow, StaffingOpennessData, StaffingRow } from "./types.js";

/** The bit of each staffing flag in a {@link StaffingRow}. @internal */
export const FLAG_BITS: Record<StaffingFlag, number> = { much_staff_little_work: 1, little_staff_much_work: 2, over_establishment: 4, high_vacancy: 8 };

/** The staffing and openness section: flagged departments, and each department's published items. @internal */
export function staffingOpennessData(staffing: StaffingReport, openness: OpennessReport, pos: Positions): StaffingOpennessData {
  const flagged: StaffingRow[] = staffing.departments
    .filter((d) => d.flags.length > 0)
    .map((d) => [
      position(pos.departments, d.departmentId),
      d.staff,
      d.cases,
      d.casesPerStaff === null ? null : Math.round(d.casesPerStaff * 100) / 100,
      share(d.relativeEfficiency),
      share(d.vacancyRate),
      d.flags.reduce((bits, f) => bits | FLAG_BITS[f], 0),
      d.peerGroup,
    ]);
  const s = staffing.summary;

  // Published and applicable counts of each item per department, from the services (the department rows pool them).
  const items = OPENNESS_ITEMS.length;
  const counts = new Map<string, number[]>();
  for (const service of openness.services) {
    let c = counts.get(service.departmentId);
    if (!c) counts.set(service.departmentId, (c = new Array<number>(2 * items).fill(0)));
    for (const item of service.applicable) {
      const k = OPENNESS_ITEMS.indexOf(item);
      c[2 * k + 1]!++;
      if (!service.missing.includes(item)) c[2 * k]!++;
    }
  }
  const departments: OpennessRow[] = openness.departments.map((d) => [
    position(pos.departments, d.departmentId),
    d.services,
    share(d.share),
    ...(counts.get(d.departmentId) ?? new Array<number>(2 * items).fill(0)),
  ]);
  const o = openness.overall;
  return {
    staffing: {
      departments: s.departments,
      measured: s.measured,
      staff: s.staff !== null && s.staff > 0 ? s.staff : null,
      efficiency: share(s.efficiency),
      vacancyRate: share(s.vacancyRate),
      flagged,
    },
    openness: {
      share: share(o.share),
      services: o.services,
      fullyPublished: o.fullyPublished,
      items: [...OPENNESS_ITEMS],
      byItem: OPENNESS_ITEMS.map((item) => [o.byItem[item].numerator, o.byItem[item].denominator]),
      departments,
    },
  };
}

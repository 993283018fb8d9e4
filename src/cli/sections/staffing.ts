import { analyzeStaffing, type StaffingReport } from "../../index.js";
import { num, percent, renderTable, type Format } from "../render.js";
import { orUnknown, shareText } from "./measured.js";
import { defineSection } from "./section.js";

const share = (x: number | null) => (x === null ? "–" : percent(x));

/** Renders a staffing report: flagged departments, then the totals. @internal */
export function renderStaffing(r: StaffingReport, format: Format): string {
  const flagged = r.departments.filter((d) => d.flags.length > 0);
  const s = r.summary;
  return (
    (flagged.length
      ? renderTable(
          ["department", "staff", "authorized", "cases", "cases/staff", "efficiency", "peers", "flags"],
          flagged.map((d) => [d.departmentId, num(d.staff), num(d.authorized), orUnknown(d.cases), num(d.casesPerStaff, 1), share(d.relativeEfficiency), d.peerGroup, d.flags.join(", ")]),
          format,
        )
      : s.measured === 0
        ? "No department is measured: none has both a staff figure and an active service with an annualVolume.\n\n"
        : "No department stands out.\n\n") +
    renderTable(
      ["staffing", "value"],
      [
        ["departments (caseload measured)", `${s.departments} (${s.measured})`],
        ["staff in post / authorized", `${orUnknown(s.actual)} / ${orUnknown(s.authorized)}`],
        ["vacancy rate", shareText(s.vacancyRate)],
        ["cases per staff member", num(s.casesPerStaff, 1)],
        ["relative efficiency (staff-weighted)", shareText(s.efficiency)],
        ["much staff, little work", s.measured === 0 ? "no data" : `${s.muchStaffLittleWork} departments, ${shareText(s.staffInMuchStaffLittleWork)} of staff`],
        ["little staff, much work", s.measured === 0 ? "no data" : `${s.littleStaffMuchWork} departments`],
      ],
      format,
    )
  );
}

/** The staffing section of `govgraph analyze`. @internal */
export const staffingSection = defineSection<StaffingReport>({ id: "staffing", title: "Staffing", run: (model) => analyzeStaffing(model), render: renderStaffing });

import { compareIds, analyzeStaffing, type StaffingReport } from "../../index.js";
import { nameColumns } from "../names.js";
import { table, type Block } from "../render/document.js";
import { count, decimal, described, formatCount, formatPercent, percent, share } from "../render/numbers.js";
import { defineSection, type SectionView } from "./section.js";

/** Renders a staffing report: the flagged departments, the largest first, then the totals. @internal */
export function renderStaffing(r: StaffingReport, { names }: SectionView): Block[] {
  const flagged = r.departments.filter((d) => d.flags.length > 0).sort((a, b) => (b.staff ?? 0) - (a.staff ?? 0) || compareIds(a.departmentId, b.departmentId));
  const s = r.summary;
  return [
    table(
      "staffing-flagged",
      [
        ...nameColumns("department", "flagged department"),
        "staff",
        { label: "posts", csv: "authorized" },
        "cases",
        { label: "cases per staff", csv: "casesPerStaff" },
        { label: "efficiency (% of best peer)", csv: "relativeEfficiency" },
        { label: "peers", csv: "peerGroup", only: "csv" },
        "flags",
      ],
      flagged.map((d) => [
        ...names.pair("department", d.departmentId),
        count(d.staff),
        count(d.authorized),
        count(d.cases),
        decimal(d.casesPerStaff, 1),
        percent(d.relativeEfficiency),
        d.peerGroup,
        { text: d.flags.join(", ").replace(/_/g, " "), value: d.flags.join("|"), right: false },
      ]),
      { empty: "No department stands out." },
    ),
    table(
      "staffing-summary",
      [{ label: "staffing", csv: "measure" }, "value"],
      [
        ["departments", described(s.departments, `${formatCount(s.departments)} (caseload measured in ${formatCount(s.measured)})`)],
        ["staff in post", count(s.actual)],
        ["authorized posts", count(s.authorized)],
        ["vacancy rate", share(s.vacancyRate, "of authorized posts unfilled")],
        ["cases per staff member", decimal(s.casesPerStaff, 1)],
        ["relative efficiency", share(s.efficiency, "of the best peer's cases per staff, staff-weighted")],
        ["much staff, little work", described(s.muchStaffLittleWork, `${formatCount(s.muchStaffLittleWork)} departments, ${formatPercent(s.staffInMuchStaffLittleWork)} of staff`)],
        ["little staff, much work", described(s.littleStaffMuchWork, `${formatCount(s.littleStaffMuchWork)} departments`)],
      ],
      { whole: true },
    ),
  ];
}

/** The staffing section of `govgraph analyze`. @internal */
export const staffingSection = defineSection<StaffingReport>({ id: "staffing", title: "Staffing", weight: 0.5, run: (model) => analyzeStaffing(model), render: renderStaffing });

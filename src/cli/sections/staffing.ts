import { compareIds, analyzeStaffing, type StaffingReport } from "../../index.js";
import { nameColumns } from "../names.js";
import { rowsOf, table, type Block } from "../render/document.js";
import { countOrUnknown, decimal, described, formatCount, formatCounted, formatMeasured, measuredShare, missingCell, percent } from "../render/numbers.js";
import { defineSection, type SectionView } from "./section.js";

/** Renders a staffing report: the flagged departments, the largest first, then the totals. @internal */
export function renderStaffing(r: StaffingReport, { names }: SectionView): Block[] {
  const flagged = r.departments.filter((d) => d.flags.length > 0).sort((a, b) => (b.staff ?? 0) - (a.staff ?? 0) || compareIds(a.departmentId, b.departmentId));
  const s = r.summary;
  const measured = s.measured > 0;
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
      rowsOf(flagged, (d) => [
        ...names.pair("department", d.departmentId),
        countOrUnknown(d.staff),
        countOrUnknown(d.authorized),
        countOrUnknown(d.cases),
        decimal(d.casesPerStaff, 1),
        percent(d.relativeEfficiency),
        d.peerGroup,
        { text: d.flags.join(", ").replace(/_/g, " "), value: d.flags.join("|"), right: false },
      ]),
      { empty: s.measured === 0 ? "No department is measured: none has both a staff figure and an active service with an annualVolume." : "No department stands out." },
    ),
    table(
      "staffing-summary",
      [{ label: "staffing", csv: "measure" }, "value"],
      [
        ["departments", described(s.departments, `${formatCount(s.departments)} (caseload measured in ${formatCount(s.measured)})`)],
        ["staff in post", countOrUnknown(s.actual)],
        ["authorized posts", countOrUnknown(s.authorized)],
        ["vacancy rate", measuredShare(s.vacancyRate, "of authorized posts unfilled")],
        ["cases per staff member", s.casesPerStaff === null ? missingCell() : decimal(s.casesPerStaff, 1)],
        ["relative efficiency", measuredShare(s.efficiency, "of the best peer's cases per staff, staff-weighted")],
        [
          "much staff, little work",
          measured ? described(s.muchStaffLittleWork, `${formatCount(s.muchStaffLittleWork)} departments, ${formatMeasured(s.staffInMuchStaffLittleWork)} of staff`) : missingCell(),
        ],
        ["little staff, much work", measured ? described(s.littleStaffMuchWork, formatCounted(s.littleStaffMuchWork, "department")) : missingCell()],
      ],
      { whole: true },
    ),
  ];
}

/** The staffing section of `govgraph analyze`. @internal */
export const staffingSection = defineSection<StaffingReport>({ id: "staffing", title: "Staffing", weight: 0.5, run: (model) => analyzeStaffing(model), render: renderStaffing });

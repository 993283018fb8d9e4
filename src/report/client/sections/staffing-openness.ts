import type { OpennessRow, ReportData, StaffingRow } from "../../data/types.js";
import { block, h } from "../dom.js";
import { number, percent } from "../format.js";
import type { Names } from "../names.js";
import { barChart } from "../svg-bars.js";
import { dataTable, type Column } from "../table.js";

const FLAGS: [number, string][] = [
  [1, "much staff, little work"],
  [2, "little staff, much work"],
  [4, "above establishment"],
  [8, "high vacancy"],
];
const ITEM_NAMES: Record<string, string> = { guide: "Guide", legalBasis: "Legal basis", fee: "Fee", processingTime: "Processing time", channels: "Channels", contact: "Contact" };

/** A cell's colour bucket (five steps of the share scale), so a class colours it: the page allows no inline style. */
const bucket = (x: number | null) => (x === null ? "no-data" : `q${Math.min(4, Math.floor(x * 5))}`);

function staffing(data: ReportData, names: Names): HTMLElement[] {
  const s = data.staffingOpenness.staffing;
  return [
    h("p", { class: "headline" }, `${number(s.measured)} of ${number(s.departments)} departments have both staff and a measured caseload. Staff-weighted relative efficiency ${percent(s.efficiency)}; vacancy rate ${percent(s.vacancyRate)}; ${number(s.flagged.length)} departments flagged.`),
    block("Flagged departments", "Cases per staff member far below (much staff, little work) or above (little staff, much work) the median of comparable departments, more staff than authorized, or many posts unfilled. Relative efficiency is cases per staff member over the best comparable department's.",
      dataTable<StaffingRow>({
        caption: "Departments with a staffing flag",
        columns: [
          { label: "Department", value: (r) => names.department(r[0]) },
          { label: "Flags", value: (r) => FLAGS.filter(([bit]) => r[6] & bit).map(([, text]) => text).join(", ") },
          { label: "Compared with", value: (r) => (r[7] === "*" ? "every department" : r[7].replace("|", ", ")) },
          { label: "Staff", value: (r) => r[1], show: (r) => number(r[1], "unknown"), numeric: true },
          { label: "Cases a year", value: (r) => r[2], show: (r) => number(r[2]), numeric: true },
          { label: "Cases per staff", value: (r) => r[3], show: (r) => number(r[3]), numeric: true },
          { label: "Relative efficiency", value: (r) => r[4], show: (r) => percent(r[4]), numeric: true },
          { label: "Vacancy rate", value: (r) => r[5], show: (r) => percent(r[5]), numeric: true },
        ],
        rows: s.flagged,
        sort: { column: 6 },
        empty: "No department is flagged.",
      })),
  ];
}

function openness(data: ReportData, names: Names): HTMLElement[] {
  const o = data.staffingOpenness.openness;
  const shareOf = ([published, applicable]: [number, number]) => (applicable > 0 ? published / applicable : null);
  const bars = o.items.map((item, k) => {
    const x = shareOf(o.byItem[k]!);
    return { label: ITEM_NAMES[item] ?? item, values: [x], texts: [`${percent(x)} (${number(o.byItem[k]![0])}/${number(o.byItem[k]![1])})`] };
  });
  const itemColumns: Column<OpennessRow>[] = o.items.map((item, k) => {
    const counts = (r: OpennessRow): [number, number] => [r[3 + 2 * k] as number, r[4 + 2 * k] as number];
    return {
      label: ITEM_NAMES[item] ?? item,
      value: (r) => shareOf(counts(r)),
      show: (r) => (counts(r)[1] === 0 ? "n/a" : `${percent(shareOf(counts(r)))} (${counts(r)[0]}/${counts(r)[1]})`),
      numeric: true,
      cellClass: (r) => bucket(shareOf(counts(r))),
    };
  });
  return [
    h("p", { class: "headline" }, `${percent(o.share)} of the applicable items are published, over ${number(o.services)} active services; ${number(o.fullyPublished)} services publish every item that applies to them.`),
    h("figure", {}, barChart("Share of services publishing each item, where it applies", bars, 1), h("figcaption", {}, "Published over applicable, by item; the matrix below has each department's counts.")),
    block("Published-information matrix", "Each department's services: of those an item applies to, how many publish it (n/a: it applies to none). Darker cells publish less.",
      dataTable<OpennessRow>({
        caption: "Published items by department, least published first",
        columns: [
          { label: "Department", value: (r) => names.department(r[0]) },
          { label: "Services", value: (r) => r[1], numeric: true },
          { label: "All items", value: (r) => r[2], show: (r) => percent(r[2]), numeric: true, cellClass: (r) => bucket(r[2]) },
          ...itemColumns,
        ],
        rows: o.departments,
        sort: { column: 2 },
        empty: "No department has an active service.",
      })),
  ];
}

/** The staffing and openness section. */
export function mountStaffingOpenness(staffingRoot: HTMLElement, opennessRoot: HTMLElement, data: ReportData, names: Names): void {
  staffingRoot.append(...staffing(data, names));
  opennessRoot.append(...openness(data, names));
}

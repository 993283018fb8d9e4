import { compareIds, scoreOpenness, OPENNESS_ITEMS, type OpennessReport } from "../../index.js";
import { nameColumns } from "../names.js";
import { paragraph, rowsOf, table, type Block } from "../render/document.js";
import { count, countOf, formatCount, formatPercent, measuredShare, missingCell, percent } from "../render/numbers.js";
import { defineSection, type SectionView } from "./section.js";

/** Renders an openness report: items, the least open departments first, the overall share. @internal */
export function renderOpenness(r: OpennessReport, { names }: SectionView): Block[] {
  // Departments with nothing to measure (null share) last.
  const worst = [...r.departments].sort((a, b) => (a.share ?? 2) - (b.share ?? 2) || compareIds(a.departmentId, b.departmentId));
  const o = r.overall;
  return [
    table(
      "openness-items",
      ["item", { label: "applies to (services)", csv: "applicable" }, "published", { label: "share of applicable", csv: "share" }],
      OPENNESS_ITEMS.map((item) => [item, count(o.byItem[item].denominator), count(o.byItem[item].numerator), measuredShare(o.byItem[item], "")]),
      { whole: true },
    ),
    table(
      "openness-departments",
      [...nameColumns("department", "least open department"), "services", { label: "items published", csv: "published" }, { label: "share of applicable", csv: "share" }, "most missing"],
      rowsOf(worst, (d) => {
        const most = OPENNESS_ITEMS.filter((i) => d.missing[i] > 0).sort((a, b) => d.missing[b] - d.missing[a]);
        return [...names.pair("department", d.departmentId), count(d.services), countOf(d.published, d.applicable), d.share === null ? missingCell() : percent(d.share), most.slice(0, 3).join(", ") || "–"];
      }),
    ),
    paragraph(
      o.share.value === null
        ? `Overall: no data: the model records none of the items that apply to its ${formatCount(o.services)} active services.`
        : `Overall: ${formatPercent(o.share.value)} of applicable items published (${formatCount(o.share.numerator)} of ${formatCount(o.share.denominator)}); ` +
            `${formatCount(o.fullyPublished)} of ${formatCount(o.services)} active services publish every item the model records.`,
    ),
  ];
}

/** The openness section of `govgraph analyze`. @internal */
export const opennessSection = defineSection<OpennessReport>({
  id: "openness",
  title: "Openness (published service information)",
  weight: 0.5,
  run: (model) => scoreOpenness(model),
  render: renderOpenness,
});

import { compareIds, scoreTransparency, TRANSPARENCY_ITEMS, type TransparencyReport } from "../../index.js";
import { percent, renderTable, type Format } from "../render.js";
import { MISSING_TEXT, shareText } from "./measured.js";
import { defineSection } from "./section.js";

/** Departments listed in the "least open" table of text and Markdown (JSON has them all). */
const TOP = 10;

/** Renders a transparency report: items, the least open departments, the overall share. @internal */
export function renderTransparency(r: TransparencyReport, format: Format): string {
  const worst = [...r.departments].sort((a, b) => (a.share ?? 2) - (b.share ?? 2) || compareIds(a.departmentId, b.departmentId)).slice(0, TOP);
  const o = r.overall;
  return (
    renderTable(
      ["item", "applies to", "published", "share"],
      TRANSPARENCY_ITEMS.map((item) => [item, o.byItem[item].denominator, o.byItem[item].numerator, shareText(o.byItem[item])]),
      format,
    ) +
    renderTable(
      ["least open department", "services", "published", "share", "most missing"],
      worst.map((d) => {
        const most = TRANSPARENCY_ITEMS.filter((i) => d.missing[i] > 0).sort((a, b) => d.missing[b] - d.missing[a]);
        return [d.departmentId, d.services, `${d.published}/${d.applicable}`, d.share === null ? MISSING_TEXT.no_data : percent(d.share), most.slice(0, 3).join(", ") || "–"];
      }),
      format,
    ) +
    (o.share.value === null
      ? `Overall: no data: the model records none of the items that apply to its ${o.services} active services.\n\n`
      : `Overall: ${percent(o.share.value)} of applicable items published (${o.share.numerator}/${o.share.denominator}); ${o.fullyPublished} of ${o.services} active services publish every item the model records.\n\n`)
  );
}

/** The transparency section of `govgraph analyze`. @internal */
export const transparencySection = defineSection<TransparencyReport>({
  id: "transparency",
  title: "Openness (published service information)",
  run: (model) => scoreTransparency(model),
  render: renderTransparency,
});

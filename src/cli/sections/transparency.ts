import { compareIds, scoreTransparency, TRANSPARENCY_ITEMS, type TransparencyReport } from "../../index.js";
import { percent, renderTable, type Format } from "../render.js";
import { defineSection } from "./section.js";

/** Departments listed in the "least open" table of text and Markdown (JSON has them all). */
const TOP = 10;

/** Renders a transparency report: items, the least open departments, the overall share. @internal */
export function renderTransparency(r: TransparencyReport, format: Format): string {
  const worst = [...r.departments].sort((a, b) => a.share - b.share || compareIds(a.departmentId, b.departmentId)).slice(0, TOP);
  return (
    renderTable(
      ["item", "applies to", "published", "share"],
      TRANSPARENCY_ITEMS.map((item) => [item, r.overall.byItem[item].applicable, r.overall.byItem[item].published, percent(r.overall.byItem[item].share)]),
      format,
    ) +
    renderTable(
      ["least open department", "services", "published", "share", "most missing"],
      worst.map((d) => {
        const most = TRANSPARENCY_ITEMS.filter((i) => d.missing[i] > 0).sort((a, b) => d.missing[b] - d.missing[a]);
        return [d.departmentId, d.services, `${d.published}/${d.applicable}`, percent(d.share), most.slice(0, 3).join(", ") || "–"];
      }),
      format,
    ) +
    `Overall: ${percent(r.overall.share)} of applicable items published (${r.overall.published}/${r.overall.applicable}); ${r.overall.fullyPublished} of ${r.overall.services} active services publish everything.\n\n`
  );
}

/** The transparency section of `govgraph analyze`. @internal */
export const transparencySection = defineSection<TransparencyReport>({
  id: "transparency",
  title: "Openness (published service information)",
  run: (model) => scoreTransparency(model),
  render: renderTransparency,
});

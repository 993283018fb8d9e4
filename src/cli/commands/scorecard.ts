import {
  analyzeStaffing,
  compareIds,
  PILLARS,
  scorecard,
  scoreTransparency,
  TRANSPARENCY_ITEMS,
  type Model,
  type PillarId,
  type ScorecardInputs,
  type ScorecardReport,
  type StaffingReport,
  type TransparencyReport,
} from "../../index.js";
import { defineCommand, loadModel, UsageError, type CommandDef } from "../_command.js";
import { percent, renderHeading, renderJson, renderTable, type Format } from "../_render.js";
import type { AnalyzeSection, SectionOptions } from "./analyze.js";
import { journeysSection, num } from "./journeys.js";

/** Rows shown in the longest tables of a text or Markdown report (JSON has everything). @internal */
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

/** Renders a staffing report: flagged departments, then the totals. @internal */
export function renderStaffing(r: StaffingReport, format: Format): string {
  const flagged = r.departments.filter((d) => d.flags.length > 0);
  const s = r.summary;
  return (
    (flagged.length
      ? renderTable(
          ["department", "staff", "authorized", "cases", "cases/staff", "efficiency", "peers", "flags"],
          flagged.map((d) => [d.departmentId, num(d.staff), num(d.authorized), d.cases, num(d.casesPerStaff, 1), d.relativeEfficiency === null ? "–" : percent(d.relativeEfficiency), d.peerGroup, d.flags.join(", ")]),
          format,
        )
      : "No department stands out.\n\n") +
    renderTable(
      ["staffing", "value"],
      [
        ["departments (caseload measured)", `${s.departments} (${s.measured})`],
        ["staff in post / authorized", `${s.actual} / ${s.authorized}`],
        ["vacancy rate", s.vacancyRate === null ? "–" : percent(s.vacancyRate)],
        ["cases per staff member", num(s.casesPerStaff, 1)],
        ["relative efficiency (staff-weighted)", s.efficiency === null ? "–" : percent(s.efficiency)],
        ["much staff, little work", `${s.muchStaffLittleWork} departments, ${percent(s.staffInMuchStaffLittleWork)} of staff`],
        ["little staff, much work", `${s.littleStaffMuchWork} departments`],
      ],
      format,
    )
  );
}

/** Renders a scorecard: the pillars, the composite, and each pillar's indicators. @internal */
export function renderScorecard(r: ScorecardReport, format: Format): string {
  const score = (x: number | null) => (x === null ? "–" : x.toFixed(1));
  let out = renderTable(
    ["pillar", "score", "weight", "formula"],
    [...r.pillars.map((p) => [p.name, score(p.score), r.weights[p.id], p.formula]), ["Composite", score(r.composite), "", "weighted mean of the pillars with a score"]],
    format,
  );
  out += renderTable(
    ["pillar", "indicator", "value", "weight"],
    r.pillars.flatMap((p) =>
      p.indicators.map((i) => [p.id, i.label, i.value === null ? "–" : i.weight > 0 ? percent(i.value) : num(i.value), i.weight]),
    ),
    format,
  );
  return out;
}

/** Reports of earlier `analyze` sections that the scorecard can reuse (found by shape, not trusted by id). */
function earlier(options: SectionOptions, journeys: unknown): Partial<ScorecardInputs> {
  const out: Partial<ScorecardInputs> = {};
  for (const r of Object.values(options.reports)) {
    const x = r as Record<string, unknown> | null;
    if (typeof x !== "object" || x === null) continue;
    const summary = x.summary as Record<string, unknown> | undefined;
    if (typeof summary?.duplicatedShare === "number" && Array.isArray(x.duplication)) out.duplication = x as unknown as ScorecardInputs["duplication"];
    if (typeof x.reach === "number" && Array.isArray(x.gaps) && Array.isArray(x.byNeed)) out.coverage = x as unknown as ScorecardInputs["coverage"];
    if (typeof x.overall === "object" && Array.isArray(x.services) && Array.isArray(x.departments)) out.transparency = x as unknown as ScorecardInputs["transparency"];
    if (typeof summary?.measured === "number" && Array.isArray(x.departments)) out.staffing = x as unknown as ScorecardInputs["staffing"];
  }
  if (journeys) out.journeys = journeys as ScorecardInputs["journeys"];
  return out;
}

/** The transparency section of `govgraph analyze`. @internal */
export const transparencySection: AnalyzeSection<TransparencyReport> = {
  id: "transparency",
  title: "Openness (published service information)",
  run: (model) => scoreTransparency(model),
  text: (r) => renderTransparency(r, "text"),
  md: (r) => renderTransparency(r, "md"),
};

/** The staffing section of `govgraph analyze`. @internal */
export const staffingSection: AnalyzeSection<StaffingReport> = {
  id: "staffing",
  title: "Staffing",
  run: (model) => analyzeStaffing(model),
  text: (r) => renderStaffing(r, "text"),
  md: (r) => renderStaffing(r, "md"),
};

/** The scorecard section of `govgraph analyze`; reuses the reports of the sections before it. @internal */
export const scorecardSection: AnalyzeSection<ScorecardReport> = {
  id: "scorecard",
  title: "Reform scorecard",
  run: (model: Model, options: SectionOptions) => scorecard(model, { reports: earlier(options, options.reports[journeysSection.id]) }),
  text: (r) => renderScorecard(r, "text"),
  md: (r) => renderScorecard(r, "md"),
};

/** Parses `--weight pillar=2` options (repeatable, or comma-separated). @internal */
export function parseWeights(values: readonly string[] | undefined, command: CommandDef): Partial<Record<PillarId, number>> {
  const weights: Partial<Record<PillarId, number>> = {};
  for (const part of (values ?? []).flatMap((v) => v.split(","))) {
    const m = /^\s*([A-Za-z]+)\s*=\s*([0-9.]+)\s*$/.exec(part);
    if (!m || !(PILLARS as readonly string[]).includes(m[1]!) || !Number.isFinite(Number(m[2]))) {
      throw new UsageError(`Bad --weight "${part}". Use PILLAR=NUMBER with PILLAR one of ${PILLARS.join(", ")}.`, command);
    }
    weights[m[1] as PillarId] = Number(m[2]);
  }
  return weights;
}

/** `govgraph scorecard [file]`: the five reform pillars 0-100 and the composite. @internal */
export const scorecardCommand = defineCommand({
  name: "scorecard",
  summary: "Score the five reform pillars 0-100 (functions, services, innovation, openness, civil service) and a composite",
  args: [{ name: "file", description: "A model JSON file (default: the bundled example)" }],
  options: {
    weight: { type: "string", multiple: true, valueHint: "PILLAR=N", description: `Weight of a pillar in the composite (repeatable; default 1 each): ${PILLARS.join(", ")}` },
  },
  examples: ["govgraph scorecard", "govgraph scorecard model.json --weight civilService=2 --weight openness=0.5", "govgraph scorecard --format json"],
  run({ positionals, values, format, io }) {
    const weights = parseWeights(values.weight as string[] | undefined, scorecardCommand);
    const { source, model } = loadModel(io, positionals[0]);
    const report = scorecard(model, { weights });
    if (format === "json") return { output: renderJson(report) };
    return { output: renderHeading(`Reform scorecard: ${model.meta?.name ?? source}`, format, 1) + renderScorecard(report, format).replace(/\n+$/, "\n") };
  },
});

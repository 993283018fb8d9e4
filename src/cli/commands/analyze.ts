import { COLLECTIONS, compareIds, type Issue, type Model } from "../../index.js";
import { defineCommand, loadModel, UsageError, type FailOn } from "../_command.js";
import { progress } from "../_io.js";
import { countIssues, percent, renderHeading, renderIssues, renderJson, renderTable, type Format } from "../_render.js";
import { journeysSection } from "./journeys.js";
import { scorecardSection, staffingSection, transparencySection } from "./scorecard.js";
import { coverageSection } from "./coverage.js";
import { duplicationSection } from "./duplicates.js";

/** What every section's `run` receives besides the model. @internal */
export interface SectionOptions {
  /** The `--fail-on` kinds asked for; a section that finds one of them reports `failed: true` through `fails`. */
  failOn: readonly FailOn[];
  /** The validation warnings of the model. */
  warnings: readonly Issue[];
  /** Reports of the sections run before this one, by section id (the scorecard reuses them). */
  reports: Readonly<Record<string, unknown>>;
}

/**
 * One section of `govgraph analyze`: a report computed from the model, rendered as text or Markdown
 * (`--format json` prints every section's report under its id).
 *
 * To add an analysis: write `const mySection = defineSection<MyReport>({ id, title, run, text, md, fails? })` next to
 * the others below (`run` calls the library function, `text`/`md` render its report with the `_render.ts` helpers) and
 * append it to `SECTIONS`; give it `fails` when `--fail-on <kind>` should exit 3 on its findings.
 * @internal
 */
export interface AnalyzeSection<R = unknown> {
  id: string;
  title: string;
  run(model: Model, options: SectionOptions): R;
  text(report: R): string;
  md(report: R): string;
  /** True when the report holds findings of a `--fail-on` kind that was asked for (exit 3). */
  fails?(report: R, failOn: readonly FailOn[]): boolean;
}

/** Types a section and erases its report type so it fits in {@link SECTIONS}. @internal */
export function defineSection<R>(section: AnalyzeSection<R>): AnalyzeSection {
  return section as unknown as AnalyzeSection;
}

/** The model's size and shape. @internal */
export interface SummaryReport {
  name: string;
  counts: Record<(typeof COLLECTIONS)[number], number>;
  regionsByLevel: { level: string; regions: number; population: number }[];
  departmentsByLevel: { level: string; departments: number; staff: number }[];
  channelMix: { kind: string; services: number; share: number; endToEnd: number }[];
  servicesByStatus: { status: string; services: number }[];
}

const tally = <T>(items: readonly T[], key: (item: T) => string, add: (acc: number[], item: T) => void, width: number) => {
  const map = new Map<string, number[]>();
  for (const item of items) {
    const k = key(item);
    let acc = map.get(k);
    if (!acc) map.set(k, (acc = new Array<number>(width).fill(0)));
    add(acc, item);
  }
  return [...map.entries()].sort((a, b) => compareIds(a[0], b[0]));
};

/** Active services per channel kind (a service counts once per kind it offers) and how many of them end to end. */
function channelMix(active: readonly Model["services"][number][]): SummaryReport["channelMix"] {
  const counts = new Map<string, [services: number, endToEnd: number]>();
  for (const service of active) {
    // Channels are few per service: a kind counts where it first appears, end to end if any channel of it is.
    service.channels.forEach((channel, i) => {
      if (service.channels.findIndex((c) => c.kind === channel.kind) !== i) return;
      let acc = counts.get(channel.kind);
      if (!acc) counts.set(channel.kind, (acc = [0, 0]));
      acc[0] += 1;
      if (service.channels.some((c) => c.kind === channel.kind && c.endToEnd)) acc[1] += 1;
    });
  }
  return [...counts.entries()]
    .sort((a, b) => compareIds(a[0], b[0]))
    .map(([kind, [services, endToEnd]]) => ({ kind, services, share: active.length ? services / active.length : 0, endToEnd }));
}

/** Counts per collection, regions by level, departments by level, channel mix. @internal */
export const summarySection = defineSection<SummaryReport>({
  id: "summary",
  title: "Summary",
  run(model) {
    const active = model.services.filter((s) => (s.status ?? "active") === "active");
    return {
      name: model.meta?.name ?? "(unnamed model)",
      counts: Object.fromEntries(COLLECTIONS.map((c) => [c, model[c].length])) as SummaryReport["counts"],
      regionsByLevel: tally(model.regions, (r) => r.level ?? "(none)", (acc, r) => ((acc[0]! += 1), (acc[1]! += r.population ?? 0)), 2).map(
        ([level, [regions, population]]) => ({ level, regions: regions!, population: population! }),
      ),
      departmentsByLevel: tally(
        model.departments,
        (d) => d.level ?? "(none)",
        (acc, d) => ((acc[0]! += 1), (acc[1]! += d.staff?.actual ?? 0)),
        2,
      ).map(([level, [departments, staff]]) => ({ level, departments: departments!, staff: staff! })),
      channelMix: channelMix(active),
      servicesByStatus: tally(model.services, (s) => s.status ?? "active", (acc) => (acc[0]! += 1), 1).map(([status, [services]]) => ({
        status,
        services: services!,
      })),
    };
  },
  text: (r) => renderSummary(r, "text"),
  md: (r) => renderSummary(r, "md"),
});

function renderSummary(r: SummaryReport, format: Format): string {
  return (
    renderTable(["collection", "records"], COLLECTIONS.map((c) => [c, r.counts[c]]), format) +
    renderTable(["region level", "regions", "population"], r.regionsByLevel.map((x) => [x.level, x.regions, x.population]), format) +
    renderTable(["department level", "departments", "staff"], r.departmentsByLevel.map((x) => [x.level, x.departments, x.staff]), format) +
    renderTable(
      ["channel", "services", "share", "end to end"],
      r.channelMix.map((x) => [x.kind, x.services, percent(x.share), x.endToEnd]),
      format,
    ) +
    renderTable(["status", "services"], r.servicesByStatus.map((x) => [x.status, x.services]), format)
  );
}

/** The model's validation warnings (a model with errors never reaches analyze). @internal */
export const validationSection = defineSection<{ warnings: Issue[] }>({
  id: "validation",
  title: "Validation",
  run: (_model, { warnings }) => ({ warnings: [...warnings] }),
  text: (r) => (r.warnings.length ? renderIssues(r.warnings, "text") + "\n" : "No problems found.\n\n"),
  md: (r) => (r.warnings.length ? renderIssues(r.warnings, "md") : "No problems found.\n\n"),
});

/** The sections `govgraph analyze` runs, in order. Analyses append theirs here. @internal */
export const SECTIONS: AnalyzeSection[] = [summarySection, validationSection, defineSection(journeysSection), defineSection(transparencySection), defineSection(staffingSection), defineSection(coverageSection), defineSection(duplicationSection), defineSection(scorecardSection)];

/** `govgraph analyze [file]`: every analysis of the model, section by section. @internal */
export const analyze = defineCommand({
  name: "analyze",
  summary: "Analyse a model: summary, validation, and every analysis section",
  args: [{ name: "file", description: "A model JSON file (default: the bundled example)" }],
  options: {
    only: { type: "string", valueHint: "ID,ID", description: `Run only these sections (${SECTIONS.map((s) => s.id).join(", ")})` },
  },
  examples: ["govgraph analyze", "govgraph analyze model.json --format md --out report.md", "govgraph analyze model.json --fail-on duplication"],
  run({ positionals, values, format, failOn, io }) {
    const { source, model, issues } = loadModel(io, positionals[0]);
    const sections = selectSections(values.only as string | undefined, failOn);
    const reports: Record<string, unknown> = {};
    const options: SectionOptions = { failOn, warnings: issues, reports };
    let failed = false;
    for (const section of sections) {
      progress(io, `${section.title}...`);
      const report = section.run(model, options);
      reports[section.id] = report;
      if (failOn.length > 0 && section.fails?.(report, failOn)) failed = true;
    }
    const exitCode = failed ? 3 : 0;
    if (format === "json") return { output: renderJson({ source, sections: reports }), exitCode };
    const name = model.meta?.name ?? source;
    let output = renderHeading(`${name} (${source}; ${countIssues(issues)})`, format, 1);
    for (const section of sections) {
      output += renderHeading(section.title, format) + (format === "md" ? section.md(reports[section.id]) : section.text(reports[section.id]));
    }
    return { output: output.replace(/\n+$/, "\n"), exitCode };
  },
});

/** The section that checks each `--fail-on` kind: `--only` without it still runs it (and shows it). @internal */
export const FAIL_ON_SECTIONS: Readonly<Record<FailOn, string>> = { duplication: "duplication", gaps: "coverage" };

function selectSections(only: string | undefined, failOn: readonly FailOn[]): readonly AnalyzeSection[] {
  if (only === undefined) return SECTIONS;
  const ids = only.split(",").map((s) => s.trim()).filter(Boolean);
  for (const kind of failOn) if (!ids.includes(FAIL_ON_SECTIONS[kind])) ids.push(FAIL_ON_SECTIONS[kind]);
  return ids.map((id) => {
    const section = SECTIONS.find((s) => s.id === id);
    if (!section) throw new UsageError(`analyze: unknown section "${id}". Sections: ${SECTIONS.map((s) => s.id).join(", ")}.`, analyze);
    return section;
  });
}

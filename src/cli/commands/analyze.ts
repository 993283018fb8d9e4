import { toMermaid, type Model } from "../../index.js";
import { commaList, defineModelCommand, UsageError, type CommandContext, type FailOn } from "../command.js";
import { progress } from "../io.js";
import { Names } from "../names.js";
import { documentResult } from "../output.js";
import { failOnOption, TABLE_OPTION, VIEW_OPTIONS } from "../output-options.js";
import { diagram, heading, type Block } from "../render/document.js";
import { countIssues } from "../render/issues.js";
import { FAIL_ON_SECTIONS, SECTION_ALIASES, SECTIONS } from "../sections/index.js";
import type { AnalyzeSection, SectionOptions } from "../sections/section.js";

/** `govgraph analyze [file]`: every analysis of the model, section by section. @internal */
export const analyze = defineModelCommand({
  name: "analyze",
  summary: "Analyse a model: summary, validation, and every analysis section",
  options: {
    only: { type: "string", valueHint: "ID,ID", description: `Run only these sections (${SECTIONS.map((s) => s.id).join(", ")})` },
    ...VIEW_OPTIONS,
    ...TABLE_OPTION,
    ...failOnOption(),
  },
  examples: ["", "model.json --format md --out report.md", "model.json --format csv --out tables/", "model.json --fail-on duplication"],
  stages: (ctx) => sectionsOf(ctx).map((s) => ({ prefix: s.title, weight: s.weight ?? 1 })),
  run({ source, name, model, issues }, ctx) {
    const { failOn, io } = ctx;
    const sections = sectionsOf(ctx);
    const reports: Record<string, unknown> = {};
    const options: SectionOptions = { failOn, warnings: issues, reports };
    let failed = false;
    for (const section of sections) {
      progress(io, `${section.title}...`);
      const report = section.run(model, options);
      reports[section.id] = report;
      if (failOn.length > 0 && section.fails?.(report, failOn)) failed = true;
    }
    // JSON prints the reports as they are: the blocks (and the Markdown-only diagram) are drawn only when shown.
    const blocks = ctx.format === "json" ? [] : documentBlocks(model, sections, reports, ctx.format === "md");
    blocks.unshift(heading(`${name} (${source}; ${countIssues(issues)})`, 1));
    return documentResult(ctx, { blocks, json: () => ({ source, sections: reports }) }, failed ? 3 : 0);
  },
});

/** The sections' blocks, each under its heading; with `withDiagram`, the department diagram after the duplication section. */
function documentBlocks(model: Model, sections: readonly AnalyzeSection[], reports: Record<string, unknown>, withDiagram: boolean): Block[] {
  // Coverage and duplication (the scorecard runs them too) build the model's index: names are read from it then.
  const view = { names: new Names([model], sections.some((s) => s.indexes)) };
  const blocks: Block[] = [];
  for (const section of sections) {
    blocks.push(heading(section.title), ...section.render(reports[section.id], view));
    if (withDiagram && section.id === "duplication") blocks.push(departmentDiagram(model));
  }
  return blocks;
}

/** The sections to run: all, or those `--only` names plus those `--fail-on` needs. */
function sectionsOf({ values, failOn }: CommandContext): readonly AnalyzeSection[] {
  const ids = commaList(values, "only", analyze);
  return ids === undefined ? SECTIONS : selectSections(ids, failOn);
}

function selectSections(names: string[], failOn: readonly FailOn[]): readonly AnalyzeSection[] {
  const ids = names.map((id) => (Object.hasOwn(SECTION_ALIASES, id) ? SECTION_ALIASES[id]! : id));
  for (const kind of failOn) if (!ids.includes(FAIL_ON_SECTIONS[kind])) ids.push(FAIL_ON_SECTIONS[kind]);
  return ids.map((id) => {
    const section = SECTIONS.find((s) => s.id === id);
    if (!section) throw new UsageError(`analyze: unknown section "${id}". Sections: ${SECTIONS.map((s) => s.id).join(", ")}.`, analyze);
    return section;
  });
}

/** Links drawn in the Markdown report's diagram: enough to see the pattern, few enough for a Markdown viewer. */
const DIAGRAM_LINKS = 100;

/**
 * Markdown only, after the duplication section: the departments that hold the same functions as a Mermaid
 * diagram (`toMermaid`, department level), the pairs sharing the most drawn and the others counted in a note.
 */
function departmentDiagram(model: Model): Block {
  const caption = `Departments with overlapping jurisdictions that hold the same functions (at most ${DIAGRAM_LINKS} links, the pairs sharing the most):`;
  return diagram(caption, toMermaid(model, { level: "department", maxEdges: DIAGRAM_LINKS }));
}

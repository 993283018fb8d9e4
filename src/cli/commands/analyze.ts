import { toMermaid, type Model } from "../../index.js";
import { defineModelCommand, UsageError, type FailOn } from "../command.js";
import { progress } from "../io.js";
import { countIssues, renderHeading, renderJson } from "../render.js";
import { FAIL_ON_SECTIONS, SECTIONS } from "../sections/index.js";
import type { AnalyzeSection, SectionOptions } from "../sections/section.js";

/** `govgraph analyze [file]`: every analysis of the model, section by section. @internal */
export const analyze = defineModelCommand({
  name: "analyze",
  summary: "Analyse a model: summary, validation, and every analysis section",
  options: {
    only: { type: "string", valueHint: "ID,ID", description: `Run only these sections (${SECTIONS.map((s) => s.id).join(", ")})` },
  },
  examples: ["", "model.json --format md --out report.md", "model.json --fail-on duplication"],
  run({ source, name, model, issues }, { values, format, failOn, io }) {
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
    let output = renderHeading(`${name} (${source}; ${countIssues(issues)})`, format, 1);
    for (const section of sections) {
      output += renderHeading(section.title, format) + section.render(reports[section.id], format === "md" ? "md" : "text");
      if (format === "md" && section.id === "duplication") output += departmentDiagram(model);
    }
    return { output: output.replace(/\n+$/, "\n"), exitCode };
  },
});

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

/** Links drawn in the Markdown report's diagram: enough to see the pattern, few enough for a Markdown viewer. */
const DIAGRAM_LINKS = 100;

/**
 * Markdown only, after the duplication section: the departments that hold the same functions as a Mermaid
 * diagram (`toMermaid`, department level), the pairs sharing the most drawn and the others counted in a note.
 */
function departmentDiagram(model: Model): string {
  const diagram = toMermaid(model, { level: "department", maxEdges: DIAGRAM_LINKS });
  return `Departments with overlapping jurisdictions that hold the same functions (at most ${DIAGRAM_LINKS} links, the pairs sharing the most):\n\n\`\`\`mermaid\n${diagram}\`\`\`\n\n`;
}

import type { Issue, Model } from "../../index.js";
import type { FailOn } from "../command.js";
import type { Names } from "../names.js";
import type { Block } from "../render/document.js";

/** What every section's `run` receives besides the model. @internal */
export interface SectionOptions {
  /** The `--fail-on` kinds asked for; a section that finds one of them says so through `fails`. */
  failOn: readonly FailOn[];
  /** The validation warnings of the model. */
  warnings: readonly Issue[];
  /** Reports of the sections run before this one, by section id (read them with {@link earlierReport}). */
  reports: Readonly<Record<string, unknown>>;
}

/** What a section's `render` receives besides its report: the names of the model's records. @internal */
export interface SectionView {
  names: Names;
}

/**
 * One section of `govgraph analyze`: a report computed from the model, drawn as blocks (tables, paragraphs)
 * that text, Markdown and CSV share (`--format json` prints every section's report under its id).
 *
 * To add an analysis: write `export const mySection = defineSection<MyReport>({ id, title, run, render, fails? })` in
 * a file of its own in this folder (`run` calls the library function, `render` returns its blocks, built with
 * `../render/document.ts` and the number cells of `../render/numbers.ts`; table ids start with the section's id)
 * and append it to `SECTIONS` in `./index.ts`; give it `fails` when `--fail-on <kind>` should exit 3 on its findings.
 * @internal
 */
export interface AnalyzeSection<R = unknown> {
  id: string;
  title: string;
  /** True when its analysis builds the model's index (`indexModel`), which the tables' names then read. */
  indexes?: boolean;
  /** Its time on a large model, in units of the time to read 1/24 of the model (progress; default 1). */
  weight?: number;
  run(model: Model, options: SectionOptions): R;
  render(report: R, view: SectionView): Block[];
  /** True when the report holds findings of a `--fail-on` kind that was asked for (exit 3). */
  fails?(report: R, failOn: readonly FailOn[]): boolean;
}

/** Types a section by its report. @internal */
export function defineSection<R>(section: AnalyzeSection<R>): AnalyzeSection<R> {
  return section;
}

/** The report an earlier section of the same run made, found by that section's id; undefined when it did not run. @internal */
export function earlierReport<R>(options: SectionOptions, section: AnalyzeSection<R>): R | undefined {
  return options.reports[section.id] as R | undefined;
}

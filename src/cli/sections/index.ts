import type { FailOn } from "../command.js";
import { coverageSection } from "./coverage.js";
import { duplicationSection } from "./duplication.js";
import { journeysSection } from "./journeys.js";
import { opennessSection } from "./openness.js";
import { scorecardSection } from "./scorecard.js";
import type { AnalyzeSection } from "./section.js";
import { staffingSection } from "./staffing.js";
import { summarySection } from "./summary.js";
import { validationSection } from "./validation.js";

/** The sections `govgraph analyze` runs, in order; the scorecard comes after the reports it reuses. @internal */
export const SECTIONS: readonly AnalyzeSection[] = [
  summarySection,
  validationSection,
  journeysSection,
  opennessSection,
  staffingSection,
  coverageSection,
  duplicationSection,
  scorecardSection,
];

/** The section that checks each `--fail-on` kind: `--only` without it still runs it (and shows it). @internal */
export const FAIL_ON_SECTIONS: Readonly<Record<FailOn, string>> = { duplication: duplicationSection.id, gaps: coverageSection.id };

/** Former section ids that `--only` still takes: `transparency` is the `openness` section. @internal */
export const SECTION_ALIASES: Readonly<Record<string, string>> = { transparency: "openness" };

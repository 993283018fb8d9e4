import { describe, expect, it } from "vitest";
import { exampleCounty, findDuplication, scorecard, type DuplicationReport } from "../../../src/index.js";
import { SECTIONS } from "../../../src/cli/sections/index.js";
import { scorecardSection } from "../../../src/cli/sections/scorecard.js";
import type { SectionOptions } from "../../../src/cli/sections/section.js";

const options = (reports: Record<string, unknown>): SectionOptions => ({ failOn: [], warnings: [], reports });
const allocation = (report: ReturnType<typeof scorecard>) => report.pillars.find((p) => p.id === "functionAllocation")!;

describe("the scorecard section of analyze", () => {
  // A duplication report that says nothing is duplicated: the function-allocation pillar shows whether it was used.
  const none: DuplicationReport = (() => {
    const real = findDuplication(exampleCounty);
    const nothing = { ...real.summary.duplicatedShare, value: 0, numerator: 0 };
    return { ...real, summary: { ...real.summary, duplicatedShare: nothing, fragmentedShare: nothing }, duplication: [], fragmentation: [] };
  })();

  it("reuses the report of an earlier section found by that section's id", () => {
    const reused = scorecardSection.run(exampleCounty, options({ duplication: none }));
    expect(allocation(reused)).toEqual(allocation(scorecard(exampleCounty, { reports: { duplication: none } })));
    // Nothing duplicated or fragmented: 100, where the county's own report gives less.
    expect(allocation(reused).score.value).toBe(100);
    expect(allocation(scorecard(exampleCounty)).score.value).toBeLessThan(100);
  });

  it("does not take a report kept under another id for it, whatever its shape", () => {
    const elsewhere = scorecardSection.run(exampleCounty, options({ summary: none, coverage: undefined }));
    expect(elsewhere).toEqual(scorecard(exampleCounty));
  });

  it("comes after the five sections it reuses", () => {
    const ids = SECTIONS.map((s) => s.id);
    for (const id of ["journeys", "openness", "staffing", "coverage", "duplication"]) expect(ids.indexOf(id)).toBeLessThan(ids.indexOf("scorecard"));
  });
});

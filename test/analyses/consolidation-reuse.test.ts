import { describe, expect, it, vi } from "vitest";
import { analyzeDuplication } from "../../src/analyses/duplication/find-duplication.js";
import { exampleCounty, findDuplication, suggestConsolidation } from "../../src/index.js";

// Count the duplication analyses consolidation runs itself (findDuplication's own run is not counted).
vi.mock(import("../../src/analyses/duplication/find-duplication.js"), async (original) => {
  const actual = await original();
  return { ...actual, analyzeDuplication: vi.fn(actual.analyzeDuplication) };
});

describe("suggestConsolidation with a duplication report", () => {
  it("reuses the analysis behind a report findDuplication returned for the same model", () => {
    const runs = vi.mocked(analyzeDuplication);
    runs.mockClear();
    suggestConsolidation(exampleCounty);
    expect(runs).toHaveBeenCalledTimes(1);
    const report = findDuplication(exampleCounty);
    runs.mockClear();
    suggestConsolidation(exampleCounty, { overlapThreshold: 0.4, seed: 3, duplication: report });
    expect(runs).not.toHaveBeenCalled();
  });

  it("runs the analysis when the report counted other roles, or is a copy", () => {
    const runs = vi.mocked(analyzeDuplication);
    for (const duplication of [findDuplication(exampleCounty, { roles: ["support"] }), structuredClone(findDuplication(exampleCounty))]) {
      runs.mockClear();
      suggestConsolidation(exampleCounty, { duplication });
      expect(runs).toHaveBeenCalledTimes(1);
    }
  });
});

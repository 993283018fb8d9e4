import { describe, expect, it } from "vitest";
import { DuplicateGroups } from "../../src/analyses/duplication/duplicate-groups.js";

describe("DuplicateGroups", () => {
  // Departments 0-5; 0, 1 and 2 sit in region 0 (a province), 3 and 4 in region 1 (a county), 5 in region 2.
  const regionOf = Int32Array.from([0, 0, 0, 1, 1, 2]);

  it("pairs every two members of a horizontal finding, and nobody outside it", () => {
    const groups = new DuplicateGroups(6, regionOf);
    groups.add([0, 1, 2], [7], false);
    expect([groups.has(0, 2), groups.has(2, 1), groups.has(0, 3), groups.has(1, 1)]).toEqual([true, true, false, false]);
  });

  it("pairs only members of different levels in a vertical function finding", () => {
    const groups = new DuplicateGroups(6, regionOf);
    groups.add([0, 1, 3, 4], [7], true);
    expect([groups.has(0, 3), groups.has(4, 1), groups.has(0, 1), groups.has(3, 4)]).toEqual([true, true, false, false]);
    // A horizontal finding of the same departments makes the same-level pair a duplicate after all.
    groups.add([3, 4], [7], false);
    expect([groups.has(3, 4), groups.has(0, 1), groups.size]).toEqual([true, false, 2]);
    expect(Array.from(groups.membersOf(1))).toEqual([3, 4]);
    expect(Array.from(groups.functionsOfGroup(0))).toEqual([7]);
  });
});

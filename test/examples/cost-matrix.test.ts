import { describe, expect, it } from "vitest";
import { accessFromMatrix, SAMPLE_MATRIX } from "../../examples/cost-matrix.js";

describe("examples/cost-matrix.ts (the runnable example of docs/accessibility.md)", () => {
  it("streams the sample matrix and shares the clinics out: 2SFCA within 30 minutes", async () => {
    // clinic: 5 doctors for north (1000) and south (3000); hospital: 20 for south only; east reaches nothing.
    const rows = await accessFromMatrix(new Blob([SAMPLE_MATRIX]).stream());
    expect(rows.map((r) => r.id)).toEqual(["north", "south", "east"]);
    expect(rows[0]!.access).toBeCloseTo(5 / 4000, 15);
    expect(rows[1]!.access).toBeCloseTo(5 / 4000 + 20 / 3000, 15);
    expect(rows[2]!.access).toBeNaN();
  });
});

import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../../src/index.js";
import { runIn } from "../run-cli.js";

const fixtures = join(import.meta.dirname, "../..", "fixtures", "journeys");

const run = (argv: string[], cwd = fixtures) => runIn(cwd, argv);

describe("govgraph journeys", () => {
  it("prints each journey and the demand-weighted summary", async () => {
    const { code, stdout } = await run(["journeys", "newborn-and-business.json"]);
    expect(code).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "Journeys: Two journeys worked out on paper: a newborn and a new business
      ========================================================================

      need        services  departments  visits  evidence  reused  once-only  repeats  online e2e  days  critical path
      n-business         2            2       1         2       1      50.0%        0       50.0%     3  s-tax
      n-newborn          4            3       3         8       2      25.0%        3       25.0%    10  s-birth-cert > s-insurance > s-allowance

      weighted by demand              value
      journeys                                     2
      in-person visits per journey               2.2
      departments per journey                    2.6
      evidence requests per journey              5.6
      once-only rate                           28.6%
      repeat submissions per journey             1.8
      steps online end to end                  35.0%
      days along the critical path               7.2
      run at most once (<= 1 visit)   40.0% (1 of 2)
      "
    `);
  });
});

describe("govgraph scorecard", () => {
  it("prints the pillars, and takes the caller's weights", async () => {
    const plain = JSON.parse((await run(["scorecard", "newborn-and-business.json", "--format", "json"])).stdout);
    const weighted = JSON.parse((await run(["scorecard", "newborn-and-business.json", "--format", "json", "--weight", "governanceInnovation=3"])).stdout);
    expect(plain.pillars.map((p: { id: string }) => p.id)).toEqual(["functionAllocation", "publicServiceLevel", "governanceInnovation", "openness", "civilService"]);
    expect(weighted.weights.governanceInnovation).toBe(3);
    // The fixture has no functions, published flags or staff: the composite stands on two pillars. Weighing
    // innovation 3 adds it twice more to their mean.
    expect(plain.composite.leftOut).toEqual(["functionAllocation", "openness", "civilService"]);
    const innovation = plain.pillars.find((p: { id: string }) => p.id === "governanceInnovation").score.value;
    expect(weighted.composite.value).toBeCloseTo((2 * plain.composite.value + 2 * innovation) / 4, 9);
    expect(weighted.composite.coverageOfWeights).toBeCloseTo(4 / 7, 12);
    expect(weighted.composite.value).not.toBeCloseTo(plain.composite.value, 3);
    const text = (await run(["scorecard", "newborn-and-business.json"])).stdout;
    expect(text).toContain("Governance innovation");
    expect(text).toContain("Composite");
  });

  it("is a usage error (exit 2) to weigh an unknown pillar", async () => {
    const { code, stderr } = await run(["scorecard", "--weight", "speed=2"]);
    expect(code).toBe(2);
    expect(stderr).toContain('Bad --weight "speed=2"');
  });
});

describe("govgraph scenario", () => {
  it("applies the operations and prints what moved", async () => {
    const { code, stdout } = await run(["scenario", "newborn-and-business.json", "digitise-and-merge.ops.json"]);
    expect(code).toBe(0);
    expect(stdout).toContain('0  digitizeService   made "s-hukou" available online end to end');
    expect(stdout).toContain("journeys (demand-weighted): inPersonVisits");
    expect(stdout).toMatch(/departments +removed 1: d-tax\n/);
  });

  it("writes the new model with --out and still prints the comparison", async () => {
    const dir = mkdtempSync(join(tmpdir(), "govgraph-scenario-"));
    const out = join(dir, "after.json");
    const { code, stdout } = await run(["scenario", join(fixtures, "newborn-and-business.json"), join(fixtures, "digitise-and-merge.ops.json"), "--out", out], dir);
    expect(code).toBe(0);
    expect(stdout).toContain("scorecard");
    const after = parseModel(JSON.parse(readFileSync(out, "utf8")));
    expect(after.departments.map((d) => d.id)).not.toContain("d-tax");
  });

  it("names the operation's index when an id is unknown (exit 1), and writes nothing", async () => {
    const { code, stdout, stderr } = await run(["scenario", "newborn-and-business.json", "unknown-service.ops.json"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain('invalid_operation: applyScenario: operation 1 (retireService) names unknown service "s-nowhere"');
  });
});

describe("govgraph compare", () => {
  it("finds no difference between a model and itself", async () => {
    const { code, stdout } = await run(["compare", "newborn-and-business.json", "newborn-and-business.json"]);
    expect(code).toBe(0);
    expect(stdout).toContain("No record differs.");
    expect(stdout).not.toMatch(/[+-]\d/);
  });
});

describe("govgraph analyze", () => {
  it("includes the journeys, transparency, staffing and scorecard sections", async () => {
    const { stdout } = await run(["analyze", "newborn-and-business.json", "--format", "json"]);
    const sections = Object.keys(JSON.parse(stdout).sections);
    for (const id of ["journeys", "transparency", "staffing", "scorecard"]) expect(sections).toContain(id);
    expect(sections.indexOf("scorecard")).toBe(sections.length - 1);
  });
});

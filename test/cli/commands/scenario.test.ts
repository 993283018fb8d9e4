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

      journey (need)       steps  depts  visits  evidence asked  asked  once-only   online e2e    days
                                                                 again  (% reused)  (% of steps)
      Having a baby            4      3       3               8      3       25.0%         25.0%    10
      Starting a business      2      2       1               2      0       50.0%         50.0%     3

      journey (need)       critical path (the steps that set its days)
      Having a baby        Birth certificate > Child health insurance > Child allowance
      Starting a business  Tax registration

      journeys, weighted by demand      value
      journeys                          2
      in-person visits per journey      2.20
      departments per journey           2.60
      evidence requests per journey     5.60
      once-only rate                    28.6% of evidence requests reused
      evidence asked again per journey  1.80
      steps online end to end           35.0% of steps
      days along the critical path      7.2
      run at most once (<= 1 visit)     40.0% of demand (1 of 2 journeys)
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
    const { code, stdout } = await run(["scenario", "newborn-and-business.json", "digitize-and-merge.ops.json"]);
    expect(code).toBe(0);
    expect(stdout).toContain('0  digitizeService   made "s-hukou" available online end to end');
    expect(stdout).toContain("journeys (weighted by demand): inPersonVisits");
    expect(stdout).toMatch(/departments +removed +1 +Tax Bureau \(d-tax\)\n/);
  });

  it("writes the changed model to --model-out, and the report to --out like every command", async () => {
    const dir = mkdtempSync(join(tmpdir(), "govgraph-scenario-"));
    const args = [join(fixtures, "newborn-and-business.json"), join(fixtures, "digitize-and-merge.ops.json")];
    const { code, stdout } = await run(["scenario", ...args, "--model-out", "after.json", "--out", "report.md", "--format", "md"], dir);
    expect([code, stdout]).toEqual([0, ""]);
    const after = parseModel(JSON.parse(readFileSync(join(dir, "after.json"), "utf8")));
    expect(after.departments.map((d) => d.id)).not.toContain("d-tax");
    expect(readFileSync(join(dir, "report.md"), "utf8")).toMatch(/^# Scenario .*\n\n\| # \| operation \| what it did \|/);
    const printed = await run(["scenario", ...args, "--model-out", "again.json"], dir);
    expect(printed.stdout).toContain("scorecard (0-100)");
    expect(readFileSync(join(dir, "again.json"), "utf8")).toBe(readFileSync(join(dir, "after.json"), "utf8"));
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
    expect(stdout).toContain("No indicator moved.");
    expect(stdout).not.toMatch(/ [+-]\d/);
  });
});

describe("govgraph analyze", () => {
  it("includes the journeys, openness, staffing and scorecard sections", async () => {
    const { stdout } = await run(["analyze", "newborn-and-business.json", "--format", "json"]);
    const sections = Object.keys(JSON.parse(stdout).sections);
    for (const id of ["journeys", "openness", "staffing", "scorecard"]) expect(sections).toContain(id);
    expect(sections.indexOf("scorecard")).toBe(sections.length - 1);
  });
});

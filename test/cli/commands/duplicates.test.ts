import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runIn } from "../run-cli.js";

const fixtures = join(import.meta.dirname, "../..", "fixtures", "duplication");

const run = (argv: string[]) => runIn(fixtures, argv);

describe("govgraph duplicates", () => {
  it("prints the summary, the findings and the merge candidates as text", async () => {
    const { code, stdout } = await run(["duplicates", "two-bureaus-license-the-same-activity.json"]);
    expect(code).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "Duplication: Two bureaus of one county both license food stalls: horizontal duplication, fragmentation by volume (2 findings)
      =============================================================================================================================

      measure                       value
      functions held                         1
      duplicated functions          1 (100.0%)
      fragmented functions          1 (100.0%)
      fragmented needs                       0
      duplicated services                    2
      duplication findings                   2
      fragmentation findings                 1
      overlapping department pairs           0
      near-duplicate functions               0

      duplication  what                                        scope       departments     where
      function     food-stall-licence                          horizontal  health, market  county
      service      health-stall-licence, market-stall-licence  horizontal  health, market  county

      most fragmented     kind      jurisdiction  departments  HHI    effective number
      Food stall licence  function  county                  2  0.625               1.6

      merge candidates  departments     removes duplication of  staff    budget
      #1                health, market  food-stall-licence      unknown  unknown

      small department  functions  staff    could fold into  because
      health                    1  unknown  market           highest overlap
      market                    1  unknown  health           highest overlap
      "
    `);
  });

  it("exits 3 with --fail-on duplication when there is some, 0 when there is none", async () => {
    expect((await run(["duplicates", "two-bureaus-license-the-same-activity.json", "--fail-on", "duplication"])).code).toBe(3);
    expect((await run(["duplicates", "two-counties-each-with-own-bureau.json", "--fail-on", "duplication"])).code).toBe(0);
    expect((await run(["duplicates", "county-bureau-and-provincial-department.json", "--scope", "horizontal", "--fail-on", "duplication"])).code).toBe(0);
    expect((await run(["analyze", "two-bureaus-license-the-same-activity.json", "--only", "duplication", "--fail-on", "duplication"])).code).toBe(3);
  });

  it("writes each table as CSV and the whole report as JSON", async () => {
    expect((await run(["duplicates", "county-bureau-and-provincial-department.json", "--format", "csv"])).stdout).toBe(
      "kind,ids,scope,departmentIds,regionIds,functionIds,segmentIds\nfunction,discharge-permit,vertical,east-env|prov-env,east|prov,discharge-permit,\n",
    );
    expect((await run(["duplicates", "near-duplicate-function-names.json", "--format", "csv", "--table", "near"])).stdout).toMatchInlineSnapshot(`
      "functionA,functionB,similarity
      f-business-licence,f-business-licence-2,0.875
      f-permis,f-permis-2,1
      f-yingye,f-yingye-2,0.857143
      "
    `);
    const json = JSON.parse((await run(["duplicates", "overlapping-departments.json", "--format", "json"])).stdout);
    expect(Object.keys(json)).toEqual(["fragmentation", "duplication", "overlap", "nearDuplicateFunctions", "summary", "consolidation"]);
    expect(json.overlap[0]).toEqual({ departmentIds: ["culture", "sports"], score: 0.5, basis: "functions", shared: ["events", "venues"] });
  });

  it("runs on the bundled example and in analyze", async () => {
    const { code, stdout } = await run(["duplicates"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Duplication: /);
    expect(stdout).toContain("merge candidates");
    const analyze = await run(["analyze", "--format", "json", "--only", "duplication"]);
    expect(JSON.parse(analyze.stdout).sections.duplication.summary.duplicatedFunctions).toBeGreaterThan(0);
  });

  it("rejects bad option values with exit 2", async () => {
    const bad = await run(["duplicates", "--overlap-threshold", "2"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('duplicates: --overlap-threshold "2" is not a number in (0, 1].');
    expect((await run(["duplicates", "--include", "everything"])).code).toBe(2);
    expect((await run(["duplicates", "--roles", "boss"])).code).toBe(2);
  });
});

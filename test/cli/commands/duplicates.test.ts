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
      "Duplication: Two bureaus of one county both license food stalls: horizontal duplication,
      fragmentation by volume (2 findings)
      ========================================================================================

      duplication                           value
      functions held by some department     1
      duplicated functions (of those held)  1 of 1 (100.0%)
      fragmented functions (of those held)  1 of 1 (100.0%)
      fragmented needs                      0
      duplicated services                   2
      duplication findings                  2
      fragmentation findings                1
      overlapping department pairs          0
      near-duplicate functions              0

      Duplication findings:
      function  Food stall licence
          id              food-stall-licence
          scope           horizontal
          departments     Health Bureau; Market Regulation Bureau
          department ids  health, market
          where           County
      service  Stall licence (health); Stall licence (market)
          id              health-stall-licence, market-stall-licence
          scope           horizontal
          departments     Health Bureau; Market Regulation Bureau
          department ids  health, market
          where           County

      most fragmented     kind      jurisdiction  depts  HHI    effective number
      Food stall licence  function  County            2  0.625               1.6

      No two departments overlap above the threshold.

      No two function names are near-duplicates.

      Merge candidates:
      #1  Health Bureau; Market Regulation Bureau
          department ids          health, market
          removes duplication of  Food stall licence
          staff                   unknown
          budget                  unknown

      small department          id      functions  staff    could fold into           because
      Health Bureau             health          1  unknown  Market Regulation Bureau  highest overlap
      Market Regulation Bureau  market          1  unknown  Health Bureau             highest overlap
      "
    `);
  });

  it("says which parts --include left out instead of reporting none found", async () => {
    const { code, stdout } = await run(["duplicates", "two-bureaus-license-the-same-activity.json", "--include", "fragmentation"]);
    expect(code).toBe(0);
    expect(stdout.split("\n\n").slice(0, 4).join("\n\n")).toMatchInlineSnapshot(`
      "Duplication: Two bureaus of one county both license food stalls: horizontal duplication,
      fragmentation by volume (duplication not computed)
      ========================================================================================

      duplication                           value
      functions held by some department     1
      duplicated functions (of those held)  not computed
      fragmented functions (of those held)  1 of 1 (100.0%)
      fragmented needs                      0
      duplicated services                   not computed
      duplication findings                  not computed
      fragmentation findings                1
      overlapping department pairs          not computed
      near-duplicate functions              not computed

      Duplication not computed (left out of --include).

      most fragmented     kind      jurisdiction  depts  HHI    effective number
      Food stall licence  function  County            2  0.625               1.6"
    `);
  });

  it("exits 3 with --fail-on duplication when there is some, 0 when there is none", async () => {
    expect((await run(["duplicates", "two-bureaus-license-the-same-activity.json", "--fail-on", "duplication"])).code).toBe(3);
    expect((await run(["duplicates", "two-counties-each-with-own-bureau.json", "--fail-on", "duplication"])).code).toBe(0);
    expect((await run(["duplicates", "county-bureau-and-provincial-department.json", "--scope", "horizontal", "--fail-on", "duplication"])).code).toBe(0);
    expect((await run(["analyze", "two-bureaus-license-the-same-activity.json", "--only", "duplication", "--fail-on", "duplication"])).code).toBe(3);
  });

  it("writes each table as CSV and the whole report as JSON", async () => {
    expect((await run(["duplicates", "county-bureau-and-provincial-department.json", "--format", "csv", "--table", "duplication-findings"])).stdout).toBe(
      "duplicated,names,ids,scope,departmentNames,departmentIds,regionNames,regionIds\n" +
        "function,Discharge permit,discharge-permit,vertical,East County Environment Bureau|Provincial Environment Department,east-env|prov-env,East County|Province,east|prov\n",
    );
    expect((await run(["duplicates", "near-duplicate-function-names.json", "--format", "csv", "--table", "duplication-near-functions"])).stdout).toMatchInlineSnapshot(`
      "functionName,functionId,otherFunctionName,otherFunctionId,similarity
      Issuance of business licences,f-business-licence,Issuance of business licenses,f-business-licence-2,0.875
      Délivrance du permis de conduire,f-permis,DELIVRANCE DU PERMIS DE CONDUIRE,f-permis-2,1
      营业执照核发登记,f-yingye,营业执照核发、登记,f-yingye-2,0.857143
      "
    `);
    // A table without rows still has its header, so scripts can ask for it whatever the model holds.
    expect((await run(["duplicates", "two-counties-each-with-own-bureau.json", "--format", "csv", "--table", "duplication-findings"])).stdout).toBe(
      "duplicated,names,ids,scope,departmentNames,departmentIds,regionNames,regionIds\n",
    );
    const json = JSON.parse((await run(["duplicates", "overlapping-departments.json", "--format", "json"])).stdout);
    expect(Object.keys(json)).toEqual(["fragmentation", "duplication", "overlap", "nearDuplicateFunctions", "summary", "consolidation"]);
    expect(json.overlap[0]).toEqual({ departmentIds: ["culture", "sports"], score: 0.5, basis: "functions", shared: ["events", "venues"] });
  });

  it("runs on the bundled example and in analyze", async () => {
    const { code, stdout } = await run(["duplicates"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Duplication: /);
    expect(stdout).toContain("removes duplication of");
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

import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runIn } from "../run-cli.js";

const fixtures = join(import.meta.dirname, "../..", "fixtures", "coverage");

const run = (argv: string[]) => runIn(fixtures, argv);

describe("govgraph coverage", () => {
  it("prints reach, capacity and the gaps as text", async () => {
    const { code, stdout } = await run(["coverage", "point-in-and-out-of-reach.json"]);
    expect(code).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "Coverage: A window in North (capacity 500) reaches North (0 km), not South (44.5 km)
      ====================================================================================

      coverage                           value
      demand (cases a year)              4,000
      reached                            25.0% of demand
      reached within capacity            12.5% of demand
      Gini of regional reach (0 = even)  0.750
      gaps (unreached cells)             1 cell, 3,000 cases a year (75.0% of demand)

      need                   id        demand (cases a year)  reached (% of demand)  within capacity
                                                                                     (% of demand)
      Get a building permit  n-permit                  4,000                  25.0%            12.5%

      segment    id         demand (cases a year)  reached (% of demand)  within capacity (% of demand)
      Residents  residents                  4,000                  25.0%                          12.5%

      least reached region  id     demand (cases a year)  reached (% of demand)  within capacity
                                                                                 (% of demand)
      South                 south                  3,000                   0.0%             0.0%
      North                 north                  1,000                 100.0%            50.0%

      least reaching department  id              demand (cases a year)  reached (%  within capacity
                                                                        of demand)  (% of demand)
      Permits office             permits-office                  4,000       25.0%            12.5%

      unreached need         region  id     segment    cases a year
      Get a building permit  South   south  Residents         3,000
      "
    `);
  });

  it("exits 3 with --fail-on gaps when some demand is unreached, 0 when none is", async () => {
    expect((await run(["coverage", "point-in-and-out-of-reach.json", "--fail-on", "gaps"])).code).toBe(3);
    expect((await run(["coverage", "point-in-and-out-of-reach.json", "--fail-on", "gaps", "--max-cost", "45"])).code).toBe(0);
    expect((await run(["coverage", "remote-channel.json", "--fail-on", "gaps"])).code).toBe(0);
    expect((await run(["analyze", "point-in-and-out-of-reach.json", "--only", "coverage", "--fail-on", "gaps"])).code).toBe(3);
  });

  it("writes every table as CSV (--table picks one, --out DIR/ one file each) and the whole report as JSON", async () => {
    const all = (await run(["coverage", "region-not-served.json", "--format", "csv"])).stdout;
    expect(all.split("\n").filter((line) => line.startsWith("# table: "))).toEqual([
      "# table: coverage-totals",
      "# table: coverage-needs",
      "# table: coverage-segments",
      "# table: coverage-regions",
      "# table: coverage-departments",
      "# table: coverage-gaps",
    ]);
    expect((await run(["coverage", "region-not-served.json", "--format", "csv", "--table", "coverage-gaps"])).stdout).toBe(
      "needName,needId,regionName,regionId,segmentName,segmentId,volume\nGet a building permit,n-permit,South,south,Residents,residents,3000\n",
    );
    expect((await run(["coverage", "region-not-served.json", "--format", "csv", "--table", "coverage-regions"])).stdout).toBe(
      "regionName,regionId,demand,reach,capacity\nSouth,south,3000,0,0\nNorth,north,1000,1,1\n",
    );
    const dir = mkdtempSync(join(tmpdir(), "govgraph-csv-"));
    const files = await runIn(dir, ["coverage", join(fixtures, "region-not-served.json"), "--format", "csv", "--out", `${dir}/`]);
    expect([files.code, files.stdout, files.stderr]).toEqual([0, "", ""]);
    expect(readdirSync(dir).sort()).toEqual(["coverage-departments.csv", "coverage-gaps.csv", "coverage-needs.csv", "coverage-regions.csv", "coverage-segments.csv", "coverage-totals.csv"]);
    expect(readFileSync(join(dir, "coverage-regions.csv"), "utf8")).toBe("regionName,regionId,demand,reach,capacity\nSouth,south,3000,0,0\nNorth,north,1000,1,1\n");
    const unknown = await run(["coverage", "region-not-served.json", "--format", "csv", "--table", "region"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown --table "region". Tables of this output: coverage-totals, coverage-needs,');
    const json = JSON.parse((await run(["coverage", "planned-service.json", "--include-planned", "--format", "json"])).stdout) as { reach: { value: number } };
    expect(json.reach.value).toBe(1);
  });

  it("rejects bad options with exit 2", async () => {
    const bad = await run(["coverage", "remote-channel.json", "--channels", "fax"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('coverage: unknown channel kind "fax"');
    expect((await run(["coverage", "--max-cost", "-3"])).code).toBe(2);
  });
});

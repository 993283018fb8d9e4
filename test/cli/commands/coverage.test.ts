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

      measure                 value
      demand (cases a year)                        4000
      reach                                       25.0%
      capacity                                    12.5%
      Gini of regional reach                       0.75
      gaps                    1 cell, 3000 cases a year

      need      demand  reach  capacity
      n-permit    4000  25.0%     12.5%

      segment    demand  reach  capacity
      residents    4000  25.0%     12.5%

      region  demand  reach   capacity
      south     3000    0.0%      0.0%
      north     1000  100.0%     50.0%

      department      demand  reach  capacity
      permits-office    4000  25.0%     12.5%

      gap: need  region  segment    cases a year
      n-permit   south   residents          3000
      "
    `);
  });

  it("exits 3 with --fail-on gaps when some demand is unreached, 0 when none is", async () => {
    expect((await run(["coverage", "point-in-and-out-of-reach.json", "--fail-on", "gaps"])).code).toBe(3);
    expect((await run(["coverage", "point-in-and-out-of-reach.json", "--fail-on", "gaps", "--max-cost", "45"])).code).toBe(0);
    expect((await run(["coverage", "remote-channel.json", "--fail-on", "gaps"])).code).toBe(0);
    expect((await run(["analyze", "point-in-and-out-of-reach.json", "--only", "coverage", "--fail-on", "gaps"])).code).toBe(3);
  });

  it("writes one table as CSV and the whole report as JSON", async () => {
    expect((await run(["coverage", "region-not-served.json", "--format", "csv"])).stdout).toBe("needId,regionId,segmentId,volume\nn-permit,south,residents,3000\n");
    expect((await run(["coverage", "region-not-served.json", "--format", "csv", "--table", "region"])).stdout).toBe(
      "regionId,demand,reach,capacity\nnorth,1000,1,1\nsouth,3000,0,0\n",
    );
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

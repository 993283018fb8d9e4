import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fromFederalProgramInventory, stringifyModel } from "../../../src/index.js";
import { runIn } from "../run-cli.js";

// The US inventory's excerpt: no demand, no staff, no channel, one recorded item (the legal basis).
const excerpt = readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "real", "us-fpi-excerpt.csv"), "utf8");

async function analyze(sections: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "govgraph-absent-"));
  writeFileSync(join(dir, "us.json"), stringifyModel(fromFederalProgramInventory(excerpt).model));
  const run = await runIn(dir, ["analyze", "us.json", "--only", sections, "--top", "2"]);
  expect([run.code, run.stderr]).toEqual([0, ""]);
  return run.stdout.slice(run.stdout.indexOf("\n\n") + 2);
}

describe("what an inventory does not hold reads as no data in the text, never as 0 or 100%", () => {
  it("the summary gives no population or staff for levels whose records have none", async () => {
    const summary = await analyze("summary");
    expect(summary.slice(summary.indexOf("region level"))).toMatchInlineSnapshot(`
      "region level  regions  population
      nation              1     unknown

      department level  departments  staff in post
      (none)                     12        unknown

      None.

      status  services
      active        10
      "
    `);
  });

  it("coverage without demand has no reach and no gaps to report", async () => {
    expect(await analyze("coverage")).toMatchInlineSnapshot(`
      "Coverage
      --------

      coverage                           value
      demand (cases a year)                           0
      reached                            no demand data
      reached within capacity            no demand data
      Gini of regional reach (0 = even)  no demand data
      gaps (unreached cells)             no demand data

      No need has demand.

      No segment has demand.

      No region has demand.

      No department has demand.

      No demand data: no need has demand and no leaf region has a population, so reach cannot be measured.
      "
    `);
  });

  it("openness counts only the recorded item; staffing without staff figures is unknown", async () => {
    expect(await analyze("openness,staffing")).toMatchInlineSnapshot(`
      "Openness (published service information)
      ----------------------------------------

      item            applies to (services)  published  share of applicable
      guide                               0          0              no data
      legalBasis                         10          8                80.0%
      fee                                 0          0              no data
      processingTime                      0          0              no data
      channels                            0          0              no data
      contact                             0          0              no data

      least open department  id                                services  items      share of    most
                                                                         published  applicable  missing
      Internal Revenue       agency:department-of-the-treasur         2  0 of 2           0.0%  legalBasis
      Service (IRS)          y/internal-revenue-service-irs
      Foreign Agricultural   agency:department-of-agriculture         1  1 of 1         100.0%  –
      Service                /foreign-agricultural-service

      … and 7 more (--top 9 shows them all; --format csv or json lists every row)

      Overall: 80.0% of applicable items published (8 of 10); 8 of 10 active services publish every item
      the model records.

      Staffing
      --------

      No department is measured: none has both a staff figure and an active service with an annualVolume.

      staffing                 value
      departments              12 (caseload measured in 0)
      staff in post            unknown
      authorized posts         unknown
      vacancy rate             no data
      cases per staff member   no data
      relative efficiency      no data
      much staff, little work  no data
      little staff, much work  no data
      "
    `);
  });

  it("the scorecard shows no data and names the pillars its composite leaves out", async () => {
    expect(await analyze("scorecard")).toMatchInlineSnapshot(`
      "Reform scorecard
      ----------------

      pillar                          score    weight  formula
                                      (0-100)
      Allocation of functions            76.5     1.0  100 × (1 − (duplicatedShare + fragmentedShare) / 2)
      Level of public services        no data     1.0  100 × (0.5 reach + 0.25 capacity + 0.25 quality),
                                                       over the parts with data
      Governance innovation           no data     1.0  100 × mean(endToEndOnlineShare, onceOnlyRate,
                                                       atMostOneVisitShare)
      Openness of government affairs     80.0     1.0  100 × published items / applicable items
      Civil service                   no data     1.0  100 × (0.5 efficiency + 0.5 (1 −
                                                       staffInMuchStaffLittleWork))
      Composite                          78.2       –  weighted mean of the pillars with a score; left out
                                                       for lack of data: Level of public services,
                                                       Governance innovation, Civil service (covers 40.0%
                                                       of the weight)

      pillar                          indicator                                     value           weight
                                                                                                    in
                                                                                                    pillar
      Allocation of functions         held functions not duplicated (1 −                     76.5%    1.00
                                      duplicatedShare)
                                      held functions not fragmented (1 −                     76.5%    1.00
                                      fragmentedShare)
                                      functions led by departments with                         12    0.00
                                      overlapping jurisdictions
                                      functions split over departments of one                   12    0.00
                                      jurisdiction
                                      functions held by some department                         51    0.00
      Level of public services        demand reached by a remote channel or a       no demand data    0.50
                                      nearby point
                                      demand reached within capacity                no demand data    0.25
                                      mean satisfaction and on-time rate, weighted         no data    0.25
                                      by volume
                                      Gini of regional reach (0 = even)             no demand data    0.00
                                      unreached demand cells                        no demand data    0.00
      Governance innovation           steps online end to end (services)                   no data    1.00
                                      evidence reused, not asked again (services)          no data    1.00
                                      services with at most one visit                      no data    1.00
                                      evidence asked twice per journey                     no data    0.00
      Openness of government affairs  applicable service items published                     80.0%    1.00
                                      services with every recorded item published                8    0.00
                                      service items the model records (of 6)                     1    0.00
      Civil service                   staff-weighted cases per staff member over           no data    0.50
                                      the best comparable department
                                      staff outside departments with much staff            no data    0.50
                                      and little work
                                      departments with much staff and little work          no data    0.00
                                      departments with little staff and much work          no data    0.00
                                      authorized posts unfilled                            no data    0.00
      "
    `);
  });
});

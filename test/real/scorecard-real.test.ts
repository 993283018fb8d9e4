// The scorecard on the real inventories under ../shared/data (run by `npm run test:real`): what they lack is
// "no data", never a score, and docs/real-data.md and docs/scorecard.md show the tables scripts/real-data.ts prints.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildScorecard, fromFederalProgramInventory, fromGcServiceInventory, scoreCoverage, scoreOpenness, type ScorecardReport } from "../../src/index.js";
import { scorecardMarkdown } from "../../scripts/scorecard-markdown.js";

const data = join(import.meta.dirname, "..", "..", "..", "shared", "data");
const docs = ["real-data.md", "scorecard.md"].map((name) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), "utf8"));
const weighted = (card: ScorecardReport) => card.pillars.flatMap((p) => p.indicators.filter((i) => i.weight > 0).map((i) => [i.id, i.value === null ? i.reason : "value"]));

describe("the scorecard of the US Federal Program Inventory FY2024", () => {
  const { model } = fromFederalProgramInventory(readFileSync(join(data, "us-fpi", "programs.csv"), "utf8"), { strict: false });
  const card = buildScorecard(model);

  it("has no data for demand, quality, channels, evidence or staff, and says so", () => {
    expect(weighted(card)).toEqual([
      ["unduplicatedShare", "value"],
      ["unfragmentedShare", "value"],
      ["reach", "no_demand"],
      ["capacity", "no_demand"],
      ["quality", "no_data"],
      ["endToEndOnlineShare", "no_data"],
      ["onceOnlyRate", "no_data"],
      ["atMostOneVisitShare", "no_data"],
      ["publishedShare", "value"],
      ["efficiency", "no_data"],
      ["staffNotIdle", "no_data"],
    ]);
    expect(card.composite).toMatchObject({ known: 2, total: 5, leftOut: ["publicServiceLevel", "governanceInnovation", "civilService"], coverageOfWeights: 0.4 });
  });

  it("has no reach without demand, and finds the legal basis published for 2,480 of 2,682 programs", () => {
    const coverage = scoreCoverage(model);
    expect([coverage.demand, coverage.reach.value, coverage.reach.reason, coverage.gaps]).toEqual([0, null, "no_demand", []]);
    const legal = scoreOpenness(model).overall.byItem.legalBasis;
    expect([legal.numerator, legal.denominator]).toEqual([2480, 2682]);
    // The inventory says nothing about guides, fees, time limits, channels or contacts.
    const items = scoreOpenness(model).overall.byItem;
    expect([items.guide, items.fee, items.processingTime, items.channels, items.contact].map((m) => m.reason)).toEqual(["no_data", "no_data", "no_data", "no_data", "no_data"]);
  });

  it("is the table docs/real-data.md and docs/scorecard.md show", () => {
    for (const doc of docs) expect(doc).toContain(scorecardMarkdown(card));
  });
});

describe("the scorecard of the GC Service Inventory 2023-24", () => {
  const { model } = fromGcServiceInventory(readFileSync(join(data, "canada-gc-si", "si_2024.csv"), "utf8"), { strict: false });
  const card = buildScorecard(model);

  it("measures allocation, online delivery and published guides; leaves demand, quality, evidence and staff as no data", () => {
    expect(weighted(card)).toEqual([
      ["unduplicatedShare", "value"],
      ["unfragmentedShare", "value"],
      ["reach", "no_demand"],
      ["capacity", "no_demand"],
      ["quality", "no_data"],
      ["endToEndOnlineShare", "value"],
      ["onceOnlyRate", "no_data"],
      ["atMostOneVisitShare", "value"],
      ["publishedShare", "value"],
      ["efficiency", "no_data"],
      ["staffNotIdle", "no_data"],
    ]);
    expect(card.composite).toMatchObject({ known: 3, total: 5, leftOut: ["publicServiceLevel", "civilService"], coverageOfWeights: 0.6 });
    // Services with no channel in the inventory count one visit and not online: a default the basis shows.
    const oneVisit = card.pillars.flatMap((p) => p.indicators).find((i) => i.id === "atMostOneVisitShare")!.basis!;
    expect(oneVisit.assumed).toBe(oneVisit.total - oneVisit.known);
    expect(oneVisit.assumed).toBeGreaterThan(0);
  });

  it("is the table docs/real-data.md and docs/scorecard.md show", () => {
    for (const doc of docs) expect(doc).toContain(scorecardMarkdown(card));
  });
});

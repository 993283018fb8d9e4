import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyScenario, exampleCounty } from "../../src/index.js";
import { runIn } from "./run-cli.js";
import { expectFits, scenarioOps, textRuns, writeInputs } from "./widths.js";

const dir = mkdtempSync(join(tmpdir(), "govgraph-width-"));
beforeAll(() => {
  const ops = scenarioOps(exampleCounty);
  writeInputs(dir, exampleCounty, applyScenario(exampleCounty, ops as Parameters<typeof applyScenario>[1]).model, ops);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([80, 100])("the county's text output at %i columns", (width) => {
  it.each(textRuns().map((argv) => [argv.join(" "), argv]))("govgraph %s fits", async (_, argv) => {
    await expectFits(dir, argv as string[], width);
  });
});

describe("the county's analyze text", () => {
  it("reads as a report (snapshot reviewed by reading it)", async () => {
    const { code, stdout } = await runIn(dir, ["analyze"], { columns: 100 });
    expect(code).toBe(0);
    await expect(stdout).toMatchFileSnapshot("./snapshots/county-analyze.txt");
  });

  it("is 100 columns wide when standard output is not a terminal", async () => {
    expect((await runIn(dir, ["analyze"])).stdout).toBe((await runIn(dir, ["analyze"], { columns: 100 })).stdout);
  });
});

describe("each analysis's own command", () => {
  it.each([
    ["duplicates", "Duplication, fragmentation and overlap"],
    ["coverage", "Coverage"],
    ["journeys", "Journeys"],
    ["scorecard", "Reform scorecard"],
  ])("govgraph %s labels its findings as analyze's section %s does", async (command, title) => {
    const own = (await runIn(dir, [command])).stdout;
    const analyzed = (await runIn(dir, ["analyze"])).stdout;
    const body = (text: string) => text.split("\n").slice(3).join("\n").trimEnd();
    const start = analyzed.indexOf(`${title}\n${"-".repeat(title.length)}\n\n`) + title.length * 2 + 3;
    const section = analyzed.slice(start).split(/\n\n[^\n]+\n-+\n\n/)[0]!;
    expect(body(own)).toBe(section.trimEnd());
  });
});

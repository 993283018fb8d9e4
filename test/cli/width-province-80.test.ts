import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { applyScenario, generateModel } from "../../src/index.js";
import { expectFits, scenarioOps, textRuns, writeInputs } from "./widths.js";

// The province tier, written once for this file: every command's text output at 80 columns.
const dir = mkdtempSync(join(tmpdir(), "govgraph-width-"));
beforeAll(() => {
  const { model } = generateModel({ size: "province", seed: 1 });
  const ops = scenarioOps(model);
  writeInputs(dir, model, applyScenario(model, ops as Parameters<typeof applyScenario>[1]).model, ops);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the province's text output at 80 columns", () => {
  it.each(textRuns().map((argv) => [argv.join(" "), argv]))("govgraph %s fits", { timeout: 120_000 }, async (_, argv) => {
    await expectFits(dir, argv as string[], 80);
  });
});

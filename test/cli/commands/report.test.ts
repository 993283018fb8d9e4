import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyScenario, exampleCounty, stringifyModel } from "../../../src/index.js";
import { runIn } from "../run-cli.js";
import { embeddedData } from "../../report/embedded.js";

describe("govgraph report", () => {
  const dir = mkdtempSync(join(tmpdir(), "govgraph-report-"));

  it("writes the bundled example's report to --out", async () => {
    const run = await runIn(dir, ["report", "--out", "county.html"]);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, "", ""]);
    const html = readFileSync(join(dir, "county.html"), "utf8");
    expect(html.startsWith("<!doctype html>\n")).toBe(true);
    expect(embeddedData(html).title).toBe("Qingshui County (fictional)");
  });

  it("compares two model files, named by file when they share a name", async () => {
    const { model: after } = applyScenario(exampleCounty, [{ op: "digitizeService", serviceId: "apply-id-card" }]);
    writeFileSync(join(dir, "before.json"), stringifyModel(exampleCounty));
    writeFileSync(join(dir, "after.json"), stringifyModel(after));
    const run = await runIn(dir, ["report", "before.json", "--compare", "after.json", "--title", "Digitise the ID card"]);
    expect(run.code).toBe(0);
    const data = embeddedData(run.stdout);
    expect([data.title, data.compare?.before, data.compare?.after]).toEqual(["Digitise the ID card", "Digitise the ID card", "after.json"]);
  });

  it("writes HTML only", async () => {
    const run = await runIn(dir, ["report", "--format", "json"]);
    expect([run.code, run.stderr.split("\n")[0]]).toEqual([2, 'error Bad --format "json" for report. Use one of: html.']);
  });
});

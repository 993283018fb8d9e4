// The README's two commands on the real inventories under ../shared/data: `govgraph import SOURCE INPUT --out
// model.json && govgraph analyze model.json`, run in-process from the repository's root (`npm run test:real`).
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDuplication, fromFederalProgramInventory, fromGcServiceInventory, fromHsds, fromKenyaEcitizen, stringifyModel } from "../../src/index.js";
import { runIn } from "../cli/run-cli.js";

const root = join(import.meta.dirname, "..", "..");
const data = join(root, "..", "shared", "data");
const out = mkdtempSync(join(tmpdir(), "govgraph-real-cli-"));
const read = (...path: string[]) => readFileSync(join(data, ...path), "utf8");
/** Text with its line breaks and runs of spaces as single spaces, trimmed. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** `govgraph import ...` then `govgraph analyze` on what it wrote: the summary it printed, and the analysis. */
async function importThenAnalyze(source: string, input: string, file: string, ...options: string[]) {
  const imported = await runIn(root, ["import", source, input, "--out", join(out, file), ...options]);
  expect(imported.stderr).toBe("");
  const analyzed = await runIn(root, ["analyze", join(out, file), "--format", "json"]);
  expect(analyzed.code).toBe(0);
  return { imported, written: readFileSync(join(out, file), "utf8"), sections: JSON.parse(analyzed.stdout).sections };
}

describe("govgraph import, then govgraph analyze, on the real inventories", () => {
  it("us-fpi: ../shared/data/us-fpi/programs.csv, as the README shows", async () => {
    const { imported, written, sections } = await importThenAnalyze("us-fpi", "../shared/data/us-fpi/programs.csv", "us.json");
    expect(imported.code).toBe(0);
    // The summary's paragraphs wrap at 100 columns; their words are these.
    expect(oneLine(imported.stdout.split("\n\n").slice(0, 2).join(" "))).toBe(
      `../shared/data/us-fpi/programs.csv (us-fpi) -> ${join(out, "us.json")} (json): 0 errors, 120 warnings ` +
        "regions 1, segments 68, departments 194, functions 193, assignments 3,120, services 2,682",
    );
    const { model } = fromFederalProgramInventory(read("us-fpi", "programs.csv"), { strict: false });
    expect(written).toBe(stringifyModel(model) + "\n");
    expect(sections.summary.counts.services).toBe(2682);
    // The analysis of the file is the library's analysis of the mapped model: 175 fragmented categories.
    expect(sections.duplication.summary).toEqual(findDuplication(model).summary);
    expect(sections.duplication.summary.fragmentation).toBe(175);
  });

  it("gc-si: the repeated service is listed at its line, left out, and refused with --strict", async () => {
    const input = join(data, "canada-gc-si", "si_2024.csv");
    const { imported, written, sections } = await importThenAnalyze("gc-si", input, "ca.json");
    expect(imported.code).toBe(0);
    // Issues are placed relative to the input's folder, each message under its place.
    expect(imported.stdout).toContain(`\nerror   si_2024.csv:3549 (column service_id)\n          duplicate_id: service "SRV02975" was already mapped from line 3440\n`);
    expect(imported.stdout).toContain(`\nwarning si_2024.csv:2618 (column program_name_en)\n          list_mismatch: `);
    expect(written).toBe(stringifyModel(fromGcServiceInventory(read("canada-gc-si", "si_2024.csv"), { strict: false }).model) + "\n");
    expect(sections.summary.counts.services).toBe(1751);
    const strict = await runIn(root, ["import", "gc-si", input, "--strict", "--out", join(out, "strict.json")]);
    expect(strict.code).toBe(1);
    expect(readdirSync(out)).not.toContain("strict.json");
  });

  it("kenya-ecitizen: the folder of four files, with no issue", async () => {
    const dir = join(data, "kenya-ecitizen");
    const { imported, written, sections } = await importThenAnalyze("kenya-ecitizen", dir, "kenya.json", "--strict");
    expect(imported.code).toBe(0);
    expect(oneLine(imported.stdout)).toBe(`${dir} (kenya-ecitizen) -> ${join(out, "kenya.json")} (json): 0 errors, 0 warnings regions 1, departments 367, functions 5,305, assignments 5,489, services 5,489`);
    const files = Object.fromEntries(["ministries.csv", "departments.csv", "agencies.csv", "services.csv"].map((f) => [f, read("kenya-ecitizen", f)]));
    expect(written).toBe(stringifyModel(fromKenyaEcitizen(files).model) + "\n");
    expect(sections.duplication.summary.duplicatedServices).toBe(307);
  });

  it("hsds: the JSON examples and the folder of CSV tables", async () => {
    const json = await importThenAnalyze("hsds", join(data, "hsds", "service_full.json"), "hsds.json", "--strict");
    expect(json.written).toBe(stringifyModel(fromHsds(read("hsds", "service_full.json")).model) + "\n");
    const tables = await importThenAnalyze("hsds", join(data, "hsds", "csv"), "hsds-tables.json");
    expect(oneLine(tables.imported.stdout.split("\n\n")[0]!)).toMatch(/ \(json\): 8 errors, 4 warnings$/);
    expect(tables.sections.summary.counts).toMatchObject({ departments: 1, services: 1, servicePoints: 1 });
  });
});

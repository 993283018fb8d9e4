import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleCounty, fromCpsvAp, fromFederalProgramInventory, fromGcServiceInventory, fromHsds, fromKenyaEcitizen, stringifyModel, toCpsvAp } from "../../../src/index.js";
import { runIn } from "../run-cli.js";

const fixtures = join(import.meta.dirname, "..", "..", "fixtures");
const real = (...path: string[]) => join(fixtures, "real", ...path);
const text = (path: string) => readFileSync(path, "utf8");
const scratch = () => mkdtempSync(join(tmpdir(), "govgraph-import-"));

describe("govgraph import SOURCE INPUT --out model.json", () => {
  it("maps the US inventory, says what it mapped, and the model it writes is the library's, ready for analyze", async () => {
    const dir = scratch();
    // A copy beside the output, so that the summary (wrapped at 100 columns) does not depend on the checkout's path.
    copyFileSync(real("us-fpi-excerpt.csv"), join(dir, "us-fpi-excerpt.csv"));
    const run = await runIn(dir, ["import", "us-fpi", "us-fpi-excerpt.csv", "--out", "us.json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatchInlineSnapshot(`
      "us-fpi-excerpt.csv (us-fpi) -> us.json (json): 0 errors, 1 warning

      regions 1, segments 57, departments 12, functions 51, assignments 70, services 10

      warning us-fpi-excerpt.csv:3 (column obligations_2024_usd)
                negative_amount: obligations_2024_usd -1656839.05 is negative (net de-obligation); kept as
                an attribute, not as volume
      "
    `);
    expect(text(join(dir, "us.json"))).toBe(stringifyModel(fromFederalProgramInventory(text(real("us-fpi-excerpt.csv"))).model) + "\n");
    const analyzed = await runIn(dir, ["analyze", "us.json", "--only", "summary", "--format", "json"]);
    expect(analyzed.code).toBe(0);
    expect(JSON.parse(analyzed.stdout).sections.summary.counts.services).toBe(10);
  });

  it("passes a source's own options to its importer, and refuses the options of other sources (exit 2)", async () => {
    const dir = scratch();
    const run = await runIn(dir, ["import", "us-fpi", real("us-fpi-excerpt.csv"), "--departments", "agency", "--out", "us.json"]);
    expect(run.code).toBe(0);
    const agencies = fromFederalProgramInventory(text(real("us-fpi-excerpt.csv")), { departments: "agency" }).model;
    expect(text(join(dir, "us.json"))).toBe(stringifyModel(agencies) + "\n");
    const wrong = await runIn(dir, ["import", "us-fpi", real("us-fpi-excerpt.csv"), "--functions", "none"]);
    expect([wrong.code, wrong.stderr.split("\n")[0]]).toEqual([2, "error import: --functions does not apply to us-fpi."]);
  });

  it("maps the rest of an input with errors and lists each at its file, line and column; --strict refuses it (exit 1, no file)", async () => {
    const dir = scratch();
    const input = real("gc-si-excerpt.csv");
    const lenient = await runIn(dir, ["import", "gc-si", input, "--out", "ca.json"]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain(`\nerror gc-si-excerpt.csv:13 (column service_id)\n        duplicate_id: service "SRV02975" was already mapped from line 12\n`);
    expect(text(join(dir, "ca.json"))).toBe(stringifyModel(fromGcServiceInventory(text(input), { strict: false }).model) + "\n");

    const strict = await runIn(dir, ["import", "gc-si", input, "--out", "strict.json", "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe("");
    expect(strict.stderr).toContain(`error invalid_input: import gc-si: 1 error in ${input}, first at ${input}:13 (column service_id): service "SRV02975" was already mapped from line 12. Fix them, or leave out --strict to map the rest.`);
    expect(existsSync(join(dir, "strict.json"))).toBe(false);
  });

  it("gives the summary as JSON with --format json: counts, and issues with file, line and column", async () => {
    const run = await runIn(scratch(), ["import", "gc-si", real("gc-si-excerpt.csv"), "--out", "ca.json", "--format", "json"]);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ from: "gc-si", to: "json", out: "ca.json", counts: { services: 11, departments: 9 } });
    expect(summary.issues).toEqual([expect.objectContaining({ code: "duplicate_id", severity: "error", file: real("gc-si-excerpt.csv"), line: 13, column: "service_id" })]);
  });

  it("writes the model to stdout without --out, and the summary to stderr", async () => {
    const run = await runIn(scratch(), ["import", "kenya-ecitizen", real("kenya-ecitizen")]);
    expect(run.code).toBe(0);
    const files = Object.fromEntries(["ministries.csv", "departments.csv", "agencies.csv", "services.csv"].map((f) => [f, text(real("kenya-ecitizen", f))]));
    expect(run.stdout).toBe(stringifyModel(fromKenyaEcitizen(files).model) + "\n");
    expect(run.stderr.replace(/\s+/g, " ")).toMatch(/^\S+kenya-ecitizen \(kenya-ecitizen\) -> standard output \(json\): 0 errors, 0 warnings regions 1, departments 12, functions 13, assignments 19, services 19 $/);
  });

  it("reads HSDS from a JSON file and from a folder of tables, the issues of a table at its file", async () => {
    const dir = scratch();
    const json = await runIn(dir, ["import", "hsds", join(fixtures, "hsds", "service_full-excerpt.json"), "--out", "a.json"]);
    expect(json.code).toBe(0);
    expect(text(join(dir, "a.json"))).toBe(stringifyModel(fromHsds(text(join(fixtures, "hsds", "service_full-excerpt.json"))).model) + "\n");
    const tables = join(fixtures, "hsds", "csv");
    const csv = await runIn(dir, ["import", "hsds", tables, "--out", "b.json"]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain(`\nerror   csv/contacts.csv:2 (column organization_id)\n          unknown_reference: contact `);
    expect(csv.stdout).toContain(`\nwarning csv/locations.csv:2 (column latitude)\n          invalid_coordinates: `);
  });

  it("refuses a folder of CSV files none of which is an HSDS table, writing nothing", async () => {
    const dir = scratch();
    mkdirSync(join(dir, "tables"));
    writeFileSync(join(dir, "tables", "things.csv"), "a,b\n1,2\n");
    const run = await runIn(dir, ["import", "hsds", "tables", "--out", "model.json"]);
    expect([run.code, run.stderr.split("\n")[0]]).toEqual([
      1,
      "error invalid_input: fromHsds: none of the files (things.csv) is an HSDS table. Pass HSDS's tables (organizations.csv, services.csv, ...), or a datapackage.json naming the tables its files hold.",
    ]);
    expect(existsSync(join(dir, "model.json"))).toBe(false);
  });

  it("reads CPSV-AP in JSON-LD and in Turtle as fromCpsvAp does, with --language", async () => {
    const dir = scratch();
    const cpsv = (name: string) => join(fixtures, "cpsv-ap", name);
    const jsonld = await runIn(dir, ["import", "cpsv-ap", cpsv("trento-excerpt.jsonld"), "--out", "trento.json"]);
    expect(jsonld.code).toBe(0);
    expect(text(join(dir, "trento.json"))).toBe(stringifyModel((await fromCpsvAp(text(cpsv("trento-excerpt.jsonld")), { strict: false })).model) + "\n");
    const turtle = await runIn(dir, ["import", "cpsv-ap-turtle", cpsv("official-example.ttl"), "--language", "fr", "--out", "example.json"]);
    expect(turtle.code).toBe(0);
    expect(text(join(dir, "example.json"))).toBe(stringifyModel((await fromCpsvAp(text(cpsv("official-example.ttl")), { strict: false, language: "fr" })).model) + "\n");
    expect(turtle.stdout).toContain("unknown_channel_kind");
  });

  it("gives the model back from what convert --to cpsv-ap and --to cpsv-ap-turtle wrote", async () => {
    const dir = scratch();
    for (const [format, file] of [["cpsv-ap", "c.jsonld"], ["cpsv-ap-turtle", "c.ttl"]]) {
      expect((await runIn(dir, ["convert", "--to", format!, "--out", file!])).code, format).toBe(0);
      expect((await runIn(dir, ["import", format!, file!, "--out", `${file}.json`])).code, format).toBe(0);
      expect(text(join(dir, `${file}.json`)), format).toBe(stringifyModel(exampleCounty) + "\n");
    }
    expect(text(join(dir, "c.ttl"))).toBe(await toCpsvAp(exampleCounty, { format: "turtle" }));
  });

  it("lists each Turtle syntax error of a defective CPSV-AP file at its line and column; --strict refuses it", async () => {
    const dir = scratch();
    const defective = join(fixtures, "cpsv-ap", "defective-service.ttl");
    const lenient = await runIn(dir, ["import", "cpsv-ap-turtle", defective, "--out", "d.json"]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/\(json\):\s+2\s+errors,\s+1\s+warning\n/);
    expect(lenient.stdout).toMatch(/\nerror +defective-service\.ttl:18:4 +invalid_rdf: a ";" or "," or "\." is missing between/);
    expect(lenient.stdout).toMatch(/\nerror +defective-service\.ttl:19:20 +invalid_rdf: empty IRI <>/);
    const strict = await runIn(dir, ["import", "cpsv-ap-turtle", defective, "--strict", "--out", "e.json"]);
    expect(strict.code).toBe(1);
    expect(strict.stderr.split("\n")[0]).toMatch(/^error invalid_rdf: import cpsv-ap-turtle: 2 errors in \S*defective-service\.ttl, first at \S*defective-service\.ttl:18:4: a ";" or "," or "\." is missing/);
    expect(existsSync(join(dir, "e.json"))).toBe(false);
  });

  it("reads a govgraph CSV folder back to the model it was written from", async () => {
    const dir = scratch();
    expect((await runIn(dir, ["convert", "--to", "csv", "--out", "county"])).code).toBe(0);
    const run = await runIn(dir, ["import", "csv", "county", "--out", "county.json"]);
    expect(run.code).toBe(0);
    expect((await runIn(dir, ["convert", "--to", "json"])).stdout).toBe(text(join(dir, "county.json")));
  });

  it("refuses an unknown source, a file where a folder is read and a folder where a file is read (exit 2, nothing written)", async () => {
    const dir = scratch();
    const cases = [
      [["import", "cobol", "x.dat"], 'error import: unknown source "cobol". Sources: csv, us-fpi, gc-si, kenya-ecitizen, hsds, cpsv-ap, cpsv-ap-turtle.'],
      [["import", "kenya-ecitizen", real("us-fpi-excerpt.csv")], `error import: kenya-ecitizen reads a folder (a folder of ministries.csv, departments.csv, agencies.csv, services.csv), and ${real("us-fpi-excerpt.csv")} is not one.`],
      [["import", "us-fpi", real("kenya-ecitizen")], `error import: us-fpi reads a file (programs.csv), and ${real("kenya-ecitizen")} is a folder.`],
      [["import", "us-fpi"], "error Missing argument <input> for import."],
    ] as const;
    for (const [argv, message] of cases) {
      const run = await runIn(dir, [...argv, "--out", "x.json"]);
      expect([run.code, run.stderr.split("\n")[0]]).toEqual([2, message]);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("says when the input does not exist (exit 1)", async () => {
    for (const source of ["kenya-ecitizen", "us-fpi"]) {
      const run = await runIn(scratch(), ["import", source, "missing", "--out", "x.json"]);
      expect([run.code, run.stderr]).toEqual([1, "error not_found: import: missing does not exist. Check the path.\n"]);
    }
  });

  it("says which file is wrong when an importer refuses the input whole (exit 1)", async () => {
    const run = await runIn(scratch(), ["import", "us-fpi", real("gc-si-excerpt.csv"), "--out", "x.json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error invalid_input: import us-fpi: 4 errors in ${real("gc-si-excerpt.csv")}, first at ${real("gc-si-excerpt.csv")}:1 (column id): the header has no column "id". Fix them.`);
  });
});

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CSV_FOLDER_FILES, exampleCounty, fromFederalProgramInventory, stringifyModel, toCsvFolder, toGexf, toGraphML, toHsds, toMermaid } from "../../../src/index.js";
import { FILE_FORMATS } from "../../../src/cli/file-formats.js";
import { runIn } from "../run-cli.js";

const fixtures = join(import.meta.dirname, "..", "..", "fixtures");
const scratch = () => mkdtempSync(join(tmpdir(), "govgraph-convert-"));
const read = (...path: string[]) => readFileSync(join(...path), "utf8");
const county = stringifyModel(exampleCounty) + "\n";

describe("govgraph convert INPUT --to FORMAT --out PATH", () => {
  it("writes a CSV folder and reads it back to the same bytes of JSON", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "county.json"), county);
    const out = await runIn(dir, ["convert", "county.json", "--to", "csv", "--out", "county-csv"]);
    expect(out.code).toBe(0);
    expect(out.stdout.split("\n")[0]).toBe("county.json (model) -> county-csv (csv): 0 errors, 0 warnings");
    expect(readdirSync(join(dir, "county-csv")).sort()).toEqual([...CSV_FOLDER_FILES].sort());
    for (const [file, text] of Object.entries(toCsvFolder(exampleCounty))) expect(read(dir, "county-csv", file), file).toBe(text);
    const back = await runIn(dir, ["convert", "county-csv", "--to", "json", "--out", "back.json"]);
    expect(back.code).toBe(0);
    expect(read(dir, "back.json")).toBe(county);
    expect(readdirSync(dir).sort()).toEqual(["back.json", "county-csv", "county.json"]);
  });

  it("writes each file format as the library does", async () => {
    const dir = scratch();
    const cases: [string[], string, string][] = [
      [["--to", "graphml"], "c.graphml", toGraphML(exampleCounty)],
      [["--to", "gexf", "--iterations", "3"], "c.gexf", toGexf(exampleCounty, { iterations: 3 })],
      [["--to", "mermaid", "--level", "journey", "--id", "have-baby"], "c.mmd", toMermaid(exampleCounty, { level: "journey", id: "have-baby" })],
      [["--to", "hsds"], "c.hsds.json", JSON.stringify(toHsds(exampleCounty), null, 2) + "\n"],
    ];
    for (const [options, file, expected] of cases) {
      const run = await runIn(dir, ["convert", ...options, "--out", file]);
      expect(run.code, file).toBe(0);
      expect(read(dir, file), file).toBe(expected);
    }
  });

  it("writes HSDS's tabular data package into a folder", async () => {
    const dir = scratch();
    expect((await runIn(dir, ["convert", "--to", "hsds-csv", "--out", "hsds"])).code).toBe(0);
    const files = toHsds(exampleCounty, { format: "csv" });
    expect(readdirSync(join(dir, "hsds")).sort()).toEqual(Object.keys(files).sort());
    for (const [file, text] of Object.entries(files)) expect(read(dir, "hsds", file), file).toBe(text);
  });

  it("prints a file format on stdout without --out, alone there", async () => {
    const run = await runIn(scratch(), ["convert", "--to", "mermaid"]);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, toMermaid(exampleCounty), ""]);
  });

  it("reads any import source with --from", async () => {
    const input = join(fixtures, "real", "us-fpi-excerpt.csv");
    const run = await runIn(scratch(), ["convert", input, "--from", "us-fpi", "--to", "json"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(stringifyModel(fromFederalProgramInventory(readFileSync(input, "utf8")).model) + "\n");
    expect(run.stderr).toContain(`\nwarning us-fpi-excerpt.csv:3 (column obligations_2024_usd)\n          negative_amount: `);
  });

  it("writes into an existing folder, replacing its files of the same names and leaving the others", async () => {
    const dir = scratch();
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out", "regions.csv"), "old\r\n");
    writeFileSync(join(dir, "out", "notes.txt"), "mine\n");
    expect((await runIn(dir, ["convert", "--to", "csv", "--out", "out"])).code).toBe(0);
    expect(read(dir, "out", "regions.csv")).toBe(toCsvFolder(exampleCounty)["regions.csv"]);
    expect(read(dir, "out", "notes.txt")).toBe("mine\n");
    expect(readdirSync(dir)).toEqual(["out"]);
  });

  it("refuses a folder format without --out DIR, or onto a file, and a format's option elsewhere (exit 2, nothing written)", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "taken"), "a file\n");
    const cases = [
      [["convert", "--to", "csv"], "error convert: --to csv writes a folder of files: pass --out DIR."],
      [["convert", "--to", "hsds-csv", "--out", "taken"], "error --out taken exists and is not a directory, and this run writes a folder of files. Name a directory (a new one is created)."],
      [["convert", "--to", "mermaid", "--iterations", "3"], "error convert: --iterations does not apply to --to mermaid."],
      [["convert", "--to", "gexf", "--iterations", "many"], 'error convert: --iterations "many" is not a whole number.'],
      [["convert", "--to", "csv", "--out", "x", "--departments", "agency"], "error convert: --departments does not apply to a model input (no --from)."],
      [["convert", "--to", "json", "--strict"], "error convert: --strict applies to --from only (a model is always read strictly)."],
      [["convert", "--from", "us-fpi", "--to", "json"], "error convert: --from us-fpi needs an input (programs.csv)."],
      [["convert"], "error convert: pass --to FORMAT, one of json, csv, hsds, hsds-csv, graphml, gexf, mermaid."],
      [["convert", "--to", "pdf"], 'error Bad --to "pdf". Use one of: json, csv, hsds, hsds-csv, graphml, gexf, mermaid.'],
    ] as const;
    for (const [argv, message] of cases) {
      const run = await runIn(dir, [...argv]);
      expect([run.code, run.stderr.split("\n")[0]], argv.join(" ")).toEqual([2, message]);
    }
    expect(readdirSync(dir)).toEqual(["taken"]);
  });

  it("writes nothing when the model is invalid", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "bad.json"), county.replace('"schemaVersion": 1', '"schemaVersion": 2'));
    const run = await runIn(dir, ["convert", "bad.json", "--to", "csv", "--out", "out"]);
    expect(run.code).toBe(1);
    expect(existsSync(join(dir, "out"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["bad.json"]);
  });
});

describe("a CSV folder given as a model", () => {
  it("is read by every command as the model it holds", async () => {
    const dir = scratch();
    expect((await runIn(dir, ["convert", "--to", "csv", "--out", "county"])).code).toBe(0);
    const fromFolder = await runIn(dir, ["analyze", "county", "--format", "json"]);
    const fromExample = await runIn(dir, ["analyze", "--format", "json"]);
    expect(fromFolder.code).toBe(0);
    expect(JSON.parse(fromFolder.stdout).sections).toEqual(JSON.parse(fromExample.stdout).sections);
    expect((await runIn(dir, ["validate", "county"])).stdout.split("\n")[0]).toBe("county: valid (0 errors, 0 warnings)");
  });

  it("with errors is refused (exit 1), each at its file, line and column", async () => {
    const dir = scratch();
    expect((await runIn(dir, ["convert", "--to", "csv", "--out", "county"])).code).toBe(0);
    const departments = read(dir, "county", "departments.csv").split("\r\n");
    departments[2] = departments[2]!.replace(/^([^,]*,[^,]*,)[^,]*/, "$1nowhere");
    writeFileSync(join(dir, "county", "departments.csv"), departments.join("\r\n"));
    const validated = await runIn(dir, ["validate", "county"]);
    expect(validated.code).toBe(1);
    expect(validated.stdout.replace(/\s+/g, " ")).toContain('departments.csv line 3, column "regionId": Department');
    const run = await runIn(dir, ["analyze", "county"]);
    expect(run.code).toBe(1);
    expect(run.stderr.replace(/\s+/g, " ")).toContain('departments.csv line 3, column "regionId": Department');
  });
});

describe("the table of formats (FILE_FORMATS)", () => {
  const root = join(import.meta.dirname, "..", "..", "..");
  const cliDoc = read(root, "docs", "cli.md");
  const formatsDoc = read(root, "docs", "formats.md");

  it("is offered whole by import and convert, and documented: a row in docs/cli.md, its command in docs/formats.md", async () => {
    // Help wraps to the terminal: compare its words.
    const words = (text: string) => text.replace(/\s+/g, " ");
    const importHelp = words((await runIn(root, ["import", "--help"])).stdout);
    const convertHelp = words((await runIn(root, ["convert", "--help"])).stdout);
    for (const format of FILE_FORMATS) {
      expect(cliDoc, format.name).toContain(`| \`${format.name}\` |`);
      if (format.read) {
        expect(importHelp, format.name).toContain(words(`${format.name}: ${format.read.expects}`));
        expect(formatsDoc, format.name).toContain(`import ${format.name}`);
      }
      if (format.write) {
        expect(convertHelp, format.name).toContain(words(`${format.name} (${format.write.output === "dir" ? "a folder" : "a file"})`));
        expect(formatsDoc, format.name).toContain(`--to ${format.name}`);
      }
    }
  });
});

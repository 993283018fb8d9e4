import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { ClosedOutputError } from "../../src/cli/exit.js";
import { fileError, nodeIo, type CliIo } from "../../src/cli/io.js";
import { SECTIONS } from "../../src/cli/sections/index.js";
import { runCli } from "../../src/cli/main.js";
import { GovGraphError, validateModel } from "../../src/index.js";
import { runIn } from "./run-cli.js";

const fixtures = join(import.meta.dirname, "fixtures");

/** Runs the CLI in-process on the real file system, capturing its output. */
const run = (argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}) =>
  runIn(options.cwd ?? fixtures, argv, options.env ? { env: options.env } : {});

describe("govgraph validate", () => {
  it("exits 0 on a valid model and says what it holds", async () => {
    expect(await run(["validate", "tiny-county.json"])).toMatchInlineSnapshot(`
      {
        "code": 0,
        "stderr": "",
        "stdout": "tiny-county.json: valid (0 errors, 0 warnings)
      ==============================================

      Records: regions 3, segments 2, departments 3, functions 2, assignments 3, services 2, needs 2,
      evidence 1, servicePoints 1, travelCosts 2.
      ",
      }
    `);
  });

  it("prints a JSON report with --format json", async () => {
    const { code, stdout } = await run(["validate", "tiny-county.json", "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, source: "tiny-county.json", counts: { regions: 3, services: 2 }, issues: [] });
  });

  it("exits 1 listing every problem of an invalid model, one readable line each, no stack trace", async () => {
    expect(await run(["validate", "several-errors.json"])).toMatchInlineSnapshot(`
      {
        "code": 1,
        "stderr": "",
        "stdout": "several-errors.json: invalid (4 errors, 0 warnings)
      ===================================================

      Records: regions 1, departments 1, services 1.

      error /regions/0/population        too_small: Region "county": "population" must be at least 0.
      error /departments/0/name          too_small: Department "health": "name" must not be empty.
      error /departments/0/colour        unrecognized_keys: Unknown field "colour" on department "health".
                                         Fix the field name, or put your own data in "attributes" (for
                                         example "attributes": {"colour": ...}).
      error /services/0/channels/0/kind  invalid_value: Service "s1": "channels[0].kind" must be one of
                                         "in_person", "online", "phone", "mail", "mobile", "kiosk",
                                         "outreach".
      ",
      }
    `);
  });

  it("exits 1 on malformed JSON, giving the line and column", async () => {
    expect(await run(["validate", "malformed.json"])).toMatchInlineSnapshot(`
      {
        "code": 1,
        "stderr": "",
        "stdout": "malformed.json: invalid (1 error, 0 warnings)
      =============================================

      Malformed JSON at malformed.json:5:5: expected "," or "]" but found "{". No record was read.
      ",
      }
    `);
    const empty = mkdtempSync(join(tmpdir(), "govgraph-cli-"));
    writeFileSync(join(empty, "empty.json"), "");
    expect((await run(["analyze", "empty.json"], { cwd: empty })).stderr).toBe(
      "error invalid_json: empty.json:1:1: malformed JSON: the text is empty. Fix the JSON and try again.\n",
    );
  });

  it("exits 1 on a missing file", async () => {
    expect(await run(["validate", "no-such-file.json"])).toMatchInlineSnapshot(`
      {
        "code": 1,
        "stderr": "error not_found: readFile: no-such-file.json does not exist. Check the path.
      ",
        "stdout": "",
      }
    `);
  });

  it("exits 1 with unsupported_format on a directory (CSV folders are not read by this version)", async () => {
    const { code, stderr } = await run(["validate", "."]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error unsupported_format: /);
  });

  it("writes one JSON document to stdout, of the same shape whether the model is valid or not, and --out writes it too", async () => {
    const valid = await run(["validate", "tiny-county.json", "--format", "json"]);
    const invalid = await run(["validate", "several-errors.json", "--format", "json"]);
    const malformed = await run(["validate", "malformed.json", "--format", "json"]);
    expect([valid.code, invalid.code, malformed.code]).toEqual([0, 1, 1]);
    expect([valid.stderr, invalid.stderr, malformed.stderr]).toEqual(["", "", ""]);
    const [a, b, c] = [valid, invalid, malformed].map((r) => JSON.parse(r.stdout) as { ok: boolean; counts: Record<string, number> | null; issues: { pointer: string; line?: number }[] });
    for (const doc of [a, b, c]) expect(Object.keys(doc!)).toEqual(["ok", "source", "counts", "issues"]);
    expect([a!.ok, b!.ok, c!.ok]).toEqual([true, false, false]);
    expect(b!.counts).toMatchObject({ regions: 1, departments: 1, services: 1, needs: 0 });
    expect(b!.issues.map((i) => i.pointer)).toEqual(["/regions/0/population", "/departments/0/name", "/departments/0/colour", "/services/0/channels/0/kind"]);
    expect(c!.counts).toBeNull();
    expect(c!.issues[0]).toMatchObject({ code: "invalid_json", line: 5, column: 5 });
    const dir = mkdtempSync(join(tmpdir(), "govgraph-cli-"));
    const written = await run(["validate", join(fixtures, "several-errors.json"), "--format", "json", "--out", "report.json"], { cwd: dir });
    expect([written.code, written.stdout]).toEqual([1, ""]);
    expect(readFileSync(join(dir, "report.json"), "utf8")).toBe(invalid.stdout.replace('"source": "several-errors.json"', `"source": ${JSON.stringify(join(fixtures, "several-errors.json"))}`));
  });

  it("reports the errors of other commands as JSON on stderr with --format json", async () => {
    const { code, stdout, stderr } = await run(["analyze", "several-errors.json", "--format", "json"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const { error } = JSON.parse(stderr) as { error: { code: string; issues: { pointer: string }[] } };
    expect(error.code).toBe("invalid_model");
    expect(error.issues.map((i) => i.pointer)).toContain("/services/0/channels/0/kind");
  });

  it("validates the bundled example when no file is given", async () => {
    const { code, stdout } = await run(["validate"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^bundled example: valid/);
  });
});

describe("usage errors exit 2 with the usage line", () => {
  it("an unknown command", async () => {
    expect(await run(["frobnicate"])).toMatchInlineSnapshot(`
      {
        "code": 2,
        "stderr": "error Unknown command "frobnicate". Commands: analyze, duplicates, coverage, journeys, scorecard, scenario, compare, report, validate, import, convert, schema, generate.
      Usage: govgraph <command> [file] [options] (govgraph --help lists the commands)
      ",
        "stdout": "",
      }
    `);
  });

  it("an unknown option", async () => {
    expect(await run(["validate", "--colour"])).toMatchInlineSnapshot(`
      {
        "code": 2,
        "stderr": "error Unknown option '--colour'.
      Usage: govgraph validate [file] [--top N] [--verbose] [--max-issues N] [--table ID] [--format
             text|json|md|csv] [--out FILE|DIR] (govgraph validate --help for more)
      ",
        "stdout": "",
      }
    `);
  });

  it("a bad --format", async () => {
    expect(await run(["analyze", "--format", "xml"])).toMatchInlineSnapshot(`
      {
        "code": 2,
        "stderr": "error Bad --format "xml" for analyze. Use one of: text, json, md, csv.
      Usage: govgraph analyze [file] [--only ID,ID] [--top N] [--verbose] [--max-issues N] [--table ID]
             [--fail-on duplication|gaps] [--format text|json|md|csv] [--out FILE|DIR] (govgraph analyze
             --help for more)
      ",
        "stdout": "",
      }
    `);
  });

  it("a bad --fail-on", async () => {
    const { code, stderr } = await run(["analyze", "--fail-on", "typos"]);
    expect(code).toBe(2);
    expect(stderr).toContain('Bad --fail-on "typos". Use one of: duplication, gaps.');
  });

  it("a usage message of several lines keeps its lines (control characters in it are still escaped)", async () => {
    const { code, stderr } = await run(["analyze", "--top", "-1"]);
    expect(code).toBe(2);
    expect(stderr).not.toContain("\\u000a");
    expect(stderr.split("\n").slice(0, 2)).toEqual([
      "error Option '--top' argument is ambiguous.",
      "Did you forget to specify the option argument for '--top'?",
    ]);
    expect((await run(["analyze", "--only", "a\u001bb"])).stderr).toContain("\\u001b");
  });

  it("--only constructor is an unknown section, not a property of Object", async () => {
    const { code, stderr } = await run(["analyze", "--only", "constructor"]);
    expect(code).toBe(2);
    expect(stderr).not.toContain("native code");
  });

  it("--fail-on where it means nothing: on a command without findings of that kind", async () => {
    expect((await run(["journeys", "--fail-on", "gaps"])).code).toBe(2);
    expect((await run(["validate", "--fail-on", "duplication"])).code).toBe(2);
    const coverage = await run(["coverage", "--fail-on", "duplication"]);
    expect([coverage.code, coverage.stderr.split("\n")[0]]).toEqual([2, 'error Bad --fail-on "duplication". Use one of: gaps.']);
    expect((await run(["duplicates", "--fail-on", "gaps"])).code).toBe(2);
  });

  it("too many arguments", async () => {
    const { code, stderr } = await run(["validate", "a.json", "b.json"]);
    expect(code).toBe(2);
    expect(stderr).toContain("Too many arguments for validate: b.json.");
  });

  it("an unknown schema entity lists the known ones", async () => {
    const { code, stderr } = await run(["schema", "ministry"]);
    expect(code).toBe(2);
    expect(stderr).toContain('schema: unknown entity "ministry". Known entities: assignment, channel,');
    expect(stderr).toContain("model, need,");
  });
});

describe("hints", () => {
  it("never point to an option or a format the command refuses", async () => {
    const report = await run(["report", "several-errors.json", "--max-issues", "1"]);
    expect(report.code).toBe(1);
    expect(report.stderr.replace(/\s+/g, " ")).toContain("… and 3 more, of which 3 errors: 1 x too_small, 1 x unrecognized_keys, 1 x invalid_value (--max-issues 4 lists them all)");
    expect(report.stderr).not.toContain("--format json");
    const validate = await run(["validate", "several-errors.json", "--max-issues", "1"]);
    expect(validate.stdout.replace(/\s+/g, " ")).toContain("(--max-issues 4 lists them all; --format json lists every issue)");
    expect((await run(["schema", "--top", "3"])).code).toBe(2);
  });
});

describe("--help and --version", () => {
  it("lists the commands", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "govgraph 0.1.0: model a government as a graph of departments, functions, services and needs, and
      measure it.

      Usage: govgraph <command> [file] [options]

      Commands:
        analyze     Analyse a model: summary, validation, and every analysis section
        duplicates  Find duplicated, fragmented and overlapping responsibilities (GAO-15-49SP),
                    near-duplicate functions, merge candidates
        coverage    Score service coverage: reach and capacity by need, region, segment, department; gaps;
                    Gini
        journeys    Measure each need's journey: visits, evidence (once-only), online end to end, days,
                    departments
        scorecard   Score the five reform pillars 0-100 (functions, services, innovation, openness, civil
                    service) and a composite
        scenario    Apply what-if operations (merge, transfer, digitize, reuse evidence...) and report
                    what moved
        compare     Compare two models: the change of every indicator, and the records added, removed or
                    changed
        report      Write a self-contained HTML report (scorecard, duplication graph, coverage, journeys,
                    staffing, openness)
        validate    Check a model: schema, unique ids, references, cycles; list every problem (exit 1 when
                    there are errors)
        import      Map a catalogue onto a model (csv, us-fpi, gc-si, kenya-ecitizen, hsds, cpsv-ap,
                    cpsv-ap-turtle): model JSON, with what was mapped and every issue
        convert     Write a model in another format (json, csv, hsds, hsds-csv, cpsv-ap, cpsv-ap-turtle,
                    graphml, gexf, mermaid); a folder format into --out DIR
        schema      Print the JSON Schema (2020-12) of the model or of one entity
        generate    Generate a seeded synthetic government with planted duplicates and gaps (model JSON)

      Options:
        -h, --help     Show help
        -v, --version  Show the version

      Without a file, commands run on the bundled example county. Exit codes: 0 ok, 1 invalid input, 2
      usage error, 3 --fail-on findings (analyze, duplicates, coverage), 141 standard output closed,
      129/130/143 interrupted by SIGHUP/SIGINT/SIGTERM. Text fits the terminal (100 columns when output is
      not one). Set NO_COLOR to disable colour, GOVGRAPH_DEBUG=1 to print stack traces.
      "
    `);
  });

  it("explains each command", async () => {
    expect((await run(["analyze", "--help"])).stdout).toMatchInlineSnapshot(`
      "Analyse a model: summary, validation, and every analysis section.

      Usage: govgraph analyze [file] [--only ID,ID] [--top N] [--verbose] [--max-issues N] [--table ID]
             [--fail-on duplication|gaps] [--format text|json|md|csv] [--out FILE|DIR]

      Arguments:
        file  A model JSON file (default: the bundled example)

      Options:
            --only ID,ID                Run only these sections (summary, validation, journeys, openness,
                                        staffing, coverage, duplication, scorecard)
            --top N                     Rows of each table in text and md (default 20; csv and json have
                                        every row)
            --verbose                   List warnings one by one instead of grouped by code
            --max-issues N              Issues listed in text and md (default 1000; json lists them all)
            --table ID                  With --format csv, write only this table (default: every table,
                                        each after a \`# table: ID\` line)
            --fail-on duplication|gaps  Exit 3 when the analysis finds duplication or coverage gaps
                                        (repeatable); for CI
        -f, --format text|json|md|csv   Output format (default: text); csv writes every table (--table ID
                                        for one, --out DIR/ for one file each)
        -o, --out FILE|DIR              Write the output to FILE, or its files into DIR (only when the run
                                        gives its report: an error writes nothing)
            --progress                  Show progress on stderr even when it is not a terminal or CI is
                                        set
        -h, --help                      Show help

      Examples:
        govgraph analyze
        govgraph analyze model.json --format md --out report.md
        govgraph analyze model.json --format csv --out tables/
        govgraph analyze model.json --fail-on duplication
      "
    `);
    for (const command of ["validate", "schema", "analyze"]) {
      const { code, stdout } = await run([command, "-h"]);
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: govgraph ${command}`);
    }
  });

  it("prints the package version", async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8")) as { version: string };
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });
});

describe("govgraph schema", () => {
  it("prints model.json by default, the committed file", async () => {
    const { code, stdout } = await run(["schema"]);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(import.meta.dirname, "../../schemas/model.json"), "utf8"));
  });

  it("finds an entity by file name, type name or registry id", async () => {
    for (const name of ["service-point", "ServicePoint", "govgraph.ServicePoint", "service-point.json"]) {
      const { stdout } = await run(["schema", name]);
      expect(JSON.parse(stdout).$id).toBe("https://govgraph.dev/schemas/1/service-point.json");
    }
    expect(JSON.parse((await run(["schema", "function"])).stdout).$id).toBe("https://govgraph.dev/schemas/1/gov-function.json");
  });
});

describe("govgraph analyze", () => {
  it("prints the summary and validation sections", async () => {
    expect((await run(["analyze", "tiny-county.json", "--only", "summary,validation"])).stdout).toMatchInlineSnapshot(`
      "Tiny county (tiny-county.json; 0 errors, 0 warnings)
      ====================================================

      Summary
      -------

      collection     records
      regions              3
      segments             2
      departments          3
      functions            2
      assignments          3
      services             2
      needs                2
      evidence             1
      servicePoints        1
      travelCosts          2

      region level  regions  population
      county              1      52,000
      township            2      52,000

      department level  departments  staff in post
      (none)                      2  18 (1 of 2 departments)
      county                      1                       36

      channel    active services  share of active services  end to end
      in_person                2                    100.0%           0
      online                   1                     50.0%           1

      status  services
      active         2

      Validation
      ----------

      No problems found.
      "
    `);
  });

  it("runs every section by default, in order", async () => {
    const { code, stdout } = await run(["analyze", "tiny-county.json"]);
    expect(code).toBe(0);
    const headings = stdout.split("\n").filter((line, i, lines) => /^-+$/.test(lines[i + 1] ?? "") && line.length > 0);
    expect(headings).toEqual(SECTIONS.map((s) => s.title));
  });

  it("exits 3 with --fail-on when the analyses find some, and still writes --out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "govgraph-cli-"));
    const found = await run(["analyze", "--fail-on", "duplication", "--format", "json", "--out", "report.json"], { cwd: dir });
    expect(found).toEqual({ code: 3, stdout: "", stderr: "" });
    expect(Object.keys(JSON.parse(readFileSync(join(dir, "report.json"), "utf8")).sections)).toContain("duplication");
    expect((await run(["analyze", "--format", "json"], { cwd: dir })).code).toBe(0);
  });

  it("exits 2 on an unknown --only section", async () => {
    const { code, stderr } = await run(["analyze", "--only", "summary,horoscope"]);
    expect(code).toBe(2);
    expect(stderr).toContain('analyze: unknown section "horoscope". Sections: summary, validation,');
  });

  it("exits 2 on a comma list that names nothing, rather than running nothing", async () => {
    for (const [command, flag, value] of [["analyze", "--only", ","], ["analyze", "--only", " , "], ["duplicates", "--include", ","], ["coverage", "--channels", " ,"]]) {
      const { code, stdout, stderr } = await run([command!, flag!, value!]);
      expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
      expect(stderr).toContain(`${command}: ${flag} "${value}" lists nothing. Give one or more items separated by commas.`);
    }
  });

  it("runs the openness section for --only openness, and for its former id transparency", async () => {
    const sections = async (only: string) => Object.keys(JSON.parse((await run(["analyze", "tiny-county.json", "--only", only, "--format", "json"])).stdout).sections);
    expect(await sections("openness")).toEqual(["openness"]);
    expect(await sections("transparency")).toEqual(["openness"]);
  });

  it("renders Markdown with --format md", async () => {
    expect((await run(["analyze", "tiny-county.json", "--format", "md", "--only", "summary"])).stdout).toMatchInlineSnapshot(`
      "# Tiny county (tiny-county.json; 0 errors, 0 warnings)

      ## Summary

      | collection | records |
      | --- | ---: |
      | regions | 3 |
      | segments | 2 |
      | departments | 3 |
      | functions | 2 |
      | assignments | 3 |
      | services | 2 |
      | needs | 2 |
      | evidence | 1 |
      | servicePoints | 1 |
      | travelCosts | 2 |

      | region level | regions | population |
      | --- | ---: | ---: |
      | county | 1 | 52,000 |
      | township | 2 | 52,000 |

      | department level | departments | staff in post |
      | --- | ---: | ---: |
      | (none) | 2 | 18 (1 of 2 departments) |
      | county | 1 | 36 |

      | channel | active services | share of active services | end to end |
      | --- | ---: | ---: | ---: |
      | in_person | 2 | 100.0% | 0 |
      | online | 1 | 50.0% | 1 |

      | status | services |
      | --- | ---: |
      | active | 2 |
      "
    `);
  });

  it("gives every section's report under its id with --format json", async () => {
    const { stdout } = await run(["analyze", "tiny-county.json", "--format", "json"]);
    const report = JSON.parse(stdout) as { sections: Record<string, unknown> };
    expect(Object.keys(report.sections)).toEqual(SECTIONS.map((s) => s.id));
    expect(report.sections.summary).toMatchObject({ name: "Tiny county", counts: { departments: 3 } });
  });

  it("refuses an invalid model (exit 1): a model with errors is never analysed", async () => {
    const { code, stdout, stderr } = await run(["analyze", "several-errors.json"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("invalid_model");
  });
});

describe("--out", () => {
  const scratch = () => mkdtempSync(join(tmpdir(), "govgraph-cli-"));

  it("writes the output to the file, not to stdout", async () => {
    const dir = scratch();
    const { code, stdout } = await run(["analyze", join(fixtures, "tiny-county.json"), "--format", "md", "--out", "report.md"], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(readFileSync(join(dir, "report.md"), "utf8")).toMatch(/^# Tiny county/);
    expect(readdirSync(dir)).toEqual(["report.md"]);
  });

  it("writes nothing, and leaves no temporary file, when the run fails", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "old.md"), "previous report\n");
    const failed = await run(["analyze", join(fixtures, "several-errors.json"), "--out", "old.md"], { cwd: dir });
    expect(failed.code).toBe(1);
    const missing = await run(["validate", "missing.json", "--out", "new.txt"], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(readdirSync(dir)).toEqual(["old.md"]);
    expect(readFileSync(join(dir, "old.md"), "utf8")).toBe("previous report\n");
  });

  it("explains a file too large to read in one string", () => {
    const error = fileError("readFile", "nation.json", Object.assign(new Error("Cannot create a string longer than 0x1fffffe8 characters"), { code: "ERR_STRING_TOO_LONG" }));
    expect(error.message).toBe("readFile: nation.json is too large to read as one string (512 MB at most). Use a smaller file.");
  });

  it("fails cleanly (exit 1) when the output directory does not exist", async () => {
    const dir = scratch();
    const { code, stderr } = await run(["schema", "--out", "nowhere/schema.json"], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error /);
    expect(existsSync(join(dir, "nowhere"))).toBe(false);
  });
});

describe("govgraph generate", () => {
  it("writes a valid county model, the same bytes for the same seed, and its ground truth", async () => {
    const dir = mkdtempSync(join(tmpdir(), "govgraph-cli-"));
    const first = await run(["generate", "--size", "county", "--seed", "7", "--out", "a.json", "--truth", "truth.json"], { cwd: dir });
    expect(first).toEqual({ code: 0, stdout: "", stderr: "" });
    const again = await run(["generate", "--seed", "7"], { cwd: dir });
    expect(again.stdout).toBe(readFileSync(join(dir, "a.json"), "utf8"));
    expect((await run(["validate", "a.json"], { cwd: dir })).code).toBe(0);
    const truth = JSON.parse(readFileSync(join(dir, "truth.json"), "utf8")) as Record<string, unknown[]>;
    expect(Object.keys(truth).sort()).toEqual(["duplicatedFunctions", "nearDuplicateFunctions", "uncoveredNeeds"]);
    expect(truth.duplicatedFunctions!.length).toBeGreaterThan(0);
    expect(readdirSync(dir).sort()).toEqual(["a.json", "truth.json"]);
  });

  it("exits 2 on a bad size or seed", async () => {
    expect((await run(["generate", "--size", "city"])).code).toBe(2);
    const bad = await run(["generate", "--seed", "seven"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Bad --seed "seven". Use an integer from 0 to 4294967295, such as 7.');
  });

  it("takes every seed in [0, 2^32) as its own", async () => {
    const head = async (seed: string) => (await run(["generate", "--seed", seed])).stdout.slice(0, 400);
    expect(await head("0")).not.toBe(await head("1"));
    expect(await head("4294967295")).toContain("seed 4294967295");
  });

  it("writes --truth only once --out is written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "govgraph-cli-"));
    const written: string[] = [];
    const real = nodeIo();
    const io: Partial<CliIo> = {
      async writeFileAtomic(path, produce) {
        if (path === "broken.json") throw new GovGraphError("invalid_input", "writeFile: disk on fire.");
        await real.writeFileAtomic.call({ ...real, cwd: dir }, path, produce);
        written.push(path);
      },
    };
    const failed = await runIn(dir, ["generate", "--out", "broken.json", "--truth", "truth.json"], io);
    expect(failed.code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
    expect((await runIn(dir, ["generate", "--out", "model.json", "--truth", "truth.json"], io)).code).toBe(0);
    expect(written).toEqual(["model.json", "truth.json"]);
  });
});

describe("a closed output", () => {
  it("ends the run quietly with exit 141 when standard output's reader has gone", async () => {
    let stderr = "";
    const io: CliIo = {
      ...nodeIo(),
      env: {},
      stderrIsTTY: false,
      stdout: () => {
        throw new ClosedOutputError();
      },
      stderr: (t) => void (stderr += t),
    };
    expect(await runCli(["generate"], io)).toBe(141);
    expect(await runCli(["analyze", "--format", "json"], io)).toBe(141);
    expect(stderr).toBe("");
  });

  it("keeps the exit code, and throws nothing, when standard error cannot be written either", async () => {
    const io: CliIo = {
      ...nodeIo(),
      cwd: fixtures,
      env: {},
      stderrIsTTY: false,
      stdout: () => {},
      stderr: () => {
        throw Object.assign(new Error("write EPIPE"), { code: "EPIPE" });
      },
    };
    expect(await runCli(["validate", "several-errors.json"], io)).toBe(1);
    expect(await runCli(["validate", "--colour"], io)).toBe(2);
  });
});

describe("--force", () => {
  it("is an option of scenario only, whose --model-out may replace the model it reads", () => {
    expect(COMMANDS.filter((c) => "force" in c.options).map((c) => c.name)).toEqual(["scenario"]);
  });
});

describe("the invalid corpus (test/fixtures/invalid)", () => {
  const dir = join(import.meta.dirname, "../fixtures/invalid");
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));

  it("holds files to check", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  // warnings-only.json and the like: a model with warnings and no error is analysed.
  const rejected = files.filter((f) => {
    try {
      return !validateModel(JSON.parse(readFileSync(join(dir, f), "utf8"))).ok;
    } catch {
      return true;
    }
  });

  it.each(rejected)("%s: exit 1, readable lines, no stack trace, no output file", async (file) => {
    const out = mkdtempSync(join(tmpdir(), "govgraph-cli-"));
    const { code, stdout, stderr } = await run(["analyze", join(dir, file), "--out", join(out, "report.txt")]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^error (invalid_json|invalid_model): /);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr.split("\n").every((line) => line.length < 2_000)).toBe(true);
    expect(readdirSync(out)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("unexpected errors", () => {
  it("print one line and exit 1; GOVGRAPH_DEBUG=1 adds the stack", async () => {
    const io = (env: Record<string, string>, out: string[]): CliIo => ({
      ...nodeIo(),
      stdout: (t) => void out.push(t),
      stderr: (t) => void out.push(t),
      cwd: fixtures,
      env,
      stderrIsTTY: false,
      readBytes: () => {
        throw new TypeError("disk on fire");
      },
    });
    const plain: string[] = [];
    expect(await runCli(["validate", "tiny-county.json"], io({}, plain))).toBe(1);
    expect(plain.join("")).toBe("error unexpected: disk on fire (set GOVGRAPH_DEBUG=1 for the stack trace)\n");
    const debug: string[] = [];
    expect(await runCli(["validate", "tiny-county.json"], io({ GOVGRAPH_DEBUG: "1" }, debug))).toBe(1);
    expect(debug.join("")).toMatch(/^TypeError: disk on fire\n\s+at /);
  });

  it("colour only on a terminal without NO_COLOR", async () => {
    const colours = async (tty: boolean, env: Record<string, string>) => {
      let stderr = "";
      await runCli(["analyze", "several-errors.json"], { ...nodeIo(), stdout: () => {}, stderr: (t) => void (stderr += t), cwd: fixtures, env, stderrIsTTY: tty });
      return stderr.includes("\u001b[31m");
    };
    expect(await colours(true, {})).toBe(true);
    expect(await colours(true, { NO_COLOR: "1" })).toBe(false);
    expect(await colours(false, {})).toBe(false);
  });

  it("progress only on a terminal, cleared before the output", async () => {
    let stderr = "";
    const io: CliIo = { ...nodeIo(), stdout: () => {}, stderr: (t) => void (stderr += t), cwd: fixtures, env: {}, stderrIsTTY: true };
    expect(await runCli(["analyze", "tiny-county.json"], io)).toBe(0);
    expect(stderr).toContain("\r\u001b[Kreading tiny-county.json...");
    expect(stderr).toContain("\r\u001b[KSummary...");
    expect(stderr.endsWith("\r\u001b[K")).toBe(true);
  });
});

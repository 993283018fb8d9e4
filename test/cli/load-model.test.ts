import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LARGE_FILE_BYTES } from "../../src/cli/load-model.js";
import { runIn } from "./run-cli.js";

const fixtures = join(import.meta.dirname, "fixtures");

/** Runs the CLI in-process; with `large`, every file claims to be over LARGE_FILE_BYTES, so it is read as bytes. */
const run = (argv: string[], large = false) =>
  runIn(
    fixtures,
    argv,
    large
      ? {
          fileSize: () => LARGE_FILE_BYTES + 1,
          readFile: () => {
            throw new Error("a large file must not be read as one string");
          },
        }
      : {},
  );

describe("model files over LARGE_FILE_BYTES", () => {
  it("are read in batches, with the same report as a small file", async () => {
    const small = await run(["analyze", "tiny-county.json", "--format", "json"]);
    const large = await run(["analyze", "tiny-county.json", "--format", "json"], true);
    expect(large).toEqual(small);
    expect(large.code).toBe(0);
    expect(JSON.parse(large.stdout).sections.summary.counts.regions).toBeGreaterThan(0);
  });

  it("say where malformed JSON breaks, as for a small file", async () => {
    const large = await run(["analyze", "malformed.json"], true);
    expect(large).toEqual(await run(["analyze", "malformed.json"]));
    expect(large.code).toBe(1);
    expect(large.stderr).toMatch(/^error invalid_json: malformed\.json:5:5: malformed JSON: expected "," or "\]" but found "\{"/);
    const validated = await run(["validate", "malformed.json"], true);
    expect(validated).toEqual(await run(["validate", "malformed.json"]));
    expect(validated.stdout).toContain('Malformed JSON at malformed.json:5:5: expected "," or "]" but found "{".');
  });

  it("list every issue of an invalid model", async () => {
    const large = await run(["validate", "several-errors.json"], true);
    expect(large).toEqual(await run(["validate", "several-errors.json"]));
    expect(large.code).toBe(1);
  });
});

describe("a command given an invalid model", () => {
  it("says how many errors it has, in words that agree with the count", async () => {
    const { code, stderr } = await run(["analyze", "several-errors.json"]);
    expect(code).toBe(1);
    expect(stderr.split("\n")[0]).toMatch(/^error invalid_model: several-errors\.json: the model has [2-9]\d* errors\. Fix them and try again\.$/);
  });
});

describe("analyze --fail-on with --only", () => {
  it("runs the coverage section for --fail-on gaps even when --only leaves it out", async () => {
    const { code, stdout } = await run(["analyze", "tiny-county.json", "--only", "summary", "--fail-on", "gaps", "--format", "json"]);
    expect(code).toBe(3);
    expect(Object.keys(JSON.parse(stdout).sections)).toEqual(["summary", "coverage"]);
  });

  it("runs the duplication section for --fail-on duplication even when --only leaves it out", async () => {
    const { code, stdout } = await run(["analyze", "--only", "summary", "--fail-on", "duplication"]);
    expect(code).toBe(3);
    expect(stdout).toMatch(/^Duplication, fragmentation and overlap\n-+$/m);
    expect((await run(["analyze", "--only", "summary"])).code).toBe(0);
  });
});

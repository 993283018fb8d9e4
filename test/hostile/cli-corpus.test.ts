import { execFileSync } from "node:child_process";
import { closeSync, constants, copyFileSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runIn } from "../cli/run-cli.js";

/**
 * The CLI corpus: hostile command lines, each with the exit code it must give. Every case runs in a fresh
 * directory holding the files below, and must print no stack trace and change no file but those it names.
 */
const fixtures = join(import.meta.dirname, "../cli/fixtures");
const journeys = join(import.meta.dirname, "../fixtures/journeys");

function setUp(): string {
  const dir = mkdtempSync(join(tmpdir(), "govgraph-corpus-"));
  copyFileSync(join(fixtures, "tiny-county.json"), join(dir, "model.json"));
  copyFileSync(join(fixtures, "several-errors.json"), join(dir, "bad.json"));
  copyFileSync(join(fixtures, "malformed.json"), join(dir, "malformed.json"));
  copyFileSync(join(journeys, "newborn-and-business.json"), join(dir, "journeys.json"));
  copyFileSync(join(journeys, "digitize-and-merge.ops.json"), join(dir, "ops.json"));
  writeFileSync(join(dir, "old.txt"), "previous report\n", { mode: 0o640 });
  symlinkSync("old.txt", join(dir, "link.txt"));
  symlinkSync("model.json", join(dir, "model-link.json"));
  linkSync(join(dir, "model.json"), join(dir, "model-hard.json"));
  mkdirSync(join(dir, "dir"));
  writeFileSync(join(dir, "dir", "inside.txt"), "keep\n");
  return dir;
}

/** Every entry under `dir` (by relative path) as what a user would notice changing: content, mode, link target. */
function snapshot(dir: string, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const path = join(prefix, name);
    const stats = lstatSync(join(dir, path));
    if (stats.isSymbolicLink()) entries.set(path, `link -> ${readlinkSync(join(dir, path))}`);
    else if (stats.isDirectory()) {
      entries.set(path, "directory");
      for (const [inner, what] of snapshot(dir, path)) entries.set(inner, what);
    } else entries.set(path, `${(stats.mode & 0o7777).toString(8)} ${readFileSync(join(dir, path), "base64")}`);
  }
  return entries;
}

interface Case {
  argv: string[];
  code: number;
  /** What standard error must say. */
  says?: RegExp;
  /** What standard output shows (a report written for an invalid input, exit 1). */
  shows?: RegExp;
  /** Files the run may create or replace (only when it succeeds: a failed run changes nothing). */
  writes?: string[];
}

const cases: Record<string, Case> = {
  "no arguments: the help": { argv: [], code: 0 },
  "an unknown command": { argv: ["frobnicate"], code: 2 },
  "an unknown option": { argv: ["validate", "--colour"], code: 2 },
  "an option without its value": { argv: ["validate", "--out"], code: 2 },
  "a bad --format": { argv: ["analyze", "--format", "xml"], code: 2 },
  "--format twice": { argv: ["analyze", "-f", "json", "--format", "md"], code: 2, says: /--format is given twice \("json", "md"\)/ },
  "--out twice": { argv: ["validate", "--out", "a.txt", "--out", "b.txt"], code: 2, says: /--out is given twice/ },
  "--seed twice": { argv: ["generate", "--seed", "1", "--seed", "2"], code: 2, says: /--seed is given twice/ },
  "--help twice": { argv: ["validate", "-h", "--help"], code: 2 },
  "--fail-on twice is allowed": { argv: ["analyze", "model.json", "--fail-on", "gaps", "--fail-on", "duplication", "--only", "summary"], code: 3 },
  "--only empty": { argv: ["analyze", "model.json", "--only", ""], code: 2, says: /--only is empty/ },
  "--out empty": { argv: ["validate", "--out", ""], code: 2, says: /--out is empty/ },
  "--format empty": { argv: ["validate", "--format="], code: 2 },
  "--truth empty": { argv: ["generate", "--truth", ""], code: 2 },
  "--out dir/ (missing)": { argv: ["validate", "--out", "new/"], code: 2, says: /--out new\/ ends with "\/", so it names a directory/ },
  "--out dir/ (existing)": { argv: ["validate", "--out", "dir/"], code: 2, says: /names a directory/ },
  "--out a directory": { argv: ["analyze", "--out", "dir", "--format", "md"], code: 2, says: /--out dir is a directory\. Name a file, such as dir\/analyze\.md\./ },
  "--out .": { argv: ["validate", "--out", "."], code: 2 },
  "--out in a missing directory": { argv: ["validate", "--out", "missing/out.txt"], code: 1, says: /the directory .*missing does not exist/ },
  "--out below a file": { argv: ["validate", "--out", "model.json/out.txt"], code: 1 },
  "--out the input": { argv: ["validate", "model.json", "--out", "model.json"], code: 2, says: /--out model\.json names a file this run reads/ },
  "--out the input, read through a link": { argv: ["validate", "model-link.json", "--out", "model.json"], code: 2 },
  "--out the input, read through a hard link": { argv: ["validate", "model-hard.json", "--out", "model.json"], code: 2 },
  "--out the compared file": { argv: ["compare", "model.json", "journeys.json", "--out", "journeys.json"], code: 2 },
  "--force on a command that writes no model": { argv: ["validate", "model.json", "--out", "model.json", "--force"], code: 2 },
  "scenario --out (its report) onto its model": { argv: ["scenario", "journeys.json", "ops.json", "--out", "journeys.json"], code: 2, says: /Write to another file\./ },
  "scenario --out its operations": { argv: ["scenario", "journeys.json", "ops.json", "--out", "ops.json"], code: 2 },
  "scenario --model-out its model": { argv: ["scenario", "journeys.json", "ops.json", "--model-out", "journeys.json"], code: 2, says: /or add --force/ },
  "scenario --model-out its model --force": { argv: ["scenario", "journeys.json", "ops.json", "--model-out", "journeys.json", "--force"], code: 0, writes: ["journeys.json"] },
  "scenario --out its model --force (the report never replaces an input)": { argv: ["scenario", "journeys.json", "ops.json", "--out", "journeys.json", "--force"], code: 2 },
  "--truth and --out the same file": { argv: ["generate", "--out", "m.json", "--truth", "./m.json"], code: 2, says: /name the same file/ },
  "--seed 2^32": { argv: ["generate", "--seed", "4294967296"], code: 2, says: /from 0 to 4294967295/ },
  "--seed 2^32 + 1": { argv: ["generate", "--seed", "4294967297"], code: 2 },
  "--seed of 35 digits": { argv: ["generate", "--seed", "1".repeat(35)], code: 2 },
  "--seed=-1": { argv: ["generate", "--seed=-1"], code: 2 },
  "--seed -1": { argv: ["generate", "--seed", "-1"], code: 2 },
  "--seed 1e3": { argv: ["generate", "--seed", "1e3"], code: 2 },
  "--seed with a space": { argv: ["generate", "--seed", " 7"], code: 2 },
  "--seed 4294967295": { argv: ["generate", "--seed", "4294967295", "--out", "m.json"], code: 0, writes: ["m.json"] },
  "a missing file": { argv: ["analyze", "missing.json"], code: 1 },
  "malformed JSON": { argv: ["analyze", "malformed.json"], code: 1 },
  "an invalid model, --out untouched": { argv: ["analyze", "bad.json", "--out", "old.txt"], code: 1 },
  "an invalid model, errors as JSON": { argv: ["analyze", "bad.json", "--format", "json"], code: 1 },
  "validate reports an invalid model as its output": { argv: ["validate", "bad.json", "--format", "json"], code: 1, shows: /^\{\n {2}"ok": false,/ },
  "a directory as the model": { argv: ["validate", "dir"], code: 1 },
  "compare two bad files": { argv: ["compare", "bad.json", "malformed.json"], code: 1, says: /bad\.json: the model has 4 errors[^]*malformed\.json:5:5/ },
  "compare two bad files, as JSON": { argv: ["compare", "bad.json", "malformed.json", "--format", "json"], code: 1, says: /"errors"/ },
  "too many arguments": { argv: ["validate", "a.json", "b.json"], code: 2 },
  "scenario without operations": { argv: ["scenario"], code: 2 },
  "an unknown schema entity": { argv: ["schema", "ministry"], code: 2 },
  "--out through a link: the target is replaced, the link kept": { argv: ["validate", "model.json", "--out", "link.txt"], code: 0, writes: ["old.txt"] },
  "--fail-on findings still write --out": { argv: ["analyze", "--fail-on", "duplication", "--out", "r.txt"], code: 3, writes: ["r.txt"] },
};

describe("the CLI corpus", () => {
  it.each(Object.entries(cases))("%s", async (_name, { argv, code, says, shows, writes = [] }) => {
    const dir = setUp();
    const before = snapshot(dir);
    const run = await runIn(dir, argv);
    expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code });
    expect(run.stdout + run.stderr).not.toMatch(/^ {4}at /m);
    if (says) expect(run.stderr).toMatch(says);
    if (shows) expect(run.stdout).toMatch(shows);
    else if (code !== 0 && code !== 3) expect(run.stderr).toMatch(/^(error |\{\n {2}"error": )/);
    const after = snapshot(dir);
    const allowed = code === 0 || code === 3 ? writes : [];
    for (const [path, what] of before) if (!allowed.includes(path)) expect(after.get(path), path).toBe(what);
    expect([...after.keys()].filter((path) => !before.has(path))).toEqual(allowed.filter((path) => !before.has(path)));
    for (const path of allowed) expect(after.get(path), path).not.toBe(before.get(path));
  });

  // Devices are written in place too; the tests use a FIFO and a link to /dev/stdout of their own, so that a
  // regression can never replace a real device (as root it could replace /dev/null).
  it("writes to a FIFO in place: no temporary file, still a FIFO", async () => {
    const dir = setUp();
    execFileSync("mkfifo", [join(dir, "fifo")]);
    const reader = openSync(join(dir, "fifo"), constants.O_RDONLY | constants.O_NONBLOCK);
    const run = await runIn(dir, ["validate", "model.json", "--out", "fifo"]);
    const bytes = Buffer.alloc(4096);
    const read = readSync(reader, bytes);
    closeSync(reader);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(bytes.subarray(0, read).toString()).toMatch(/^model\.json: valid/);
    expect(lstatSync(join(dir, "fifo")).isFIFO()).toBe(true);
    expect(readdirSync(dir).filter((name) => name.includes("govgraph"))).toEqual([]);
  });

  it("writes --out naming this process's standard output (/dev/stdout) to standard output", async () => {
    const dir = setUp();
    symlinkSync("/dev/stdout", join(dir, "out"));
    const run = await runIn(dir, ["validate", "model.json", "--out", "out"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^model\.json: valid/);
    expect(readlinkSync(join(dir, "out"))).toBe("/dev/stdout");
  });

  it("keeps the mode of a file replaced through a link", async () => {
    const dir = setUp();
    expect((await runIn(dir, ["validate", "model.json", "--out", "link.txt"])).code).toBe(0);
    expect(readlinkSync(join(dir, "link.txt"))).toBe("old.txt");
    expect(lstatSync(join(dir, "old.txt")).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(dir, "old.txt"), "utf8")).toMatch(/^model\.json: valid/);
  });
});

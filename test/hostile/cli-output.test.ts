/* eslint-disable no-control-regex -- these tests look for control characters in the output */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeIo } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/main.js";
import { displayWidth } from "../../src/cli/render/text.js";
import { runIn, type CliRun } from "../cli/run-cli.js";

// Hostile models against the CLI's output: huge issue lists, huge values, control characters. Each run must
// exit with its code, print no stack trace, and print a capped output whose lines fit the terminal.
const dir = mkdtempSync(join(tmpdir(), "govgraph-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (argv: string[]) => runIn(dir, argv);
const noStackTrace = (r: CliRun) => expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
const fits = (text: string, width = 100) => {
  for (const line of text.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(width);
};
const region = (id: string, name = "R") => JSON.stringify({ id, name });

describe("a model with 1,000,000 bad records", () => {
  beforeAll(() => {
    // One region id repeated a million times: 999,999 duplicate_id errors, built as one string repeat.
    const record = region("r") + ",";
    writeFileSync(join(dir, "million.json"), `{"schemaVersion":1,"regions":[${record.repeat(999_999)}${region("r")}]}`);
  });

  it("validate prints the first 1,000 issues and counts the others by code (exit 1)", { timeout: 180_000 }, async () => {
    const r = await run(["validate", "million.json"]);
    expect(r.code).toBe(1);
    noStackTrace(r);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("error "))).toHaveLength(1000);
    expect(r.stdout).toContain("million.json: invalid (999,999 errors, 0 warnings)");
    expect(r.stdout.replace(/\s+/g, " ")).toContain("… and 998,999 more, of which 998,999 errors: 998,999 x duplicate_id (--max-issues 999999 lists them all");
    expect(r.stdout.length).toBeLessThan(300_000);
    fits(r.stdout);
  });
});

describe("a valid model with 130,000 warnings", () => {
  beforeAll(() => {
    const services = Array.from({ length: 130_000 }, (_, i) => `{"id":"s${i}","name":"S","departmentId":"d"}`).join(",");
    writeFileSync(join(dir, "warnings.json"), `{"schemaVersion":1,"regions":[${region("r")}],"departments":[{"id":"d","name":"D","regionId":"r"}],"services":[${services}]}`);
  });

  it("validate and analyze exit 0, the warnings grouped by code", { timeout: 120_000 }, async () => {
    const validated = await run(["validate", "warnings.json"]);
    expect([validated.code, validated.stderr]).toEqual([0, ""]);
    expect(validated.stdout).toContain("warning 130,000 x service_without_channel, for example:");
    expect(validated.stdout.split("\n").length).toBeLessThan(20);
    const analyzed = await run(["analyze", "warnings.json", "--only", "summary,validation"]);
    expect([analyzed.code, analyzed.stderr]).toEqual([0, ""]);
    expect(analyzed.stdout).toContain("… and 129,997 more (--verbose lists them)");
  });

  it("--verbose lists them up to --max-issues; --format json lists every one, streamed in chunks", { timeout: 120_000 }, async () => {
    const verbose = await run(["validate", "warnings.json", "--verbose", "--max-issues", "50"]);
    expect(verbose.code).toBe(0);
    expect(verbose.stdout.split("\n").filter((l) => l.startsWith("warning "))).toHaveLength(50);
    expect(verbose.stdout.replace(/\s+/g, " ")).toContain("… and 129,950 more, of which 0 errors: 129,950 x service_without_channel");
    const chunks: number[] = [];
    let json = "";
    const code = await runCli(["validate", join(dir, "warnings.json"), "--format", "json"], {
      ...nodeIo(),
      env: {},
      stderrIsTTY: false,
      stdout: (t) => {
        chunks.push(t.length);
        json += t;
      },
      stderr: () => {},
    });
    expect(code).toBe(0);
    expect((JSON.parse(json) as { issues: unknown[] }).issues).toHaveLength(130_000);
    expect(chunks.length).toBeGreaterThan(100);
    expect(Math.max(...chunks)).toBeLessThan(1 << 17);
  });
});

describe("1 MB values", () => {
  const mb = "x".repeat(1 << 20);

  it("a 1 MB id prints cut, in lines that fit (analyze, exit 0)", { timeout: 60_000 }, async () => {
    writeFileSync(join(dir, "big-id.json"), JSON.stringify({ schemaVersion: 1, regions: [{ id: mb, name: mb }], departments: [{ id: "d", name: "D", regionId: mb }] }));
    const r = await run(["analyze", "big-id.json"]);
    expect(r.code).toBe(0);
    noStackTrace(r);
    expect(r.stdout.length).toBeLessThan(50_000);
    fits(r.stdout);
  });

  it("a 1 MB unknown key does not pad every line to 1 MB (validate, exit 1; analyze's error, exit 1)", { timeout: 60_000 }, async () => {
    writeFileSync(join(dir, "big-key.json"), `{"schemaVersion":1,"regions":[{"id":"a","name":"A","${mb}":1},{"id":"b","name":"B","y${mb}":2}]}`);
    const validated = await run(["validate", "big-key.json"]);
    expect(validated.code).toBe(1);
    expect(validated.stdout.length).toBeLessThan(5_000);
    fits(validated.stdout);
    const analyzed = await run(["analyze", "big-key.json"]);
    expect([analyzed.code, analyzed.stdout]).toEqual([1, ""]);
    expect(analyzed.stderr.length).toBeLessThan(5_000);
    noStackTrace(analyzed);
  });
});

describe("control characters in ids and names", () => {
  const evil = {
    schemaVersion: 1,
    meta: { name: "Evil\u001b]0;pwned\u0007 model\nsecond line" },
    regions: [{ id: "r\u001b[31m", name: "Region\u0000\nnull" }],
    departments: [{ id: "d\u001b[2J", name: "Dept\u001b[1;1H\rX", regionId: "r\u001b[31m", staff: { actual: 5, authorized: 10 } }],
    functions: [{ id: "f", name: "F\u202eevil" }],
    assignments: [{ departmentId: "d\u001b[2J", functionId: "f" }],
    services: [{ id: "s\u0000", name: "S\r\nx", departmentId: "d\u001b[2J", channels: [{ kind: "online" }] }],
  };
  const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

  it("are escaped in text and Markdown, so a model cannot drive the terminal or break a table", async () => {
    writeFileSync(join(dir, "evil.json"), JSON.stringify(evil));
    for (const format of ["text", "md"]) {
      const r = await run(["analyze", "evil.json", "--format", format]);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(raw);
      expect(r.stdout).toContain("Dept\\u001b[1;1H\\u000dX");
      if (format === "text") fits(r.stdout);
    }
  });

  it("are escaped in the issues of validate and in the errors of other commands", async () => {
    writeFileSync(join(dir, "evil-invalid.json"), JSON.stringify({ ...evil, assignments: [{ departmentId: "nobody\u001b[2J", functionId: "f" }] }));
    const validated = await run(["validate", "evil-invalid.json"]);
    expect(validated.code).toBe(1);
    expect(validated.stdout).not.toMatch(raw);
    expect(validated.stdout).toContain('"nobody\\u001b[2J"');
    const analyzed = await run(["analyze", "evil-invalid.json"]);
    expect(analyzed.code).toBe(1);
    expect(analyzed.stderr).not.toMatch(raw);
    noStackTrace(analyzed);
  });
});

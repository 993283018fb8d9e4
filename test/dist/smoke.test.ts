import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli.js");
const fixture = join(root, "test/cli/fixtures/tiny-county.json");
const tiny = JSON.parse(readFileSync(fixture, "utf8")) as unknown;
const govgraph = (args: string[], cwd = root) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

interface Lib {
  validateModel(input: unknown): { ok: boolean; model?: unknown; issues: unknown[] };
  indexModel(model: unknown): { departments: { ids: readonly string[] } };
  toJsonSchemas(): Record<string, { $id: string }>;
  GovGraphError: new (...args: never[]) => Error;
}

function exercise(lib: Lib) {
  const { ok, model } = lib.validateModel(tiny);
  expect(ok).toBe(true);
  expect(lib.indexModel(model).departments.ids).toEqual(["gov", "health", "market"]);
  expect(lib.toJsonSchemas()["model.json"]!.$id).toBe("https://govgraph.dev/schemas/1/model.json");
  expect(lib.validateModel({ schemaVersion: 2 }).ok).toBe(false);
}

describe("the built package", () => {
  it("imports as ESM through package.json exports", async () => {
    exercise((await import(pathToFileURL(join(root, "dist/index.js")).href)) as Lib);
  });

  it("requires as CommonJS", () => {
    const require = createRequire(import.meta.url);
    exercise(require(join(root, "dist/index.cjs")) as Lib);
  });

  it("resolves by package name from both module systems", () => {
    const script = `
      const cjs = require("govgraph");
      import("govgraph").then((esm) => {
        if (typeof cjs.validateModel !== "function" || typeof esm.validateModel !== "function") process.exit(1);
        console.log(require.resolve("govgraph/schemas/model.json").endsWith("schemas/model.json"));
      });`;
    expect(execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" }).trim()).toBe("true");
  });

  it("ships the CLI with a shebang, validating a model (exit 0) and listing issues (exit 1)", () => {
    expect(readFileSync(cli, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    const ok = govgraph(["validate", fixture]);
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/valid \(0 errors/);
    const bad = govgraph(["validate", join(root, "test/cli/fixtures/several-errors.json")]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/: invalid \(4 errors, 0 warnings\)\n/);
    expect(bad.stdout).toContain("/services/0/channels/0/kind");
    expect(bad.stdout + bad.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on a usage error and writes --out only on success", () => {
    expect(govgraph(["no-such-command"]).status).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), "govgraph-smoke-"));
    writeFileSync(join(dir, "broken.json"), "{ nope");
    expect(govgraph(["analyze", "broken.json", "--out", "out.txt"], dir).status).toBe(1);
    expect(readdirSync(dir)).toEqual(["broken.json"]);
    expect(govgraph(["analyze", "--format", "json", "--out", "out.json"], dir).status).toBe(0);
    expect(existsSync(join(dir, "out.json"))).toBe(true);
  });

  it("ships a thin CLI that imports the library build (./index.js) instead of bundling a copy of it", () => {
    const source = readFileSync(cli, "utf8");
    expect(source).toMatch(/\bimport\s*\{[^}]*\bGovGraphError\b[^}]*\}\s*from\s*"\.\/index\.js"/);
    expect(statSync(cli).size).toBeLessThan(100 * 1024);
    // Strings of the formats and analyses that only the library holds: present in its build, absent from the CLI's.
    const library = readdirSync(join(root, "dist")).filter((f) => /^chunk-.*\.js$/.test(f)).map((f) => readFileSync(join(root, "dist", f), "utf8")).join("");
    for (const text of ['"toGexf"', '"fromHsds"', '"toCpsvAp"', '"scoreCoverage"', "http://data.europa.eu/m8g/"]) {
      expect(library).toContain(text);
      expect(source).not.toContain(text);
    }
    // The CLI's source map names every module bundled into it: the CLI's own files (and package.json's version).
    const map = JSON.parse(readFileSync(`${cli}.map`, "utf8")) as { sources: string[] };
    expect(map.sources.filter((path) => !/^\.\.\/src\/cli\/|^\.\.\/package\.json$/.test(path))).toEqual([]);
  });

  it("ships source maps without the sources inside them", () => {
    for (const file of readdirSync(join(root, "dist")).filter((f) => f.endsWith(".map"))) {
      const map = JSON.parse(readFileSync(join(root, "dist", file), "utf8")) as { sources: string[]; mappings: string; sourcesContent?: unknown };
      // An entry that only re-exports a shared chunk maps nothing.
      if (map.mappings !== "") expect(map.sources.length).toBeGreaterThan(0);
      expect(map.sourcesContent).toBeUndefined();
    }
  });
});


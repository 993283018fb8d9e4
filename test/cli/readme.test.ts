import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it, vi } from "vitest";
import { exampleCounty, generateModel, getRow, indexModel, type GenerateSize } from "../../src/index.js";

const root = join(import.meta.dirname, "../..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** Runs a README example as written, against the sources, in a temporary folder; returns what it logged. */
async function run(code: string, name: string): Promise<unknown[][]> {
  const dir = mkdtempSync(join(tmpdir(), "govgraph-readme-"));
  const file = join(dir, `${name}.ts`);
  writeFileSync(
    file,
    code
      .replace('from "govgraph"', `from ${JSON.stringify(pathToFileURL(join(root, "src/index.ts")).href)}`)
      .replaceAll('"county.json"', JSON.stringify(join(dir, "county.json"))),
  );
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  try {
    await import(pathToFileURL(file).href);
    return log.mock.calls;
  } finally {
    log.mockRestore();
  }
}

it("the README's quick start shows the two commands first, and says they are alternatives", () => {
  const firstBlock = /```\n([\s\S]*?)```/.exec(readme)![1];
  expect(firstBlock).toBe("npm ci && npm run demo\nnpm ci && npm test\n");
  expect(readme.indexOf("## Quick start")).toBeLessThan(readme.indexOf("```"));
  const quickStart = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("## Library"));
  expect(quickStart).toMatch(/The two lines are alternatives: run the one you want/);
});

it("the README's library example runs as written, on the bundled example county it writes out", async () => {
  expect(examples.length).toBe(2);
  expect(examples[0]!.split("\n").filter(Boolean).length).toBeLessThanOrEqual(12);
  const calls = await run(examples[0]!, "library");
  const index = indexModel(exampleCounty);
  expect(calls[0]).toEqual(["functions held by health:", getRow(index.departmentFunctions, index.departments.of.get("health")!).length]);
  expect(calls[1]![0]).toMatchObject({ duplicatedFunctions: expect.any(Number) });
  expect(calls[2]![0]).toBeInstanceOf(Array);
});

it("the README's typed scenario runs as written", async () => {
  const calls = await run(examples[1]!, "scenario");
  expect(calls[0]![0]).toEqual(['merged "meteo" into "agri"', expect.stringMatching(/apply-id-card/)]);
  expect(calls[1]![0]).toMatchObject({ before: expect.any(Number), after: expect.any(Number), delta: expect.any(Number) });
});

it("the README's scale table gives the county and province tiers as generateModel makes them (seed 1)", () => {
  const rows = new Map(
    [...readme.matchAll(/^\| (county|province|nation) \| (.+) \|$/gm)].map((m) => [m[1]!, m[2]!.split(" | ").map((c) => Number(c.replace(/[~,]/g, "")))]),
  );
  expect([...rows.keys()]).toEqual(["county", "province", "nation"]);
  for (const size of ["county", "province"] as GenerateSize[]) {
    const { model } = generateModel({ size, seed: 1 });
    const counts = [model.regions, model.departments, model.assignments, model.services, model.needs, model.servicePoints].map((c) => c.length);
    rows.get(size)!.forEach((shown, i) => expect(Math.abs(shown - counts[i]!) / counts[i]!, `${size} column ${i}`).toBeLessThan(0.03));
  }
});

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it, vi } from "vitest";

const root = join(import.meta.dirname, "../..");
const readme = readFileSync(join(root, "README.md"), "utf8");

it("the README's quick start shows the two commands first", () => {
  const firstBlock = /```\n([\s\S]*?)```/.exec(readme)![1];
  expect(firstBlock).toBe("npm ci && npm run demo\nnpm ci && npm test\n");
  expect(readme.indexOf("## Quick start")).toBeLessThan(readme.indexOf("```"));
});

it("the README's library example runs as written (on the tiny county fixture)", async () => {
  const code = /```ts\n([\s\S]*?)```/.exec(readme)![1]!;
  expect(code.split("\n").filter(Boolean).length).toBeLessThanOrEqual(12);
  const dir = mkdtempSync(join(tmpdir(), "govgraph-readme-"));
  writeFileSync(join(dir, "county.json"), readFileSync(join(import.meta.dirname, "fixtures/tiny-county.json")));
  const file = join(dir, "example.ts");
  writeFileSync(
    file,
    code
      .replace('from "govgraph"', `from ${JSON.stringify(pathToFileURL(join(root, "src/index.ts")).href)}`)
      .replace('readFileSync("county.json"', `readFileSync(${JSON.stringify(join(dir, "county.json"))}`),
  );
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  await import(pathToFileURL(file).href);
  const calls = log.mock.calls;
  expect(calls[0]).toEqual(["functions held by health:", 1]);
  expect(calls.at(-2)![0]).toMatchObject({ functions: 2 });
  expect(calls.at(-1)![0]).toBeInstanceOf(Array);
  log.mockRestore();
});

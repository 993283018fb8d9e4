import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";

// The library must run in a browser: bundle dist/index.js for the browser (a node:* import would fail here),
// serve it on localhost and call it from a page in headless Chromium (.ci/run installs /usr/bin/chromium).
const root = join(import.meta.dirname, "../..");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
let server: Server;
let context: BrowserContext;
let profile: string;
let url: string;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(root, "dist/index.js")],
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0]!.text;
  const page = `<!doctype html><meta charset="utf-8"><title>govgraph</title><script type="module">import * as g from "/govgraph.js"; window.govgraph = g;</script>`;
  server = createServer((req, res) => {
    if (req.url === "/govgraph.js") res.writeHead(200, { "content-type": "text/javascript" }).end(script);
    else if (req.url === "/") res.writeHead(200, { "content-type": "text/html" }).end(page);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
  profile = mkdtempSync(join(tmpdir(), "govgraph-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

it("validateModel, indexModel and an analysis run in a browser page", async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => "govgraph" in window);
  const result = await page.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the page's module put the library there, untyped
    const g: any = (window as any).govgraph;
    const { ok, model } = g.validateModel(JSON.parse(JSON.stringify(g.countyInput)));
    const index = g.indexModel(model);
    const bad = g.validateModel({ schemaVersion: 1, services: [{ id: "s", name: "S", departmentId: "nowhere" }] });
    return {
      ok,
      departments: index.departments.ids.length,
      functionsHeld: index.departmentFunctions.targets.length,
      duplicated: g.findDuplication(model).summary.duplicatedFunctions,
      badCodes: bad.issues.map((i: { code: string }) => i.code),
    };
  });
  expect(errors).toEqual([]);
  expect(result.ok).toBe(true);
  expect(result.departments).toBe(42);
  expect(result.functionsHeld).toBeGreaterThan(0);
  expect(result.duplicated).toBeGreaterThan(0);
  expect(result.badCodes).toContain("unknown_reference");
});

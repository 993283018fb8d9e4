import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";

// The file formats run in a browser too: the built package bundled for the browser, called from a page in headless
// Chromium, where a "folder" is an object of file names and texts. The Mermaid diagram is rendered by Mermaid's
// own browser bundle to SVG.
const root = join(import.meta.dirname, "../..");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
let server: Server;
let context: BrowserContext;
let profile: string;
let url: string;

beforeAll(async () => {
  const bundle = async (entry: string) =>
    (await build({ entryPoints: [entry], bundle: true, format: "esm", platform: "browser", write: false, logLevel: "silent" })).outputFiles[0]!.text;
  const scripts: Record<string, string> = {
    "/govgraph.js": await bundle(join(root, "dist/index.js")),
    "/mermaid.js": await bundle(join(root, "node_modules/mermaid/dist/mermaid.esm.min.mjs")),
  };
  const page = `<!doctype html><meta charset="utf-8"><title>formats</title><script type="module">import * as g from "/govgraph.js"; import m from "/mermaid.js"; window.govgraph = g; window.mermaid = m;</script>`;
  server = createServer((req, res) => {
    if (req.url! in scripts) res.writeHead(200, { "content-type": "text/javascript" }).end(scripts[req.url!]);
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
}, 120_000);

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

it("writes and reads a CSV folder, writes GEXF and GraphML, and renders the Mermaid diagrams, in a browser page", async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => "govgraph" in window && "mermaid" in window);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the page's module put the libraries there, untyped
    const { govgraph: g, mermaid: m } = window as any;
    const model = g.exampleCounty;
    const back = g.fromCsvFolder(g.toCsvFolder(model)).model;
    const gexf = new DOMParser().parseFromString(g.toGexf(model, { iterations: 5 }), "application/xml");
    const graphml = new DOMParser().parseFromString(g.toGraphML(model), "application/xml");
    m.initialize({ startOnLoad: false });
    const diagram = g.toMermaid(model, { maxEdges: 20 }) as string;
    const name = /d\d+\["([^"#]*)"\]/.exec(diagram)![1]!;
    const svg = (await m.render("d", diagram)).svg as string;
    const journey = (await m.render("j", g.toMermaid(model, { level: "journey", id: "have-baby" }))).svg as string;
    return {
      same: g.stringifyModel(back) === g.stringifyModel(model),
      gexfNodes: gexf.getElementsByTagName("node").length,
      graphmlEdges: graphml.getElementsByTagName("edge").length,
      xmlErrors: gexf.getElementsByTagName("parsererror").length + graphml.getElementsByTagName("parsererror").length,
      order: g.toGraph(model).order,
      size: g.toGraph(model).size,
      svg: svg.startsWith("<svg") && journey.startsWith("<svg"),
      named: [svg.includes(name.replace(/'/g, "&#39;")) || svg.includes(name), journey.includes(model.needs.find((n: { id: string }) => n.id === "have-baby").name)],
    };
  });
  expect(errors).toEqual([]);
  expect(result).toEqual({ same: true, gexfNodes: result.order, graphmlEdges: result.size, xmlErrors: 0, order: 252, size: 840, svg: true, named: [true, true] });
});

import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportData } from "../../src/report/data/types.js";

// The built report (dist/report.js) opened from file:// in headless Chromium, as a reader would open an attachment:
// nothing may be fetched, every section must draw, and the graph, search and keyboard must work. Screenshots of
// each section go to .tmp/report-<tier>-<section>.png; sizes and time to interactive to .tmp/report-metrics.json.
const root = join(import.meta.dirname, "../..");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const shots = join(root, ".tmp");
const SECTIONS = ["scorecard", "duplication", "coverage", "journeys", "staffing", "openness"];
let context: BrowserContext;
let profile: string;
let dir: string;
const metrics: Record<string, { bytes: number; interactiveMs: number }> = {};

interface Opened {
  page: Page;
  data: ReportData;
  /** Console errors, uncaught exceptions, and every request that was not the file itself. */
  problems: string[];
}

async function open(file: string): Promise<Opened> {
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  const problems: string[] = [];
  page.on("console", (m) => void (m.type() === "error" && problems.push(`console: ${m.text()}`)));
  page.on("pageerror", (e) => problems.push(`exception: ${e.message}`));
  page.on("requestfailed", (r) => r.url() !== url && problems.push(`failed request: ${r.url()}`));
  page.on("request", (r) => r.url() !== url && !/^(data|blob):/.test(r.url()) && problems.push(`request: ${r.url()}`));
  await page.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 60_000 });
  const data = await page.evaluate(() => window.govgraphReport!.data);
  return { page, data, problems };
}

/** Centres the camera on a node, zoomed in, and clicks it where it is drawn. */
async function clickNode(page: Page, key: string): Promise<void> {
  const at = await page.evaluate((node) => {
    const renderer = window.govgraphReport!.graph!.renderer!;
    const display = renderer.getNodeDisplayData(node)!;
    renderer.getCamera().setState({ x: display.x, y: display.y, ratio: 0.15 });
    renderer.refresh();
    const point = renderer.graphToViewport(renderer.getGraph().getNodeAttributes(node) as { x: number; y: number });
    const box = renderer.getContainer().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  }, key);
  await page.mouse.click(at.x, at.y);
}

/** The number of distinct colours in the graph as drawn on screen (a screenshot of its canvas, decoded in the page). */
async function graphColours(page: Page): Promise<number> {
  const png = await page.locator(".graph-canvas").screenshot();
  return page.evaluate(async (bytes) => {
    const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext("2d")!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4) colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
    return colours.size;
  }, [...png]);
}

/** Tabs through the page from its start and returns the controls never reached. */
async function unreachedByTab(page: Page): Promise<string[]> {
  const count = await page.evaluate(() => {
    const controls = Array.from(document.querySelectorAll<HTMLElement>("a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex='-1'])")).filter((e) => e.getClientRects().length > 0);
    controls.forEach((e, i) => (e.dataset.control = String(i)));
    (document.activeElement as HTMLElement | null)?.blur();
    return controls.length;
  });
  const reached = new Set<string>();
  for (let i = 0; i < count + 5; i++) {
    await page.keyboard.press("Tab");
    const at = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.control);
    if (at !== undefined) reached.add(at);
  }
  return page.evaluate((seen) => Array.from(document.querySelectorAll<HTMLElement>("[data-control]")).filter((e) => !seen.includes(e.dataset.control!)).map((e) => e.outerHTML.slice(0, 120)), [...reached]);
}

async function screenshots(page: Page, tier: string, sections = SECTIONS): Promise<void> {
  for (const id of sections) {
    await page.evaluate((section) => document.getElementById(section)!.scrollIntoView(), id);
    await page.screenshot({ path: join(shots, `report-${tier}-${id}.png`) });
  }
}

beforeAll(async () => {
  const { renderReport } = (await import(pathToFileURL(join(root, "dist/report.js")).href)) as typeof import("../../src/report/index.js");
  const { applyScenario, exampleCounty, generateModel } = (await import(pathToFileURL(join(root, "dist/index.js")).href)) as typeof import("../../src/index.js");
  mkdirSync(shots, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), "govgraph-report-"));
  writeFileSync(join(dir, "county.html"), renderReport(exampleCounty));
  writeFileSync(join(dir, "province.html"), renderReport(generateModel({ size: "province", seed: 1 }).model));
  const { model: after } = applyScenario(exampleCounty, [
    { op: "digitizeService", serviceId: "apply-id-card" },
    { op: "reuseEvidence", evidenceId: "id-card" },
  ]);
  writeFileSync(join(dir, "compare.html"), renderReport(exampleCounty, {}, { compare: { model: after, title: "ID card online, identity card reused" } }));
  profile = mkdtempSync(join(tmpdir(), "govgraph-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
}, 300_000);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (dir) rmSync(dir, { recursive: true, force: true });
  writeFileSync(join(shots, "report-metrics.json"), JSON.stringify(metrics, null, 2) + "\n");
  console.log("report sizes and time to interactive:", metrics);
});

describe.each([
  { tier: "county", maxBytes: 2_000_000, graphMode: "full" },
  { tier: "province", maxBytes: 15_000_000, graphMode: "departments" },
])("the $tier report in Chromium", ({ tier, maxBytes, graphMode }) => {
  let opened: Opened;
  beforeAll(async () => {
    const file = join(dir, `${tier}.html`);
    opened = await open(file);
    const bytes = statSync(file).size;
    metrics[tier] = { bytes, interactiveMs: Number(await opened.page.evaluate(() => document.documentElement.dataset.ready)) };
    expect(bytes).toBeLessThan(maxBytes);
  }, 120_000);

  it("draws every section without an error or a request, each with its table", async () => {
    const { page, data, problems } = opened;
    expect(data.duplication.graph.mode).toBe(graphMode);
    for (const id of SECTIONS) {
      expect(await page.locator(`#${id} table`).count(), id).toBeGreaterThan(0);
      expect(await page.locator(`#${id} table tbody tr`).count(), id).toBeGreaterThan(0);
    }
    expect(await page.locator(".error").count()).toBe(0);
    await screenshots(page, tier);
    await page.locator("figure:has(.chart-map)").screenshot({ path: join(shots, `report-${tier}-map.png`) });
    expect(problems).toEqual([]);
  });

  it("draws the graph: its canvas is not blank", async () => {
    await opened.page.evaluate(() => document.getElementById("duplication")!.scrollIntoView());
    expect(await graphColours(opened.page)).toBeGreaterThan(2);
  });

  it("shows a duplicated function's holders when it is clicked", async () => {
    const { page, data } = opened;
    const finding = data.duplication.duplication.find((row) => row[0] === 0)!;
    const f = finding[1][0]!;
    if (graphMode === "departments") {
      // Only departments are drawn: click one that holds the function, then show its functions.
      await clickNode(page, `d${finding[2][0]}`);
      await page.locator(".graph-details button.expand").click();
    }
    await clickNode(page, `f${f}`);
    const details = page.locator(".graph-details");
    await expect.poll(() => details.locator("h4").textContent()).toBe(data.functions.names[f]);
    const text = (await details.textContent())!;
    expect(text).toContain("Duplicated");
    for (const d of finding[2]) expect(text).toContain(`${data.departments.names[d]} (lead)`);
    await page.locator(".graph").screenshot({ path: join(shots, `report-${tier}-graph-selected.png`) });
    expect(opened.problems).toEqual([]);
  });

  it("finds a department by name", async () => {
    const { page, data } = opened;
    const name = data.departments.names[data.departments.names.length - 1]!;
    await page.locator(".graph-search input").fill(name.slice(0, Math.max(6, name.length - 3)));
    await expect.poll(() => page.locator(".search-results button").allTextContents()).toContain(`${name} (department)`);
    await page.locator(".search-results button", { hasText: `${name} (department)` }).first().click();
    await expect.poll(() => page.locator(".graph-details h4").textContent()).toBe(name);
  });

  it("reaches every control with the Tab key", async () => {
    const { page } = opened;
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined);
    expect(await unreachedByTab(page)).toEqual([]);
  }, 120_000);
});

it("shows a scenario's before and after side by side", async () => {
  const { page, data, problems } = await open(join(dir, "compare.html"));
  expect(data.compare?.after).toBe("ID card online, identity card reused");
  expect(await page.locator("#compare table tbody tr").count()).toBeGreaterThan(6);
  expect(await page.locator("#compare svg.bars title").textContent()).toBe("Pillar scores before and after, out of 100");
  await screenshots(page, "county", ["compare"]);
  expect(problems).toEqual([]);
}, 60_000);

it("renders a report in the browser too (dist/report.js bundled for the browser)", async () => {
  const entry = `import { renderReport } from "./dist/report.js"; import { exampleCounty } from "./dist/index.js"; window.html = renderReport(exampleCounty);`;
  const bundle = await build({ stdin: { contents: entry, resolveDir: root }, bundle: true, format: "iife", platform: "browser", write: false, logLevel: "silent" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.setContent("<!doctype html><title>renderReport in a page</title>");
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const html = await page.evaluate(() => (window as unknown as { html: string }).html);
  expect(errors).toEqual([]);
  expect(html.startsWith("<!doctype html>")).toBe(true);
  expect(html).toContain("<h1>Qingshui County (fictional)</h1>");
}, 60_000);

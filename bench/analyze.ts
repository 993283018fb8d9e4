/**
 * Analyze benchmark (issue 5, "Speed"). `govgraph analyze` runs every analysis (summary, validation, journeys,
 * openness, staffing, coverage, duplication with consolidation, scorecard) and renders one report.
 * - Province: the real command (`runCli(["analyze", file])`, reading the JSON text from memory) takes at most 3x a
 *   bare `JSON.parse` of the same text, timed in the same rounds; a table shows where the time goes, by section.
 * - Nation: in a fresh process, validation, every section and the text rendering of the generated nation model in
 *   under 3 minutes with peak RSS under 8 GB; then the real command on the nation file (1.1 GB, written first by a
 *   child of its own and deleted after): `govgraph analyze nation.json --format json --out report.json` in a fresh
 *   process, which reads the file in batches (its text is longer than V8's longest string, 512 MB).
 */
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nodeIo } from "../src/cli/io.js";
import { writeModelStream } from "../src/index.js";
import { stringifyModel } from "../src/index.js";
import { Names } from "../src/cli/names.js";
import { writeDocument } from "../src/cli/render/document.js";
import { SECTIONS } from "../src/cli/sections/index.js";
import type { SectionOptions } from "../src/cli/sections/section.js";
import type { CliIo } from "../src/cli/io.js";
import { runCli } from "../src/cli/main.js";
import { generateModel } from "../src/generate/generate-model.js";
import { validateModel } from "../src/model/validate.js";
import type { Model } from "../src/schemas/model.js";
import { BENCH_DEFAULTS, cpuMs, formatBytes, formatCount, gc, inChild, peakRss, printTable, type BenchOptions, type Row } from "./_util.js";

/** An in-memory terminal and file system: `readFile` serves the text, output is counted and dropped. */
function memoryIo(text: string): CliIo & { bytes: number; errors: string } {
  return {
    bytes: 0,
    errors: "",
    stdout(chunk) {
      this.bytes += chunk.length;
    },
    stderr(chunk) {
      this.errors += chunk;
    },
    cwd: "/",
    env: {},
    stderrIsTTY: false,
    readFile: () => text,
    isDirectory: () => false,
    async writeFileAtomic() {},
  } as CliIo & { bytes: number; errors: string };
}

/** At most this many times a bare `JSON.parse` of the same text, for every section of the province. */
export const ANALYZE_TARGET = 3;

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** Runs every section once on a valid model, timing each (wall and CPU), then renders the text report. */
function sections(model: Model, warnings: SectionOptions["warnings"]) {
  const reports: Record<string, unknown> = {};
  const options: SectionOptions = { failOn: [], warnings, reports };
  const times: { id: string; ms: number; cpu: number }[] = [];
  for (const section of SECTIONS) {
    const t = performance.now();
    const c = cpuMs();
    reports[section.id] = section.run(model, options);
    times.push({ id: section.id, ms: performance.now() - t, cpu: cpuMs() - c });
  }
  const t = performance.now();
  const c = cpuMs();
  let bytes = 0;
  const view = { names: new Names([model]) };
  const blocks = SECTIONS.flatMap((section) => section.render(reports[section.id], view));
  writeDocument(blocks, "text", { width: 100, top: 20, verbose: false, maxIssues: 1000 }, (chunk) => void (bytes += chunk.length));
  times.push({ id: "render text", ms: performance.now() - t, cpu: cpuMs() - c });
  return { times, bytes, reports };
}

/** `govgraph analyze` on a province's JSON text against a bare `JSON.parse` of it, timed round by round. */
export interface AnalyzeVsParse {
  text: string;
  model: Model;
  /** Characters of text the command printed. */
  printed: number;
  wall: number[];
  base: number[];
  cpu: number[];
  /** Medians of the per-round ratios, wall and CPU time. */
  ratio: number;
  cpuRatio: number;
}

/**
 * Generates the province of `seed`, then (after `warmup` untimed rounds) times the real command (`runCli(["analyze", file])`, the JSON text served
 * from memory, text output counted and dropped) and `JSON.parse` of the same text, back to back, `rounds` times.
 */
export async function analyzeVsParse(seed: number, rounds: number, warmup = 2): Promise<AnalyzeVsParse> {
  const { model } = generateModel({ size: "province", seed });
  const text = stringifyModel(model);
  const io = memoryIo(text);
  const cli = async () => {
    io.bytes = 0;
    const code = await runCli(["analyze", "province.json"], io);
    if (code !== 0) throw new Error(`govgraph analyze exited ${code}: ${io.errors}`);
  };
  // Untimed runs first: the optimising compiler and the heap's size settle over the first few.
  for (let i = 0; i < warmup; i++) {
    await cli();
    JSON.parse(text);
  }
  const r: AnalyzeVsParse = { text, model, printed: 0, wall: [], base: [], cpu: [], ratio: 0, cpuRatio: 0 };
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  for (let i = 0; i < rounds; i++) {
    gc();
    let c = cpuMs();
    let t = performance.now();
    JSON.parse(text);
    const b = performance.now() - t;
    const bc = cpuMs() - c;
    gc();
    c = cpuMs();
    t = performance.now();
    await cli();
    const s = performance.now() - t;
    const sc = cpuMs() - c;
    r.wall.push(s);
    r.base.push(b);
    r.cpu.push(sc);
    ratios.push(s / b);
    cpuRatios.push(sc / bc);
  }
  return { ...r, printed: io.bytes, ratio: median(ratios), cpuRatio: median(cpuRatios) };
}

async function province(options: BenchOptions): Promise<void> {
  const repeat = Math.max(3, options.repeat);
  const m = await analyzeVsParse(1, repeat);
  const { model, text } = m;
  console.log(
    `\nprovince (seed 1): ${formatCount(model.departments.length)} departments, ${formatCount(model.assignments.length)} assignments, ` +
      `${formatCount(model.services.length)} services, ${formatCount(model.needs.length)} needs; JSON ${formatBytes(text.length)}`,
  );
  gc();
  const valid = validateModel(JSON.parse(text));
  const breakdown = sections(valid.model!, valid.issues);
  const rows: Row[] = [
    { name: "JSON.parse (baseline)", size: formatBytes(text.length), min: Math.min(...m.base), median: median(m.base) },
    {
      name: "govgraph analyze (read, parse, validate, every section, render)",
      size: `${formatBytes(m.printed)} of text`,
      min: Math.min(...m.wall),
      median: median(m.wall),
      cpu: Math.min(...m.cpu),
      ratio: m.ratio,
      cpuRatio: m.cpuRatio,
      vs: "JSON.parse",
      target: ANALYZE_TARGET,
    },
    ...breakdown.times.map((x) => ({ name: `  section ${x.id} (one run)`, min: x.ms, cpu: x.cpu })),
    { name: "process peak", peak: peakRss() },
  ];
  printTable(`province: govgraph analyze, ${repeat} rounds (ratio = median of per-round ratios)`, rows);
}

/** What the nation child reports. */
interface NationResult {
  counts: string;
  validateMs: number;
  times: { id: string; ms: number; cpu: number }[];
  totalMs: number;
  totalCpu: number;
  bytes: number;
}

/** What the nation-file children report. */
interface FileResult {
  ms: number;
  bytes: number;
}

/**
 * Runs in a fresh process. `child(["write", file])` writes the nation model's JSON to `file`; `child(["file", file])`
 * runs `govgraph analyze file --format json --out file.report.json`; otherwise it generates the nation tier and
 * times validation, every section and the rendering.
 */
export async function child(args: string[]): Promise<NationResult | FileResult> {
  if (args[0] === "write" || args[0] === "file") return nationFile(args[0], args[1]!);
  let generated: Model | undefined = generateModel({ size: (args[0] ?? "nation") as "nation", seed: 1 }).model;
  const counts = `${formatCount(generated.departments.length)} departments, ${formatCount(generated.assignments.length)} assignments, ${formatCount(generated.services.length)} services`;
  const t = performance.now();
  const c = cpuMs();
  const valid = validateModel(generated);
  generated = undefined;
  const validateMs = performance.now() - t;
  if (!valid.ok) throw new Error("the generated model is not valid");
  const { times, bytes } = sections(valid.model!, valid.issues);
  return { counts, validateMs, times, totalMs: performance.now() - t, totalCpu: cpuMs() - c, bytes };
}

async function nationFile(step: "write" | "file", file: string): Promise<FileResult> {
  const io = nodeIo();
  const t = performance.now();
  if (step === "write") {
    await io.writeFileAtomic(file, (write) => writeModelStream(generateModel({ size: "nation", seed: 1 }).model, write));
    return { ms: performance.now() - t, bytes: io.fileSize!(file) };
  }
  let errors = "";
  const code = await runCli(["analyze", file, "--format", "json", "--out", `${file}.report.json`], { ...io, stderr: (text) => void (errors += text), stderrIsTTY: false });
  if (code !== 0) throw new Error(`govgraph analyze exited ${code}: ${errors}`);
  return { ms: performance.now() - t, bytes: io.fileSize!(`${file}.report.json`) };
}

async function nation(): Promise<void> {
  const { result, peakRss: peak, ms } = inChild<NationResult>("analyze", ["nation"], ["--max-old-space-size=7600"]);
  console.log(`\nnation (seed 1): ${result.counts}`);
  printTable("nation: validateModel + every analyze section + text rendering, in a fresh process", [
    { name: "validateModel", min: result.validateMs },
    ...result.times.map((x) => ({ name: `section ${x.id}`, min: x.ms, cpu: x.cpu })),
    { name: "total (validate, analyse, render)", size: `${formatBytes(result.bytes)} of text`, min: result.totalMs, cpu: result.totalCpu, targetMs: 180_000, peak, targetPeak: 8e9 },
    { name: "child wall time (with generating the model)", min: ms },
  ]);
  const file = join(tmpdir(), `govgraph-bench-nation-${process.pid}.json`);
  try {
    const written = inChild<FileResult>("analyze", ["write", file], ["--max-old-space-size=7600"]);
    const read = inChild<FileResult>("analyze", ["file", file]);
    printTable("nation: govgraph analyze nation.json --format json --out report.json (default heap), in a fresh process", [
      { name: "write the file (generate + writeModelStream)", size: formatBytes(written.result.bytes), min: written.ms, peak: written.peakRss },
      { name: "govgraph analyze (read in batches, validate, every section, JSON report)", size: `${formatBytes(read.result.bytes)} report`, min: read.result.ms, targetMs: 180_000, peak: read.peakRss, targetPeak: 8e9 },
    ]);
  } finally {
    rmSync(file, { force: true });
    rmSync(`${file}.report.json`, { force: true });
  }
}

/** Prints the analyze figures: the province tier here, the nation tier in a child process (skipped with --quick). */
export async function run(options: BenchOptions = BENCH_DEFAULTS): Promise<void> {
  await province(options);
  if (options.quick) console.log("\nnation tier skipped (--quick)");
  else await nation();
}

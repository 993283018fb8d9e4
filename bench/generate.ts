/**
 * Generator benchmark (DESIGN section 6, issue 2 item 7): each tier generated in a fresh process (for its own
 * peak memory), then streamed to a temporary file with `writeModelStream`, one record at a time. Targets: the
 * nation tier generates in < 60 s; generation plus streaming stays well under the 8 GB the issue allows.
 * On the province, `writeModelStream` is timed against `stringifyModel` in the same rounds (it must not be slower
 * by more than 1.5x, and it never holds the whole text).
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateModel, stringifyModel, writeModelStream, type GenerateSize } from "../src/index.js";
import { compare, formatBytes, formatCount, formatMs, inChild, printTable, type BenchOptions, type Row } from "./_util.js";

interface ChildResult {
  generateMs: number;
  writeMs: number;
  /** CPU time (user + system), steadier than wall time on a loaded machine. */
  generateCpuMs: number;
  writeCpuMs: number;
  bytes: number;
  counts: Record<string, number>;
  truth: { duplicatedFunctions: number; nearDuplicateFunctions: number; uncoveredNeeds: number };
}

/** In a fresh process: generate one tier, stream it to a temporary file, report times, sizes and counts. */
export async function child([size]: string[]): Promise<ChildResult> {
  const cpu = () => (process.cpuUsage().user + process.cpuUsage().system) / 1000;
  let start = performance.now();
  let cpuStart = cpu();
  const { model, truth } = generateModel({ size: size as GenerateSize, seed: 1 });
  const generateMs = performance.now() - start;
  const generateCpuMs = cpu() - cpuStart;
  const dir = mkdtempSync(join(tmpdir(), "govgraph-bench-"));
  const file = join(dir, `${size}.json`);
  try {
    start = performance.now();
    cpuStart = cpu();
    const fd = openSync(file, "w");
    try {
      writeModelStream(model, (chunk) => void writeSync(fd, chunk));
    } finally {
      closeSync(fd);
    }
    const writeMs = performance.now() - start;
    const writeCpuMs = cpu() - cpuStart;
    const counts = Object.fromEntries(
      Object.entries(model).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, (v as unknown[]).length]),
    );
    return {
      generateMs,
      writeMs,
      generateCpuMs,
      writeCpuMs,
      bytes: statSync(file).size,
      counts,
      truth: {
        duplicatedFunctions: truth.duplicatedFunctions.length,
        nearDuplicateFunctions: truth.nearDuplicateFunctions.length,
        uncoveredNeeds: truth.uncoveredNeeds.length,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints generation and streaming times per tier, and writeModelStream against stringifyModel on the province. */
export async function run(options: BenchOptions): Promise<void> {
  const sizes: GenerateSize[] = options.quick ? ["county", "province"] : ["county", "province", "nation"];
  const rows: Row[] = [];
  for (const size of sizes) {
    const { result, peakRss } = inChild<ChildResult>("generate", [size]);
    const c = result.counts;
    console.log(
      `\n${size}: ${formatCount(c.regions!)} regions, ${formatCount(c.departments!)} departments, ${formatCount(c.functions!)} functions, ` +
        `${formatCount(c.assignments!)} assignments, ${formatCount(c.services!)} services, ${formatCount(c.needs!)} needs, ` +
        `${formatCount(c.servicePoints!)} points; JSON ${formatBytes(result.bytes)}; truth ${JSON.stringify(result.truth)}; ` +
        `CPU time: generate ${formatMs(result.generateCpuMs)}, stream ${formatMs(result.writeCpuMs)}`,
    );
    rows.push({ name: `generate ${size}`, size: `${formatCount(c.assignments!)} assignments`, min: result.generateMs, ...(size === "nation" ? { targetMs: 60_000 } : {}) });
    rows.push({ name: `stream ${size} to a file`, size: formatBytes(result.bytes), min: result.writeMs, peak: peakRss, ...(size === "nation" ? { targetPeak: 8e9 } : {}) });
  }
  const { model } = generateModel({ size: "province", seed: 1 });
  let chars = 0;
  const streamed = compare(
    () => writeModelStream(model, (chunk) => (chars += chunk.length)),
    () => stringifyModel(model).length,
    { repeat: Math.min(options.repeat, 3) },
  );
  rows.push({
    name: "writeModelStream vs stringifyModel (province)",
    min: streamed.subject.min,
    median: streamed.subject.median,
    ratio: streamed.ratio,
    cpuRatio: streamed.cpuRatio,
    vs: "stringifyModel",
    target: 1.5,
  });
  printTable("generateModel and writeModelStream", rows);
}

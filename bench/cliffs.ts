/**
 * Scale cliffs (`npm run bench -- cliffs`), each case in a fresh process for its own peak memory:
 * - N departments of one region leading one function (and each one of its own, and all supporting a second one,
 *   with one service each): `findDuplication` for N = 1k, 10k, 100k. Targets: 100k under 10 s; memory linear in N
 *   (peak growth from 10k to 100k at most 11x the growth from 1k to 10k, which is what linear gives).
 * - A 200,000-deep region chain against the flat model of the same size (one root, 199,999 children), with a
 *   department, a function and a service in each region: `govgraph duplicates`, `scorecard` and `analyze` on the
 *   model's JSON text (read from memory). Target: the chain within 2x the flat model's time.
 * - 10,000 regions and 10,000 service points at one location: `scoreCoverage`. Targets: under 5 s, peak under 1 GB.
 */
import type { CliIo } from "../src/cli/io.js";
import { runCli } from "../src/cli/main.js";
import { findDuplication, scoreCoverage, suggestConsolidation } from "../src/index.js";
import { build, chainInput, colocatedInput, holdersInput } from "../test/hostile/cliff-models.js";
import { cpuMs, formatBytes, formatCount, gc, inChild, printTable, type BenchOptions, type Row } from "./_util.js";

const HOLDERS = [1_000, 10_000, 100_000];
const DEPTH = 200_000;
const COMMANDS = ["duplicates", "scorecard", "analyze"] as const;

/** A measured step: wall time and CPU time (user + system, all threads), in ms. */
interface Step {
  ms: number;
  cpu: number;
}

/** What a child reports: each measured step, and what it found. */
interface ChildResult {
  times: Record<string, Step>;
  found: string;
}

/** Runs `fn` once, timing it in wall and CPU time. */
async function measure<T>(fn: () => T | Promise<T>): Promise<Step & { value: T }> {
  gc();
  const cpu = cpuMs();
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, cpu: cpuMs() - cpu, value };
}

/** An in-memory terminal serving `text` as every file; output is dropped, errors kept. */
function memoryIo(text: string): CliIo & { errors: string } {
  const io = {
    errors: "",
    stdout: () => undefined,
    stderr: (chunk: string) => void (io.errors += chunk),
    cwd: "/",
    env: {},
    stderrIsTTY: false,
    readFile: () => text,
    isDirectory: () => false,
    writeFileAtomic: async () => undefined,
  };
  return io;
}

async function holdersChild(n: number): Promise<ChildResult> {
  const model = build(holdersInput(n));
  const dup = await measure(() => findDuplication(model));
  const merge = await measure(() => suggestConsolidation(model, { duplication: dup.value }));
  const s = dup.value.summary;
  const found = `${s.duplication} duplication findings, ${s.duplicatedServices === null ? "not computed" : formatCount(s.duplicatedServices)} services duplicated, ${merge.value.clusters.length} merge cluster(s) of ${formatCount(merge.value.clusters[0]?.departmentIds.length ?? 0)}`;
  return { times: { findDuplication: dup, suggestConsolidation: merge }, found };
}

async function chainChild(shape: "chain" | "flat"): Promise<ChildResult> {
  const text = JSON.stringify(chainInput(DEPTH, shape));
  const times: Record<string, Step> = {};
  for (const command of COMMANDS) {
    const io = memoryIo(text);
    const { ms, cpu, value: code } = await measure(() => runCli([command, "model.json", "--format", "json"], io));
    if (code !== 0) throw new Error(`govgraph ${command} exited ${code}: ${io.errors.slice(0, 500)}`);
    times[command] = { ms, cpu };
  }
  return { times, found: `${formatCount(DEPTH)} regions, JSON ${formatBytes(text.length)}` };
}

async function colocatedChild(): Promise<ChildResult> {
  const model = build(colocatedInput(10_000, 10_000));
  const run = await measure(() => scoreCoverage(model));
  return { times: { scoreCoverage: run }, found: `reach ${run.value.reach.value}, capacity ${run.value.capacity.value?.toFixed(4) ?? "no demand"}` };
}

/** Runs one case in a fresh process (see `bench/child.ts`). */
export async function child(args: string[]): Promise<ChildResult> {
  if (args[0] === "holders") return holdersChild(Number(args[1]));
  if (args[0] === "chain" || args[0] === "flat") return chainChild(args[0]);
  return colocatedChild();
}

function holders(): void {
  const runs = HOLDERS.map((n) => ({ n, ...inChild<ChildResult>("cliffs", ["holders", String(n)], ["--max-old-space-size=4000"]) }));
  const rows: Row[] = runs.flatMap(({ n, result, peakRss }) => {
    const dup = result.times.findDuplication!;
    const merge = result.times.suggestConsolidation!;
    return [
      { name: `findDuplication, ${formatCount(n)} holders`, size: result.found, min: dup.ms, cpu: dup.cpu, peak: peakRss, ...(n === 100_000 ? { targetMs: 10_000 } : {}) },
      { name: `  suggestConsolidation (reusing the report)`, min: merge.ms, cpu: merge.cpu },
    ];
  });
  const [small, mid, large] = runs.map((r) => r.peakRss) as [number, number, number];
  rows.push({ name: "peak growth 10k -> 100k over 1k -> 10k (linear: 11)", ratio: (large - small) / Math.max(1, mid - small), vs: "", target: 11 });
  printTable("N departments of one region leading one function: findDuplication in a fresh process each", rows);
}

function chain(): void {
  const deep = inChild<ChildResult>("cliffs", ["chain"], ["--max-old-space-size=6000"]);
  const flat = inChild<ChildResult>("cliffs", ["flat"], ["--max-old-space-size=6000"]);
  const rows: Row[] = COMMANDS.flatMap((command) => {
    const d = deep.result.times[command]!;
    const f = flat.result.times[command]!;
    return [
      { name: `govgraph ${command}, flat model`, size: flat.result.found, min: f.ms, cpu: f.cpu },
      { name: `govgraph ${command}, chain ${formatCount(DEPTH)} deep`, min: d.ms, cpu: d.cpu, ratio: d.ms / f.ms, cpuRatio: d.cpu / f.cpu, vs: "flat", target: 2 },
    ];
  });
  rows.push({ name: "peak, flat model (all three commands)", peak: flat.peakRss }, { name: "peak, chain (all three commands)", peak: deep.peakRss });
  printTable(`a region chain ${formatCount(DEPTH)} deep against the flat model of the same size, in fresh processes`, rows);
}

function colocated(): void {
  const { result, peakRss } = inChild<ChildResult>("cliffs", ["colocated"]);
  const run = result.times.scoreCoverage!;
  printTable("10,000 regions and 10,000 service points at one location: scoreCoverage in a fresh process", [
    { name: "scoreCoverage", size: result.found, min: run.ms, cpu: run.cpu, targetMs: 5_000, peak: peakRss, targetPeak: 1e9 },
  ]);
}

/** Prints the three cliffs' figures; `--quick` leaves out the 200,000-deep chain (the slowest). */
export async function run(options: BenchOptions): Promise<void> {
  holders();
  colocated();
  if (options.quick) console.log("\nthe 200,000-deep chain skipped (--quick)");
  else chain();
}

/**
 * Shared helpers of the benchmarks: timing (min and median after a warm-up), peak memory, measurements in a fresh
 * child process, and a printed table of sizes, times, ratios and targets. Benchmarks are Node-only (they use
 * `node:*`), unlike the library.
 */
import { spawnSync } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** What `npm run bench -- [names...] [--quick] [--repeat N]` passes to every benchmark module's `run`. */
export interface BenchOptions {
  /** Timed runs per measurement (after one warm-up run). */
  repeat: number;
  /** Skip the slow parts (the nation tier): for a quick look while developing. */
  quick: boolean;
}

/** The defaults of {@link BenchOptions}. */
export const BENCH_DEFAULTS: BenchOptions = { repeat: 5, quick: false };

/** Min and median wall time of a measured function, in milliseconds, and the value of its last run. */
export interface Timing<T = unknown> {
  min: number;
  median: number;
  runs: number[];
  value: T;
}

setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

/** Runs a full garbage collection, so the previous measurement's garbage is not charged to the next one. */
export function gc(): void {
  collect();
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Times `fn` `repeat` times after `warmup` untimed runs (a full GC before each run). */
export function time<T>(fn: () => T, options: { repeat?: number; warmup?: number } = {}): Timing<T> {
  const { repeat = BENCH_DEFAULTS.repeat, warmup = 1 } = options;
  let value!: T;
  for (let i = 0; i < warmup; i++) value = fn();
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    value = undefined as T;
    gc();
    const start = performance.now();
    value = fn();
    runs.push(performance.now() - start);
  }
  return { min: Math.min(...runs), median: median(runs), runs, value };
}

/** A measured function and the baseline it is compared with. */
export interface Comparison {
  /** Min and median wall time of the measured function. */
  subject: Timing;
  /** Min and median wall time of the baseline, timed in the same rounds. */
  baseline: Timing;
  /** Median over rounds of subject wall time / baseline wall time (each round times both, back to back). */
  ratio: number;
  /**
   * The same with CPU time (user + system, all threads of this process): steadier than wall time when other
   * processes load the machine, a little pessimistic for allocation-heavy work (parallel GC threads count).
   */
  cpuRatio: number;
}

/** CPU time (user + system, all threads) of this process so far, in milliseconds. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Times `subject` and `baseline` alternately, round by round (a warm-up round first), so that both see the same
 * machine load; the ratios are the medians of the per-round ratios.
 */
export function compare(subject: () => unknown, baseline: () => unknown, options: { repeat?: number } = {}): Comparison {
  const { repeat = BENCH_DEFAULTS.repeat } = options;
  subject();
  baseline();
  const s: number[] = [];
  const b: number[] = [];
  const cpu: number[] = [];
  let subjectValue: unknown;
  let baselineValue: unknown;
  for (let i = 0; i < repeat; i++) {
    subjectValue = baselineValue = undefined;
    gc();
    let cpuStart = cpuMs();
    let start = performance.now();
    baselineValue = baseline();
    b.push(performance.now() - start);
    const baselineCpu = cpuMs() - cpuStart;
    baselineValue = undefined;
    gc();
    cpuStart = cpuMs();
    start = performance.now();
    subjectValue = subject();
    s.push(performance.now() - start);
    cpu.push((cpuMs() - cpuStart) / baselineCpu);
  }
  const timing = (runs: number[], value: unknown): Timing => ({ min: Math.min(...runs), median: median(runs), runs, value });
  return {
    subject: timing(s, subjectValue),
    baseline: timing(b, baselineValue),
    ratio: median(s.map((t, i) => t / b[i]!)),
    cpuRatio: median(cpu),
  };
}

/** The 1-minute load average over the number of CPUs: above 1, other processes compete for the CPUs. */
export function load(): string {
  return `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`;
}

/** The process's peak resident set size so far, in bytes. */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/**
 * Runs `child(args)` of `bench/<name>.ts` in a fresh Node process (for a clean peak memory), started with the
 * given Node flags (`--max-old-space-size=...`), and returns its result with the child's wall time and peak RSS.
 */
export function inChild<T>(
  name: string,
  args: readonly string[] = [],
  nodeArgs: readonly string[] = [],
): { result: T; peakRss: number; ms: number } {
  const script = fileURLToPath(new URL("./child.ts", import.meta.url));
  const start = performance.now();
  const out = spawnSync(process.execPath, [...nodeArgs, "--import", "tsx", script, name, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (out.status !== 0) throw new Error(`bench child "${name} ${args.join(" ")}" exited with ${out.status}: ${out.stdout}`);
  const last = out.stdout.trim().split("\n").pop()!;
  const { result, peakRss } = JSON.parse(last) as { result: T; peakRss: number };
  return { result, peakRss, ms };
}

/** Milliseconds as text: `812 ms`, `12.4 s`. */
export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

/** Bytes as text: `27.7 MB`, `1.9 GB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}

/** A count with thousands separators. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** One line of a {@link printTable}: what was measured and, when it has a target, whether it was met. */
export interface Row {
  name: string;
  /** Free text: record counts, bytes. */
  size?: string;
  /** Min wall time. */
  min?: number;
  /** Median wall time. */
  median?: number;
  /** A measured ratio (to the row's baseline, named in `vs`). */
  ratio?: number;
  /** The same ratio in CPU time. */
  cpuRatio?: number;
  vs?: string;
  /** CPU time (user + system) of a single run, when measured. */
  cpu?: number;
  /** Upper bound of `ratio` (or, with `targetMs`, of `min`). */
  target?: number;
  targetMs?: number;
  peak?: number;
  targetPeak?: number;
}

function verdict(row: Row): string {
  const checks: boolean[] = [];
  let cpuOnly = false;
  if (row.target !== undefined && row.ratio !== undefined) {
    const wall = row.ratio <= row.target;
    cpuOnly = !wall && row.cpuRatio !== undefined && row.cpuRatio <= row.target;
    checks.push(wall || cpuOnly);
  }
  if (row.targetMs !== undefined && row.min !== undefined) checks.push(row.min <= row.targetMs);
  if (row.targetPeak !== undefined && row.peak !== undefined) checks.push(row.peak <= row.targetPeak);
  if (checks.length === 0) return "";
  return checks.every(Boolean) ? (cpuOnly ? "ok in cpu time only" : "ok") : "MISSED";
}

/** Prints a titled table of rows, with each row's verdict against its target. */
export function printTable(title: string, rows: readonly Row[]): void {
  const cells = rows.map((r) => [
    r.name,
    r.size ?? "",
    r.min === undefined ? "" : formatMs(r.min),
    r.median === undefined ? "" : formatMs(r.median),
    r.cpu === undefined ? "" : formatMs(r.cpu),
    r.ratio === undefined ? "" : `${r.ratio.toFixed(2)}x ${r.vs ?? ""}`.trim(),
    r.cpuRatio === undefined ? "" : `${r.cpuRatio.toFixed(2)}x`,
    [
      r.target === undefined ? "" : `<= ${r.target}x`,
      r.targetMs === undefined ? "" : `< ${formatMs(r.targetMs)}`,
      r.targetPeak === undefined ? "" : `peak < ${formatBytes(r.targetPeak)}`,
    ]
      .filter(Boolean)
      .join(", "),
    r.peak === undefined ? "" : formatBytes(r.peak),
    verdict(r),
  ]);
  const header = ["measure", "size", "min", "median", "cpu", "ratio (wall)", "ratio (cpu)", "target", "peak RSS", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join("  ").trimEnd();
  console.log(`\n## ${title}\n\n(${load()})\n`);
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const c of cells) console.log(line(c));
}

/**
 * One goal of the benchmark's goals table (`npm run bench`): what was measured, the figure, the target, and
 * whether it was met (`null`: not measured in this run, `figure` says why). Modules that measure goals export a
 * function returning these rows (`readGoals`, `cpsvGoals`, `peerGoals`...).
 */
export interface GoalRow {
  goal: string;
  figure: string;
  target: string;
  met: boolean | null;
  /** Said after MET or MISSED, e.g. "in cpu time only". */
  note?: string;
}

/** The verdict column of a goal row. */
export function verdictOf(row: GoalRow): string {
  if (row.met === null) return "not measured";
  return `${row.met ? "MET" : "MISSED"}${row.note ? ` (${row.note})` : ""}`;
}

/** The 1-, 5- and 15-minute load averages and the number of CPUs, as printed beside every goals table. */
export function loadAverages(): string {
  return `load average ${loadavg().map((x) => x.toFixed(2)).join(" ")} on ${availableParallelism()} CPUs`;
}

/**
 * Whether a measured ratio or time meets `target` (at most), in wall time or only in CPU time. With `cpuOnly`, the
 * CPU figure alone decides (for work on one thread, whose wall time on a loaded machine can be off either way).
 */
export function atMost(wall: number, cpu: number, target: number, cpuOnly = false): { met: boolean; note?: string } {
  if (cpuOnly) return { met: cpu <= target, note: "cpu time" };
  if (wall <= target) return { met: true };
  return cpu <= target ? { met: true, note: "in cpu time only" } : { met: false };
}

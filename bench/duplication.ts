/**
 * Duplication benchmark (issue 3, "Speed"). On a generated province, in the same rounds: `findDuplication` <= 2x a
 * bare `JSON.parse` of the same JSON text, and >= 20x faster than the all-pairs baseline (`naive-duplication.ts`);
 * doubling the model (the province generator with 50, 100, 200 counties) multiplies the time by <= 2.3; the nation
 * tier finishes in < 60 s (in a fresh process; skipped with --quick).
 */
import { findDuplication, generateModel, stringifyModel } from "../src/index.js";
import { TIERS } from "../src/generate/tiers.js";
import { buildModel } from "../src/generate/build.js";
import type { Model } from "../src/schemas/model.js";
import { BENCH_DEFAULTS, compare, formatBytes, formatCount, gc, inChild, peakRss, printTable, time, type BenchOptions } from "./_util.js";
import { naiveDuplication } from "./naive-duplication.js";

function counts(model: Model): string {
  const c = formatCount;
  return `${c(model.regions.length)} regions, ${c(model.departments.length)} departments, ${c(model.functions.length)} functions, ${c(model.assignments.length)} assignments, ${c(model.services.length)} services`;
}

/** The generator's province tier with `counties` counties instead of 100 (same catalogue of functions and needs). */
function provinceWith(counties: number): Model {
  const tier = TIERS.province;
  return buildModel({ ...tier, shape: { ...tier.shape, counties } }, 1, "province").model;
}

async function province(options: BenchOptions): Promise<void> {
  const repeat = options.repeat;
  const { model } = generateModel({ size: "province", seed: 1 });
  const text = stringifyModel(model);
  const bytes = new TextEncoder().encode(text).length;
  console.log(`\nprovince (seed 1): ${counts(model)}; JSON ${formatBytes(bytes)}`);
  const summary = findDuplication(model).summary;
  console.log(`findings: ${JSON.stringify(summary)}`);

  const vsParse = compare(() => findDuplication(model), () => JSON.parse(text) as unknown, { repeat });
  gc();
  const naiveRepeat = Math.max(1, Math.min(repeat, 2));
  let naiveCounts: ReturnType<typeof naiveDuplication> | undefined;
  const naive = compare(() => findDuplication(model), () => (naiveCounts = naiveDuplication(model)), { repeat: naiveRepeat });
  console.log(`naive all-pairs found: ${JSON.stringify(naiveCounts)}`);
  gc();
  const half = provinceWith(50);
  const doubled = provinceWith(200);
  const halfToFull = compare(() => findDuplication(model), () => findDuplication(half), { repeat });
  gc();
  const fullToDouble = compare(() => findDuplication(doubled), () => findDuplication(model), { repeat });
  printTable(`province: ${repeat} rounds, the subject timed right after its baseline (ratio = median of per-round ratios)`, [
    { name: "JSON.parse (baseline)", size: formatBytes(bytes), min: vsParse.baseline.min, median: vsParse.baseline.median },
    { name: "findDuplication", min: vsParse.subject.min, median: vsParse.subject.median, ratio: vsParse.ratio, cpuRatio: vsParse.cpuRatio, vs: "JSON.parse", target: 2 },
    { name: "naive all-pairs baseline", min: naive.baseline.min, median: naive.baseline.median },
    { name: "findDuplication (naive time / this)", min: naive.subject.min, median: naive.subject.median, ratio: 1 / naive.ratio, cpuRatio: 1 / naive.cpuRatio, vs: "faster than naive" },
    { name: "findDuplication, 50 counties", size: counts(half), min: halfToFull.baseline.min, median: halfToFull.baseline.median },
    { name: "findDuplication, 100 counties", size: counts(model), min: halfToFull.subject.min, median: halfToFull.subject.median, ratio: halfToFull.ratio, cpuRatio: halfToFull.cpuRatio, vs: "50 counties", target: 2.3 },
    { name: "findDuplication, 200 counties", size: counts(doubled), min: fullToDouble.subject.min, median: fullToDouble.subject.median, ratio: fullToDouble.ratio, cpuRatio: fullToDouble.cpuRatio, vs: "100 counties", target: 2.3 },
    { name: "process peak", peak: peakRss() },
  ]);
  const speedup = 1 / naive.ratio;
  const cpuSpeedup = 1 / naive.cpuRatio;
  console.log(`\nspeed-up over the naive all-pairs baseline: ${speedup.toFixed(1)}x wall, ${cpuSpeedup.toFixed(1)}x cpu: ${speedup >= 20 ? "ok" : cpuSpeedup >= 20 ? "ok in cpu time only" : "MISSED"} (>= 20x)`);
}

/** What the nation child reports. */
interface NationResult {
  counts: string;
  generateMs: number;
  duplicationMs: number;
  summary: unknown;
}

/** Runs in a fresh process (see `bench/child.ts`): generates the nation tier and times findDuplication once. */
export async function child(): Promise<NationResult> {
  const start = performance.now();
  const { model } = generateModel({ size: "nation", seed: 1 });
  const generateMs = performance.now() - start;
  const timing = time(() => findDuplication(model).summary, { repeat: 1, warmup: 0 });
  return { counts: counts(model), generateMs, duplicationMs: timing.min, summary: timing.value };
}

async function nation(): Promise<void> {
  const { result, peakRss: peak } = inChild<NationResult>("duplication", ["nation"], ["--max-old-space-size=7600"]);
  console.log(`\nnation (seed 1): ${result.counts}; generated in ${(result.generateMs / 1000).toFixed(1)} s`);
  console.log(`findings: ${JSON.stringify(result.summary)}`);
  printTable("nation: findDuplication once, in a fresh process", [{ name: "findDuplication", min: result.duplicationMs, targetMs: 60_000, peak }]);
}

/** Prints the duplication figures: province here, the nation tier in a child process (skipped with --quick). */
export async function run(options: BenchOptions = BENCH_DEFAULTS): Promise<void> {
  await province(options);
  if (options.quick) console.log("\nnation tier skipped (--quick)");
  else await nation();
}

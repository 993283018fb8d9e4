/**
 * `npm run bench -- [names... | all] [--quick] [--repeat N]`: runs the benchmark modules below: the goals table
 * alone by default, those named, or all of them.
 * Each module exports `run(options: BenchOptions): Promise<void>` and prints its own tables of sizes, wall times,
 * ratios measured in the same run, and peak memory. Add a module by appending its file name (without `.ts`).
 */
import { BENCH_DEFAULTS, type BenchOptions } from "./_util.js";

/** Every benchmark module; `npm run bench -- all` runs them one after the other (tens of minutes). */
const BENCHMARKS = ["goals", "foundation", "generate", "duplication", "coverage", "peers", "scenario", "what-if", "analyze", "read", "cliffs", "convert", "cpsv-ap"];
/** What plain `npm run bench` runs: the goals table, every goal measured once (about ten minutes). */
const DEFAULT = ["goals"];

const names: string[] = [];
const options: BenchOptions = { ...BENCH_DEFAULTS };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i]!;
  if (arg === "--quick") options.quick = true;
  else if (arg === "--repeat") options.repeat = Math.max(1, Number(argv[++i]) || BENCH_DEFAULTS.repeat);
  else if (arg.startsWith("-")) {
    console.error(`bench: unknown option ${arg}. Use [names...] [--quick] [--repeat N].`);
    process.exit(2);
  } else names.push(arg);
}
const all = names.includes("all");
const unknown = names.filter((n) => n !== "all" && !BENCHMARKS.includes(n));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark ${unknown.join(", ")}. Known: ${BENCHMARKS.join(", ")} (or all).`);
  process.exit(2);
}

let failed = 0;
for (const name of all ? BENCHMARKS : names.length > 0 ? names : DEFAULT) {
  console.log(`\n# ${name}`);
  const start = performance.now();
  try {
    const module = (await import(`./${name}.ts`)) as { run: (options: BenchOptions) => Promise<void> };
    await module.run(options);
  } catch (error) {
    failed++;
    console.error(`bench ${name} failed:`, error);
  }
  console.log(`\n(${name}: ${((performance.now() - start) / 1000).toFixed(1)} s)`);
}
process.exit(failed > 0 ? 1 : 0);

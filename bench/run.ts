/**
 * `npm run bench -- [names...] [--quick] [--repeat N]`: runs the benchmark modules below (all, or those named).
 * Each module exports `run(options: BenchOptions): Promise<void>` and prints its own tables of sizes, wall times,
 * ratios measured in the same run, and peak memory. Add a module by appending its file name (without `.ts`).
 */
import { BENCH_DEFAULTS, type BenchOptions } from "./_util.js";

const BENCHMARKS = ["foundation", "generate", "duplication", "coverage", "peers", "scenario", "analyze", "cliffs", "convert", "cpsv-ap"];

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
const unknown = names.filter((n) => !BENCHMARKS.includes(n));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark ${unknown.join(", ")}. Known: ${BENCHMARKS.join(", ")}.`);
  process.exit(2);
}

let failed = 0;
for (const name of names.length > 0 ? names : BENCHMARKS) {
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

/**
 * Reading model files (`npm run bench -- read`): what it costs to turn a JSON file into a valid model.
 * - Province (seeds 1 and 2, 69 MB of JSON each): `parseModelJsonBytes(bytes)` (strict UTF-8, the model's own keys
 *   checked for repeats, validation) against a bare `JSON.parse` of the file's text, timed round by round in the same
 *   run; also the text path (`parseModelJson`) and every key checked (`duplicateKeys: "all"`, as the CLI reads).
 *   Target: at most 1.5x (the median of 9 rounds' ratios), and seed 2's ratio within 20% of seed 1's.
 * - Nation (seed 1, 1.1 GB; skipped with --quick): `govgraph validate nation.json` (dist/cli.js, a fresh process)
 *   against `validateModelJsonBytes` of the same bytes in a fresh process (the read of the file not counted), at most
 *   1.5x; `govgraph analyze nation.json` under 25 s of wall time and 3 GB of peak RSS.
 * The command-line figures need `npm run build` first. Generated files are written to a temporary folder and
 * deleted, unless `GOVGRAPH_BENCH_DIR` names a folder to keep them in (`province-<seed>.json`, `nation-<seed>.json`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { nodeIo } from "../src/cli/io.js";
import { generateModel, parseModelJson, parseModelJsonBytes, validateModelJsonBytes, writeModelStream } from "../src/index.js";
import { BENCH_DEFAULTS, compare, cpuMs, formatBytes, formatMs, inChild, printTable, time, type BenchOptions, type GoalRow, type Row } from "./_util.js";


/** Options of {@link readGoals}: those of every benchmark (`repeat` rounds per ratio, `quick` skips the nation tier). */
export type ReadGoalOptions = Partial<BenchOptions>;

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const PROVINCE_TARGET = 1.5;
/** Rounds of the goal's ratio: its median moves less with what else the machine runs than that of 5. */
const GOAL_ROUNDS = 9;
const SEED_SPREAD = 0.2;
const NATION_RATIO_TARGET = 1.5;
const ANALYZE_MS = 25_000;
const ANALYZE_PEAK = 3e9;

const loadNow = () => loadavg()[0]!.toFixed(1);

/** A folder for the generated files: `GOVGRAPH_BENCH_DIR` (kept), or a temporary one (removed by `done`). */
function workDir(): { dir: string; done: () => void } {
  const kept = process.env.GOVGRAPH_BENCH_DIR;
  if (kept) {
    mkdirSync(kept, { recursive: true });
    return { dir: kept, done: () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), "govgraph-bench-read-"));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The generated model file of a tier and seed, written (in a fresh process) when it is not there yet. */
function modelFile(dir: string, size: "province" | "nation", seed: number): string {
  const file = join(dir, `${size}-${seed}.json`);
  if (!existsSync(file)) inChild("read", ["write", size, String(seed), file], ["--max-old-space-size=7600"]);
  return file;
}

interface ProvinceFigures {
  seed: number;
  bytes: number;
  jsonParseMs: number;
  rows: Row[];
  ratio: number;
  load: string;
}

/** Province ratios for one seed, each against a bare JSON.parse timed in the same rounds. */
function province(file: string, seed: number, repeat: number): ProvinceFigures {
  const bytes = readFileSync(file);
  const text = bytes.toString("utf8");
  const bare = () => JSON.parse(text) as unknown;
  const load = loadNow();
  const main = compare(() => parseModelJsonBytes(bytes), bare, { repeat: Math.max(repeat, GOAL_ROUNDS) });
  const textPath = compare(() => parseModelJson(text), bare, { repeat });
  const allKeys = compare(() => validateModelJsonBytes(bytes, { duplicateKeys: "all" }), bare, { repeat });
  const vs = "JSON.parse";
  const rows: Row[] = [
    { name: `JSON.parse(text), seed ${seed}`, size: formatBytes(bytes.length), min: main.baseline.min, median: main.baseline.median },
    { name: "parseModelJsonBytes(bytes)", min: main.subject.min, median: main.subject.median, ratio: main.ratio, cpuRatio: main.cpuRatio, vs, target: PROVINCE_TARGET },
    { name: "parseModelJson(text)", min: textPath.subject.min, median: textPath.subject.median, ratio: textPath.ratio, cpuRatio: textPath.cpuRatio, vs },
    { name: 'validateModelJsonBytes(bytes, { duplicateKeys: "all" })', min: allKeys.subject.min, median: allKeys.subject.median, ratio: allKeys.ratio, cpuRatio: allKeys.cpuRatio, vs },
  ];
  return { seed, bytes: bytes.length, jsonParseMs: main.baseline.min, rows, ratio: main.ratio, load };
}

/**
 * Runs a command of the built CLI in a fresh process: its wall time, CPU time (user + system: on a loaded machine,
 * what the wall time would be on a quiet one, give or take the parallel garbage collector), peak RSS and exit code;
 * output dropped.
 */
function cli(args: readonly string[]): { ms: number; cpu: number; peak: number; code: number; load: string } {
  if (!existsSync(CLI)) throw new Error("bench read: dist/cli.js is missing. Run npm run build first.");
  const report = join(tmpdir(), `govgraph-bench-peak-${process.pid}.cjs`);
  writeFileSync(report, 'process.on("exit", () => require("fs").writeSync(2, "\\n@@peak " + process.resourceUsage().maxRSS * 1024 + " " + (process.cpuUsage().user + process.cpuUsage().system) / 1000 + "\\n"));\n');
  const load = loadNow();
  const start = performance.now();
  const out = spawnSync(process.execPath, ["--require", report, CLI, ...args], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 256 << 20 });
  const ms = performance.now() - start;
  rmSync(report, { force: true });
  const [, peak, cpu] = /@@peak (\d+) ([\d.]+)/.exec(out.stderr ?? "") ?? [];
  return { ms, cpu: Number(cpu ?? NaN), peak: Number(peak ?? NaN), code: out.status ?? -1, load };
}

interface NationFigures {
  bytes: number;
  validate: ReturnType<typeof cli>;
  inProcess: { ms: number; cpu: number; allMs: number; peak: number; load: string };
  analyze: ReturnType<typeof cli>;
}

function nation(file: string): NationFigures {
  const inProcess = inChild<{ ms: number; cpu: number; allMs: number; load: string }>("read", ["validate", file]);
  const validate = cli(["validate", file]);
  if (validate.code !== 0) throw new Error(`govgraph validate ${file} exited ${validate.code}`);
  const analyze = cli(["analyze", file]);
  if (analyze.code !== 0) throw new Error(`govgraph analyze ${file} exited ${analyze.code}`);
  return { bytes: statSync(file).size, validate, inProcess: { ...inProcess.result, peak: inProcess.peakRss }, analyze };
}

/** The goal rows of province figures (both seeds) and, unless skipped, nation figures. */
function goalRows(provinces: ProvinceFigures[], nationFigures: NationFigures | undefined): GoalRow[] {
  const rows: GoalRow[] = provinces.map((p) => ({
    goal: `province: parseModelJsonBytes (parse + validate) / JSON.parse, seed ${p.seed}`,
    figure: `${p.ratio.toFixed(2)}x (load ${p.load})`,
    target: `<= ${PROVINCE_TARGET}x`,
    met: p.ratio <= PROVINCE_TARGET,
  }));
  if (provinces.length === 2) {
    const spread = Math.abs(provinces[1]!.ratio / provinces[0]!.ratio - 1);
    rows.push({ goal: "province: seed 2's ratio against seed 1's", figure: `${(100 * spread).toFixed(0)}% apart`, target: `within ${100 * SEED_SPREAD}%`, met: spread <= SEED_SPREAD });
  }
  if (!nationFigures) return rows;
  const { validate, inProcess, analyze } = nationFigures;
  const ratio = validate.ms / inProcess.ms;
  rows.push(
    {
      goal: "nation: govgraph validate / in-process validateModelJsonBytes of the same bytes",
      figure: `${ratio.toFixed(2)}x: ${formatMs(validate.ms)} / ${formatMs(inProcess.ms)}, CPU ${(validate.cpu / inProcess.cpu).toFixed(2)}x (load ${validate.load} / ${inProcess.load})`,
      target: `<= ${NATION_RATIO_TARGET}x`,
      met: ratio <= NATION_RATIO_TARGET,
    },
    {
      goal: "nation: govgraph analyze, wall time",
      figure: `${formatMs(analyze.ms)}, CPU ${formatMs(analyze.cpu)} (load ${analyze.load})`,
      target: `< ${formatMs(ANALYZE_MS)}`,
      met: analyze.ms < ANALYZE_MS,
    },
    { goal: "nation: govgraph analyze, peak RSS", figure: `${formatBytes(analyze.peak)} (load ${analyze.load})`, target: `< ${formatBytes(ANALYZE_PEAK)}`, met: analyze.peak < ANALYZE_PEAK },
  );
  return rows;
}

/** Measures everything once: the province seeds, then (unless `quick`) the nation tier. */
function measure(options: ReadGoalOptions): { provinces: ProvinceFigures[]; nation: NationFigures | undefined } {
  const { repeat = BENCH_DEFAULTS.repeat, quick = false } = options;
  const { dir, done } = workDir();
  try {
    const provinces = [1, 2].map((seed) => province(modelFile(dir, "province", seed), seed, Math.min(repeat, 5)));
    return { provinces, nation: quick ? undefined : nation(modelFile(dir, "nation", 1)) };
  } finally {
    done();
  }
}

/**
 * The goals of reading model files, measured once (see the banner), as rows `{ goal, figure, target, met }` for a
 * summary table: province parse + validate against JSON.parse for seeds 1 and 2, the two seeds' agreement, and
 * (unless `quick`) the nation tier's `govgraph validate` ratio and `govgraph analyze` wall time and peak RSS.
 * @example
 * for (const row of await readGoals({ quick: true })) console.log(row.goal, row.figure, row.met ? "MET" : "MISSED");
 */
export async function readGoals(options: ReadGoalOptions = {}): Promise<GoalRow[]> {
  const { provinces, nation: n } = measure(options);
  return goalRows(provinces, n);
}

/** Prints the tables and the goals. */
export async function run(options: BenchOptions = BENCH_DEFAULTS): Promise<void> {
  const { provinces, nation: n } = measure(options);
  const rounds = `parseModelJsonBytes ${Math.max(options.repeat, GOAL_ROUNDS)} rounds, the others ${Math.min(options.repeat, 5)}`;
  for (const p of provinces) printTable(`province (seed ${p.seed}): parse + validate against JSON.parse of the same file, ${rounds}`, p.rows);
  if (n) {
    printTable(`nation (seed 1, ${formatBytes(n.bytes)}): each in a fresh process`, [
      { name: "validateModelJsonBytes(bytes) in process (file already read)", min: n.inProcess.ms, cpu: n.inProcess.cpu, peak: n.inProcess.peak },
      { name: 'the same with duplicateKeys: "all"', min: n.inProcess.allMs },
      { name: "govgraph validate nation.json", min: n.validate.ms, cpu: n.validate.cpu, peak: n.validate.peak, ratio: n.validate.ms / n.inProcess.ms, cpuRatio: n.validate.cpu / n.inProcess.cpu, vs: "in process", target: NATION_RATIO_TARGET },
      { name: "govgraph analyze nation.json (text to a pipe)", min: n.analyze.ms, cpu: n.analyze.cpu, peak: n.analyze.peak, targetMs: ANALYZE_MS, targetPeak: ANALYZE_PEAK },
    ]);
  } else console.log("\nnation tier skipped (--quick)");
  console.log("\n## goals\n");
  for (const row of goalRows(provinces, n)) console.log(`${row.met ? "MET   " : "MISSED"}  ${row.goal}: ${row.figure} (target ${row.target})`);
}

/**
 * In a fresh process: `write SIZE SEED FILE` writes a generated model; `validate FILE` reads the file's bytes, then
 * times `validateModelJsonBytes` on them (top-level keys, then every key).
 */
export async function child(args: string[]): Promise<unknown> {
  const [step, ...rest] = args;
  if (step === "write") {
    const [size, seed, file] = rest as ["province" | "nation", string, string];
    await nodeIo().writeFileAtomic(file, (write) => writeModelStream(generateModel({ size, seed: Number(seed) }).model, write));
    return { bytes: statSync(file).size };
  }
  const bytes = readFileSync(rest[0]!);
  const load = loadNow();
  const cpuStart = cpuMs();
  const top = time(() => void validateModelJsonBytes(bytes), { repeat: 1, warmup: 0 });
  const cpu = cpuMs() - cpuStart;
  const all = time(() => void validateModelJsonBytes(bytes, { duplicateKeys: "all" }), { repeat: 1, warmup: 0 });
  return { ms: top.min, cpu, allMs: all.min, load };
}

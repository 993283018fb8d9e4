/**
 * `govgraph analyze FILE` as a user runs it, a whole process, against a process that only reads the file and
 * `JSON.parse`s it: the CLI is bundled once with esbuild into `.bench/` (its packages resolved from the repository's
 * node_modules) and run with plain `node`, the two alternately round by round, text output to /dev/null. CPU time
 * (user + system) of each process comes from the shell's `times`, wall time from here.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { generateModel, stringifyModel } from "../src/index.js";
import { CACHE } from "./peer-runs.js";

const ROOT = new URL("..", import.meta.url).pathname;

/** The timings of one seed: per round, wall and CPU milliseconds of both processes. */
export interface ProcessRounds {
  seed: number;
  bytes: number;
  analyze: { wall: number; cpu: number }[];
  parse: { wall: number; cpu: number }[];
  /** Medians of the per-round ratios analyze / parse. */
  ratio: number;
  cpuRatio: number;
}

const PARSE = `JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"))`;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** `0m2.560s` as milliseconds. */
const shellTime = (t: string) => {
  const m = /^(\d+)m([\d.]+)s$/.exec(t);
  if (!m) throw new Error(`unexpected time "${t}" from the shell's times`);
  return (Number(m[1]) * 60 + Number(m[2])) * 1000;
};

/** Runs `node ...args` under `sh -c`, output discarded; its wall time and its CPU time (the shell's children's). */
function timed(args: readonly string[]): { wall: number; cpu: number } {
  const start = performance.now();
  const run = spawnSync("sh", ["-c", `"${process.execPath}" "$@" >/dev/null || exit 1; times`, "sh", ...args], { encoding: "utf8" });
  const wall = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${run.stderr}`);
  const children = run.stdout.trim().split("\n").pop()!.trim().split(/\s+/);
  return { wall, cpu: shellTime(children[0]!) + shellTime(children[1]!) };
}

/** Bundles the CLI into `.bench/` (beside the repository's node_modules); returns its path and how to remove it. */
export async function bundleCli(): Promise<{ cli: string; dispose: () => void }> {
  mkdirSync(CACHE, { recursive: true });
  const cli = join(CACHE, `govgraph-cli-${process.pid}.mjs`);
  await build({ entryPoints: [join(ROOT, "src", "cli", "main.ts")], bundle: true, packages: "external", platform: "node", format: "esm", outfile: cli, logLevel: "warning" });
  return { cli, dispose: () => rmSync(cli, { force: true }) };
}

/**
 * Writes the province of `seed` to `.bench/`, then times `node cli analyze FILE` and `node -e JSON.parse(...)` of
 * the same file, alternately, `rounds` times after one untimed round.
 */
export function analyzeProcessVsParse(cli: string, seed: number, rounds: number): ProcessRounds {
  const file = join(CACHE, `province-${seed}-${process.pid}.json`);
  const text = stringifyModel(generateModel({ size: "province", seed }).model);
  writeFileSync(file, text);
  const r: ProcessRounds = { seed, bytes: Buffer.byteLength(text), analyze: [], parse: [], ratio: 0, cpuRatio: 0 };
  try {
    for (let i = 0; i <= rounds; i++) {
      const parse = timed(["-e", PARSE, file]);
      const analyze = timed([cli, "analyze", file]);
      if (i === 0) continue;
      r.parse.push(parse);
      r.analyze.push(analyze);
    }
  } finally {
    rmSync(file, { force: true });
  }
  r.ratio = median(r.analyze.map((a, i) => a.wall / r.parse[i]!.wall));
  r.cpuRatio = median(r.analyze.map((a, i) => a.cpu / r.parse[i]!.cpu));
  return r;
}

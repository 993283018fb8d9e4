/**
 * The goals table (`npm run bench`, or `npm run bench -- goals`): every speed goal measured in one run and printed
 * as one table of goal, figure, target and MET, MISSED or "not measured", with the load averages at the start and
 * the end of the run and the seeds of every input. Each figure comes from the module that owns the measurement:
 * - goals 1 and 2: `peerGoals` of peers.ts (govgraph against PySAL access and networkx, alternating; five rounds,
 *   one with `--quick`, unless `--repeat N`);
 * - goal 3 and the parse + validate half of goal 4: `readGoals` of read.ts;
 * - goal 4, every section: `analyzeProcessVsParse` of analyze-process.ts (`govgraph analyze FILE`, a whole process,
 *   against a process that `JSON.parse`s the file), seeds 1 and 2;
 * - goal 5: `whatIfs` of what-if.ts (one merge and the scorecard), seeds 1 and 2 taking turns;
 * - goal 6: the second seed's figures over the first's (within 20%);
 * - CPSV-AP: `cpsvGoals` of cpsv-ap.ts.
 * A goal a run could not measure (e.g. the peers without pandas) gives a "not measured" row saying why, never a figure.
 */
import { ANALYZE_TARGET } from "./analyze.js";
import { analyzeProcessVsParse, bundleCli, type ProcessRounds } from "./analyze-process.js";
import { atMost, formatMs, gc, loadAverages, verdictOf, type BenchOptions, type GoalRow } from "./_util.js";
import { cpsvGoals } from "./cpsv-ap.js";
import { peerGoals } from "./peers.js";
import { readGoals } from "./read.js";
import { whatIfRow, whatIfs } from "./what-if.js";

const SEEDS = [1, 2] as const;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Goal 6's check: a second seed's figure over the first's, within 20%. */
function seedRow(what: string, one: number, two: number): GoalRow {
  const r = two / one;
  return { goal: `6. second seed: ${what}, seed 2 / seed 1`, figure: r.toFixed(2), target: "0.8 to 1.2", met: r >= 0.8 && r <= 1.2 };
}

function analyzeRow(m: ProcessRounds): GoalRow {
  const ms = (runs: { wall: number; cpu: number }[], k: "wall" | "cpu") => formatMs(median(runs.map((r) => r[k])));
  return {
    goal: `4. province analyze (every section, text), whole process / JSON.parse of the file, seed ${m.seed} (median of ${m.analyze.length} rounds)`,
    figure: `${m.cpuRatio.toFixed(2)}x cpu, ${m.ratio.toFixed(2)}x wall (${ms(m.analyze, "cpu")} / ${ms(m.parse, "cpu")} cpu, ${ms(m.analyze, "wall")} / ${ms(m.parse, "wall")} wall)`,
    target: `<= ${ANALYZE_TARGET}x`,
    ...atMost(m.ratio, m.cpuRatio, ANALYZE_TARGET, true),
  };
}


function printGoals(rows: readonly GoalRow[], header: readonly string[]): void {
  const cells = rows.map((r) => [r.goal, r.figure, r.target, verdictOf(r)]);
  const titles = ["goal", "figure", "target", ""];
  const widths = titles.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join("  ").trimEnd();
  console.log(`\n## Goals\n\n${header.join("\n")}\n`);
  console.log(line(titles));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const c of cells) console.log(line(c));
  const counted = (v: boolean | null) => rows.filter((r) => r.met === v).length;
  console.log(`\n${counted(true)} met, ${counted(false)} missed, ${counted(null)} not measured.`);
}

/** Measures every goal and prints the goals table. */
export async function run(options: BenchOptions): Promise<void> {
  const start = performance.now();
  const startLoad = loadAverages();
  const rows: GoalRow[] = [];
  const rounds = options.quick ? 1 : 3;
  const cpuRatios: number[] = [];
  const { cli, dispose } = await bundleCli();
  try {
    for (const seed of SEEDS) {
      const measured = analyzeProcessVsParse(cli, seed, rounds);
      cpuRatios.push(measured.cpuRatio);
      rows.push(analyzeRow(measured));
      console.log(`${rows.at(-1)!.goal}: ${rows.at(-1)!.figure} (${loadAverages()})`);
    }
  } finally {
    dispose();
  }
  const merges = options.quick ? 3 : 7;
  const measured = whatIfs(SEEDS, merges);
  gc();
  for (const w of measured) {
    rows.push(whatIfRow(w));
    console.log(`${rows.at(-1)!.goal}: ${rows.at(-1)!.figure} (${loadAverages()})`);
  }
  rows.push(seedRow("analyze / JSON.parse (cpu)", cpuRatios[0]!, cpuRatios[1]!));
  rows.push(seedRow("what-if time (cpu)", measured[0]!.cpu, measured[1]!.cpu));
  rows.push(...(await readGoals(options)));
  rows.push(...(await cpsvGoals(options)));
  rows.push(...(await peerGoals(options)));
  rows.sort((x, y) => x.goal.localeCompare(y.goal, "en", { numeric: true }));
  printGoals(rows, [
    `Inputs: provinces of generateModel({ size: "province", seed }) for seeds ${SEEDS.join(" and ")}; floating catchment on make_fca_instance.py 30000 50000 50 with seeds 1 and 2, and 60000 100000 50 1 (twice the area).`,
    `Every analyze round is a fresh process that reads, parses and validates the file; what-if reuses only what belongs to frozen (validated) models (docs/scenarios.md).`,
    `${startLoad} at the start, ${loadAverages()} at the end; ${formatMs(performance.now() - start)} in all. Goals 4 and 5 are judged on cpu time (user + system of the process): on a loaded machine their wall figures are off either way; "in cpu time only": the wall figure missed, distorted by the load.`,
  ]);
}

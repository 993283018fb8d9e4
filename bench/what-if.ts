/**
 * What-if benchmark (`npm run bench -- what-if`): on a generated province read from its JSON (validated, hence
 * frozen), with the scorecard of that model computed once as a report showing it would have, one operation is
 * applied (a merge of two departments of the same jurisdiction) and the scorecard recomputed: under 300 ms each.
 * Merges of several pairs spread over the model, each applied to the same base model, timed one by one (after three
 * untimed merges of other pairs; seeds 1 and 2 taking turns), with no forced garbage collection in between: as in a tool offering what-ifs one
 * after the other, where a forced full collection would also flush compiled code and double the next run's time;
 * wall and CPU time, medians. What is recomputed and what is reused: docs/scenarios.md.
 */
import { applyScenario, buildScorecard, generateModel, parseModelJson, stringifyModel, type Model } from "../src/index.js";
import { atMost, cpuMs, formatCount, formatMs, loadAverages, verdictOf, type BenchOptions, type GoalRow } from "./_util.js";

/** One merge and the scorecard after it, interactive when under this many milliseconds. */
export const WHAT_IF_TARGET_MS = 300;

/** The timings of one seed's merges. */
export interface WhatIf {
  seed: number;
  departments: number;
  merges: { ids: [string, string]; applyMs: number; scorecardMs: number; wall: number; cpu: number }[];
  /** Medians over the merges. */
  wall: number;
  cpu: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** `count` pairs of departments sharing a jurisdiction, spread evenly over the regions that have two or more. */
export function mergePairs(model: Model, count: number): [string, string][] {
  const byRegion = new Map<string, string[]>();
  for (const d of model.departments) byRegion.get(d.regionId)?.push(d.id) ?? byRegion.set(d.regionId, [d.id]);
  const regions = [...byRegion.values()].filter((ids) => ids.length >= 2);
  return Array.from({ length: count }, (_, i) => {
    const ids = regions[Math.floor(((i + 0.5) * regions.length) / count)]!;
    return [ids[0]!, ids[ids.length - 1]!];
  });
}

/**
 * Times `merges` one-operation what-ifs on the province of each seed, after `warmup` untimed ones (as in a tool that
 * has been offering what-ifs for a while: the optimising compiler and the heap's size settle over the first few).
 * The seeds take turns merge by merge, so that none of them is timed with code the others have warmed up longer.
 */
export function whatIfs(seeds: readonly number[], merges: number, warmup = 3): WhatIf[] {
  const runs = seeds.map((seed) => {
    const model = parseModelJson(stringifyModel(generateModel({ size: "province", seed }).model));
    buildScorecard(model);
    const result: WhatIf = { seed, departments: model.departments.length, merges: [], wall: 0, cpu: 0 };
    return { model, pairs: mergePairs(model, merges + warmup), result };
  });
  for (let i = 0; i < merges + warmup; i++) {
    for (const { model, pairs, result } of runs) {
      const [a, b] = pairs[i]!;
      const c0 = cpuMs();
      const t0 = performance.now();
      const after = applyScenario(model, [{ op: "mergeDepartments", ids: [a, b], into: a }]).model;
      const t1 = performance.now();
      buildScorecard(after);
      const t2 = performance.now();
      if (i >= warmup) result.merges.push({ ids: [a, b], applyMs: t1 - t0, scorecardMs: t2 - t1, wall: t2 - t0, cpu: cpuMs() - c0 });
    }
  }
  return runs.map(({ result }) => {
    result.wall = median(result.merges.map((m) => m.wall));
    result.cpu = median(result.merges.map((m) => m.cpu));
    return result;
  });
}

/** The goal-5 row of one seed. */
export function whatIfRow(w: WhatIf): GoalRow {
  const worst = Math.max(...w.merges.map((m) => m.wall));
  return {
    goal: `5. what-if: one mergeDepartments + buildScorecard, province seed ${w.seed} (median of ${w.merges.length} merges)`,
    figure: `${formatMs(w.wall)} wall, ${formatMs(w.cpu)} cpu (slowest ${formatMs(worst)} wall)`,
    target: `< ${WHAT_IF_TARGET_MS} ms`,
    ...atMost(w.wall, w.cpu, WHAT_IF_TARGET_MS, true),
  };
}

/** Prints every merge of seeds 1 and 2 with the apply and scorecard parts. */
export async function run(options: BenchOptions): Promise<void> {
  const merges = options.quick ? 3 : Math.max(5, options.repeat);
  for (const w of whatIfs([1, 2], merges)) {
    console.log(`\n## province seed ${w.seed} (${formatCount(w.departments)} departments): ${merges} merges, each on the base model, the seeds taking turns (${loadAverages()})\n`);
    for (const m of w.merges) {
      console.log(`merge ${m.ids.join(" + ")}: applyScenario ${formatMs(m.applyMs)}, buildScorecard ${formatMs(m.scorecardMs)}; total ${formatMs(m.wall)} wall, ${formatMs(m.cpu)} cpu`);
    }
    const row = whatIfRow(w);
    console.log(`median ${row.figure}; target ${row.target}: ${verdictOf(row)}`);
  }
}

/**
 * CPSV-AP benchmark: on a generated province (about 30,000 services), `toCpsvAp` and `fromCpsvAp` in Turtle and
 * in JSON-LD, each timed against a bare `JSON.parse` of the model's JSON (`stringifyModel`) in the same rounds.
 * Target: each under 10x the JSON.parse (the reading targets are the ones set; writing is reported against the
 * same bound). Both functions are asynchronous, so the rounds are timed here rather than with `compare`.
 * `cpsvGoals(options)` gives the verdicts as rows for a summary benchmark.
 */
import { fromCpsvAp, generateModel, stringifyModel, toCpsvAp, type Model } from "../src/index.js";
import { cpuMs, formatBytes, formatCount, formatMs, gc, load, peakRss, printTable, verdictOf, type BenchOptions, type GoalRow, type Row } from "./_util.js";

const TARGET = 10;

interface Rounds {
  subject: number[];
  baseline: number[];
  subjectCpu: number[];
  baselineCpu: number[];
}


const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** Times `subject` against `baseline` round by round (a warm-up round first), wall and CPU time. */
async function rounds(subject: () => Promise<unknown>, baseline: () => unknown, repeat: number): Promise<Rounds> {
  await subject();
  baseline();
  const r: Rounds = { subject: [], baseline: [], subjectCpu: [], baselineCpu: [] };
  for (let i = 0; i < repeat; i++) {
    gc();
    let cpu = cpuMs();
    let start = performance.now();
    baseline();
    r.baseline.push(performance.now() - start);
    r.baselineCpu.push(cpuMs() - cpu);
    gc();
    cpu = cpuMs();
    start = performance.now();
    await subject();
    r.subject.push(performance.now() - start);
    r.subjectCpu.push(cpuMs() - cpu);
  }
  return r;
}

/** A row of the table; `goal` false for a direction without a target (the JSON-LD export: the issue sets none). */
function row(name: string, size: string, r: Rounds, goal = true): Row {
  return {
    name,
    size,
    min: Math.min(...r.subject),
    median: median(r.subject),
    cpu: median(r.subjectCpu),
    ratio: median(r.subject.map((t, i) => t / r.baseline[i]!)),
    cpuRatio: median(r.subjectCpu.map((t, i) => t / r.baselineCpu[i]!)),
    vs: "JSON.parse",
    ...(goal ? { target: TARGET } : {}),
  };
}

interface Measured {
  model: Model;
  rows: Row[];
}

/** Measures the four directions on the province; the rows of the table, the baseline first. */
async function measure(options: BenchOptions): Promise<Measured> {
  const { model } = generateModel({ size: "province", seed: 1 });
  const json = stringifyModel(model, { indent: 0 });
  const parse = () => JSON.parse(json);
  const repeat = options.quick ? 1 : Math.min(options.repeat, 3);
  const rows: Row[] = [];
  const all: Rounds[] = [];
  for (const format of ["turtle", "jsonld"] as const) {
    const text = await toCpsvAp(model, { format });
    const label = format === "turtle" ? "Turtle" : "JSON-LD";
    const size = `${formatBytes(text.length)}, ${formatCount(text.split("\n").length)} lines`;
    const write = await rounds(() => toCpsvAp(model, { format }), parse, repeat);
    const read = await rounds(() => fromCpsvAp(text, { format }), parse, repeat);
    rows.push(row(`toCpsvAp ${label}`, size, write, format === "turtle"), row(`fromCpsvAp ${label}`, size, read));
    all.push(write, read);
  }
  const baseline = all.flatMap((r) => r.baseline);
  const parseRow: Row = { name: "JSON.parse (baseline)", size: formatBytes(json.length), min: Math.min(...baseline), median: median(baseline), cpu: median(all.flatMap((r) => r.baselineCpu)) };
  return { model, rows: [parseRow, ...rows] };
}

/** The goal rows of the measured directions: wall ratio, or CPU ratio (said in the note) when only that one is met. */
function goalsOf(rows: Row[]): GoalRow[] {
  return rows
    .filter((r) => r.target !== undefined)
    .map((r) => {
      const wall = r.ratio! <= TARGET;
      const cpuOnly = !wall && r.cpuRatio! <= TARGET;
      const figure = `${r.ratio!.toFixed(1)}x wall, ${r.cpuRatio!.toFixed(1)}x cpu (${load()})`;
      return { goal: `CPSV-AP: ${r.name} of a province / JSON.parse of its model JSON`, figure, target: `<= ${TARGET}x`, met: wall || cpuOnly, ...(cpuOnly ? { note: "in cpu time only" } : {}) };
    });
}

/**
 * The goals of this benchmark, measured (about a minute on a quiet machine): `toCpsvAp` and `fromCpsvAp` of a
 * province in Turtle and JSON-LD, each as a ratio to JSON.parse of the model's JSON.
 */
export async function cpsvGoals(options: BenchOptions): Promise<GoalRow[]> {
  return goalsOf((await measure(options)).rows);
}

/** Prints the export and import of a province in both formats against JSON.parse of its JSON. */
export async function run(options: BenchOptions): Promise<void> {
  const start = performance.now();
  const startLoad = load();
  const { model, rows } = await measure(options);
  console.log(`\nprovince seed 1: ${formatCount(model.services.length)} services, ${formatCount(model.departments.length)} departments, ${formatCount(model.assignments.length)} assignments`);
  rows.push({ name: "whole benchmark", min: performance.now() - start, peak: peakRss() });
  printTable(`CPSV-AP on the province (target: each under ${TARGET}x JSON.parse of the model's JSON, in the same rounds)`, rows);
  for (const g of goalsOf(rows)) console.log(`${g.goal}: ${g.figure}, ${verdictOf(g)}`);
  console.log(`wall time ${formatMs(performance.now() - start)}, peak RSS ${formatBytes(peakRss())}; ${startLoad} at the start, ${load()} at the end`);
}

/**
 * CPSV-AP benchmark: on a generated province (about 30,000 services), `toCpsvAp` to Turtle and `fromCpsvAp` of
 * that Turtle, each timed against a bare `JSON.parse` of the model's JSON (`stringifyModel`) in the same rounds.
 * Target: each under 10x the JSON.parse. JSON-LD (jsonld.js) is timed once on the same model, without a target.
 * Both functions are asynchronous, so the rounds are timed here rather than with `compare`.
 */
import { fromCpsvAp, generateModel, stringifyModel, toCpsvAp } from "../src/index.js";
import { cpuMs, formatBytes, formatCount, formatMs, gc, peakRss, printTable, type BenchOptions, type Row } from "./_util.js";

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

function row(name: string, size: string, r: Rounds): Row {
  return {
    name,
    size,
    min: Math.min(...r.subject),
    median: median(r.subject),
    cpu: median(r.subjectCpu),
    ratio: median(r.subject.map((t, i) => t / r.baseline[i]!)),
    cpuRatio: median(r.subjectCpu.map((t, i) => t / r.baselineCpu[i]!)),
    vs: "JSON.parse",
    target: TARGET,
  };
}

/** Prints the Turtle export and import of a province against JSON.parse of its JSON, and the JSON-LD times. */
export async function run(options: BenchOptions): Promise<void> {
  const start = performance.now();
  const { model } = generateModel({ size: "province", seed: 1 });
  const json = stringifyModel(model, { indent: 0 });
  const parse = () => JSON.parse(json);
  const repeat = options.quick ? 1 : Math.min(options.repeat, 3);
  const turtle = await toCpsvAp(model, { format: "turtle" });
  const triples = turtle.split("\n").length;
  console.log(
    `\nprovince seed 1: ${formatCount(model.services.length)} services, ${formatCount(model.departments.length)} departments, ` +
      `${formatCount(model.assignments.length)} assignments; JSON ${formatBytes(json.length)}, Turtle ${formatBytes(turtle.length)} (${formatCount(triples)} lines)`,
  );
  const write = await rounds(() => toCpsvAp(model, { format: "turtle" }), parse, repeat);
  const read = await rounds(() => fromCpsvAp(turtle), parse, repeat);
  const parseRow: Row = { name: "JSON.parse (baseline)", size: formatBytes(json.length), min: Math.min(...write.baseline, ...read.baseline), median: median([...write.baseline, ...read.baseline]), cpu: median([...write.baselineCpu, ...read.baselineCpu]) };
  const rows = [parseRow, row("toCpsvAp Turtle", formatBytes(turtle.length), write), row("fromCpsvAp Turtle", formatBytes(turtle.length), read)];
  if (!options.quick) {
    // jsonld.js compacts and expands node by node; one run each shows what JSON-LD costs at this size.
    gc();
    let t = performance.now();
    const jsonld = await toCpsvAp(model, { format: "jsonld" });
    rows.push({ name: "toCpsvAp JSON-LD (1 run)", size: formatBytes(jsonld.length), min: performance.now() - t });
    gc();
    t = performance.now();
    await fromCpsvAp(jsonld);
    rows.push({ name: "fromCpsvAp JSON-LD (1 run)", size: formatBytes(jsonld.length), min: performance.now() - t });
  }
  rows.push({ name: "whole benchmark", min: performance.now() - start, peak: peakRss() });
  printTable(`CPSV-AP on the province (target: each direction under ${TARGET}x JSON.parse of the model's JSON; MET/MISSED below)`, rows);
  for (const r of rows.filter((x) => x.target !== undefined)) {
    const met = r.ratio! <= TARGET || r.cpuRatio! <= TARGET;
    console.log(`${r.name}: ${r.ratio!.toFixed(1)}x wall, ${r.cpuRatio!.toFixed(1)}x cpu, target ${TARGET}x: ${met ? "MET" : "MISSED"}`);
  }
  console.log(`wall time ${formatMs(performance.now() - start)}, peak RSS ${formatBytes(peakRss())}`);
}

/**
 * Foundation benchmark (issue 2, "Speed and memory"). On a generated province, against a bare `JSON.parse` of the
 * same JSON text timed in the same rounds: `parseModelJson` (JSON.parse + validateModel) <= 2.5x, `indexModel`
 * <= 0.5x; `toGraph` <= 1.5x the naive graphology insert loop. The nation tier generates, validates and indexes in
 * a fresh process in < 90 s with peak RSS < 8 GB.
 */
import { parseModelJson, stringifyModel } from "../src/index.js";
import { indexModel } from "../src/graph/index-model.js";
import { toGraph } from "../src/graph/to-graph.js";
import { generateModel, type GenerateSize } from "../src/generate/generate-model.js";
import { validateModel } from "../src/model/validate.js";
import type { Model } from "../src/schemas/model.js";
import {
  BENCH_DEFAULTS,
  compare,
  cpuMs,
  formatBytes,
  formatCount,
  gc,
  inChild,
  peakRss,
  printTable,
  type BenchOptions,
  type Row,
} from "./_util.js";
import { graphKeys, naiveGraph } from "./naive-graph.js";

function counts(model: Model): string {
  const c = (n: number) => formatCount(n);
  return (
    `${c(model.regions.length)} regions, ${c(model.departments.length)} departments, ${c(model.functions.length)} functions, ` +
    `${c(model.assignments.length)} assignments, ${c(model.services.length)} services, ${c(model.needs.length)} needs, ` +
    `${c(model.servicePoints.length)} points, ${c(model.travelCosts.length)} travel costs`
  );
}

/** The province-tier measurements, in this process. */
async function province(options: BenchOptions): Promise<void> {
  const repeat = options.repeat;
  let start = performance.now();
  const { model } = generateModel({ size: "province", seed: 1 });
  const generateMs = performance.now() - start;
  start = performance.now();
  const text = stringifyModel(model);
  const stringifyMs = performance.now() - start;
  const bytes = new TextEncoder().encode(text).length;
  console.log(`\nprovince (seed 1): ${counts(model)}`);
  console.log(`JSON text: ${formatBytes(bytes)} (stringifyModel, indent 2); generate ${generateMs.toFixed(0)} ms, stringify ${stringifyMs.toFixed(0)} ms`);

  const parse = () => JSON.parse(text) as unknown;
  const parsed = compare(() => parseModelJson(text), parse, { repeat });
  const valid = parsed.subject.value as Model;
  // A shallow copy is not frozen, so each round builds the index anew instead of reading indexModel's cache.
  const index = compare(() => indexModel({ ...valid }), parse, { repeat });
  const graph = toGraph(valid);
  const keys = graphKeys(graph);
  const size = `${formatCount(graph.order)} nodes, ${formatCount(graph.size)} edges`;
  const built = compare(() => toGraph(valid), () => naiveGraph(keys), { repeat });
  const data = parse();
  const validateOnly = compare(() => validateModel(data), parse, { repeat: Math.min(repeat, 3) });
  gc();

  const rows: Row[] = [
    { name: "JSON.parse (baseline)", size: formatBytes(bytes), min: parsed.baseline.min, median: parsed.baseline.median },
    { name: "parseModelJson (parse + validate)", min: parsed.subject.min, median: parsed.subject.median, ratio: parsed.ratio, cpuRatio: parsed.cpuRatio, vs: "JSON.parse", target: 2.5 },
    { name: "  of which validateModel (on parsed data)", min: validateOnly.subject.min, median: validateOnly.subject.median, ratio: validateOnly.ratio, cpuRatio: validateOnly.cpuRatio, vs: "JSON.parse" },
    { name: "indexModel", min: index.subject.min, median: index.subject.median, ratio: index.ratio, cpuRatio: index.cpuRatio, vs: "JSON.parse", target: 0.5 },
    { name: "naive graphology insert loop", size, min: built.baseline.min, median: built.baseline.median },
    { name: "toGraph", size, min: built.subject.min, median: built.subject.median, ratio: built.ratio, cpuRatio: built.cpuRatio, vs: "naive loop", target: 1.5 },
    { name: "process peak (province, all of the above)", peak: peakRss() },
  ];
  printTable(`province: ${repeat} rounds, each timing the subject right after its baseline (min, median; ratio = median of per-round ratios)`, rows);
}

/** The nation-tier run, in a fresh process: generate, validate, index, with the peak RSS of that process. */
async function nation(): Promise<void> {
  const { result: r, peakRss: peak, ms } = inChild<NationResult>("foundation", ["nation"], ["--max-old-space-size=7600"]);
  console.log(`\nnation (seed 1): ${r.counts}`);
  printTable("nation: generate + validateModel + indexModel in a fresh process (wall time; cpu = user + system)", [
    { name: "generateModel", min: r.generate[0], cpu: r.generate[1] },
    { name: "validateModel", min: r.validate[0], cpu: r.validate[1] },
    { name: "indexModel", min: r.index[0], cpu: r.index[1] },
    {
      name: "total",
      min: r.generate[0] + r.validate[0] + r.index[0],
      cpu: r.generate[1] + r.validate[1] + r.index[1],
      targetMs: 90_000,
      peak,
      targetPeak: 8e9,
    },
    { name: "child process (with startup)", min: ms },
  ]);
}

/** What the nation child reports: `[wall ms, cpu ms]` per step. */
interface NationResult {
  counts: string;
  generate: [number, number];
  validate: [number, number];
  index: [number, number];
}

function measured<T>(fn: () => T): { value: T; times: [number, number] } {
  const cpu = cpuMs();
  const start = performance.now();
  const value = fn();
  return { value, times: [performance.now() - start, cpuMs() - cpu] };
}

/** Runs in a fresh process (see `bench/child.ts`): `nation` generates, validates and indexes the nation tier. */
export async function child(args: string[]): Promise<NationResult> {
  const size = (args[0] ?? "nation") as GenerateSize;
  const generated = measured(() => generateModel({ size, seed: 1 }).model);
  const summary = counts(generated.value);
  const validated = measured(() => validateModel(generated.value));
  const model = validated.value.model;
  if (!validated.value.ok || !model) throw new Error(`the ${size} model is not valid: ${JSON.stringify(validated.value.issues.slice(0, 3))}`);
  const indexed = measured(() => indexModel(model));
  if (indexed.value.services.ids.length !== model.services.length) throw new Error("indexModel lost services");
  return { counts: summary, generate: generated.times, validate: validated.times, index: indexed.times };
}

/** Prints the foundation figures: the province tier here, the nation tier in a child process (skipped with --quick). */
export async function run(options: BenchOptions = BENCH_DEFAULTS): Promise<void> {
  await province(options);
  if (options.quick) console.log("\nnation tier skipped (--quick)");
  else await nation();
}

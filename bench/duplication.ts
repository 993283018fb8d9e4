/**
 * Duplication benchmark (issue 3, "Speed"). On a generated province, in the same rounds: `findDuplication` <= 2x a
 * bare `JSON.parse` of the same JSON text, and >= 20x faster than the all-pairs baseline (`naive-duplication.ts`);
 * a model twice the province (two copies side by side) takes <= 2.3x the province; the nation tier finishes in
 * < 60 s (in a fresh process; skipped with --quick).
 */
import { findDuplication } from "../src/analyses/duplication.js";
import { stringifyModel } from "../src/formats/json.js";
import { generateModel } from "../src/model/generate.js";
import { validateModel } from "../src/model/validate.js";
import type { Model } from "../src/schemas/model.js";
import { BENCH_DEFAULTS, compare, formatBytes, formatCount, gc, inChild, peakRss, printTable, time, type BenchOptions } from "./_util.js";
import { naiveDuplication } from "./naive-duplication.js";

function counts(model: Model): string {
  const c = formatCount;
  return `${c(model.regions.length)} regions, ${c(model.departments.length)} departments, ${c(model.functions.length)} functions, ${c(model.assignments.length)} assignments, ${c(model.services.length)} services`;
}

/** Two copies of a model side by side (every id of the copy prefixed), so every count doubles. */
export function doubleModel(model: Model): Model {
  const p = (id: string) => `copy:${id}`;
  const ps = (ids: readonly string[] | undefined) => ids?.map(p);
  const copy = {
    regions: model.regions.map((r) => ({ ...r, id: p(r.id), ...(r.parentId ? { parentId: p(r.parentId) } : {}) })),
    segments: model.segments.map((s) => ({ ...s, id: p(s.id) })),
    departments: model.departments.map((d) => ({ ...d, id: p(d.id), regionId: p(d.regionId), ...(d.parentId ? { parentId: p(d.parentId) } : {}) })),
    functions: model.functions.map((f) => ({ ...f, id: p(f.id) })),
    assignments: model.assignments.map((a) => ({ ...a, departmentId: p(a.departmentId), functionId: p(a.functionId) })),
    services: model.services.map((s) => ({
      ...s,
      id: p(s.id),
      departmentId: p(s.departmentId),
      functionIds: ps(s.functionIds)!,
      needIds: ps(s.needIds)!,
      segmentIds: ps(s.segmentIds)!,
      ...(s.partnerIds ? { partnerIds: ps(s.partnerIds) } : {}),
      ...(s.regionIds ? { regionIds: ps(s.regionIds) } : {}),
      ...(s.evidence ? { evidence: s.evidence.map((e) => ({ ...e, evidenceId: p(e.evidenceId) })) } : {}),
    })),
    needs: model.needs.map((n) => ({
      ...n,
      id: p(n.id),
      segmentIds: ps(n.segmentIds)!,
      ...(n.demand ? { demand: n.demand.map((d) => ({ ...d, regionId: p(d.regionId), ...(d.segmentId ? { segmentId: p(d.segmentId) } : {}) })) } : {}),
      ...(n.journey ? { journey: n.journey.map((j) => ({ ...j, serviceId: p(j.serviceId), ...(j.after ? { after: ps(j.after) } : {}) })) } : {}),
    })),
    evidence: model.evidence.map((e) => ({ ...e, id: p(e.id), ...(e.issuerId ? { issuerId: p(e.issuerId) } : {}) })),
    servicePoints: model.servicePoints.map((s) => ({ ...s, id: p(s.id), regionId: p(s.regionId), serviceIds: ps(s.serviceIds)! })),
    travelCosts: model.travelCosts.map((t) => ({ ...t, regionId: p(t.regionId), pointId: p(t.pointId) })),
  };
  const doubled: Record<string, unknown> = { ...model };
  for (const [key, records] of Object.entries(copy)) doubled[key] = [...(model[key as keyof typeof copy] as unknown[]), ...records];
  const result = validateModel(doubled);
  if (!result.ok || !result.model) throw new Error(`doubleModel: invalid: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.model;
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
  const naive = compare(() => findDuplication(model), () => naiveDuplication(model), { repeat: naiveRepeat });
  const naiveCounts = naive.baseline.value as ReturnType<typeof naiveDuplication>;
  console.log(`naive all-pairs found: ${JSON.stringify(naiveCounts)}`);
  gc();
  const doubled = doubleModel(model);
  const vsDouble = compare(() => findDuplication(doubled), () => findDuplication(model), { repeat });
  const doubledSummary = findDuplication(doubled).summary;
  if (doubledSummary.duplication !== 2 * summary.duplication || doubledSummary.nearDuplicateFunctions < 2 * summary.nearDuplicateFunctions) {
    throw new Error("the doubled model should have twice the findings");
  }
  printTable(`province: ${repeat} rounds, the subject timed right after its baseline (ratio = median of per-round ratios)`, [
    { name: "JSON.parse (baseline)", size: formatBytes(bytes), min: vsParse.baseline.min, median: vsParse.baseline.median },
    { name: "findDuplication", min: vsParse.subject.min, median: vsParse.subject.median, ratio: vsParse.ratio, vs: "JSON.parse", target: 2 },
    { name: "naive all-pairs baseline", min: naive.baseline.min, median: naive.baseline.median },
    {
      name: "naive / findDuplication (>= 20x wanted)",
      min: naive.subject.min,
      median: naive.subject.median,
      ratio: 1 / naive.ratio,
      vs: "faster than naive",
    },
    { name: "findDuplication on 2x province", size: counts(doubled), min: vsDouble.subject.min, median: vsDouble.subject.median, ratio: vsDouble.ratio, vs: "province", target: 2.3 },
    { name: "process peak", peak: peakRss() },
  ]);
  const speedup = 1 / naive.ratio;
  console.log(`\nspeed-up over the naive all-pairs baseline: ${speedup.toFixed(1)}x ${speedup >= 20 ? "ok" : "MISSED"} (>= 20x)`);
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
  let start = performance.now();
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

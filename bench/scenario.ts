/**
 * Scenario benchmark (issue 5, "Speed"). On a generated province, a scenario of 100 operations of every kind
 * (merges, a split, transfers, function removals, new services and channels, digitization, evidence reuse, closed
 * points, staff changes) applies in under 1 s. Baselines timed in the same rounds: a bare `JSON.parse` of the
 * model's JSON text, and the naive way, the same operations applied one `applyScenario` call at a time.
 * Also checked: the inverse patches restore the input exactly.
 */
import { applyPatches } from "immer";
import { generateModel, parseModelJson, stringifyModel } from "../src/index.js";
import { applyScenario } from "../src/model/scenario.js";
import type { Model } from "../src/schemas/model.js";
import type { ScenarioOperationInput } from "../src/schemas/scenario.js";
import { BENCH_DEFAULTS, compare, cpuMs, formatBytes, formatCount, gc, peakRss, printTable, type BenchOptions } from "./_util.js";

/** A deterministic scenario of `n` operations (n a multiple of 20) touching records spread over the model. */
export function hundredOperations(model: Model, n = 100): ScenarioOperationInput[] {
  const k = n / 20;
  const spread = <T>(items: readonly T[], count: number, offset = 0): T[] =>
    Array.from({ length: count }, (_, i) => items[Math.floor(((i + offset / 7) * items.length) / count) % items.length]!);
  const ops: ScenarioOperationInput[] = [];
  const used = new Set<string>();
  // Merges: pairs of departments with the same jurisdiction, never used twice.
  const byRegion = new Map<string, string[]>();
  for (const d of model.departments) byRegion.get(d.regionId)?.push(d.id) ?? byRegion.set(d.regionId, [d.id]);
  const pairs = [...byRegion.values()].filter((ids) => ids.length >= 2).map((ids) => [ids[0]!, ids[1]!] as const);
  for (const [a, b] of spread(pairs, 2 * k)) {
    if (used.has(a) || used.has(b)) continue;
    used.add(a).add(b);
    ops.push({ op: "mergeDepartments", ids: [a, b], into: a });
  }
  // Transfers: an assignment of a department not merged, to another unmerged department of the same region.
  for (const a of spread(model.assignments, 6 * k, 3)) {
    if (ops.length >= 3 * k || used.has(a.departmentId)) continue;
    const to = byRegion.get(model.departments.find((d) => d.id === a.departmentId)!.regionId)!.find((d) => d !== a.departmentId && !used.has(d));
    if (!to) continue;
    used.add(a.departmentId).add(to);
    ops.push({ op: "transferFunction", functionId: a.functionId, from: a.departmentId, to });
  }
  const removed = new Set(spread(model.functions, k, 5).map((f) => f.id as string));
  for (const id of removed) ops.push({ op: "removeFunction", functionId: id });
  for (const s of spread(model.services, 4 * k, 1)) ops.push({ op: "digitizeService", serviceId: s.id });
  for (const e of spread(model.evidence, 2 * k, 2)) ops.push({ op: "reuseEvidence", evidenceId: e.id });
  for (const p of spread(model.servicePoints, 2 * k, 4)) ops.push({ op: "closeServicePoint", pointId: p.id });
  for (const d of spread(model.departments, 2 * k, 6)) if (!used.has(d.id)) ops.push({ op: "setStaff", departmentId: d.id, actual: 10 });
  const host = model.departments.find((d) => !used.has(d.id))!;
  for (let i = 0; i < 2 * k; i++) {
    ops.push({ op: "addService", service: { id: `bench-new-${i}`, name: `New service ${i}`, departmentId: host.id, channels: [{ kind: "in_person" }] } });
    ops.push({ op: "addChannel", serviceId: `bench-new-${i}`, channel: { kind: "mobile", endToEnd: true } });
  }
  for (const s of spread(model.services, n, 2)) {
    if (ops.length >= n) break;
    ops.push({ op: "retireService", serviceId: s.id });
  }
  return ops.slice(0, n);
}

export async function run(options: BenchOptions = BENCH_DEFAULTS): Promise<void> {
  // The model as a user holds it: read from JSON and validated (hence frozen and canonical).
  const text = stringifyModel(generateModel({ size: "province", seed: 1 }).model);
  const model = parseModelJson(text);
  const ops = hundredOperations(model);
  const kinds = new Map<string, number>();
  for (const op of ops) kinds.set(op.op, (kinds.get(op.op) ?? 0) + 1);
  console.log(
    `\nprovince (seed 1): ${formatCount(model.departments.length)} departments, ${formatCount(model.assignments.length)} assignments, ` +
      `${formatCount(model.services.length)} services; JSON ${formatBytes(text.length)}`,
  );
  console.log(`scenario: ${ops.length} operations (${[...kinds].map(([k, n]) => `${n} ${k}`).join(", ")})`);

  const repeat = Math.max(3, options.repeat);
  const vsParse = compare(() => applyScenario(model, ops), () => JSON.parse(text), { repeat });
  const result = vsParse.subject.value as ReturnType<typeof applyScenario>;
  const vsNaive = compare(
    () => applyScenario(model, ops),
    () => ops.reduce((m, op) => applyScenario(m, [op]).model, model),
    { repeat: Math.min(repeat, 3) },
  );
  // CPU time of one application (steadier than wall time on a loaded machine).
  const cpu: number[] = [];
  for (let i = 0; i < repeat; i++) {
    gc();
    const c0 = cpuMs();
    applyScenario(model, ops);
    cpu.push(cpuMs() - c0);
  }
  let start = performance.now();
  const restored = applyPatches(result.model, result.inversePatches);
  const undoMs = performance.now() - start;
  start = performance.now();
  const exact = stringifyModel(restored) === text;
  const checkMs = performance.now() - start;

  printTable(`province: applyScenario of ${ops.length} operations (${repeat} rounds; ratio = median of per-round ratios)`, [
    { name: "JSON.parse of the model (baseline)", size: formatBytes(text.length), min: vsParse.baseline.min, median: vsParse.baseline.median },
    { name: "naive: one applyScenario call per operation", min: vsNaive.baseline.min, median: vsNaive.baseline.median },
    {
      name: "applyScenario (one transaction)",
      size: `${formatCount(result.patches.length)} patches`,
      min: vsParse.subject.min,
      median: vsParse.subject.median,
      cpu: Math.min(...cpu),
      ratio: vsParse.ratio,
      cpuRatio: vsParse.cpuRatio,
      vs: "JSON.parse",
      targetMs: 1000,
    },
    { name: "  the same, against the naive way", ratio: vsNaive.ratio, cpuRatio: vsNaive.cpuRatio, vs: "naive" },
    { name: `applyPatches(inversePatches): restores the input ${exact ? "exactly" : "NOT exactly"}`, min: undoMs },
    { name: "  (byte comparison of the restored model)", min: checkMs },
    { name: "process peak", peak: peakRss() },
  ]);
  if (!exact) throw new Error("the inverse patches did not restore the input");
}

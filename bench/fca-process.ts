/**
 * The govgraph side of the floating-catchment peer comparison, as a whole process (`bench/peers.ts` bundles it and
 * runs it with plain `node`): `node fca-process.mjs INSTANCE.json OUT.json` reads the instance file that
 * `../shared/peers/make_fca_instance.py` writes, computes what `../shared/peers/peer_fca.py` computes (its method;
 * weight 1, or gravity with `gravityAlpha`), writes `{seconds, access: {id: value | null}}` as the peer does, and
 * prints its timings (wall, and CPU time of the call and of the whole process) as one JSON line. With `--records`
 * it reads the file with `JSON.parse` and passes cost records instead (the simple way, for comparison).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { floatingCatchment, parseCatchmentJson, weights, type CatchmentInput } from "../src/index.js";

const [instancePath, outPath, mode] = process.argv.slice(2);
if (!instancePath || !outPath) {
  console.error("usage: node fca-process.mjs INSTANCE.json OUT.json [--records]");
  process.exit(2);
}
/** `--records`: what a first program would do, `JSON.parse` and cost records looked up by id. */
function readRecords(bytes: Buffer): { input: CatchmentInput; other: Record<string, unknown> } {
  const { demand, supply, costs, method, maxCost, ...other } = JSON.parse(bytes.toString("utf8")) as CatchmentInput & Record<string, unknown>;
  return { input: { demand, supply, costs, method, maxCost: maxCost ?? undefined }, other };
}
const t0 = performance.now();
const bytes = readFileSync(instancePath);
const t1 = performance.now();
const { input, other } = mode === "--records" ? readRecords(bytes) : parseCatchmentJson(bytes);
const t2 = performance.now();
const alpha = other.gravityAlpha;
// As the peer script: 2SFCA without a weight, 3SFCA with PySAL's step_fn({inf: 1}), or gravity(scale 1, alpha).
const weight = typeof alpha === "number" ? weights.gravity({ scale: 1, alpha }) : input.method === "3sfca" ? weights.step({ Infinity: 1 }) : undefined;
const cpu0 = process.cpuUsage();
const rows = floatingCatchment({ ...input, weight });
const cpu = process.cpuUsage(cpu0);
const t3 = performance.now();
const access: Record<string, number | null> = {};
for (const r of rows) access[r.id] = Number.isNaN(r.access) ? null : r.access;
writeFileSync(outPath, JSON.stringify({ seconds: (t3 - t2) / 1000, access }));
const t4 = performance.now();
const ms = (x: number) => Math.round(x * 10) / 10;
const total = process.cpuUsage();
console.log(
  JSON.stringify({
    readMs: ms(t1 - t0),
    parseMs: ms(t2 - t1),
    callMs: ms(t3 - t2),
    writeMs: ms(t4 - t3),
    callCpuMs: ms((cpu.user + cpu.system) / 1000),
    processCpuMs: ms((total.user + total.system) / 1000),
    pairs: Array.isArray(input.costs) ? input.costs.length : (input.costs as { from: Int32Array }).from.length,
  }),
);

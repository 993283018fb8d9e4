/**
 * Running the peer scripts of `../shared/peers` (found beside the repository) and govgraph's own process on the same
 * files, for `bench/peers.ts`: the system python3, the cached instances under `.bench/`, and the timings.
 */
import { spawnSync } from "node:child_process";
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The peers folder: `../shared/peers` beside the repository. */
export const PEERS = resolve(ROOT, "..", "shared", "peers");
/** Generated instances and outputs (git-ignored). */
export const CACHE = resolve(ROOT, ".bench");
/** Debian's python3, which sees python3-pandas and python3-networkx (another python3 earlier on PATH may not). */
export const PYTHON = "/usr/bin/python3";
export const INSTALL = "apt-get install -y --no-install-recommends python3-pandas python3-networkx";

/** Why the peers cannot run here, or undefined when they can. */
export function peersMissing(): string | undefined {
  if (!existsSync(join(PEERS, "peer_fca.py"))) return `the peer scripts are not in ${PEERS} (../shared/peers beside the repository)`;
  const probe = spawnSync(PYTHON, ["-c", "import pandas, networkx"], { encoding: "utf8" });
  if (probe.error) return `${PYTHON} is not installed`;
  if (probe.status !== 0) return `${PYTHON} cannot import pandas and networkx`;
  return undefined;
}

/** A floating-catchment instance file per method (the generator writes 2SFCA; 3SFCA is the same file, method changed). */
export type InstanceFiles = { "2sfca": string; "3sfca": string; name: string; label: string };

/** The instance `make_fca_instance.py N M K SEED` writes, generated once into `.bench/`. */
export function fcaInstance(n: number, m: number, k: number, seed: number, name: string): InstanceFiles {
  mkdirSync(CACHE, { recursive: true });
  const two = join(CACHE, `fca-${n}-${m}-${k}-${seed}.json`);
  if (!existsSync(two)) {
    console.log(`generating ${two} (make_fca_instance.py ${n} ${m} ${k} ${seed}; cached for the next runs)...`);
    const partial = `${two}.partial`;
    const run = spawnSync(PYTHON, [join(PEERS, "make_fca_instance.py"), String(n), String(m), String(k), String(seed), partial], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`make_fca_instance.py failed: ${run.stderr}`);
    renameSync(partial, two);
  }
  const three = two.replace(/\.json$/, "-3sfca.json");
  if (!existsSync(three) || statSync(three).mtimeMs < statSync(two).mtimeMs) {
    copyFileSync(two, `${three}.partial`);
    setMethod(`${three}.partial`, "3sfca");
    renameSync(`${three}.partial`, three);
  }
  const label = `make_fca_instance.py ${n} ${m} ${k} ${seed}: ${formatN(n)} demand points, ${formatN(m)} supplies, ~${k} in reach each, ${(statSync(two).size / 1e6).toFixed(0)} MB of JSON`;
  return { "2sfca": two, "3sfca": three, name, label };
}

const formatN = (n: number) => n.toLocaleString("en-US");

/** Rewrites `"method": "2sfca"` near the end of the file (same length) in place. */
function setMethod(path: string, method: "3sfca"): void {
  const size = statSync(path).size;
  const tail = Buffer.alloc(Math.min(size, 512));
  const fd = openSync(path, "r+");
  try {
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const at = tail.lastIndexOf('"method": "2sfca"');
    if (at < 0) throw new Error(`${path}: no "method" near the end`);
    writeSync(fd, method, size - tail.length + at + '"method": "'.length);
  } finally {
    closeSync(fd);
  }
}

/** One run of a floating-catchment process: the call's time, the whole process's wall time, and its output file. */
export interface FcaRun {
  callMs: number;
  wallMs: number;
  out: string;
  /** govgraph only: CPU time (user + system) of the call and of the whole process, steadier on a loaded machine. */
  callCpuMs?: number;
  processCpuMs?: number;
  detail?: string;
}

/** PySAL access through `peer_fca.py` (its printed seconds are the call; the wall time includes loading). */
export function runPysal(instance: string): FcaRun {
  const out = join(CACHE, "pysal-out.json");
  const start = performance.now();
  const run = spawnSync(PYTHON, [join(PEERS, "peer_fca.py"), instance, out], { encoding: "utf8" });
  const wallMs = performance.now() - start;
  if (run.status !== 0) throw new Error(`peer_fca.py ${instance} failed: ${run.stderr}`);
  return { callMs: Number(run.stdout.trim().split("\n").pop()) * 1000, wallMs, out };
}

/** The govgraph process (`bench/fca-process.ts`, bundled once with esbuild into the temporary folder, run with plain node). */
export async function govgraphProcess(): Promise<{ run: (instance: string, records?: boolean) => FcaRun; dispose: () => void }> {
  const script = join(tmpdir(), `govgraph-fca-process-${process.pid}.mjs`);
  await build({ entryPoints: [join(ROOT, "bench", "fca-process.ts")], bundle: true, platform: "node", format: "esm", outfile: script, logLevel: "warning" });
  const dispose = () => rmSync(script, { force: true });
  const run = (instance: string, records = false): FcaRun => {
    const out = join(CACHE, "govgraph-out.json");
    const start = performance.now();
    const run = spawnSync(process.execPath, [script, instance, out, ...(records ? ["--records"] : [])], { encoding: "utf8", maxBuffer: 1 << 26 });
    const wallMs = performance.now() - start;
    if (run.status !== 0) throw new Error(`fca-process ${instance} failed: ${run.stderr}`);
    const t = JSON.parse(run.stdout.trim().split("\n").pop()!) as Record<"readMs" | "parseMs" | "callMs" | "writeMs" | "callCpuMs" | "processCpuMs" | "pairs", number>;
    const detail = `${t.pairs.toLocaleString("en-US")} pairs; read ${t.readMs} ms, parse ${t.parseMs} ms, call ${t.callMs} ms, write ${t.writeMs} ms`;
    return { callMs: t.callMs, wallMs, out, callCpuMs: t.callCpuMs, processCpuMs: t.processCpuMs, detail };
  };
  return { run, dispose };
}

/** The largest relative difference between two outputs' access values (Infinity when one is NaN and not the other). */
export function maxRelativeDifference(a: string, b: string): number {
  const x = (JSON.parse(readFileSync(a, "utf8")) as { access: Record<string, number | null> }).access;
  const y = (JSON.parse(readFileSync(b, "utf8")) as { access: Record<string, number | null> }).access;
  let worst = Object.keys(x).length === Object.keys(y).length ? 0 : Infinity;
  for (const [id, u] of Object.entries(x)) {
    const v = y[id];
    if (u === null || v === null || v === undefined) worst = u === null && v === null ? worst : Infinity;
    else if (u !== v) worst = Math.max(worst, Math.abs(u - v) / Math.max(Math.abs(u), Math.abs(v)));
  }
  return worst;
}

/** networkx's projection through `peer_networkx_dup.py` on a model file: its printed seconds (loading excluded). */
export function runNetworkx(modelPath: string): { ms: number; summary: string } {
  const run = spawnSync(PYTHON, [join(PEERS, "peer_networkx_dup.py"), modelPath], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`peer_networkx_dup.py failed: ${run.stderr}`);
  const line = run.stdout.trim().split("\n").pop()!;
  return { ms: Number(line.split(" ")[0]) * 1000, summary: line.replace(/^[\d.]+ s, /, "") };
}

/**
 * Convert benchmark. `govgraph convert` streams: a model's CSV folder is written file by file as
 * `csvFolderChunks` yields it, and read one file at a time (`fromCsvFolder` with files given as functions).
 * Target: on the nation tier (seed 1: about 3 million assignments, 1.1 GB of JSON), both directions,
 * `convert nation.json --to csv --out DIR` and `convert DIR --to json --out FILE`, each within 3 times the time of
 * `govgraph validate nation.json`, with a peak RSS under 4 GB, every command in a fresh process with Node's default
 * heap. The baseline is timed before and after the conversions (their mean is the ratio's denominator), since the
 * machine may be shared. The JSON written back must be the bytes of the original. `--quick` runs the province tier.
 */
import { closeSync, openSync, readdirSync, readSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nodeIo } from "../src/cli/io.js";
import { runCli } from "../src/cli/main.js";
import { generateModel, writeModelStream } from "../src/index.js";
import { cpuMs, formatBytes, inChild, printTable, type BenchOptions, type Row } from "./_util.js";

/** What a child reports: its wall and CPU time, and the size of what it wrote. */
interface Measured {
  ms: number;
  cpu: number;
  bytes: number;
}

/** Bytes of a file, or of every file of a folder. */
function sizeOf(path: string): number {
  if (!statSync(path).isDirectory()) return statSync(path).size;
  return readdirSync(path).reduce((sum, file) => sum + statSync(join(path, file)).size, 0);
}

/**
 * Runs in a fresh process: `write SIZE FILE` writes the generated model's JSON; `cli ARGS...` runs
 * `govgraph ARGS...` and measures it.
 */
export async function child(args: string[]): Promise<Measured> {
  const io = nodeIo();
  const t = performance.now();
  const c = cpuMs();
  if (args[0] === "write") {
    await io.writeFileAtomic(args[2]!, (write) => {
      writeModelStream(generateModel({ size: args[1] as "nation", seed: 1 }).model, write);
      write("\n"); // as `govgraph generate` and `convert --to json` end the file
    });
    return { ms: performance.now() - t, cpu: cpuMs() - c, bytes: sizeOf(args[2]!) };
  }
  let errors = "";
  const code = await runCli(args.slice(1), { ...io, stdout: () => undefined, stderr: (text) => void (errors += text), stderrIsTTY: false });
  if (code !== 0) throw new Error(`govgraph ${args.slice(1).join(" ")} exited ${code}: ${errors}`);
  const out = args.indexOf("--out");
  return { ms: performance.now() - t, cpu: cpuMs() - c, bytes: out > 0 ? sizeOf(args[out + 1]!) : 0 };
}

/** Whether two files hold the same bytes, read 64 MB at a time. */
function sameBytes(a: string, b: string): boolean {
  if (statSync(a).size !== statSync(b).size) return false;
  const [fa, fb] = [openSync(a, "r"), openSync(b, "r")];
  const [ba, bb] = [Buffer.alloc(1 << 26), Buffer.alloc(1 << 26)];
  try {
    for (let at = 0; ; ) {
      const n = readSync(fa, ba, 0, ba.length, at);
      if (n === 0) return true;
      readSync(fb, bb, 0, n, at);
      if (!ba.subarray(0, n).equals(bb.subarray(0, n))) return false;
      at += n;
    }
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}

export async function run(options: BenchOptions): Promise<void> {
  const size = options.quick ? "province" : "nation";
  const dir = join(tmpdir(), `govgraph-bench-convert-${process.pid}`);
  const [json, csv, back] = [`${dir}.json`, `${dir}-csv`, `${dir}.back.json`];
  try {
    const written = inChild<Measured>("convert", ["write", size, json], ["--max-old-space-size=7600"]);
    const cli = (...args: string[]) => inChild<Measured>("convert", ["cli", ...args]);
    const before = cli("validate", json);
    const toCsv = cli("convert", json, "--to", "csv", "--out", csv);
    const toJson = cli("convert", csv, "--to", "json", "--out", back);
    const after = cli("validate", json);
    const same = sameBytes(json, back);
    // Times measured inside each child, around the command (Node's and tsx's start-up left out).
    const baseMs = (before.result.ms + after.result.ms) / 2;
    const baseCpu = (before.result.cpu + after.result.cpu) / 2;
    const row = (name: string, m: { ms: number; peakRss: number; result: Measured }, target?: boolean): Row => ({
      name,
      size: m.result.bytes ? formatBytes(m.result.bytes) : "",
      min: m.result.ms,
      cpu: m.result.cpu,
      ...(target ? { ratio: m.result.ms / baseMs, cpuRatio: m.result.cpu / baseCpu, vs: "validate", target: 3, targetPeak: 4e9 } : {}),
      peak: m.peakRss,
    });
    printTable(`${size} (seed 1): govgraph convert both ways, each command in a fresh process (default heap)`, [
      { name: "write the model (generate + writeModelStream)", size: formatBytes(written.result.bytes), min: written.result.ms, peak: written.peakRss },
      row("govgraph validate model.json (baseline, before)", before),
      row("govgraph convert model.json --to csv --out DIR", toCsv, true),
      row("govgraph convert DIR --to json --out back.json", toJson, true),
      row("govgraph validate model.json (baseline, after)", after),
    ]);
    for (const [name, m] of [["json -> csv", toCsv], ["csv -> json", toJson]] as const) {
      const met = m.result.ms / baseMs <= 3 && m.peakRss < 4e9;
      console.log(`${name}: ${(m.result.ms / baseMs).toFixed(2)}x validate in wall time (${(m.result.cpu / baseCpu).toFixed(2)}x in CPU time), peak ${formatBytes(m.peakRss)}; target <= 3x and < 4 GB: ${met ? "MET" : "MISSED"}`);
    }
    console.log(`back.json ${same ? "holds the same bytes as" : "DIFFERS from"} model.json: ${same ? "MET" : "MISSED"}`);
    if (!same) throw new Error("the CSV round trip changed the model's JSON");
  } finally {
    for (const path of [json, csv, back]) rmSync(path, { recursive: true, force: true });
  }
}

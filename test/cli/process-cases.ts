import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TEMPORARY_NAME } from "../../src/cli/files.js";

/** How a process ended, and what it wrote on standard error. */
interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

const ended = (child: ChildProcess): Promise<Ended> =>
  new Promise((done) => {
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code, signal) => done({ code, signal, stderr }));
  });

/** Resolves once `dir` holds a temporary file of govgraph; fails after `ms`. */
async function temporaryIn(dir: string, ms = 40_000): Promise<string> {
  for (const start = Date.now(); Date.now() - start < ms; await new Promise((done) => setTimeout(done, 20))) {
    const found = readdirSync(dir).find((name) => TEMPORARY_NAME.test(name));
    if (found) return found;
  }
  throw new Error(`no temporary file appeared in ${dir}`);
}

/**
 * The cases only a real process shows, a closed pipe and a signal, run on the CLI that `command` starts
 * (`node dist/cli.js`, or the sources through tsx).
 */
export function processCases(command: readonly string[]): void {
  const start = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) =>
    spawn(command[0]!, [...command.slice(1), ...args], { cwd: options.cwd ?? tmpdir(), env: { ...process.env, NO_COLOR: "1", ...options.env }, stdio: ["ignore", "pipe", "pipe"] });

  /** Runs `script` in bash, "$@" being the CLI, and gives what it printed (not waiting in a blocking call: tests run side by side). */
  const shell = async (script: string, cwd: string, env: Record<string, string> = {}) => {
    const child = spawn("bash", ["-c", script, "bash", ...command], { cwd, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const { stderr } = await ended(child);
    return { stdout, stderr };
  };

  describe.concurrent("a closed standard output", () => {
    it.each([
      ["analyze --format json | head -1", `"$@" analyze --format json | head -1 >/dev/null`],
      ["generate | head -c 100", `"$@" generate | head -c 100 >/dev/null`],
    ])("%s: exit 141, no stack trace", async (_name, pipeline) => {
      expect(await shell(`${pipeline}; echo "status \${PIPESTATUS[0]}"`, tmpdir())).toEqual({ stdout: "status 141\n", stderr: "" });
    });

    it("a reader gone after the first chunk, or before the first byte: exit 141, no stack trace", async () => {
      const early = start(["generate", "--size", "county"]);
      early.stdout!.once("data", () => early.stdout!.destroy());
      const gone = start(["analyze"]);
      gone.stdout!.destroy();
      expect(await Promise.all([ended(early), ended(gone)])).toEqual([
        { code: 141, signal: null, stderr: "" },
        { code: 141, signal: null, stderr: "" },
      ]);
    });

    it("a closed standard error keeps the exit code (2 for a usage error) and crashes nothing", async () => {
      const child = start(["validate", "--colour"]);
      child.stderr!.destroy();
      expect((await ended(child)).code).toBe(2);
    });
  });

  describe.concurrent("a signal during a write", () => {
    it.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)("%s removes the temporary file; the old file and --truth stay as they were", async (signal) => {
      const dir = mkdtempSync(join(tmpdir(), "govgraph-signal-"));
      writeFileSync(join(dir, "big.json"), "the previous model\n");
      const child = start(["generate", "--out", "big.json", "--truth", "truth.json"], { cwd: dir, env: { GOVGRAPH_TEST_WRITE_DELAY_MS: "1000" } });
      const result = ended(child);
      await temporaryIn(dir);
      child.kill(signal);
      // The process ends by the signal itself, as Unix tools do: a shell reports 128 + n.
      expect(await result).toEqual({ code: null, signal, stderr: "" });
      expect(readdirSync(dir)).toEqual(["big.json"]);
      expect(readFileSync(join(dir, "big.json"), "utf8")).toBe("the previous model\n");
    });

    it("a signal before the write (during the work) ends the run at once, leaving nothing", async () => {
      const dir = mkdtempSync(join(tmpdir(), "govgraph-signal-"));
      const child = start(["generate", "--size", "province", "--out", "p.json"], { cwd: dir });
      const result = ended(child);
      await new Promise((done) => setTimeout(done, 1000));
      child.kill("SIGTERM");
      expect(await result).toEqual({ code: null, signal: "SIGTERM", stderr: "" });
      expect(readdirSync(dir)).toEqual([]);
    });

    it("a shell sees exit status 130 after Ctrl-C (SIGINT)", async () => {
      const dir = mkdtempSync(join(tmpdir(), "govgraph-signal-"));
      const script = `"$@" generate --out big.json & pid=$!
        until ls -A | grep -q 'govgraph-.*\\.tmp$'; do sleep 0.02; done
        kill -INT $pid; wait $pid; echo "status $?"; ls -A`;
      expect(await shell(script, dir, { GOVGRAPH_TEST_WRITE_DELAY_MS: "1000" })).toEqual({ stdout: "status 130\n", stderr: "" });
    });
  });
}

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planProgress, progress, startProgress, PLANNED_PROGRESS_BYTES } from "../../src/cli/progress.js";
import { runIn } from "./run-cli.js";

const fixtures = join(import.meta.dirname, "fixtures");

/** A terminal (or not) that records what is written on standard error. */
const terminal = (tty: boolean, env: Record<string, string> = {}) => {
  const written: string[] = [];
  return { io: { stderr: (t: string) => void written.push(t), stderrIsTTY: tty, env }, written };
};

describe("progress", () => {
  it("is shown on a terminal, never in CI or when stderr is not a terminal, unless --progress asks", () => {
    for (const [tty, env, forced, shown] of [
      [true, {}, false, true],
      [true, { CI: "true" }, false, false],
      [false, {}, false, false],
      [false, { CI: "1" }, true, true],
    ] as const) {
      const { io, written } = terminal(tty, env);
      startProgress(io, forced);
      progress(io, "validating x.json...");
      expect(written.length > 0, JSON.stringify({ tty, env, forced })).toBe(shown);
    }
  });

  it("redraws one line on a terminal, and writes a line per stage elsewhere", () => {
    const tty = terminal(true);
    startProgress(tty.io, false);
    progress(tty.io, "reading");
    progress(tty.io, "");
    expect(tty.written).toEqual(["\r\u001b[Kreading", "\r\u001b[K"]);
    const log = terminal(false);
    startProgress(log.io, true);
    progress(log.io, "reading");
    progress(log.io, "");
    expect(log.written).toEqual(["reading\n"]);
  });

  it("gives the share done and the time left on inputs over 50 MB", () => {
    const { io, written } = terminal(false);
    startProgress(io, true);
    planProgress(io, PLANNED_PROGRESS_BYTES, [{ prefix: "reading", weight: 1 }, { prefix: "validating", weight: 1 }, { prefix: "Coverage", weight: 2 }], 0);
    progress(io, "reading big.json...", 0);
    progress(io, "validating big.json...", 10_000);
    progress(io, "Coverage...", 20_000);
    expect(written).toEqual(["[0%] reading big.json...\n", "[25%, about 30 s left] validating big.json...\n", "[50%, about 20 s left] Coverage...\n"]);
  });

  it("gives no percentage on smaller inputs", () => {
    const { io, written } = terminal(false);
    startProgress(io, true);
    planProgress(io, PLANNED_PROGRESS_BYTES - 1, [{ prefix: "reading", weight: 1 }], 0);
    progress(io, "reading small.json...", 0);
    expect(written).toEqual(["reading small.json...\n"]);
  });

  it("runs through a command: stages of analyze with percentages for a large file, on stderr only", async () => {
    const big = await runIn(fixtures, ["analyze", "tiny-county.json", "--progress", "--format", "json"], { fileSize: () => 60 * 1024 * 1024 });
    expect(big.code).toBe(0);
    expect(JSON.parse(big.stdout).sections.summary.counts.regions).toBe(3);
    const stages = big.stderr.split("\n").filter(Boolean);
    expect(stages[0]).toBe("[0%] reading tiny-county.json...");
    expect(stages.slice(1).every((s) => /^\[\d+%(, about \d+ (s|min) left)?\] /.test(s))).toBe(true);
    expect(stages.map((s) => s.replace(/^\[[^\]]*\] /, ""))).toContain("Reform scorecard...");
    const quiet = await runIn(fixtures, ["analyze", "tiny-county.json"], { stderrIsTTY: true, env: { CI: "true" } });
    expect(quiet.stderr).toBe("");
  });
});

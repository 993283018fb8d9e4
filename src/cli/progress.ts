/**
 * Progress
 * ========
 * One status line on standard error while long work runs: on a terminal outside CI, or anywhere with
 * `--progress` (then one line per stage, without cursor moves). For inputs over 50 MB a command plans its stages
 * ahead, and each status says how far the run is and about how long is left.
 */

/** What progress needs of the CLI's io (not the io module itself, which re-exports `progress`). */
interface ProgressIo {
  stderr(text: string): void;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
}

/** A stage of planned work: the status messages that start with `prefix`, and its share of the time. @internal */
export interface Stage {
  prefix: string;
  weight: number;
}

interface Plan {
  stages: readonly Stage[];
  total: number;
  started: number;
}

interface Run {
  enabled: boolean;
  /** Whether the status line is redrawn in place (a terminal) rather than written line by line. */
  inPlace: boolean;
  plan?: Plan;
}

const runs = new WeakMap<object, Run>();

/** Inputs at least this large get percentages and time estimates. @internal */
export const PLANNED_PROGRESS_BYTES = 50 * 1024 * 1024;

/**
 * Decides whether this run shows progress: with `--progress` always; otherwise only when standard error is a
 * terminal and the `CI` environment variable is not set. @internal
 */
export function startProgress(io: ProgressIo, forced: boolean): void {
  runs.set(io, { enabled: forced || (io.stderrIsTTY && !io.env.CI), inPlace: io.stderrIsTTY });
}

const runOf = (io: ProgressIo): Run => runs.get(io) ?? { enabled: io.stderrIsTTY && !io.env.CI, inPlace: io.stderrIsTTY };

/**
 * Plans the stages of a run on an input of `bytes`: statuses then carry a percentage and the time left, when
 * the input is at least {@link PLANNED_PROGRESS_BYTES}. @internal
 */
export function planProgress(io: ProgressIo, bytes: number, stages: readonly Stage[], now = Date.now()): void {
  const run = runOf(io);
  if (bytes < PLANNED_PROGRESS_BYTES) return;
  run.plan = { stages, total: stages.reduce((s, x) => s + x.weight, 0), started: now };
  runs.set(io, run);
}

/** "about 2 min left", "about 40 s left". */
function left(seconds: number): string {
  if (seconds >= 90) return `about ${Math.round(seconds / 60)} min left`;
  return `about ${Math.max(1, Math.round(seconds))} s left`;
}

/** The status with how far a planned run is: `[42%, about 30 s left] validating...`. */
function planned(plan: Plan, message: string, now: number): string {
  const at = plan.stages.findIndex((s) => message.startsWith(s.prefix));
  if (at < 0 || plan.total <= 0) return message;
  const done = plan.stages.slice(0, at).reduce((s, x) => s + x.weight, 0);
  const share = done / plan.total;
  const elapsed = (now - plan.started) / 1000;
  const eta = done > 0 && elapsed > 0 ? `, ${left((elapsed * (plan.total - done)) / done)}` : "";
  return `[${Math.floor(share * 100)}%${eta}] ${message}`;
}

/** Shows a one-line status of long work on standard error; an empty message clears it. @internal */
export function progress(io: ProgressIo, message: string, now = Date.now()): void {
  const run = runOf(io);
  if (!run.enabled) return;
  const text = run.plan && message ? planned(run.plan, message, now) : message;
  if (run.inPlace) io.stderr(`\r\u001b[K${text}`);
  else if (text) io.stderr(`${text}\n`);
}

import { rmSync } from "node:fs";

/**
 * How the `govgraph` process ends: its exit codes, the temporary files removed when a signal interrupts a write,
 * and the last-resort handlers that keep stack traces off the terminal. See docs/cli.md, "Exit codes".
 * @internal
 */
export const EXIT = {
  ok: 0,
  /** Invalid input, a file that cannot be read or written, an unexpected error. */
  invalid: 1,
  usage: 2,
  /** `--fail-on` findings. */
  findings: 3,
  /** Standard output (or a FIFO given to `--out`) was closed by its reader: 128 + SIGPIPE, as Unix tools. */
  closedPipe: 141,
} as const;

/** The signals after which a write is cleaned up; the process then ends by the same signal (exit 128 + n). */
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Thrown when the reader of an output went away (EPIPE): the run ends quietly with exit 141. @internal */
export class ClosedOutputError extends Error {
  override readonly name = "ClosedOutputError";
  constructor(cause?: unknown) {
    super("the reader of the output went away", cause === undefined ? undefined : { cause });
  }
}

/** Whether an error from writing says that the reader went away. @internal */
export function isClosedPipe(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof ClosedOutputError || code === "EPIPE" || code === "ERR_STREAM_DESTROYED";
}

const temporaries = new Set<string>();

/** Removes every temporary file still registered; never throws (it runs while the process ends). */
function removeTemporaries(): void {
  for (const path of temporaries) {
    try {
      rmSync(path, { recursive: true, force: true }); // a folder output's temporary folder too
    } catch {
      // Nothing more can be done while the process ends: the next run removes it once it is an hour old.
    }
  }
  temporaries.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeTemporaries();
  stopWatching();
  // With no listener left the signal's default action applies: the process ends by the signal itself, so a
  // shell reports 128 + n and a shell loop stops on Ctrl-C as it does for any other tool.
  process.kill(process.pid, signal);
}

function stopWatching(): void {
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  process.removeListener("exit", removeTemporaries);
}

/**
 * Registers a temporary file so that SIGINT, SIGTERM, SIGHUP or the process ending remove it, and returns the
 * function that unregisters it. Signals are caught only while a temporary file exists: the rest of the time
 * their default action ends the process at once (a long analysis stops on Ctrl-C).
 * @internal
 */
export function trackTemporary(path: string): () => void {
  if (temporaries.size === 0) {
    for (const signal of SIGNALS) process.on(signal, onSignal);
    process.on("exit", removeTemporaries);
  }
  temporaries.add(path);
  return () => {
    if (temporaries.delete(path) && temporaries.size === 0) stopWatching();
  };
}

/**
 * The entry's last resort: an error no `try` caught (a stream's, a timer's) prints one line, never a stack trace
 * unless `GOVGRAPH_DEBUG` is set, and ends the process with exit 1 (141 when it says that a pipe closed).
 * @internal
 */
export function installLastResort(env: Record<string, string | undefined>): void {
  const fail = (error: unknown) => {
    removeTemporaries();
    if (isClosedPipe(error)) process.exit(EXIT.closedPipe);
    const text = env.GOVGRAPH_DEBUG && error instanceof Error && error.stack ? error.stack : `unexpected: ${error instanceof Error ? error.message : String(error)}`;
    try {
      process.stderr.write(`error ${text}\n`);
    } catch {
      // A closed standard error: the exit code still says what happened.
    }
    process.exit(EXIT.invalid);
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
}

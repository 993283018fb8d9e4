import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { GovGraphError } from "../index.js";
import { ClosedOutputError, isClosedPipe } from "./exit.js";
import { fileError, replaceFile, resolveOutTarget, writeInPlace, type Produce } from "./files.js";

export { fileError } from "./files.js";

/**
 * Everything the CLI touches outside itself, so tests can run it in-process.
 * @internal
 */
export interface CliIo {
  /** Writes to standard output; throws a `ClosedOutputError` once its reader has gone (a closed pipe). */
  stdout(text: string): void;
  /** Writes to standard error; a closed standard error is ignored. */
  stderr(text: string): void;
  /** The directory relative paths start from. */
  cwd: string;
  /** Environment variables (NO_COLOR, GOVGRAPH_DEBUG). */
  env: Record<string, string | undefined>;
  /** Whether standard error is a terminal: progress and colour only then. */
  stderrIsTTY: boolean;
  /** The width of standard output in columns when it is a terminal; text output fits it (100 columns otherwise). */
  columns?: number;
  /** Reads a UTF-8 file (relative paths from `cwd`); throws a `not_found` GovGraphError when it is missing. */
  readFile(path: string): string;
  /** The size of a file in bytes; throws like `readFile`. Without it, every file is read with `readFile`. */
  fileSize?(path: string): number;
  /** Reads a file's bytes, for files too large for one string; throws like `readFile`. */
  readBytes?(path: string): Uint8Array;
  /**
   * A file's bytes in chunks, read when iterated (each iteration reads the file again from its start; a chunk is
   * valid until the next is asked for); throws like `readFile` when the file cannot be opened.
   */
  readChunks?(path: string): Iterable<Uint8Array>;
  /** Whether the path is a directory. */
  isDirectory(path: string): boolean;
  /** The files read so far, as absolute paths: an output may not replace one of them (docs/cli.md, "--out"). */
  inputs?: string[];
  /** Resolves once standard output can take more (its reader has caught up); throws like `stdout`. */
  drainStdout?(): Promise<void>;
  /**
   * Writes what `produce` writes to `path` (relative paths from `cwd`) by the rules of docs/cli.md ("--out"): a
   * regular or new file through a temporary file in the same directory, renamed only when `produce` has finished
   * (removed on failure or on a signal); a symbolic link's target the same way; a device, FIFO or the process's
   * own standard output in place.
   */
  writeFileAtomic(path: string, produce: Produce): Promise<void>;
}

/** The real terminal and file system. @internal */
export function nodeIo(): CliIo {
  watchStandardStreams();
  return {
    stdout(text) {
      if (stdoutFailure !== undefined) throw writeFailure(stdoutFailure);
      process.stdout.write(text);
    },
    stderr(text) {
      try {
        process.stderr.write(text);
      } catch {
        // Nobody is listening: the exit code still says what happened.
      }
    },
    cwd: process.cwd(),
    env: process.env,
    stderrIsTTY: process.stderr.isTTY === true,
    inputs: [],
    ...(process.stdout.isTTY ? { columns: process.stdout.columns } : {}),
    readFile(path) {
      this.inputs?.push(resolve(this.cwd, path));
      try {
        return readFileSync(resolve(this.cwd, path), "utf8");
      } catch (error) {
        throw fileError("readFile", path, error);
      }
    },
    fileSize(path) {
      try {
        return statSync(resolve(this.cwd, path)).size;
      } catch (error) {
        throw fileError("readFile", path, error);
      }
    },
    readBytes(path) {
      this.inputs?.push(resolve(this.cwd, path));
      return readWholeFile(resolve(this.cwd, path), path);
    },
    readChunks(path) {
      const full = resolve(this.cwd, path);
      this.inputs?.push(full);
      closeSync(openFile(full, path));
      return { [Symbol.iterator]: () => fileChunks(full, path) };
    },
    isDirectory(path) {
      const full = resolve(this.cwd, path);
      return existsSync(full) && statSync(full).isDirectory();
    },
    drainStdout,
    async writeFileAtomic(path, produce) {
      try {
        const target = resolveOutTarget(resolve(this.cwd, path));
        if (target.kind === "directory") throw new GovGraphError("invalid_input", `writeFile: ${path} is a directory. Name a file.`);
        if (target.kind === "no-directory") throw new GovGraphError("not_found", `writeFile: the directory ${target.dir} does not exist. Create it, or name a file in an existing directory.`);
        if (target.kind === "file") return await replaceFile(target.path, target.existing, produce);
        if (target.fd === 1) return await produce((text) => this.stdout(text), () => this.drainStdout?.() ?? drainStdout());
        if (target.fd === 2) return await produce((text) => this.stderr(text), drainStdout);
        return await writeInPlace(target.path, produce);
      } catch (error) {
        throw error instanceof GovGraphError || error instanceof ClosedOutputError ? error : writeFailure(error, path);
      }
    },
  };
}

/** Reads a whole file as bytes (readFileSync stops at 2 GB; a Buffer holds up to 4 GB), or throws the GovGraphError of `readFile`. */
function readWholeFile(full: string, path: string): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(full, "r");
    const size = fstatSync(fd).size;
    const bytes = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const read = readSync(fd, bytes, at, Math.min(size - at, 1 << 30), at);
      if (read === 0) break;
      at += read;
    }
    return at < size ? bytes.subarray(0, at) : bytes;
  } catch (error) {
    throw fileError("readFile", path, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Opens a file for reading, or throws the GovGraphError of `readFile`. */
function openFile(full: string, path: string): number {
  try {
    return openSync(full, "r");
  } catch (error) {
    throw fileError("readFile", path, error);
  }
}

/** The bytes of a file, 32 MB at a time, in one buffer reused for every chunk. */
function* fileChunks(full: string, path: string): Generator<Uint8Array> {
  const fd = openFile(full, path);
  try {
    const buffer = new Uint8Array(32 << 20);
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        throw fileError("readFile", path, error);
      }
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/** The first error standard output gave (EPIPE when its reader went away), once one has. */
let stdoutFailure: unknown;
let watching = false;

/**
 * Listens for errors of the standard streams (once per process), so that a closed pipe is never an unhandled
 * error with a stack trace: standard output remembers it, standard error ignores it.
 */
function watchStandardStreams(): void {
  if (watching) return;
  watching = true;
  process.stdout.on("error", (error: unknown) => (stdoutFailure ??= error));
  process.stderr.on("error", () => {});
}

/** The error standard output gave, if any: the entry turns a late one into the exit code. @internal */
export function standardOutputFailure(): unknown {
  return stdoutFailure;
}

/** A failed write as the error the CLI reports: a closed pipe ends the run quietly (exit 141). */
function writeFailure(error: unknown, path = "standard output"): Error {
  return isClosedPipe(error) ? new ClosedOutputError(error) : fileError("writeFile", path, error);
}

async function drainStdout(): Promise<void> {
  const out = process.stdout;
  await new Promise<void>((done) => {
    if (!out.writableNeedDrain || out.destroyed) return void setImmediate(done);
    const finish = () => {
      for (const event of ["drain", "close", "error"]) out.off(event, finish);
      done();
    };
    for (const event of ["drain", "close", "error"]) out.on(event, finish);
  });
  if (stdoutFailure !== undefined) throw writeFailure(stdoutFailure);
}

export { progress } from "./progress.js";

import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { GovGraphError } from "../index.js";

/**
 * Everything the CLI touches outside itself, so tests can run it in-process.
 * @internal
 */
export interface CliIo {
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /** The directory relative paths start from. */
  cwd: string;
  /** Environment variables (NO_COLOR, GOVGRAPH_DEBUG). */
  env: Record<string, string | undefined>;
  /** Whether standard error is a terminal: progress and colour only then. */
  stderrIsTTY: boolean;
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
  /**
   * Writes what `produce` writes to `path` (relative paths from `cwd`) through a temporary file in the same
   * directory, renamed only when `produce` has finished; on failure the temporary file is removed.
   */
  writeFileAtomic(path: string, produce: (write: (chunk: string) => void) => void | Promise<void>): Promise<void>;
}

/** The real terminal and file system. @internal */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    stderrIsTTY: process.stderr.isTTY === true,
    readFile(path) {
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
      // readFileSync stops at 2 GB; a Buffer holds up to 4 GB.
      let fd: number | undefined;
      try {
        fd = openSync(resolve(this.cwd, path), "r");
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
    },
    readChunks(path) {
      const full = resolve(this.cwd, path);
      closeSync(openFile(full, path));
      return { [Symbol.iterator]: () => fileChunks(full, path) };
    },
    isDirectory(path) {
      const full = resolve(this.cwd, path);
      return existsSync(full) && statSync(full).isDirectory();
    },
    async writeFileAtomic(path, produce) {
      const full = resolve(this.cwd, path);
      const tmp = join(dirname(full), `.${basename(full)}.${process.pid}.${Date.now()}.tmp`);
      let fd: number | undefined;
      try {
        fd = openSync(tmp, "w");
        const out = fd;
        await produce((chunk) => void writeSync(out, chunk));
        closeSync(fd);
        fd = undefined;
        renameSync(tmp, full);
      } catch (error) {
        if (fd !== undefined) closeSync(fd);
        rmSync(tmp, { force: true });
        throw error instanceof GovGraphError ? error : fileError("writeFile", path, error);
      }
    },
  };
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

/** Shows a one-line status of long work on stderr when it is a terminal; an empty message clears it. @internal */
export function progress(io: CliIo, message: string): void {
  if (io.stderrIsTTY) io.stderr(`\r\u001b[K${message}`);
}

/** A file system error as a GovGraphError a person can act on. @internal */
export function fileError(what: string, path: string, error: unknown): GovGraphError {
  const code = (error as { code?: string }).code;
  if (code === "ENOENT") return new GovGraphError("not_found", `${what}: ${path} does not exist. Check the path.`, { cause: error });
  if (code === "ERR_STRING_TOO_LONG") {
    return new GovGraphError("invalid_input", `${what}: ${path} is too large to read as one string (512 MB at most). Use a smaller file.`, { cause: error });
  }
  if (code === "EISDIR") return new GovGraphError("invalid_input", `${what}: ${path} is a directory. Pass a file.`, { cause: error });
  const reason = error instanceof Error ? error.message : String(error);
  return new GovGraphError("invalid_input", `${what}: cannot use ${path} (${reason}). Check the path and its permissions.`, { cause: error });
}

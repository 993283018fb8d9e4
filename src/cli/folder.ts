import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { GovGraphError } from "../index.js";
import { trackTemporary } from "./exit.js";
import { removeStaleTemporaries, temporaryName } from "./files.js";
import { fileError, type CliIo } from "./io.js";

/** Writes one chunk of text to a file of a folder; a file's chunks come in order, files one after the other. @internal */
export type FolderWriter = (file: string, chunk: string) => void;

/** An output that is a folder of files (a CSV folder, HSDS tables): `--out` names the directory. @internal */
export interface FolderOutput {
  folder(write: FolderWriter): void | Promise<void>;
}

/** Whether a command's output is a folder of files. @internal */
export function isFolderOutput(output: unknown): output is FolderOutput {
  return typeof output === "object" && output !== null && typeof (output as FolderOutput).folder === "function";
}

/**
 * The files of a directory (not its subdirectories), each read only when called, so that a large folder is never
 * held as text all at once. `accept` picks the file names. @internal
 */
export function folderFiles(io: CliIo, dir: string, accept: (name: string) => boolean = () => true): Record<string, () => string> {
  let names: string[];
  try {
    names = readdirSync(resolve(io.cwd, dir), { withFileTypes: true })
      .filter((entry) => entry.isFile() && accept(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    throw fileError("readFolder", dir, error);
  }
  const files: Record<string, () => string> = {};
  for (const name of names) files[name] = () => io.readFile(join(dir, name));
  return files;
}

/** Every file of `folderFiles`, read now. @internal */
export function readAll(files: Readonly<Record<string, () => string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([name, read]) => [name, read()]));
}

/**
 * Writes a folder of files at `path` (relative paths from `io.cwd`): into a new directory beside it, renamed to
 * `path` at the end when `path` does not exist, or moved file by file into `path` when it is a directory (its other
 * files are left alone). On failure nothing is left behind but what `path` held before. @internal
 */
export async function writeFolder(io: CliIo, path: string, output: FolderOutput): Promise<void> {
  const full = resolve(io.cwd, path);
  if (existsSync(full) && !statSync(full).isDirectory()) {
    throw new GovGraphError("invalid_input", `writeFolder: ${path} is a file, and this output is a folder of files. Pass a directory, or a path that does not exist yet.`);
  }
  removeStaleTemporaries(dirname(full));
  const tmp = join(dirname(full), temporaryName(basename(full), process.pid, randomBytes(4).toString("hex")));
  const untrack = trackTemporary(tmp); // removed on SIGINT, SIGTERM, SIGHUP
  let fd: number | undefined;
  let current: string | undefined;
  const written = new Set<string>();
  try {
    mkdirSync(tmp);
    await output.folder((file, chunk) => {
      if (file !== current) {
        if (fd !== undefined) closeSync(fd);
        fd = undefined;
        checkName(file);
        fd = openSync(join(tmp, file), written.has(file) ? "a" : "w");
        written.add((current = file));
      }
      writeSync(fd!, chunk);
    });
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    if (!existsSync(full)) renameSync(tmp, full);
    else for (const file of written) renameSync(join(tmp, file), join(full, file));
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    throw error instanceof GovGraphError ? error : fileError("writeFolder", path, error);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    untrack();
  }
}

/** A folder's file names come from the library's tables; never a path that leaves the folder. */
function checkName(file: string): void {
  if (file === "" || file === "." || file === ".." || /[/\\\0]/.test(file)) {
    throw new GovGraphError("invalid_input", `writeFolder: cannot write a file named ${JSON.stringify(file)}. Report this as a bug.`);
  }
}

/** The first `bytes` of a file as text (what it looks like), or "" when it cannot be read. @internal */
export function fileHead(io: CliIo, path: string, bytes = 4096): string {
  let fd: number | undefined;
  try {
    fd = openSync(resolve(io.cwd, path), "r");
    const buffer = Buffer.alloc(bytes);
    return new TextDecoder().decode(buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0)));
  } catch {
    return "";
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether something other than a directory is at `path` (relative paths from `io.cwd`). @internal */
export function existsNotFolder(io: CliIo, path: string): boolean {
  const full = resolve(io.cwd, path);
  return existsSync(full) && !statSync(full).isDirectory();
}

import { randomBytes } from "node:crypto";
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { GovGraphError } from "../index.js";
import { trackTemporary } from "./exit.js";

/**
 * The file system as the CLI writes it: where an output path leads, and the rules of docs/cli.md ("--out"): a
 * regular file (or a new one) is replaced through a temporary file beside it, anything else that exists is
 * written in place, a symbolic link is followed.
 */

/** Writes text, in order. @internal */
export type WriteText = (chunk: string) => void;
/** Writes an output with `write`; `pause` lets signals (and a full pipe) be dealt with between pieces. @internal */
export type Produce = (write: WriteText, pause: () => Promise<void>) => void | Promise<void>;

/** Where an output path leads, once symbolic links are followed. @internal */
export type OutTarget =
  /** A regular file or a new one, by its real path: replaced through a temporary file. */
  | { kind: "file"; path: string; existing: Stats | undefined }
  /** A device, FIFO or socket, or the file this process writes its standard output (fd 1) or error (fd 2) to. */
  | { kind: "stream"; path: string; fd: 1 | 2 | undefined }
  | { kind: "directory"; path: string }
  /** A new file in a directory that does not exist. */
  | { kind: "no-directory"; path: string; dir: string };

/** Where the absolute path `full` leads; throws the file system's error (ENOTDIR, ELOOP, EACCES...) as it is. @internal */
export function resolveOutTarget(full: string): OutTarget {
  const stats = statIfExists(full);
  if (!stats) {
    // A new file, or the missing target of a symbolic link: created where the link points.
    const path = followLinks(full);
    const dir = dirname(path);
    return statIfExists(dir)?.isDirectory() ? { kind: "file", path, existing: undefined } : { kind: "no-directory", path, dir };
  }
  const fd = standardStream(stats);
  if (fd !== undefined) return { kind: "stream", path: full, fd };
  if (stats.isDirectory()) return { kind: "directory", path: full };
  if (stats.isFile()) return { kind: "file", path: realpathSync(full), existing: stats };
  return { kind: "stream", path: full, fd: undefined };
}

/** Whether two paths name the same file: the same inode when both exist, else the same place once links are followed. @internal */
export function sameFile(a: string, b: string): boolean {
  const [sa, sb] = [statIfExists(a), statIfExists(b)];
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  if (sa || sb) return false;
  const place = (path: string) => {
    const final = followLinks(path);
    const dir = dirname(final);
    return join(statIfExists(dir) ? realpathSync(dir) : dir, basename(final));
  };
  return place(a) === place(b);
}

function statIfExists(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return undefined;
    throw error;
  }
}

/** The path a chain of symbolic links ends at (the path itself when it is not a link). */
function followLinks(path: string): string {
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      link = readlinkSync(path);
    } catch {
      return path;
    }
    path = resolve(dirname(path), link);
  }
  throw Object.assign(new Error(`too many levels of symbolic links at ${path}`), { code: "ELOOP" });
}

/** 1 or 2 when `stats` is the file this process's standard output or error is, so `--out /dev/stdout` uses it. */
function standardStream(stats: Stats): 1 | 2 | undefined {
  for (const fd of [1, 2] as const) {
    try {
      const std = fstatSync(fd);
      if (std.dev === stats.dev && std.ino === stats.ino) return fd;
    } catch {
      // A closed descriptor is nobody's output.
    }
  }
  return undefined;
}

/** The longest file name most file systems take (NAME_MAX of ext4, XFS, btrfs, tmpfs). @internal */
export const NAME_MAX_BYTES = 255;

/** Temporary files of govgraph: `.<target name, shortened>.govgraph-<pid>-<8 hex>.tmp`, or without the name. @internal */
export const TEMPORARY_NAME = /^\.(?:[^]*\.)?govgraph-\d+-[0-9a-f]{8}\.tmp$/;

/** Temporary files untouched for this long are left over from a run that was killed, and removed. @internal */
export const STALE_AFTER_MS = 60 * 60 * 1000;

/** The temporary name for a target named `base`: at most {@link NAME_MAX_BYTES} bytes, the name cut to fit. @internal */
export function temporaryName(base: string, pid: number, tag: string): string {
  const suffix = `govgraph-${pid}-${tag}.tmp`;
  let room = NAME_MAX_BYTES - 2 - Buffer.byteLength(suffix);
  let end = 0;
  for (const char of base) {
    room -= Buffer.byteLength(char);
    if (room < 0) break;
    end += char.length;
  }
  return end === 0 ? `.${suffix}` : `.${base.slice(0, end)}.${suffix}`;
}

/** Removes govgraph's temporary files (and folders) in `dir` not written to for an hour; never throws. @internal */
export function removeStaleTemporaries(dir: string, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!TEMPORARY_NAME.test(name)) continue;
    try {
      const stats = lstatSync(join(dir, name));
      if ((stats.isFile() || stats.isDirectory()) && now - stats.mtimeMs > STALE_AFTER_MS) rmSync(join(dir, name), { recursive: true });
    } catch {
      // Another run removed it first, or it is not ours to remove.
    }
  }
}

/** Creates a new temporary file beside `target`, registered for removal on a signal. */
function openTemporary(target: string, mode: number): { path: string; fd: number; untrack: () => void } {
  let base = basename(target);
  for (let attempt = 0; ; attempt++) {
    const path = join(dirname(target), temporaryName(base, process.pid, randomBytes(4).toString("hex")));
    const untrack = trackTemporary(path);
    try {
      return { path, fd: openSync(path, "wx", mode), untrack };
    } catch (error) {
      untrack();
      const code = (error as { code?: string }).code;
      // A file system with shorter names than NAME_MAX_BYTES: the temporary name goes without the target's.
      if (code === "ENAMETOOLONG" && base !== "") base = "";
      else if (code !== "EEXIST" || attempt >= 5) throw error;
    }
  }
}

/** Gives the new file the old one's owner (where permitted) and mode. */
function keepOwnerAndMode(fd: number, old: Stats): void {
  try {
    fchownSync(fd, old.uid, old.gid);
  } catch {
    try {
      fchownSync(fd, -1, old.gid);
    } catch {
      // Not permitted: the file is ours, as any file we create.
    }
  }
  fchmodSync(fd, old.mode & 0o7777);
}

/** Writes all of `chunk` (a write may take fewer bytes than it is given). */
function writeAll(fd: number, chunk: string): void {
  const bytes = Buffer.from(chunk, "utf8");
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}

const tick = () => new Promise<void>((done) => setImmediate(done));

/**
 * Replaces the regular file `path` (or creates it) atomically: the output goes to a temporary file beside it,
 * renamed over it only when complete; the old file's mode and owner are kept. The temporary file is created at the
 * first write, so that the work before it (a signal then needs no cleanup) ends at once on Ctrl-C. On failure it is
 * removed, and a failure to remove it is added to the error, never put in its place. @internal
 */
export async function replaceFile(path: string, existing: Stats | undefined, produce: Produce): Promise<void> {
  // A read-only file stays as it is, as with the shell's ">".
  if (existing) accessSync(path, constants.W_OK);
  let temp: { path: string; fd: number; untrack: () => void } | undefined;
  let open = false;
  const start = () => {
    removeStaleTemporaries(dirname(path));
    temp = openTemporary(path, existing ? 0o600 : 0o666);
    open = true;
    if (existing) keepOwnerAndMode(temp.fd, existing);
    return temp;
  };
  try {
    await produce((chunk) => writeAll((temp ?? start()).fd, chunk), tick);
    const done = temp ?? start();
    open = false;
    closeSync(done.fd);
    renameSync(done.path, path);
  } catch (error) {
    if (!temp) throw error;
    if (open) closeQuietly(temp.fd);
    throw withCleanup(error, path, temp.path);
  } finally {
    temp?.untrack();
  }
}

/** Writes to an existing device, FIFO or socket in place: no temporary file, nothing renamed. @internal */
export async function writeInPlace(path: string, produce: Produce): Promise<void> {
  if (lstatSync(path).isSocket()) throw new GovGraphError("invalid_input", `writeFile: ${path} is a socket, which govgraph cannot write to. Name a file, a FIFO or a device.`);
  const fd = openSync(path, "w");
  try {
    await produce((chunk) => writeAll(fd, chunk), tick);
  } catch (error) {
    closeQuietly(fd);
    throw error;
  }
  closeSync(fd);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // The error being thrown says more than this one.
  }
}

/** The error of a failed write, its temporary file removed; when that fails too, the error says so. */
function withCleanup(error: unknown, target: string, temporary: string): unknown {
  try {
    rmSync(temporary, { force: true });
    return error;
  } catch (cleanup) {
    const base = error instanceof GovGraphError ? error : fileError("writeFile", target, error);
    const note = ` The temporary file ${temporary} could not be removed either (${(cleanup as Error).message}): remove it by hand.`;
    return new GovGraphError(base.code, base.message + note, { issues: base.issues, cause: error });
  }
}

/** A file system error as a GovGraphError a person can act on. @internal */
export function fileError(what: string, path: string, error: unknown): GovGraphError {
  const code = (error as { code?: string }).code;
  const because = (text: string, fix: string, errorCode: "not_found" | "invalid_input" = "invalid_input") =>
    new GovGraphError(errorCode, `${what}: ${path} ${text}. ${fix}.`, { cause: error });
  if (code === "ENOENT") return because("does not exist", "Check the path", "not_found");
  if (code === "ERR_STRING_TOO_LONG") return because("is too large to read as one string (512 MB at most)", "Use a smaller file");
  if (code === "EISDIR") return because("is a directory", "Pass a file");
  if (code === "EACCES" || code === "EPERM") return because("cannot be used: permission denied", "Check its permissions and those of its directory");
  if (code === "ENOTDIR") return because("cannot be used: a part of the path before the file name is not a directory", "Check the path");
  if (code === "ENOSPC") return because("could not be written: the disk is full", "Free some space and try again");
  const reason = error instanceof Error ? error.message : String(error);
  return new GovGraphError("invalid_input", `${what}: cannot use ${path} (${reason}). Check the path and its permissions.`, { cause: error });
}

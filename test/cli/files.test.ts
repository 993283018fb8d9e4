import { chmodSync, chownSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  NAME_MAX_BYTES,
  removeStaleTemporaries,
  replaceFile,
  resolveOutTarget,
  sameFile,
  STALE_AFTER_MS,
  TEMPORARY_NAME,
  temporaryName,
} from "../../src/cli/files.js";
import { GovGraphError } from "../../src/index.js";

const scratch = () => mkdtempSync(join(tmpdir(), "govgraph-files-"));
const temporaries = (dir: string) => readdirSync(dir).filter((name) => TEMPORARY_NAME.test(name));

describe("temporary names", () => {
  it("stay within the file system's name limit, cutting the target's name at a character", () => {
    for (const base of ["report.json", "a".repeat(255), "é".repeat(127) + "x", "😀".repeat(63) + "!", ""]) {
      const name = temporaryName(base, 4294967295, "0123abcd");
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(NAME_MAX_BYTES);
      expect(name).toMatch(TEMPORARY_NAME);
      expect(name).not.toContain("\uFFFD");
      expect(base.startsWith(name.slice(1).replace(/\.?govgraph-4294967295-0123abcd\.tmp$/, ""))).toBe(true);
    }
    expect(temporaryName("report.json", 12, "0123abcd")).toBe(".report.json.govgraph-12-0123abcd.tmp");
  });

  it("are recognised by a pattern no other file name of the project fits", () => {
    expect(TEMPORARY_NAME.test(".report.json.govgraph-12-0123abcd.tmp")).toBe(true);
    expect(TEMPORARY_NAME.test(".govgraph-12-0123abcd.tmp")).toBe(true);
    for (const name of ["report.json", ".report.json.tmp", "govgraph-12-0123abcd.tmp", ".report.json.12.1700000000000.tmp", ".x.govgraph-12-0123abcd.tmp.bak"]) {
      expect(TEMPORARY_NAME.test(name)).toBe(false);
    }
  });

  it("are used for a 255-byte target name, which is written (no ENAMETOOLONG)", async () => {
    const dir = scratch();
    const target = join(dir, "r".repeat(250) + ".json");
    await replaceFile(target, undefined, (write) => write("{}\n"));
    expect(readFileSync(target, "utf8")).toBe("{}\n");
    expect(readdirSync(dir)).toEqual(["r".repeat(250) + ".json"]);
  });
});

describe("removeStaleTemporaries", () => {
  it("removes govgraph's temporary files untouched for an hour, and nothing else", () => {
    const dir = scratch();
    const old = (Date.now() - STALE_AFTER_MS - 60_000) / 1000;
    const files = { stale: ".big.json.govgraph-99-0123abcd.tmp", fresh: ".big.json.govgraph-98-0123abcd.tmp", other: ".big.json.tmp", mine: "notes.txt" };
    for (const name of Object.values(files)) writeFileSync(join(dir, name), "x");
    for (const name of [files.stale, files.other, files.mine]) utimesSync(join(dir, name), old, old);
    // A link named like a temporary file is not ours to remove.
    symlinkSync(join(dir, files.mine), join(dir, ".x.govgraph-97-0123abcd.tmp"));
    removeStaleTemporaries(dir);
    expect(readdirSync(dir).sort()).toEqual([files.other, files.fresh, ".x.govgraph-97-0123abcd.tmp", files.mine].sort());
  });

  it("runs before each replacement, beside the target", async () => {
    const dir = scratch();
    const stale = join(dir, ".big.json.govgraph-99-0123abcd.tmp");
    writeFileSync(stale, "x".repeat(1000));
    const old = (Date.now() - 2 * STALE_AFTER_MS) / 1000;
    utimesSync(stale, old, old);
    await replaceFile(join(dir, "other.json"), undefined, (write) => write("{}"));
    expect(readdirSync(dir)).toEqual(["other.json"]);
  });
});

describe("resolveOutTarget", () => {
  it("follows links to a regular file, and to the missing target of a dangling link", () => {
    const dir = scratch();
    writeFileSync(join(dir, "real.txt"), "old");
    symlinkSync("real.txt", join(dir, "link.txt"));
    symlinkSync("link.txt", join(dir, "chain.txt"));
    symlinkSync("sub/new.txt", join(dir, "dangling.txt"));
    mkdirSync(join(dir, "sub"));
    expect(resolveOutTarget(join(dir, "chain.txt"))).toMatchObject({ kind: "file", path: join(dir, "real.txt") });
    expect(resolveOutTarget(join(dir, "dangling.txt"))).toEqual({ kind: "file", path: join(dir, "sub/new.txt"), existing: undefined });
    expect(resolveOutTarget(join(dir, "sub"))).toEqual({ kind: "directory", path: join(dir, "sub") });
    expect(resolveOutTarget(join(dir, "nowhere/x.txt"))).toEqual({ kind: "no-directory", path: join(dir, "nowhere/x.txt"), dir: join(dir, "nowhere") });
    expect(resolveOutTarget("/dev/null")).toMatchObject({ kind: "stream" });
  });

  it("tells when two paths are the same file: hard links, symbolic links, a file not there yet", () => {
    const dir = scratch();
    writeFileSync(join(dir, "a.json"), "{}");
    linkSync(join(dir, "a.json"), join(dir, "hard.json"));
    symlinkSync(dir, join(dir, "here"));
    expect(sameFile(join(dir, "a.json"), join(dir, "hard.json"))).toBe(true);
    expect(sameFile(join(dir, "a.json"), join(dir, "here/a.json"))).toBe(true);
    expect(sameFile(join(dir, "new.json"), join(dir, "here/new.json"))).toBe(true);
    expect(sameFile(join(dir, "new.json"), join(dir, "a.json"))).toBe(false);
    expect(sameFile(join(dir, "new.json"), join(dir, "newer.json"))).toBe(false);
  });
});

describe("replaceFile", () => {
  it("keeps the old file's mode and owner", async () => {
    const dir = scratch();
    const target = join(dir, "report.txt");
    writeFileSync(target, "old\n");
    chmodSync(target, 0o640);
    try {
      chownSync(target, 65534, 65534);
    } catch {
      // Not root: the owner is ours before and after.
    }
    const before = statSync(target);
    await replaceFile(target, before, (write) => write("new\n"));
    const after = statSync(target);
    expect(readFileSync(target, "utf8")).toBe("new\n");
    expect(after.ino).not.toBe(before.ino);
    expect([after.mode & 0o7777, after.uid, after.gid]).toEqual([0o640, before.uid, before.gid]);
  });

  it("creates the temporary file at the first write, and an empty file for an empty output", async () => {
    const dir = scratch();
    const seen: string[][] = [];
    await replaceFile(join(dir, "a.txt"), undefined, async (write, pause) => {
      seen.push(temporaries(dir));
      write("x");
      seen.push(temporaries(dir));
      await pause();
    });
    expect(seen.map((names) => names.length)).toEqual([0, 1]);
    await replaceFile(join(dir, "empty.txt"), undefined, () => {});
    expect(readdirSync(dir).sort()).toEqual(["a.txt", "empty.txt"]);
    expect(readFileSync(join(dir, "empty.txt"), "utf8")).toBe("");
  });

  it("leaves the target and no temporary file when the output fails", async () => {
    const dir = scratch();
    const target = join(dir, "report.txt");
    writeFileSync(target, "old\n");
    const failing = replaceFile(target, statSync(target), (write) => {
      write("half");
      throw new GovGraphError("invalid_input", "render: broken.");
    });
    await expect(failing).rejects.toThrow("render: broken.");
    expect(readdirSync(dir)).toEqual(["report.txt"]);
    expect(readFileSync(target, "utf8")).toBe("old\n");
  });

  it("reports the real error first when the temporary file cannot be removed either", async () => {
    const dir = scratch();
    const target = join(dir, "report.txt");
    const failing = replaceFile(target, undefined, (write) => {
      write("half");
      // Put a directory where the temporary file was: removing it fails.
      const temporary = join(dir, temporaries(dir)[0]!);
      rmSync(temporary);
      mkdirSync(temporary);
      writeFileSync(join(temporary, "x"), "");
      throw new GovGraphError("invalid_input", "render: broken.");
    });
    const error = (await failing.catch((e: unknown) => e)) as GovGraphError;
    expect(error).toBeInstanceOf(GovGraphError);
    expect(error.message).toMatch(/^render: broken\. The temporary file .*\.report\.txt\.govgraph-\d+-[0-9a-f]{8}\.tmp could not be removed either \(.+\): remove it by hand\.$/);
  });
});

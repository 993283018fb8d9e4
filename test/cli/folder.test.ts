import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { folderFiles, writeFolder } from "../../src/cli/folder.js";
import { nodeIo } from "../../src/cli/io.js";
import { GovGraphError } from "../../src/index.js";

const io = (cwd: string) => ({ ...nodeIo(), cwd });
const scratch = () => mkdtempSync(join(tmpdir(), "govgraph-folder-"));

describe("writeFolder", () => {
  it("writes each file's chunks in order, a file met again appended to", async () => {
    const dir = scratch();
    await writeFolder(io(dir), "out", {
      folder(write) {
        write("a.csv", "x\r\n");
        write("a.csv", "1\r\n");
        write("b.csv", "y\r\n");
        write("a.csv", "2\r\n");
      },
    });
    expect(readdirSync(join(dir, "out"))).toEqual(["a.csv", "b.csv"]);
    expect(readFileSync(join(dir, "out", "a.csv"), "utf8")).toBe("x\r\n1\r\n2\r\n");
  });

  it("leaves nothing behind when the output fails half-way: no new folder, no temporary one, the old files as they were", async () => {
    const dir = scratch();
    const failing = {
      folder(write: (file: string, chunk: string) => void) {
        write("a.csv", "new\r\n");
        throw new GovGraphError("invalid_input", "toSomething: broken half-way. Fix it.");
      },
    };
    await expect(writeFolder(io(dir), "out", failing)).rejects.toThrow("broken half-way");
    expect(readdirSync(dir)).toEqual([]);
    mkdirSync(join(dir, "old"));
    writeFileSync(join(dir, "old", "a.csv"), "old\r\n");
    await expect(writeFolder(io(dir), "old", failing)).rejects.toThrow("broken half-way");
    expect(readdirSync(dir)).toEqual(["old"]);
    expect(readFileSync(join(dir, "old", "a.csv"), "utf8")).toBe("old\r\n");
  });

  it("never writes a file outside the folder", async () => {
    const dir = scratch();
    await expect(writeFolder(io(dir), "out", { folder: (write) => write("../escape.csv", "x") })).rejects.toThrow('cannot write a file named "../escape.csv"');
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, "..", "escape.csv"))).toBe(false);
  });
});

describe("folderFiles", () => {
  it("lists a folder's files (not its subfolders), each read only when called", () => {
    const dir = scratch();
    writeFileSync(join(dir, "b.csv"), "b");
    writeFileSync(join(dir, "a.csv"), "a");
    mkdirSync(join(dir, "sub"));
    let reads = 0;
    const files = folderFiles({ ...io(dir), readFile: (path) => (reads++, readFileSync(join(dir, path), "utf8")) }, ".");
    expect(Object.keys(files)).toEqual(["a.csv", "b.csv"]);
    expect(reads).toBe(0);
    expect(files["b.csv"]!()).toBe("b");
    expect(reads).toBe(1);
  });
});

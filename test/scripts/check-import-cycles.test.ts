import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkImportCycles, findImportCycles } from "../../scripts/check-import-cycles.js";

const script = join(import.meta.dirname, "../../scripts/check-import-cycles.ts");
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A folder of modules, `{ "a.ts": "import ..." }`. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "govgraph-cycles-"));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("findImportCycles", () => {
  it("finds none in a tree that imports one way, whatever imports packages or JSON", () => {
    const root = tree({
      "a.ts": 'import { b } from "./b.js";\nimport { z } from "zod";\nexport const a = b;',
      "b.ts": 'import pkg from "../package.json" with { type: "json" };\nexport const b = pkg;',
      "c/index.ts": 'export * from "../a.js";',
    });
    expect(findImportCycles(root)).toEqual([]);
  });

  it("gives each circle as a shortest path back to its start, then the component's other files", () => {
    const root = tree({
      "a.ts": 'import { b } from "./b.js";\nexport const a = 1;',
      "b.ts": 'export { c } from "./c/index.js";\nimport { a } from "./a.js";',
      "c/index.ts": 'const d = await import("../d.js");\nexport const c = d;',
      "d.ts": 'import { b } from "./b.js";',
      "self.ts": 'import "./self.js";',
    });
    expect(findImportCycles(root)).toEqual([["a.ts", "b.ts", "a.ts", "c/index.ts", "d.ts"], ["self.ts", "self.ts"]]);
  });

  it("counts imports of types only, unless told to leave them out", () => {
    const root = tree({
      "section.ts": 'import type { Command } from "./command.js";\nexport interface Section { command: Command }',
      "command.ts": 'import { type Section } from "./section.js";\nexport interface Command { sections: Section[] }',
    });
    expect(findImportCycles(root)).toEqual([["command.ts", "section.ts", "command.ts"]]);
    expect(findImportCycles(root, false)).toEqual([]);
  });
});

describe("checkImportCycles", () => {
  const circle = () => tree({ "a.ts": 'import "./b.js";', "b.ts": 'import "./a.js";', "c.ts": 'import "./a.js";' });

  it("fails naming each circle, and passes a tree without one", () => {
    const { ok, lines } = checkImportCycles(circle());
    expect(ok).toBe(false);
    expect(lines[0]).toBe("import circle: a.ts -> b.ts -> a.ts");
    expect(checkImportCycles(tree({ "a.ts": 'import "./b.js";', "b.ts": "" })).ok).toBe(true);
  });

  it("lets the circle among exactly the allowed files pass, and fails once they no longer form one", () => {
    expect(checkImportCycles(circle(), { allow: ["a.ts", "b.ts"] })).toMatchObject({ ok: true, lines: ["allowed import circle: a.ts -> b.ts -> a.ts", expect.any(String)] });
    expect(checkImportCycles(circle(), { allow: ["a.ts", "c.ts"] }).ok).toBe(false);
    const stale = checkImportCycles(tree({ "a.ts": 'import "./b.js";', "b.ts": "" }), { allow: ["a.ts", "b.ts"] });
    expect(stale).toEqual({ ok: false, lines: ["--allow a.ts,b.ts: these files no longer form an import circle. Remove the --allow."] });
  });
});

describe("the check-import-cycles script", () => {
  it("exits 1 on a circle, printing it", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", script, tree({ "a.ts": 'import "./a.js";' })], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("import circle: a.ts -> a.ts");
  });
});

// Writes schemas/*.json from the zod registry (`npm run schemas`), or with --check fails naming every stale file
// (`npm run schemas:check`, run by CI).
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
// The public entry loads every module that registers a schema.
import { toJsonSchemas } from "../src/index.js";

const dir = fileURLToPath(new URL("../schemas/", import.meta.url));
const check = process.argv.includes("--check");
const wanted = new Map(Object.entries(toJsonSchemas()).map(([file, schema]) => [file, JSON.stringify(schema, null, 2) + "\n"]));
mkdirSync(dir, { recursive: true });
const present = readdirSync(dir).filter((f) => f.endsWith(".json"));

const stale: string[] = [];
for (const [file, text] of wanted) {
  let current: string | undefined;
  try {
    current = readFileSync(join(dir, file), "utf8");
  } catch {
    current = undefined;
  }
  if (current === text) continue;
  stale.push(`schemas/${file} is ${current === undefined ? "missing" : "out of date"}`);
  if (!check) writeFileSync(join(dir, file), text);
}
for (const file of present) {
  if (wanted.has(file)) continue;
  stale.push(`schemas/${file} is no longer generated`);
  if (!check) rmSync(join(dir, file));
}

if (check) {
  if (stale.length > 0) {
    for (const line of stale) console.error(line);
    console.error("The JSON Schemas are stale: run `npm run schemas` and commit schemas/.");
    process.exit(1);
  }
  console.log(`schemas/: ${wanted.size} files up to date`);
} else {
  console.log(stale.length === 0 ? `schemas/: ${wanted.size} files already up to date` : stale.map((s) => s.replace(/ is .*/, " written")).join("\n"));
}

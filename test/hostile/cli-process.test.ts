import { build } from "esbuild";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll } from "vitest";
import { processCases } from "../cli/process-cases.js";

// The sources bundled once, as tsup builds dist/cli.js (library included, so no build is needed): a process
// starts in 0.2 s where tsx takes seconds to compile them in each. test/dist/cli-process.test.ts runs the same
// cases on the build itself.
const cli = join(mkdtempSync(join(tmpdir(), "govgraph-cli-bundle-")), "cli.mjs");

beforeAll(async () => {
  await build({
    entryPoints: [join(import.meta.dirname, "../../src/cli/main.ts")],
    outfile: cli,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    // Bundled CommonJS dependencies call require().
    banner: { js: "import { createRequire as topLevelRequire } from 'node:module'; const require = topLevelRequire(import.meta.url);" },
  });
});

processCases([process.execPath, cli]);

import { defineConfig } from "tsup";

// The two builds run in parallel, so neither cleans dist/: `npm run build` empties it first.

export default defineConfig([
  {
    // govgraph/report is its own entry so that the core stays light; the two share one chunk of library code
    // (splitting in both formats), so errors thrown by either are the same GovGraphError class.
    entry: { index: "src/index.ts", report: "src/report/index.ts" },
    format: ["esm", "cjs"],
    splitting: true,
    dts: true,
    clean: false,
    sourcemap: true,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    sourcemap: true,
  },
]);

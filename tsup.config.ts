import { resolve } from "node:path";
import { defineConfig, type Options } from "tsup";

// The two builds run in parallel, so neither cleans dist/: `npm run build` empties it first.

/** The library's entries, by source file, and the build file each becomes beside dist/cli.js. */
const LIBRARY_ENTRIES = new Map([
  [resolve("src/index.ts"), "./index.js"],
  [resolve("src/report/index.ts"), "./report.js"],
]);

/**
 * The CLI imports the library through its public entries (`src/index.ts`, `src/report/index.ts`); in the bundle
 * those imports become `./index.js` and `./report.js`, the library build beside it, so the package holds one copy.
 */
const libraryFromBuild: NonNullable<Options["esbuildPlugins"]>[number] = {
  name: "govgraph-library-from-build",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/.*index\.js$/ }, (args) => {
      const built = LIBRARY_ENTRIES.get(resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts")));
      return built ? { path: built, external: true } : undefined;
    });
  },
};

// Source maps map stack traces to src/ lines without carrying the sources themselves.
const mapsWithoutSources: Options["esbuildOptions"] = (options) => {
  options.sourcesContent = false;
};

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
    esbuildOptions: mapsWithoutSources,
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
    // The CLI alone is minified (docs/architecture.md, "The package"): its own code is help, options and renderers,
    // which read best where they are; the map points stack traces back to src/cli/. The library stays readable.
    minify: true,
    sourcemap: true,
    esbuildOptions: mapsWithoutSources,
    esbuildPlugins: [libraryFromBuild],
  },
]);

import { resolve } from "node:path";
import { defineConfig, type Options } from "tsup";

// The two builds run in parallel, so neither cleans dist/: `npm run build` empties it first.

const LIBRARY_ENTRY = resolve("src/index.ts");

/**
 * The CLI imports the library through `src/index.ts`; in the bundle that import becomes `./index.js`, the library
 * build beside it, so the package holds one copy of the library.
 */
const libraryFromBuild: NonNullable<Options["esbuildPlugins"]>[number] = {
  name: "govgraph-library-from-build",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/.*index\.js$/ }, (args) =>
      resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts")) === LIBRARY_ENTRY ? { path: "./index.js", external: true } : undefined,
    );
  },
};

// Source maps map stack traces to src/ lines without carrying the sources themselves.
const mapsWithoutSources: Options["esbuildOptions"] = (options) => {
  options.sourcesContent = false;
};

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
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
    sourcemap: true,
    esbuildOptions: mapsWithoutSources,
    esbuildPlugins: [libraryFromBuild],
  },
]);

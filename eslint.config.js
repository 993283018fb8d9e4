import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "generated/", ".bench/", "docs/api/", "coverage/", "node_modules/", "schemas/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // `map.get(k)?.push(v) ?? map.set(k, [v])` is an idiom here.
      "@typescript-eslint/no-unused-expressions": ["error", { allowShortCircuit: true, allowTernary: true }],
    },
  },
  // Functions that fit on a screen.
  {
    files: ["src/**/*.ts"],
    rules: { "max-lines-per-function": ["error", 80] },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/cli/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["node:*", "fs", "path", "process"] }],
    },
  },
  // The CLI is a user of the library: it imports govgraph through the public entries (src/index.ts, src/report/index.ts) only.
  {
    files: ["src/cli/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^\\.\\./(?!index\\.js$|\\.\\./package\\.json$)", message: "The CLI imports the library from ../index.js only." }] },
      ],
    },
  },
  {
    files: ["src/cli/*/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "^\\.\\./\\.\\./(?!index\\.js$|report/index\\.js$)", message: "The CLI imports the library from ../../index.js (and ../../report/index.js) only." }] }],
    },
  },
);

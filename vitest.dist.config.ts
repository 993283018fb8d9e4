import { defineConfig } from "vitest/config";

// Smoke tests on the built package: run after `npm run build`.
export default defineConfig({
  test: {
    include: ["test/dist/**/*.test.ts"],
    testTimeout: 60_000,
  },
});

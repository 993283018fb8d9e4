import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // test/real needs ../shared/data (npm run test:real); test/dist needs a build (npm run test:dist).
    exclude: ["test/real/**", "test/dist/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // each lint-rule case runs the Redocly CLI on a copy of the spec
    testTimeout: 30_000,
  },
});

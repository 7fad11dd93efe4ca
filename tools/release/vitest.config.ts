import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // the npx and tsc steps of one scratch release
    testTimeout: 60_000,
  },
});

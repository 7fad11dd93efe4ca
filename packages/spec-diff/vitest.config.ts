import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // each case regenerates the types and runs tsc
    testTimeout: 60_000,
  },
});

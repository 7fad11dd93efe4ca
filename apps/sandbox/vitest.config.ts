import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    hookTimeout: 120_000,
    testTimeout: 60_000,
    // one sandbox (and database server) per file: files run one after another to keep the 2-core machine calm
    fileParallelism: false,
  },
});

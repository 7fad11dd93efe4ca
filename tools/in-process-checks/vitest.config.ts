import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    hookTimeout: 120_000,
    testTimeout: 120_000,
    // each file starts PGlite (about 128 MiB of WebAssembly memory) and some a node:http sandbox or Chromium:
    // one file at a time keeps the 2-core machine calm
    fileParallelism: false,
  },
});

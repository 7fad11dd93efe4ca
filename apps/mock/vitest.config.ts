import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // each file starts Prism (a few seconds) before its first test
    hookTimeout: 120_000,
  },
});

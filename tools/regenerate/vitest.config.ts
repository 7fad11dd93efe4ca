import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    // the tests regenerate a scratch copy of the repository and start the mock and the watcher
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // the action's test packs three packages, npm installs them and runs the stateful suite
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});

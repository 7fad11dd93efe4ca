import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // README commands build, start servers and run the contract suite: minutes, not seconds
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});

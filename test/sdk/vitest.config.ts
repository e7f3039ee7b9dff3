// The SDK tests on their own: `vitest run --config test/sdk/vitest.config.ts`.
// The same settings form the `sdk` project of the root configuration.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "sdk",
    root: new URL("../..", import.meta.url).pathname,
    environment: "node",
    include: ["test/sdk/**/*.test.ts"],
    globalSetup: ["test/sdk/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});

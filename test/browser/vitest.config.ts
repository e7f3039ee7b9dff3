// The console's browser tests on their own: Node, one file at a time, long
// timeouts (each file starts `wrangler dev` and a headless Chromium).
// `npx vitest run -c test/browser/vitest.config.ts`; the same settings fit a
// `browser` project in the root vitest.config.ts.
import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: resolve(import.meta.dirname, "../.."),
  test: {
    name: "browser",
    environment: "node",
    include: ["test/browser/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

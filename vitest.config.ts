import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Two kinds of tests: the Worker's, which run inside workerd with real D1, R2,
// Durable Objects and WebSockets; and those of programs that run on Node
// (the home-node agent, end-to-end runs against a real `wrangler dev`).
// The machine has two cores, so each project runs few files at once.
export default defineConfig(async () => {
  const migrations = await readD1Migrations("migrations");

  return {
    test: {
      maxWorkers: 2,
      projects: [
        "test/sdk/vitest.config.ts",
        "test/browser/vitest.config.ts",
        {
          plugins: [
            cloudflareTest({
              main: "./src/index.ts",
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  ADMIN_TOKEN: "test-admin-token",
                  SIGNING_SECRET: "test-signing-secret-0123456789abcdef",
                },
              },
            }),
          ],
          test: {
            name: "worker",
            include: ["test/worker/**/*.test.ts", "test/domain/**/*.test.ts"],
            setupFiles: ["./test/worker/apply-migrations.ts"],
            // Two cores: a busy machine can slow a whole-job test past the default.
            testTimeout: 30_000,
          },
        },
        {
          test: {
            name: "node",
            environment: "node",
            include: ["agent/**/*.test.ts", "test/e2e/**/*.test.ts"],
            testTimeout: 120_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  };
});

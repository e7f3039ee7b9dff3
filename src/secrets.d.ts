// Bindings that wrangler.toml does not declare: secrets (from `.dev.vars`
// locally, `wrangler secret put` in production) and the tests' migrations.
interface GpuAgentSecrets {
  ADMIN_TOKEN: string;
  SIGNING_SECRET: string;
  PUBLIC_URL?: string;
  TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
}

interface Env extends GpuAgentSecrets {}

declare namespace Cloudflare {
  interface Env extends GpuAgentSecrets {}
}

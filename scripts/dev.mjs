#!/usr/bin/env node
/**
 * `npm run dev`: everything a newcomer needs to run GPU-Agent locally, in one
 * command. Writes `.dev.vars` with random secrets the first time, applies the
 * local D1 migrations, prints the admin token and the URL, and runs
 * `wrangler dev`. Extra arguments (`--port 9000`, `--persist-to DIR`) pass
 * through to wrangler.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const varsFile = join(root, ".dev.vars");
const args = process.argv.slice(2);
const wrangler = join(root, "node_modules", ".bin", "wrangler");
const quietEnv = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
};

function ensureSecrets() {
  if (!existsSync(varsFile)) {
    const secret = () => randomBytes(24).toString("base64url");
    const lines = [
      "# Local secrets for `wrangler dev`, made by `npm run dev`. Never commit this file.",
      `ADMIN_TOKEN=adm_${secret()}`,
      `SIGNING_SECRET=${secret()}${secret()}`,
      "",
    ];
    writeFileSync(varsFile, lines.join("\n"), { mode: 0o600 });
    console.log("已生成本地密钥 / Wrote local secrets to .dev.vars");
  }
  const vars = Object.fromEntries(
    readFileSync(varsFile, "utf8")
      .split("\n")
      .filter((line) => line.includes("=") && !line.startsWith("#"))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
  return vars;
}

function option(name) {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const inline = args.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

function applyMigrations() {
  const persist = option("--persist-to");
  const migrate = ["d1", "migrations", "apply", "DB", "--local"];
  if (persist) migrate.push("--persist-to", persist);
  const result = spawnSync(wrangler, migrate, {
    cwd: root,
    stdio: "inherit",
    env: { ...quietEnv, CI: "true" },
  });
  if (result.status !== 0) {
    console.error("应用 D1 迁移失败 / Applying the local D1 migrations failed");
    process.exit(result.status ?? 1);
  }
}

const vars = ensureSecrets();
applyMigrations();

const port = option("--port") ?? "8787";
console.log("");
console.log(`GPU-Agent: http://localhost:${port}  (API: http://localhost:${port}/api/v1)`);
console.log(`管理员令牌 / Admin token: ${vars.ADMIN_TOKEN}`);
console.log("");

const dev = spawn(wrangler, ["dev", ...args], { cwd: root, stdio: "inherit", env: quietEnv });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));

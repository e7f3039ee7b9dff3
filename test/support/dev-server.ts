/**
 * A real local platform for tests and benchmarks that run on Node: `wrangler
 * dev` on a free port with its own state directory and known secrets, the
 * local D1 migrations applied first. Nothing is shared with `npm run dev`.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const WRANGLER = join(ROOT, "node_modules", ".bin", "wrangler");

export interface DevServer {
  url: string;
  adminToken: string;
  /** The wrangler process, for measuring its memory. */
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  vars?: Record<string, string>;
  /** Print wrangler's output (for debugging). */
  verbose?: boolean;
}

export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const port = await freePort();
  const state = mkdtempSync(join(tmpdir(), "gpu-agent-dev-"));
  const adminToken = `adm_${randomBytes(16).toString("hex")}`;
  const env = {
    ...process.env,
    CI: "true",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    WRANGLER_SEND_METRICS: "false",
  };

  const migrate = spawnSync(
    WRANGLER,
    ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state],
    { cwd: ROOT, env, encoding: "utf8" },
  );
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stderr}`);

  const vars = {
    ADMIN_TOKEN: adminToken,
    SIGNING_SECRET: randomBytes(24).toString("hex"),
    ...options.vars,
  };
  const args = ["dev", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", state];
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);

  const child = spawn(WRANGLER, args, { cwd: ROOT, env, detached: true, stdio: "pipe" });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (options.verbose) process.stderr.write(chunk);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once("exit", done));
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // Already gone.
      }
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    rmSync(state, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const health = await fetch(`${url}/api/v1/health`);
      if (health.ok) return { url, adminToken, process: child, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not start:\n${output}`);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

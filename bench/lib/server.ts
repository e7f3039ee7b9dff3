/**
 * @module bench/lib/server
 * The platform a benchmark measures: a real `wrangler dev` with isolated
 * state, started from a frozen, prebuilt copy of the code. `wrangler dev`
 * rebuilds and reloads the Worker whenever one of its inputs changes (a
 * source file, or a package an `npm install` rewrites), and a reload drops
 * every socket and in-flight request. So the sources (the working tree by
 * default, or a git ref with `--ref HEAD`) are copied, bundled once with
 * `wrangler deploy --dry-run`, and served with `no_bundle`: nothing a long
 * run depends on can change under it.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  cpSync,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { DevServer } from "../../test/support/dev-server.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
const WRANGLER = join(ROOT, "node_modules", ".bin", "wrangler");
/** What the Worker is built from; everything else stays behind. */
const SOURCES = ["src", "durable-objects", "migrations", "public", "wrangler.toml", "package.json"];

const QUIET = {
  ...process.env,
  CI: "true",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
};

/** Copies the Worker's sources (the working tree, or `ref`) and bundles them once. */
export function snapshot(ref?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "gpu-agent-bench-src-"));
  if (ref) {
    const tar = execFileSync("git", ["archive", ref, "--", ...SOURCES], {
      cwd: ROOT,
      maxBuffer: 256 * 1024 * 1024,
    });
    spawnSync("tar", ["-x", "-C", dir], { input: tar });
  } else {
    for (const name of SOURCES) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));

  const build = spawnSync(WRANGLER, ["deploy", "--dry-run", "--outdir", "dist"], {
    cwd: dir,
    env: QUIET,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`bundling failed:\n${build.stderr}`);
  const config = join(dir, "wrangler.toml");
  const toml = readFileSync(config, "utf8").replace(
    /^main = .*$/m,
    'main = "dist/index.js"\nno_bundle = true',
  );
  writeFileSync(config, toml);
  rmSync(join(dir, "node_modules"));
  return dir;
}

/** Platforms still running, so an interrupted benchmark can stop them. */
const running = new Set<DevServer>();

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}

/**
 * Starts `wrangler dev` on a free port from `sourceDir`, with its own state;
 * everything wrangler prints goes to `logFile` when one is named.
 */
export async function startServer(sourceDir: string, logFile?: string): Promise<DevServer> {
  const port = await freePort();
  const state = mkdtempSync(join(tmpdir(), "gpu-agent-bench-state-"));
  const adminToken = `adm_${randomBytes(16).toString("hex")}`;
  const env = QUIET;
  const migrate = spawnSync(
    WRANGLER,
    ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state],
    { cwd: sourceDir, env, encoding: "utf8" },
  );
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stderr}`);

  const args = ["dev", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", state];
  args.push("--var", `ADMIN_TOKEN:${adminToken}`);
  args.push("--var", `SIGNING_SECRET:${randomBytes(24).toString("hex")}`);
  const child = spawn(WRANGLER, args, { cwd: sourceDir, env, detached: true, stdio: "pipe" });
  let output = "";
  const log = logFile ? createWriteStream(logFile) : null;
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    log?.write(chunk);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    running.delete(server);
    return stopTree(child, state);
  };
  const server: DevServer = { url, adminToken, process: child, stop };
  running.add(server);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) {
        return server;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not start:\n${output}`);
}

async function stopTree(child: ChildProcess, state: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((done) => child.once("exit", done));
    signal(child, "SIGTERM");
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
    signal(child, "SIGKILL");
  }
  rmSync(state, { recursive: true, force: true });
}

function signal(child: ChildProcess, name: NodeJS.Signals): void {
  try {
    // The group: wrangler and the workerd it started.
    process.kill(-child.pid!, name);
  } catch {
    // Already gone.
  }
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

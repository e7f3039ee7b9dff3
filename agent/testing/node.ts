/**
 * @module agent/testing/node
 * Starts a `NodeAgent` against a `FakePlatform` with test-sized timings, and
 * the small training packages the protocol tests hand it.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AgentOptions, NodeAgent } from "../agent.ts";
import { detectPython, type PythonInfo } from "../detect.ts";
import { silentLogger } from "../log.ts";
import { zipPackage } from "../package-zip.ts";
import type { FakePlatform } from "./fake-platform.ts";

export const NODE_SECRET = "ns_test_secret_value";

let python: PythonInfo | null = null;

export async function startNode(
  platform: FakePlatform,
  options: Partial<AgentOptions> = {},
  waitForHello = true,
) {
  python ??= await detectPython();
  const workDir = await mkdtemp(join(tmpdir(), "gpu-agent-node-"));
  const agent = new NodeAgent({
    config: {
      server: platform.url,
      node_id: "node_test",
      node_secret: NODE_SECRET,
      environment: "development",
      name: "test-node",
      registered_at: new Date().toISOString(),
    },
    connectUrl: platform.connectUrl,
    workDir,
    logger: silentLogger,
    python,
    bwrap: null,
    cpuCores: 4,
    capabilities: async () => ({
      cpu_cores: 4,
      memory_mb: 8192,
      disk_free_mb: 100_000,
      gpus: [],
      agent_version: "test",
      python_version: python?.version ?? null,
      sandboxed: false,
    }),
    gpus: async () => [],
    backoff: { baseMs: 50, capMs: 200 },
    killGraceMs: 200,
    flushIntervalMs: 100,
    diskCheckIntervalMs: 100,
    ...options,
  });
  agent.start();
  if (waitForHello) await platform.until(() => platform.messages("hello").length > 0);
  return { agent, workDir };
}

/**
 * A package whose entry point records its pid and its child's pid in
 * `hyperparameters.pid_file`, then waits for `hyperparameters.go_file` to
 * appear before writing a checkpoint and metrics: the test decides when the
 * unit ends, with no timing involved.
 */
export async function waitingPackage(): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "gpu-agent-pkg-"));
  await writeFile(
    join(dir, "train.py"),
    `import json, os, subprocess, sys, time
hp = json.loads(os.environ["GPU_AGENT_HYPERPARAMETERS"])
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
with open(hp["pid_file"] + ".tmp", "w") as f:
    f.write(f"{os.getpid()} {child.pid}")
os.rename(hp["pid_file"] + ".tmp", hp["pid_file"])
print("waiting for go", flush=True)
while not os.path.exists(hp["go_file"]):
    time.sleep(0.05)
child.kill()
out = os.environ["GPU_AGENT_OUTPUT_DIR"]
with open(os.path.join(out, "checkpoint.bin"), "wb") as f:
    f.write(b"weights")
with open(os.path.join(out, "metrics.jsonl"), "w") as f:
    f.write(json.dumps({"loss": 1.0}) + "\\n")
print("done", flush=True)
`,
  );
  return zipPackage([dir]);
}

/** A package whose train.py is `source`. */
export async function scriptPackage(source: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "gpu-agent-pkg-"));
  await writeFile(join(dir, "train.py"), source);
  return zipPackage([dir]);
}

/** Paths a waiting package is pointed at, and how to read its pids. */
export async function controlFiles() {
  const dir = await mkdtemp(join(tmpdir(), "gpu-agent-ctl-"));
  const pidFile = join(dir, "pids");
  const goFile = join(dir, "go");
  return {
    hyperparameters: { pid_file: pidFile, go_file: goFile },
    started: () => existsSync(pidFile),
    go: () => writeFile(goFile, ""),
    pids: async () => (await readFile(pidFile, "utf8")).split(" ").map(Number),
  };
}

/** Whether `pid` still runs; a zombie waiting for a reaper has stopped running. */
export async function alive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  return stat !== null && stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
}

/**
 * Whether `pid` stops running within a few seconds: a killed process takes a
 * moment to exit after the signal, so this waits rather than looks once.
 */
export async function dies(pid: number): Promise<boolean> {
  for (let i = 0; i < 100; i += 1) {
    if (!(await alive(pid))) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

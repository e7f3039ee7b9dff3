import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { detectPython } from "./detect.ts";
import type { ProgressBatch } from "./progress.ts";
import { type RunOptions, runUnit } from "./runner.ts";
import { dies } from "./testing/node.ts";

let python: string;

beforeAll(async () => {
  const found = await detectPython();
  if (found === null) throw new Error("these tests need python3");
  python = found.executable;
});

/** Writes `source` as a script in a fresh dir and runs it with `options`. */
async function runScript(
  source: string,
  options: (dir: string) => Partial<RunOptions> = () => ({}),
) {
  const dir = await mkdtemp(join(tmpdir(), "gpu-agent-run-"));
  const script = join(dir, "unit.py");
  await writeFile(script, source);
  const batches: ProgressBatch[] = [];
  const result = await runUnit({
    command: python,
    args: [script],
    cwd: dir,
    env: { PATH: "/usr/bin:/bin", PYTHONUNBUFFERED: "1", OUT: dir },
    logFile: join(dir, "logs.txt"),
    maxRuntimeSeconds: 60,
    onProgress: (batch) => batches.push(batch),
    flushIntervalMs: 50,
    killGraceMs: 200,
    ...options(dir),
  });
  return { dir, result, batches, log: await readFile(join(dir, "logs.txt"), "utf8") };
}

/** Starts a child that sleeps, records both pids, then sleeps itself, deaf to SIGTERM. */
const SPAWNS_AND_SLEEPS = `
import os, signal, subprocess, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
with open(os.path.join(os.environ["OUT"], "pids"), "w") as f:
    f.write(f"{os.getpid()} {child.pid}")
print("started", flush=True)
time.sleep(600)
`;

describe("running a unit's process", () => {
  it("streams stdout and stderr lines and keeps them in the log file", async () => {
    const { result, batches, log } = await runScript(
      'import sys\nprint("hello")\nprint("oops", file=sys.stderr)\nsys.exit(3)\n',
    );

    expect(result.exitCode).toBe(3);
    expect(result.stopped).toBeNull();
    expect(batches.flatMap((b) => b.lines).sort()).toEqual(["hello", "oops"]);
    expect(log).toContain("hello\n");
    expect(result.logTail.sort()).toEqual(["hello", "oops"]);
  });

  it("stops growing the log file at its cap and says so", async () => {
    const { log, result } = await runScript('print("x" * 5000)\nprint("end")\n', () => ({
      maxLogBytes: 1000,
    }));

    expect(result.exitCode).toBe(0);
    expect(log).toBe(`${"x".repeat(1000)}\n[gpu-agent] log truncated at 1000 bytes\n`);
    expect(result.logTail.at(-1)).toBe("end");
  });

  it("turns new metrics.jsonl lines into progress metrics, skipping bad ones", async () => {
    const { batches } = await runScript(
      `
import json, os
with open(os.path.join(os.environ["OUT"], "metrics.jsonl"), "w") as f:
    f.write(json.dumps({"epoch": 1, "loss": 0.5}) + "\\n")
    f.write("not json\\n")
    f.write(json.dumps({"epoch": 2, "loss": 0.25}) + "\\n")
`,
      (dir) => ({ metricsFile: join(dir, "metrics.jsonl") }),
    );

    expect(batches.flatMap((b) => b.metrics)).toEqual([
      { epoch: 1, loss: 0.5 },
      { epoch: 2, loss: 0.25 },
    ]);
  });

  it("kills the whole process group when the runtime limit passes", async () => {
    const { dir, result } = await runScript(SPAWNS_AND_SLEEPS, () => ({ maxRuntimeSeconds: 1 }));
    const [parent, child] = (await readFile(join(dir, "pids"), "utf8")).split(" ").map(Number);

    expect(result.stopped).toBe("runtime");
    expect(result.exitCode).toBeNull();
    expect(await dies(parent!)).toBe(true);
    expect(await dies(child!)).toBe(true);
  });

  it("kills the process group when cancelled", async () => {
    const controller = new AbortController();
    const dir = await mkdtemp(join(tmpdir(), "gpu-agent-run-"));
    const script = join(dir, "unit.py");
    await writeFile(script, SPAWNS_AND_SLEEPS);

    const result = await runUnit({
      command: python,
      args: [script],
      cwd: dir,
      env: { PATH: "/usr/bin:/bin", OUT: dir },
      logFile: join(dir, "logs.txt"),
      maxRuntimeSeconds: 600,
      killGraceMs: 200,
      flushIntervalMs: 50,
      signal: controller.signal,
      onProgress: (batch) => {
        if (batch.lines.includes("started")) controller.abort();
      },
    });
    const [parent, child] = (await readFile(join(dir, "pids"), "utf8")).split(" ").map(Number);

    expect(result.stopped).toBe("cancelled");
    expect(await dies(parent!)).toBe(true);
    expect(await dies(child!)).toBe(true);
  });

  it("kills a unit that writes more than its disk allowance", async () => {
    const { result } = await runScript(
      `
import os, time
with open(os.path.join(os.environ["OUT"], "big.bin"), "wb") as f:
    for _ in range(200):
        f.write(b"x" * 1024 * 1024)
        f.flush()
        time.sleep(0.02)
time.sleep(600)
`,
      (dir) => ({
        disk: { dir, baselineBytes: 0, limitBytes: 5 * 1024 * 1024 },
        diskCheckIntervalMs: 50,
      }),
    );

    expect(result.stopped).toBe("disk");
  });

  it("gives the process only the environment it was handed", async () => {
    process.env.GPU_AGENT_TEST_SECRET = "node-secret-value";
    const { log } = await runScript("import os\nprint(sorted(os.environ))\n");
    delete process.env.GPU_AGENT_TEST_SECRET;

    expect(log).not.toContain("GPU_AGENT_TEST_SECRET");
    expect(log).toContain("'OUT'");
  });
});

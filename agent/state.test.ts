import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type AgentState, reclaimWorkDir, writeState } from "./state.ts";

const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started) child.kill("SIGKILL");
});

/** A sleeping process in its own group, as the runner starts units. */
function sleeper(env: Record<string, string>): ChildProcess {
  const child = spawn("python3", ["-c", "import time; time.sleep(600)"], {
    detached: true,
    stdio: "ignore",
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  started.push(child);
  return child;
}

async function exited(child: ChildProcess): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return new Promise((resolve) => child.once("exit", () => resolve(true)));
}

function state(agentPid: number, attempts: [string, number][]): AgentState {
  return {
    pid: agentPid,
    node_id: "node_1",
    server: "http://127.0.0.1:1",
    connected: false,
    draining: false,
    sandbox: "none",
    simulated_gpu_mb: null,
    started_at: "2025-01-01T00:00:00.000Z",
    updated_at: "2025-01-01T00:00:00.000Z",
    attempts: attempts.map(([attempt_id, pid]) => ({
      attempt_id,
      job_id: "job_1",
      stage: "train",
      shard_index: 0,
      shard_count: 1,
      phase: "running",
      gpu_index: null,
      accepted_at: "2025-01-01T00:00:00.000Z",
      pid,
    })),
  };
}

const deadPid = () => spawnSync("true").pid ?? 999_999;

describe("reclaiming a work dir", () => {
  it("kills units a crashed agent left running and clears their workspaces", async () => {
    const workDir = await mkdtemp(join(tmpdir(), "gpu-agent-reclaim-"));
    await mkdir(join(workDir, "attempts", "att_orphan"), { recursive: true });
    const orphan = sleeper({ GPU_AGENT_ATTEMPT_ID: "att_orphan" });
    await writeState(workDir, state(deadPid(), [["att_orphan", orphan.pid!]]));

    const killed = await reclaimWorkDir(workDir);

    expect(killed).toEqual(["att_orphan"]);
    expect(await exited(orphan)).toBe(true);
    expect(existsSync(join(workDir, "attempts"))).toBe(false);
    await expect(readFile(join(workDir, "agent-state.json"))).rejects.toThrow();
  });

  it("leaves alone a process that does not carry the attempt's id", async () => {
    const workDir = await mkdtemp(join(tmpdir(), "gpu-agent-reclaim-"));
    const stranger = sleeper({ GPU_AGENT_ATTEMPT_ID: "att_other" });
    await writeState(workDir, state(deadPid(), [["att_orphan", stranger.pid!]]));

    expect(await reclaimWorkDir(workDir)).toEqual([]);
    expect(stranger.exitCode).toBeNull();
  });

  it("refuses a work dir that a live agent uses", async () => {
    const workDir = await mkdtemp(join(tmpdir(), "gpu-agent-reclaim-"));
    const agent = sleeper({});
    await writeState(workDir, state(agent.pid!, []));

    await expect(reclaimWorkDir(workDir)).rejects.toThrow(/another agent/);
  });
});

/**
 * @module agent/state
 * A small JSON file in the work dir where the running agent says what it is
 * doing (connected or not, which attempts in which phase), so that `status`
 * can answer from another process. It is rewritten on every change and on
 * every heartbeat, and removed when the agent stops.
 */
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Attempt } from "./attempt.ts";

export const STATE_FILE = "agent-state.json";

export class WorkDirBusyError extends Error {
  override name = "WorkDirBusyError";
  readonly pid: number;

  constructor(pid: number, workDir: string) {
    super(`another agent (pid ${pid}) is using ${workDir}`);
    this.pid = pid;
  }
}

export interface AttemptState {
  attempt_id: string;
  job_id: string;
  stage: string;
  shard_index: number;
  shard_count: number;
  phase: string;
  gpu_index: number | null;
  accepted_at: string;
  /** The unit's process group while it runs. */
  pid: number | null;
}

export interface AgentState {
  pid: number;
  node_id: string;
  server: string;
  connected: boolean;
  draining: boolean;
  sandbox: "bubblewrap" | "none";
  /** VRAM of the GPU the node pretends to have (`--simulate-gpu`), else null. */
  simulated_gpu_mb: number | null;
  started_at: string;
  updated_at: string;
  attempts: AttemptState[];
}

export function attemptState(attempt: Attempt): AttemptState {
  const { assign } = attempt;
  return {
    attempt_id: assign.attempt_id,
    job_id: assign.job_id,
    stage: assign.stage,
    shard_index: assign.shard_index,
    shard_count: assign.shard_count,
    phase: attempt.phase,
    gpu_index: attempt.gpuIndex,
    accepted_at: attempt.acceptedAt.toISOString(),
    pid: attempt.pid,
  };
}

export async function writeState(workDir: string, state: AgentState): Promise<void> {
  const path = join(workDir, STATE_FILE);
  const temporary = `${path}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}

export async function removeState(workDir: string): Promise<void> {
  await rm(join(workDir, STATE_FILE), { force: true });
}

/** The state of a live agent, or null when none runs (no file, or its process is gone). */
export async function readLiveState(workDir: string): Promise<AgentState | null> {
  const state = await readState(workDir);
  return state !== null && processAlive(state.pid) ? state : null;
}

/**
 * Prepares a work dir for a new agent. Refuses one that a live agent uses.
 * Units that a crashed agent left behind are killed: a unit runs in its own
 * process group, which outlives the agent unless bubblewrap ties it to it.
 * A group is killed only if its process still carries that attempt's id in
 * its environment, so a recycled pid is never hit. Returns the attempt ids
 * it killed.
 */
export async function reclaimWorkDir(workDir: string): Promise<string[]> {
  const previous = await readState(workDir);
  if (previous !== null && previous.pid !== process.pid && processAlive(previous.pid)) {
    throw new WorkDirBusyError(previous.pid, workDir);
  }

  const killed: string[] = [];
  for (const attempt of previous?.attempts ?? []) {
    if (attempt.pid === null || attempt.pid === undefined) continue;
    const environ = await readFile(`/proc/${attempt.pid}/environ`, "utf8").catch(() => "");
    if (!environ.split("\0").includes(`GPU_AGENT_ATTEMPT_ID=${attempt.attempt_id}`)) continue;
    try {
      process.kill(-attempt.pid, "SIGKILL");
      killed.push(attempt.attempt_id);
    } catch {
      // Gone in the meantime.
    }
  }
  await rm(join(workDir, "attempts"), { recursive: true, force: true });
  await removeState(workDir);
  return killed;
}

async function readState(workDir: string): Promise<AgentState | null> {
  try {
    const state = JSON.parse(await readFile(join(workDir, STATE_FILE), "utf8")) as AgentState;
    return typeof state.pid === "number" ? state : null;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

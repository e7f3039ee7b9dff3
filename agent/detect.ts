/**
 * @module agent/detect
 * What this machine offers: CPU cores, memory, free disk in the work dir, the
 * Python interpreter and the GPUs `nvidia-smi` reports. Parsing is pure and
 * tested on recorded outputs; a machine without `nvidia-smi` (or whose output
 * makes no sense) is a CPU-only node, never an error.
 */
import { execFile } from "node:child_process";
import { constants } from "node:fs";
import { access, statfs } from "node:fs/promises";
import os from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import type { Capabilities, Gpu } from "../src/protocol/messages.ts";

const run = promisify(execFile);

export const AGENT_VERSION = "0.1.0";

export const NVIDIA_SMI_ARGS = [
  "--query-gpu=index,name,memory.total,memory.free",
  "--format=csv,noheader,nounits",
];

/** The interpreter units run with, resolved once so a shim (pyenv, conda) is not needed. */
export interface PythonInfo {
  executable: string;
  version: string;
}

/**
 * Parses `nvidia-smi --query-gpu=index,name,memory.total,memory.free
 * --format=csv,noheader,nounits`: one `0, NVIDIA GeForce RTX 3090, 24576, 24000`
 * line per GPU. Lines that do not have that shape ("[N/A]" memory, driver
 * errors printed on stdout) are skipped, so garbage yields no GPU.
 */
export function parseNvidiaSmi(output: string): Gpu[] {
  const gpus: Gpu[] = [];
  for (const line of output.split(/\r?\n/)) {
    const fields = line.split(",").map((field) => field.trim());
    if (fields.length < 4) continue;

    // A GPU name may itself hold commas: index first, the two numbers last.
    const index = integer(fields[0]);
    const total = integer(fields[fields.length - 2]);
    const free = integer(fields[fields.length - 1]);
    const name = fields.slice(1, -2).join(", ");
    if (index === null || total === null || free === null || name === "") continue;
    if (index > 63 || gpus.some((gpu) => gpu.index === index)) continue;

    gpus.push({
      index,
      name: name.slice(0, 200),
      vram_total_mb: total,
      vram_free_mb: Math.min(free, total),
      simulated: false,
    });
  }
  return gpus;
}

/** GPUs from `nvidia-smi`, or none when it is absent, fails or prints nonsense. */
export async function detectGpus(command = "nvidia-smi"): Promise<Gpu[]> {
  try {
    const { stdout } = await run(command, NVIDIA_SMI_ARGS, { timeout: 10_000 });
    return parseNvidiaSmi(stdout);
  } catch {
    return [];
  }
}

/** A fake GPU for development servers: it advertises `vramMb` and is marked simulated. */
export function simulatedGpu(vramMb: number): Gpu {
  return {
    index: 0,
    name: "Simulated GPU",
    vram_total_mb: vramMb,
    vram_free_mb: vramMb,
    simulated: true,
  };
}

/** `Python 3.11.2` → `3.11.2`; anything else → null. */
export function parsePythonVersion(output: string): string | null {
  const match = /Python\s+(\d+\.\d+(?:\.\d+)?\S*)/.exec(output);
  return match ? match[1]!.slice(0, 50) : null;
}

export async function detectPython(command = "python3"): Promise<PythonInfo | null> {
  try {
    const script = "import sys, platform; print(sys.executable); print(platform.python_version())";
    const { stdout } = await run(command, ["-c", script], { timeout: 10_000 });
    const [executable, version] = stdout.trim().split(/\r?\n/);
    if (!executable || !version) return null;
    return { executable, version: parsePythonVersion(`Python ${version}`) ?? version };
  } catch {
    return null;
  }
}

/** The first `name` on PATH that can be executed, or null. */
export async function findExecutable(
  name: string,
  pathEnv = process.env.PATH ?? "",
): Promise<string | null> {
  for (const dir of pathEnv.split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; try the next directory.
    }
  }
  return null;
}

/**
 * bubblewrap when it is installed and works here: it needs unprivileged user
 * namespaces, which some kernels and containers forbid, so it is tried once.
 */
export async function detectBwrap(): Promise<{ path: string | null; problem?: string }> {
  const path = await findExecutable("bwrap");
  if (path === null) return { path: null, problem: "bwrap is not installed" };
  try {
    await run(path, ["--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "true"], {
      timeout: 10_000,
    });
    return { path };
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? "").trim();
    return { path: null, problem: `bwrap does not work here: ${stderr || (err as Error).message}` };
  }
}

export async function freeDiskMb(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return Math.floor((stats.bavail * stats.bsize) / 1024 ** 2);
}

export function freeMemoryMb(): number {
  return Math.floor(os.freemem() / 1024 ** 2);
}

export interface DetectOptions {
  workDir: string;
  /** Advertise one fake GPU with this much VRAM instead of asking nvidia-smi. */
  simulateGpuMb?: number;
  python?: PythonInfo | null;
  nvidiaSmi?: string;
  sandboxed?: boolean;
}

export async function detectCapabilities(options: DetectOptions): Promise<Capabilities> {
  const gpus =
    options.simulateGpuMb === undefined
      ? await detectGpus(options.nvidiaSmi)
      : [simulatedGpu(options.simulateGpuMb)];
  const python = options.python === undefined ? await detectPython() : options.python;

  return {
    cpu_cores: Math.max(1, os.availableParallelism()),
    memory_mb: Math.max(1, Math.floor(os.totalmem() / 1024 ** 2)),
    disk_free_mb: await freeDiskMb(options.workDir),
    gpus,
    agent_version: AGENT_VERSION,
    python_version: python?.version ?? null,
    os: `${os.type()} ${os.release()} ${os.arch()}`.slice(0, 100),
    sandboxed: options.sandboxed ?? false,
  };
}

function integer(field: string | undefined): number | null {
  if (field === undefined || !/^\d{1,9}$/.test(field)) return null;
  return Number(field);
}

/**
 * @module agent/capacity
 * Whether an assigned unit fits this node right now. Pure: the agent gathers
 * the live numbers (free VRAM from nvidia-smi, free memory, free disk) at the
 * moment the `assign` arrives and this module decides.
 *
 * - A GPU unit takes one whole GPU that no other unit holds and whose free
 *   VRAM covers `required_vram_mb`; one unit per GPU.
 * - Every unit, CPU or GPU, takes one CPU core and `UNIT_MEMORY_MB` of free
 *   memory, so units never outnumber the cores.
 * - Disk: free space minus what running units may still claim covers the
 *   unit's `required_disk_mb`.
 */
import type { Assign, Gpu } from "../src/protocol/messages.ts";

/** Memory set aside for each unit; the protocol does not state a unit's need. */
export const UNIT_MEMORY_MB = 1024;

export const BUILTIN_STAGES = ["prepare", "package"] as const;

export interface RunningUnit {
  kind: "cpu" | "gpu";
  gpuIndex: number | null;
  requiredDiskMb: number;
}

export interface NodeResources {
  cpuCores: number;
  /** Live values at accept time (simulated GPUs: as advertised). */
  gpus: readonly Gpu[];
  freeMemoryMb: number;
  freeDiskMb: number;
  pythonAvailable: boolean;
  draining: boolean;
}

export type Fit = { ok: true; gpuIndex: number | null } | { ok: false; reason: string };

export function fits(
  assign: Pick<
    Assign,
    "kind" | "builtin" | "stage" | "entrypoint" | "required_vram_mb" | "required_disk_mb"
  >,
  node: NodeResources,
  running: readonly RunningUnit[],
): Fit {
  if (node.draining) return no("the node is shutting down");
  if (!node.pythonAvailable) return no("python3 is not installed on this node");

  const entry = entrypointProblem(assign);
  if (entry) return no(entry);

  if (running.length + 1 > node.cpuCores) {
    return no(`all ${node.cpuCores} CPU cores are busy with other units`);
  }
  if (node.freeMemoryMb < UNIT_MEMORY_MB) {
    return no(`only ${node.freeMemoryMb} MB of memory free, ${UNIT_MEMORY_MB} MB needed`);
  }

  const claimed = running.reduce((sum, unit) => sum + unit.requiredDiskMb, 0);
  const disk = node.freeDiskMb - claimed;
  if (disk < assign.required_disk_mb) {
    return no(`${Math.max(disk, 0)} MB of disk available, ${assign.required_disk_mb} MB needed`);
  }

  if (assign.kind === "cpu") return { ok: true, gpuIndex: null };
  return pickGpu(assign.required_vram_mb, node.gpus, running);
}

function pickGpu(vramMb: number, gpus: readonly Gpu[], running: readonly RunningUnit[]): Fit {
  if (gpus.length === 0) return no("this node has no GPU");

  const busy = new Set(running.map((unit) => unit.gpuIndex).filter((index) => index !== null));
  const idle = gpus.filter((gpu) => !busy.has(gpu.index));
  if (idle.length === 0) return no(`all ${gpus.length} GPU(s) are busy with other units`);

  // The smallest GPU that is large enough leaves the big ones for big units.
  const candidates = idle
    .filter((gpu) => gpu.vram_free_mb >= vramMb)
    .sort((a, b) => a.vram_free_mb - b.vram_free_mb || a.index - b.index);
  const chosen = candidates[0];
  if (chosen === undefined) {
    const most = Math.max(...idle.map((gpu) => gpu.vram_free_mb));
    return no(`no idle GPU has ${vramMb} MB of free VRAM (at most ${most} MB free)`);
  }
  return { ok: true, gpuIndex: chosen.index };
}

function entrypointProblem(assign: Pick<Assign, "builtin" | "stage" | "entrypoint">) {
  if (assign.builtin) {
    const known = (BUILTIN_STAGES as readonly string[]).includes(assign.stage);
    return known ? null : `unknown platform stage "${assign.stage}"`;
  }
  const path = assign.entrypoint;
  const bad =
    path === "" ||
    path.startsWith("/") ||
    path.includes("\\") ||
    path.includes("\0") ||
    path.split("/").includes("..");
  return bad ? `entry point "${path}" is not a relative path inside the package` : null;
}

function no(reason: string): Fit {
  return { ok: false, reason };
}

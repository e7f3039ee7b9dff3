import { describe, expect, it } from "vitest";
import type { Gpu } from "../src/protocol/messages.ts";
import { fits, type NodeResources, UNIT_MEMORY_MB } from "./capacity.ts";

const gpu = (index: number, free: number): Gpu => ({
  index,
  name: "GPU",
  vram_total_mb: 24_000,
  vram_free_mb: free,
  simulated: false,
});

const node: NodeResources = {
  cpuCores: 4,
  gpus: [gpu(0, 24_000), gpu(1, 8_000)],
  freeMemoryMb: 16_000,
  freeDiskMb: 50_000,
  pythonAvailable: true,
  draining: false,
};

const unit = {
  kind: "gpu" as const,
  builtin: false,
  stage: "train",
  entrypoint: "train.py",
  required_vram_mb: 6_000,
  required_disk_mb: 1_000,
};

describe("whether a unit fits", () => {
  it("gives a GPU unit the smallest idle GPU with enough free VRAM", () => {
    expect(fits(unit, node, [])).toEqual({ ok: true, gpuIndex: 1 });
  });

  it("gives one unit per GPU", () => {
    const running = [{ kind: "gpu" as const, gpuIndex: 1, requiredDiskMb: 0 }];

    expect(fits(unit, node, running)).toEqual({ ok: true, gpuIndex: 0 });
  });

  it("rejects a GPU unit when no idle GPU has the VRAM free now", () => {
    const fit = fits({ ...unit, required_vram_mb: 30_000 }, node, []);

    expect(fit).toEqual({
      ok: false,
      reason: "no idle GPU has 30000 MB of free VRAM (at most 24000 MB free)",
    });
  });

  it("rejects GPU units on a CPU-only node and runs CPU units there", () => {
    const cpuOnly = { ...node, gpus: [] };

    expect(fits(unit, cpuOnly, [])).toEqual({ ok: false, reason: "this node has no GPU" });
    expect(fits({ ...unit, kind: "cpu" }, cpuOnly, [])).toEqual({ ok: true, gpuIndex: null });
  });

  it("never runs more units than cores", () => {
    const running = Array.from({ length: 4 }, () => ({
      kind: "cpu" as const,
      gpuIndex: null,
      requiredDiskMb: 0,
    }));

    expect(fits({ ...unit, kind: "cpu" }, node, running)).toMatchObject({ ok: false });
  });

  it("keeps the disk that running units may still fill", () => {
    const running = [{ kind: "cpu" as const, gpuIndex: null, requiredDiskMb: 49_500 }];

    expect(fits({ ...unit, kind: "cpu" }, node, running)).toEqual({
      ok: false,
      reason: "500 MB of disk available, 1000 MB needed",
    });
  });

  it("rejects when memory is short, python is missing or the node is leaving", () => {
    const cpu = { ...unit, kind: "cpu" as const };

    expect(fits(cpu, { ...node, freeMemoryMb: UNIT_MEMORY_MB - 1 }, [])).toMatchObject({
      ok: false,
    });
    expect(fits(cpu, { ...node, pythonAvailable: false }, [])).toMatchObject({ ok: false });
    expect(fits(cpu, { ...node, draining: true }, [])).toEqual({
      ok: false,
      reason: "the node is shutting down",
    });
  });

  it("rejects entry points outside the package and unknown platform stages", () => {
    for (const entrypoint of ["../x.py", "/etc/x.py", "a/../../x.py", "a\\b.py"]) {
      expect(fits({ ...unit, entrypoint }, node, [])).toMatchObject({ ok: false });
    }
    expect(fits({ ...unit, builtin: true, stage: "deploy" }, node, [])).toMatchObject({
      ok: false,
    });
    expect(fits({ ...unit, kind: "cpu", builtin: true, stage: "prepare" }, node, [])).toEqual({
      ok: true,
      gpuIndex: null,
    });
  });
});

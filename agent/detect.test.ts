import { chmod, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  detectCapabilities,
  detectGpus,
  detectPython,
  parseNvidiaSmi,
  parsePythonVersion,
} from "./detect.ts";

const fixture = (name: string) =>
  readFile(new URL(`./fixtures/nvidia-smi/${name}`, import.meta.url), "utf8");

describe("nvidia-smi parsing", () => {
  it("reads one GPU with its total and free VRAM", async () => {
    const gpus = parseNvidiaSmi(await fixture("single.txt"));

    expect(gpus).toEqual([
      {
        index: 0,
        name: "NVIDIA GeForce RTX 3090",
        vram_total_mb: 24576,
        vram_free_mb: 23871,
        simulated: false,
      },
    ]);
  });

  it("reads every GPU of a multi-GPU machine, busy ones included", async () => {
    const gpus = parseNvidiaSmi(await fixture("multi.txt"));

    expect(gpus.map((gpu) => [gpu.index, gpu.vram_free_mb])).toEqual([
      [0, 81050],
      [1, 2048],
      [2, 24210],
      [3, 0],
    ]);
    expect(gpus[2]!.name).toBe("NVIDIA GeForce RTX 4090");
  });

  it("finds no GPU in a driver error message", async () => {
    expect(parseNvidiaSmi(await fixture("driver-failed.txt"))).toEqual([]);
  });

  it("skips a GPU whose memory reads [N/A] and keeps the others", async () => {
    const gpus = parseNvidiaSmi(await fixture("not-available.txt"));

    expect(gpus.map((gpu) => gpu.index)).toEqual([1]);
  });

  it("keeps commas inside a GPU name and ignores duplicate indexes", () => {
    const gpus = parseNvidiaSmi("0, Odd, Name, 100, 50\n0, Again, 100, 50\nnot,a,gpu\n");

    expect(gpus).toHaveLength(1);
    expect(gpus[0]!.name).toBe("Odd, Name");
  });
});

describe("hardware detection", () => {
  it("reports a CPU-only machine when nvidia-smi is absent", async () => {
    expect(await detectGpus("/nonexistent/nvidia-smi")).toEqual([]);
  });

  it("runs nvidia-smi with the query arguments and parses what it prints", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gpu-agent-smi-"));
    const script = join(dir, "nvidia-smi");
    const recorded = join(dir, "out.txt");
    await writeFile(recorded, await fixture("multi.txt"));
    await writeFile(
      script,
      [
        "#!/bin/sh",
        '[ "$1" = "--query-gpu=index,name,memory.total,memory.free" ] || exit 9',
        `cat ${recorded}`,
      ].join("\n"),
    );
    await chmod(script, 0o755);

    expect(await detectGpus(script)).toHaveLength(4);
  });

  it("advertises a simulated GPU when asked, marked as simulated", async () => {
    const caps = await detectCapabilities({ workDir: tmpdir(), simulateGpuMb: 8192, python: null });

    expect(caps.gpus).toEqual([
      { index: 0, name: "Simulated GPU", vram_total_mb: 8192, vram_free_mb: 8192, simulated: true },
    ]);
    expect(caps.cpu_cores).toBeGreaterThanOrEqual(1);
    expect(caps.disk_free_mb).toBeGreaterThan(0);
    expect(caps.python_version).toBeNull();
  });

  it("finds the real Python interpreter and its version", async () => {
    const python = await detectPython();

    expect(python?.executable).toMatch(/python/);
    expect(python?.version).toMatch(/^3\.\d+/);
    expect(await detectPython("/nonexistent/python3")).toBeNull();
  });

  it("reads versions from python3 --version output", () => {
    expect(parsePythonVersion("Python 3.11.2\n")).toBe("3.11.2");
    expect(parsePythonVersion("command not found")).toBeNull();
  });
});

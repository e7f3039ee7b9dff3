import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { STAGES_DIR } from "./agent.ts";
import { detectPython } from "./detect.ts";
import { runUnit } from "./runner.ts";
import { unitEnvironment } from "./sandbox.ts";
import { createWorkspace, workspaceFor } from "./workspace.ts";

const EXAMPLES = fileURLToPath(new URL("../examples/", import.meta.url));
let python: string;

beforeAll(async () => {
  const found = await detectPython();
  if (found === null) throw new Error("these tests need python3");
  python = found.executable;
});

/** A fresh workspace; `fill` puts the inputs in place before the script runs. */
async function runStage(
  script: string,
  fill: (ws: ReturnType<typeof workspaceFor>) => Promise<void>,
  hyperparameters: Record<string, unknown> = {},
) {
  const ws = workspaceFor(await mkdtemp(join(tmpdir(), "gpu-agent-stage-")), "att_1");
  await createWorkspace(ws);
  await fill(ws);
  const env = unitEnvironment({
    python,
    dataDir: ws.data,
    inputDir: ws.input,
    outputDir: ws.output,
    workDir: ws.work,
    tmpDir: ws.tmp,
    stage: "test",
    attemptId: "att_1",
    unitIndex: 0,
    unitCount: 1,
    hyperparameters,
    gpuIndex: null,
  });
  const result = await runUnit({
    command: python,
    args: [script],
    cwd: ws.work,
    env,
    logFile: ws.logFile,
    maxRuntimeSeconds: 60,
  });
  const read = (name: string) => readFile(join(ws.output, name), "utf8");
  return { result, ws, read, outputs: (await readdir(ws.output)).sort() };
}

const csv = (rows: number) =>
  `${["a,b", ...Array.from({ length: rows }, (_, i) => `${i},"x, ${i}"`)].join("\n")}\n`;

describe("the prepare stage", () => {
  const prepare = join(STAGES_DIR, "prepare.py");

  it("splits a CSV 90/10 by row number, keeping the header and quoting", async () => {
    const { result, read, outputs } = await runStage(prepare, (ws) =>
      writeFile(join(ws.data, "data.csv"), csv(20)),
    );

    expect(result.exitCode).toBe(0);
    expect(outputs).toEqual(["dataset.json", "train.csv", "validation.csv"]);
    expect(await read("validation.csv")).toBe('a,b\n9,"x, 9"\n19,"x, 19"\n');
    expect((await read("train.csv")).split("\n")).toHaveLength(1 + 18 + 1);
    const summary = JSON.parse(await read("dataset.json"));
    expect(summary.split).toMatchObject({ train_rows: 18, validation_rows: 2, source: "data.csv" });
    expect(summary.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("splits JSON Lines and fails on a line that is not JSON", async () => {
    const lines = Array.from({ length: 10 }, (_, i) => JSON.stringify({ i })).join("\n");
    const good = await runStage(prepare, (ws) => writeFile(join(ws.data, "d.jsonl"), lines));
    const bad = await runStage(prepare, (ws) =>
      writeFile(join(ws.data, "d.jsonl"), `${lines}\n{oops\n`),
    );

    expect(await good.read("validation.jsonl")).toBe('{"i":9}\n');
    expect(bad.result.exitCode).toBe(1);
    expect(bad.result.logTail.join("\n")).toContain("line 11 is not JSON");
  });

  it("recognises CSV and JSON Lines content in a file without an extension", async () => {
    const csvFile = await runStage(prepare, (ws) => writeFile(join(ws.data, "Iris data"), csv(10)));
    const jsonFile = await runStage(prepare, (ws) =>
      writeFile(join(ws.data, "events"), '{"a": 1}\n{"a": 2}\n'),
    );
    const binary = await runStage(prepare, (ws) =>
      writeFile(join(ws.data, "blob"), Buffer.from([0xff, 0xfe, 0x00, 0x01])),
    );

    expect(csvFile.outputs).toEqual(["dataset.json", "train.csv", "validation.csv"]);
    expect(jsonFile.outputs).toEqual(["dataset.json", "train.jsonl", "validation.jsonl"]);
    expect(binary.outputs).toEqual(["dataset.json"]);
  });

  it("describes an unpacked dataset with several files without splitting it", async () => {
    const { result, read, outputs } = await runStage(prepare, async (ws) => {
      await mkdir(join(ws.data, "images"));
      await writeFile(join(ws.data, "images", "1.png"), "png");
      await writeFile(join(ws.data, "a.csv"), csv(3));
      await writeFile(join(ws.data, "b.csv"), csv(3));
    });

    expect(result.exitCode).toBe(0);
    expect(outputs).toEqual(["dataset.json"]);
    const summary = JSON.parse(await read("dataset.json"));
    expect(summary.files.map((f: { path: string }) => f.path)).toEqual([
      "a.csv",
      "b.csv",
      "images/1.png",
    ]);
    expect(summary.split_skipped).toMatch(/2 tabular files/);
  });

  it("fails on an empty dataset", async () => {
    const { result } = await runStage(prepare, async () => {});

    expect(result.exitCode).toBe(1);
    expect(result.logTail.join("\n")).toContain("the dataset is empty");
  });
});

describe("the package stage", () => {
  const pkg = join(STAGES_DIR, "package.py");

  async function unit(ws: ReturnType<typeof workspaceFor>, name: string, losses: number[]) {
    const dir = join(ws.input, name);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "checkpoint.json"), JSON.stringify({ unit: name }));
    const metrics = losses.map((val_loss, i) => JSON.stringify({ epoch: i + 1, val_loss }));
    await writeFile(join(dir, "metrics.jsonl"), `${metrics.join("\n")}\n`);
    await writeFile(join(dir, "logs.txt"), `log of ${name}\n`);
  }

  it("keeps the checkpoint with the lowest final val_loss, merges metrics and logs", async () => {
    const { result, read, outputs } = await runStage(pkg, async (ws) => {
      await unit(ws, "sweep#0", [0.9, 0.5]);
      await unit(ws, "sweep#1", [0.8, 0.2]);
      await unit(ws, "sweep#2", [0.7, 0.4]);
    });

    expect(result.exitCode).toBe(0);
    expect(outputs).toEqual([
      "checkpoint.json",
      "metrics.jsonl",
      "summary.json",
      "upstream-logs.txt",
    ]);
    expect(JSON.parse(await read("checkpoint.json"))).toEqual({ unit: "sweep#1" });
    const summary = JSON.parse(await read("summary.json"));
    expect(summary).toMatchObject({
      final_unit: "sweep#1",
      selection_rule: "lowest final val_loss",
    });
    const merged = (await read("metrics.jsonl"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(merged).toHaveLength(6);
    expect(merged[0]).toEqual({ unit: "sweep#0", epoch: 1, val_loss: 0.9 });
    expect(await read("upstream-logs.txt")).toContain("===== sweep#2 =====\nlog of sweep#2");
  });

  it("succeeds with a summary when no upstream unit wrote a checkpoint", async () => {
    const { result, read, outputs } = await runStage(pkg, async (ws) => {
      await mkdir(join(ws.input, "train"));
      await writeFile(join(ws.input, "train", "notes.txt"), "nothing");
    });

    expect(result.exitCode).toBe(0);
    expect(outputs).toEqual(["metrics.jsonl", "summary.json"]);
    expect(JSON.parse(await read("summary.json")).final_unit).toBeNull();
  });
});

describe("the tiny-mlp example", () => {
  it("makes its dataset deterministically", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gpu-agent-ds-"));
    const make = join(EXAMPLES, "tiny-mlp", "make_dataset.py");
    await promisify(execFile)(python, [make, join(dir, "a.csv"), "--rows", "50"]);
    await promisify(execFile)(python, [make, join(dir, "b.csv"), "--rows", "50"]);

    const a = await readFile(join(dir, "a.csv"), "utf8");
    const b = await readFile(join(dir, "b.csv"), "utf8");
    expect(a).toBe(b);
    expect(a.split("\n")[0]).toBe("x1,x2,x3,y");
  });

  it("trains on the prepare split and writes a checkpoint and per-epoch metrics", async () => {
    const make = join(EXAMPLES, "tiny-mlp", "make_dataset.py");
    const { result, read } = await runStage(
      join(EXAMPLES, "tiny-mlp", "package", "train.py"),
      async (ws) => {
        await mkdir(join(ws.input, "prepare"));
        const out = join(ws.input, "prepare", "all.csv");
        await promisify(execFile)(python, [make, out, "--rows", "200"]);
        const [header, ...rows] = (await readFile(out, "utf8")).trim().split("\n");
        const pick = (v: boolean) => rows.filter((_, i) => (i % 10 === 9) === v);
        await writeFile(
          join(ws.input, "prepare", "train.csv"),
          [header, ...pick(false)].join("\n"),
        );
        await writeFile(
          join(ws.input, "prepare", "validation.csv"),
          [header, ...pick(true)].join("\n"),
        );
      },
      { epochs: 5, hidden: 4 },
    );

    expect(result.exitCode).toBe(0);
    const metrics = (await read("metrics.jsonl"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(metrics.map((m) => m.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(metrics[4].loss).toBeLessThan(metrics[0].loss);
    const checkpoint = JSON.parse(await read("checkpoint.json"));
    expect(checkpoint.architecture).toEqual({ inputs: 3, hidden: 4, activation: "tanh" });
    expect(result.logTail.join("\n")).toContain("prepare split");
  });
});

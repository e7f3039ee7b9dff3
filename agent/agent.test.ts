import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NodeAgent } from "./agent.ts";
import { zipPackage } from "./package-zip.ts";
import { assignMessage, FakePlatform } from "./testing/fake-platform.ts";
import { NODE_SECRET, scriptPackage, startNode } from "./testing/node.ts";

const EXAMPLES = fileURLToPath(new URL("../examples/", import.meta.url));

let platform: FakePlatform;
let agent: NodeAgent;
let workDir: string;

beforeEach(async () => {
  platform = await FakePlatform.start();
  ({ agent, workDir } = await startNode(platform));
});

afterEach(async () => {
  await agent.stop(0);
  await platform.close();
});

async function tinyDataset(rows: number): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "gpu-agent-ds-"));
  const path = join(dir, "dataset.csv");
  const script = join(EXAMPLES, "tiny-mlp", "make_dataset.py");
  await promisify(execFile)("python3", [script, path, "--rows", String(rows)]);
  return readFile(path);
}

describe("the node running units", () => {
  it("says hello with its capabilities and authenticates with its secret", () => {
    const [hello] = platform.messages("hello");

    expect(hello?.capabilities.cpu_cores).toBe(4);
    expect(hello?.running).toEqual([]);
    expect(platform.authorizations[0]).toBe(`Bearer ${NODE_SECRET}`);
  });

  it("accepts, trains the tiny MLP, streams progress, uploads outputs and completes", async () => {
    const dataset = platform.file("dataset.csv", await tinyDataset(120), "dataset");
    const pkg = await zipPackage([join(EXAMPLES, "tiny-mlp", "package")]);
    platform.send(
      assignMessage({
        attempt_id: "att_train",
        inputs: [dataset, platform.file("package.zip", pkg, "package")],
        hyperparameters: { epochs: 4, hidden: 4 },
        required_outputs: ["checkpoint", "metrics"],
      }),
    );

    const complete = await platform.until(() => platform.messages("complete")[0]);

    expect(platform.received.find((m) => m.type === "accept")).toMatchObject({
      attempt_id: "att_train",
    });
    const progress = platform.messages("progress");
    expect(progress.flatMap((p) => p.lines).join("\n")).toContain("epoch 4/4");
    expect(progress.flatMap((p) => p.metrics).map((m) => m.epoch)).toEqual([1, 2, 3, 4]);
    expect(complete.outputs.map((o) => [o.name, o.kind])).toEqual([
      ["checkpoint.json", "checkpoint"],
      ["metrics.jsonl", "metrics"],
      ["logs.txt", "logs"],
    ]);
    for (const output of complete.outputs) {
      expect(platform.uploads.get(output.name)?.output).toEqual(output);
    }
    expect(String(platform.uploads.get("logs.txt")?.body)).toContain("epoch 1/4");
    await platform.until(() => agent.attempts.size === 0);
    expect(existsSync(join(workDir, "attempts", "att_train"))).toBe(false);
  });

  it("runs one shard of the example sweep with the hyperparameters of its index", async () => {
    const dataset = platform.file("dataset.csv", await tinyDataset(60), "dataset");
    const dirs = [join(EXAMPLES, "tiny-mlp", "package"), join(EXAMPLES, "tiny-mlp-sweep")];
    const pkg = platform.file("sweep.zip", await zipPackage(dirs), "package");
    platform.send(
      assignMessage({
        attempt_id: "att_sweep",
        stage: "sweep",
        entrypoint: "sweep.py",
        shard_index: 2,
        shard_count: 4,
        inputs: [dataset, pkg],
        hyperparameters: { epochs: 2 },
      }),
    );

    await platform.until(() => platform.messages("complete")[0]);

    const checkpoint = JSON.parse(String(platform.uploads.get("checkpoint.json")?.body));
    expect(checkpoint.hyperparameters).toMatchObject({ epochs: 2, lr: 0.05, hidden: 16 });
  });

  it("runs the platform's prepare stage from its own script", async () => {
    const dataset = platform.file("dataset.csv", await tinyDataset(50), "dataset");
    platform.send(
      assignMessage({
        attempt_id: "att_prepare",
        stage: "prepare",
        builtin: true,
        entrypoint: "prepare",
        inputs: [dataset],
      }),
    );

    const complete = await platform.until(() => platform.messages("complete")[0]);

    expect(complete.outputs.map((o) => o.name)).toEqual([
      "dataset.json",
      "train.csv",
      "validation.csv",
      "logs.txt",
    ]);
  });

  it("rejects a unit that does not fit, saying why", async () => {
    platform.send(assignMessage({ attempt_id: "att_gpu", kind: "gpu", required_vram_mb: 8000 }));
    platform.send(assignMessage({ attempt_id: "att_disk", required_disk_mb: 10 ** 9 }));

    await platform.until(() => platform.messages("reject").length === 2);

    expect(platform.messages("reject")).toEqual([
      { v: 1, type: "reject", attempt_id: "att_gpu", reason: "this node has no GPU" },
      expect.objectContaining({ attempt_id: "att_disk", reason: expect.stringMatching(/disk/) }),
    ]);
    expect(platform.messages("accept")).toEqual([]);
  });

  it("fails a unit whose entry point exits non-zero, with the exit code and log tail", async () => {
    const pkg = await scriptPackage("import sys\nprint('bad things')\nsys.exit(2)\n");
    platform.send(
      assignMessage({ attempt_id: "att_bad", inputs: [platform.file("p.zip", pkg, "package")] }),
    );

    const fail = await platform.until(() => platform.messages("fail")[0]);

    expect(fail).toMatchObject({ attempt_id: "att_bad", exit_code: 2 });
    expect(fail.reason).toBe("the entry point exited with code 2");
    expect(fail.log_tail).toContain("bad things");
  });

  it("fails a unit that did not write its required outputs", async () => {
    const pkg = await scriptPackage("print('forgot the checkpoint')\n");
    platform.send(
      assignMessage({
        attempt_id: "att_lazy",
        inputs: [platform.file("p.zip", pkg, "package")],
        required_outputs: ["checkpoint", "metrics"],
      }),
    );

    const fail = await platform.until(() => platform.messages("fail")[0]);

    expect(fail.reason).toMatch(/did not write its required outputs: checkpoint, metrics/);
    expect(platform.messages("upload_url_request")).toEqual([]);
  });

  it("fails a unit whose input does not match its SHA-256", async () => {
    const input = {
      ...platform.file("d.csv", Buffer.from("a\n1\n"), "dataset"),
      sha256: "0".repeat(64),
    };
    platform.send(assignMessage({ attempt_id: "att_sha", inputs: [input] }));

    const fail = await platform.until(() => platform.messages("fail")[0]);

    expect(fail.reason).toMatch(/SHA-256/);
  });
});

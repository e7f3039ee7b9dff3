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
import {
  controlFiles,
  dies,
  NODE_SECRET,
  scriptPackage,
  startNode,
  waitingPackage,
} from "./testing/node.ts";

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

const finished = (id: string) => () =>
  platform.received.find(
    (m) => (m.type === "complete" || m.type === "fail") && m.attempt_id === id,
  );

describe("the node", () => {
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

  it("kills the unit's process group on cancel and reports nothing for it", async () => {
    const control = await controlFiles();
    const pkg = platform.file("p.zip", await waitingPackage(), "package");
    platform.send(
      assignMessage({
        attempt_id: "att_c",
        inputs: [pkg],
        hyperparameters: control.hyperparameters,
      }),
    );
    await platform.until(control.started);
    const [parent, child] = await control.pids();

    platform.send({ type: "cancel", attempt_id: "att_c", reason: "job cancelled" });
    await platform.until(() => agent.attempts.size === 0);

    expect(await dies(parent!)).toBe(true);
    expect(await dies(child!)).toBe(true);
    expect(finished("att_c")()).toBeUndefined();
  });

  it("reconnects after the connection drops and keeps running units it still owns", async () => {
    const control = await controlFiles();
    const pkg = platform.file("p.zip", await waitingPackage(), "package");
    platform.send(
      assignMessage({
        attempt_id: "att_r",
        inputs: [pkg],
        hyperparameters: control.hyperparameters,
        required_outputs: ["checkpoint"],
      }),
    );
    await platform.until(control.started);

    platform.drop();
    const hello = await platform.until(() => platform.messages("hello")[1]);
    await control.go();
    const complete = await platform.until(finished("att_r"));

    expect(hello.running).toEqual(["att_r"]);
    expect(complete.type).toBe("complete");
    expect(platform.uploads.get("checkpoint.bin")?.body.toString()).toBe("weights");
  });

  it("sends a completion again after a reconnect until its verdict arrives", async () => {
    const pkg = await scriptPackage("print('quick')\n");
    platform.verdicts = false;
    platform.send(
      assignMessage({ attempt_id: "att_q", inputs: [platform.file("p.zip", pkg, "package")] }),
    );
    await platform.until(finished("att_q"));

    platform.verdicts = true;
    platform.drop();
    const hello = await platform.until(() => platform.messages("hello")[1]);
    await platform.until(() => platform.messages("complete").length === 2);
    const sent = platform.received.length;
    await platform.until(() =>
      platform.received.slice(sent).find((m) => m.type === "heartbeat" && m.running.length === 0),
    );
    platform.drop();
    const third = await platform.until(() => platform.messages("hello")[2]);

    expect(hello.running).toEqual(["att_q"]);
    expect(platform.messages("complete")[1]).toEqual(platform.messages("complete")[0]);
    expect(third.running).toEqual([]);
  });

  it("heartbeats the attempts it runs, which renews their leases", async () => {
    const control = await controlFiles();
    const pkg = platform.file("p.zip", await waitingPackage(), "package");
    platform.send(
      assignMessage({
        attempt_id: "att_h",
        inputs: [pkg],
        hyperparameters: control.hyperparameters,
      }),
    );
    await platform.until(control.started);

    const beat = await platform.until(() =>
      platform.messages("heartbeat").find((h) => h.running.includes("att_h")),
    );
    await control.go();
    await platform.until(finished("att_h"));

    expect(beat.running).toEqual(["att_h"]);
    expect(beat.disk_free_mb).toBeGreaterThan(0);
  });

  it("kills units the platform revoked while the node was away", async () => {
    const control = await controlFiles();
    const pkg = platform.file("p.zip", await waitingPackage(), "package");
    platform.send(
      assignMessage({
        attempt_id: "att_v",
        inputs: [pkg],
        hyperparameters: control.hyperparameters,
      }),
    );
    await platform.until(control.started);
    const [parent, child] = await control.pids();

    platform.revoke.add("att_v");
    platform.drop();
    await platform.until(() => platform.messages("hello")[1]);
    await platform.until(() => agent.attempts.size === 0);

    expect(await dies(parent!)).toBe(true);
    expect(await dies(child!)).toBe(true);
    expect(finished("att_v")()).toBeUndefined();
  });

  it("ignores malformed frames and goes on answering valid ones", async () => {
    platform.sendRaw("not json");
    platform.sendRaw(JSON.stringify({ v: 2, type: "assign" }));
    platform.sendRaw(JSON.stringify({ v: 1, type: "teleport" }));
    platform.sendRaw(JSON.stringify({ v: 1, type: "assign", attempt_id: "half" }));
    platform.send(assignMessage({ attempt_id: "att_ok", kind: "gpu" }));

    const reject = await platform.until(() => platform.messages("reject")[0]);

    expect(reject.attempt_id).toBe("att_ok");
    expect(platform.messages("hello")).toHaveLength(1);
  });

  it("drains on shutdown: hands back its units, kills them and exits 0", async () => {
    const control = await controlFiles();
    const pkg = platform.file("p.zip", await waitingPackage(), "package");
    platform.send(
      assignMessage({
        attempt_id: "att_d",
        inputs: [pkg],
        hyperparameters: control.hyperparameters,
      }),
    );
    await platform.until(control.started);
    const [parent] = await control.pids();

    await agent.drain(0);

    expect(await agent.finished).toBe(0);
    expect(platform.messages("drain").flatMap((d) => d.release)).toEqual(["att_d"]);
    expect(await dies(parent!)).toBe(true);
    expect(finished("att_d")()).toBeUndefined();
  });

  it("waits for a unit that finishes within the drain grace period", async () => {
    const control = await controlFiles();
    const pkg = platform.file("p.zip", await waitingPackage(), "package");
    platform.send(
      assignMessage({
        attempt_id: "att_g",
        inputs: [pkg],
        hyperparameters: control.hyperparameters,
      }),
    );
    await platform.until(control.started);

    const draining = agent.drain(60);
    await control.go();
    await draining;

    expect(platform.messages("complete")[0]?.attempt_id).toBe("att_g");
    expect(platform.messages("drain").flatMap((d) => d.release)).toEqual([]);
  });
});

describe("a node the platform refuses", () => {
  it("stops with exit code 1 when the server refuses its secret", async () => {
    const refusing = await FakePlatform.start();
    refusing.refuseWith = 401;

    const { agent: refused } = await startNode(refusing, {}, false);

    expect(await refused.finished).toBe(1);
    expect(refusing.authorizations).toHaveLength(1);
    await refusing.close();
  });

  it("stops with exit code 1 when a simulated GPU meets a production server", async () => {
    const production = await FakePlatform.start();
    production.environment = "production";

    const { agent: refused } = await startNode(production, { simulatedGpuMb: 8000 });

    expect(await refused.finished).toBe(1);
    await production.close();
  });
});

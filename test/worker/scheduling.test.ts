import { evictDurableObject } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { advanceClock, now, resetClock } from "../../src/domain/clock";
import { admin, as, createCustomer, errorCode, json } from "./helpers";
import { jobOf, unitsOf } from "./job-helpers";
import {
  assignedAmong,
  cleanUp,
  customerAccount,
  eventually,
  gpuNode,
  ledgerOf,
  openJob,
  poolStub,
  TestNode,
  text,
  trainOutputs,
} from "./node-helpers";

afterEach(async () => {
  resetClock();
  await cleanUp();
});

/** Waits until the pool holds `n` units that no node could take. */
function queued(n: number) {
  return eventually(`${n} queued units`, async () => (await poolStub().stats()).queued === n);
}

describe("running a training job on nodes", () => {
  it("runs prepare on a CPU node, train on a GPU node and package, in DAG order, to completed", async () => {
    const customer = await createCustomer({ credits: 10_000 });
    const cpu = await TestNode.start({ name: "cpu-node" });
    const job = await openJob(customer);

    const prepare = await cpu.acceptNext();
    const gpu = await TestNode.start({ name: "gpu-node", capabilities: gpuNode() });
    advanceClock(30_000);
    const prepared = await cpu.runUnit(prepare);
    const train = await gpu.acceptNext();
    advanceClock(30_000);
    const trainLogs = { name: "logs.txt", kind: "logs" as const, bytes: text("epoch 1\n") };
    const trained = await gpu.runUnit(train, { outputs: [...trainOutputs("final"), trainLogs] });
    const { node: packager, assign: pack } = await assignedAmong([cpu, gpu]);
    await packager.accept(pack);
    advanceClock(30_000);
    const packaged = await packager.runUnit(pack);
    const done = await eventually("the job to complete", async () => {
      const body = await jobOf(customer, job.id);
      return body.status === "completed" ? body : undefined;
    });
    const units = await unitsOf(customer, job.id);

    expect([prepare.stage, prepare.kind, prepare.builtin]).toEqual(["prepare", "cpu", true]);
    // The platform's own stages get the dataset, not the customer's zip.
    expect(prepare.inputs.map((i) => i.role)).toEqual(["dataset"]);
    expect(train.inputs.map((i) => i.role)).toContain("package");
    expect([train.stage, train.kind, train.required_outputs]).toEqual([
      "train",
      "gpu",
      ["checkpoint", "metrics"],
    ]);
    // Each stage receives what the stage before it left, so it ran after it.
    expect(train.inputs.filter((i) => i.role === "upstream").map((i) => [i.from, i.name])).toEqual([
      ["prepare", "prepare.txt"],
    ]);
    expect(pack.stage).toBe("package");
    // `package` collects the logs too; customer stages are not handed logs.
    expect(pack.inputs.filter((i) => i.role === "upstream").map((i) => i.name)).toEqual([
      "logs.txt",
      "metrics.json",
      "model.ckpt",
    ]);
    expect([prepared.accepted, trained.accepted, packaged.accepted]).toEqual([true, true, true]);
    expect(units.map((u) => [u.stage, u.status, u.node_id])).toEqual([
      ["prepare", "completed", cpu.id],
      ["train", "completed", gpu.id],
      ["package", "completed", packager.id],
    ]);
    // Reported 12 s each (less than the 30 s observed): CPU at 1 credit/s, the 8 GiB tier at 4.
    expect(units.map((u) => u.credits_charged)).toEqual([12, 48, 12]);
    expect(done.charged_credits).toBe(72);
    expect(done.progress).toMatchObject({ total: 3, completed: 3 });
  });

  it("lists the job's artifacts and serves them through a 900 s download URL", async () => {
    const customer = await createCustomer();
    const cpu = await TestNode.start({ capabilities: gpuNode() });
    const job = await openJob(customer);
    await cpu.runUnit(await cpu.acceptNext());
    const outputs = trainOutputs("downloadable");
    await cpu.runUnit(await cpu.acceptNext(), { outputs });
    await cpu.runUnit(await cpu.acceptNext());

    const list = await as(customer, `/customer/training-jobs/${job.id}/artifacts`);
    const artifacts = (
      (await list.json()) as { data: { id: string; name: string; kind: string }[] }
    ).data;
    const checkpoint = artifacts.find((a) => a.kind === "checkpoint")!;
    const before = now();
    const signed = await as(
      customer,
      `/customer/training-jobs/${job.id}/artifacts/${checkpoint.id}/download-url`,
      { method: "POST" },
    );
    const after = now();
    const { download_url, expires_at } = (await signed.json()) as {
      download_url: string;
      expires_at: string;
    };
    const download = await exports.default.fetch(new Request(download_url));
    const bytes = new Uint8Array(await download.arrayBuffer());
    advanceClock(900_001);
    const late = await exports.default.fetch(new Request(download_url));

    expect(artifacts.map((a) => a.name).sort()).toEqual([
      "metrics.json",
      "model.ckpt",
      "package.txt",
      "prepare.txt",
    ]);
    expect(signed.status).toBe(200);
    expect(Date.parse(expires_at)).toBeGreaterThanOrEqual(before + 900_000);
    expect(Date.parse(expires_at)).toBeLessThanOrEqual(after + 900_000);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toContain('filename="model.ckpt"');
    expect(bytes).toEqual(outputs[0]!.bytes);
    expect(late.status).toBe(403);
    expect(await errorCode(late)).toBe("SIGNED_URL_EXPIRED");
  });

  it("records a reservation, one charge per verified unit and a release in the ledger", async () => {
    const customer = await createCustomer({ credits: 10_000 });
    const node = await TestNode.start({ capabilities: gpuNode() });
    const job = await openJob(customer);

    for (let i = 0; i < 3; i++) {
      const assign = await node.acceptNext();
      advanceClock(20_000);
      await node.runUnit(assign, { runtimeSeconds: 10 });
    }
    const ledger = await eventually("the release", async () => {
      const rows = await ledgerOf(customer.customerId);
      return rows.some((r) => r.type === "release") ? rows : undefined;
    });
    const units = await unitsOf(customer, job.id);
    const account = await customerAccount(customer.customerId);

    expect(ledger.map((r) => r.type)).toEqual([
      "grant",
      "reservation",
      "charge",
      "charge",
      "charge",
      "release",
    ]);
    const charges = ledger.filter((r) => r.type === "charge");
    expect(charges.map((r) => r.compute_unit_id)).toEqual(units.map((u) => u.id));
    expect(charges.map((r) => r.amount)).toEqual([-10, -40, -10]);
    expect(ledger.at(-1)).toMatchObject({
      amount: job.projected_credits - 60,
      balance_after: 10_000 - 60,
      reserved_after: 0,
    });
    expect(account).toMatchObject({ credit_balance: 9_940, credit_reserved: 0 });
  });
});

describe("matching units to nodes", () => {
  it("never sends a GPU unit to a CPU-only node or to a GPU with too little free VRAM", async () => {
    const customer = await createCustomer();
    const cpu = await TestNode.start({ name: "cpu-only" });
    const busyGpu = gpuNode(24_000);
    busyGpu.gpus[0]!.vram_free_mb = 4_000;
    const small = await TestNode.start({ name: "small-gpu", capabilities: busyGpu });
    await openJob(customer, { required_vram_mb: 8_000 });
    const { node, assign } = await assignedAmong([cpu, small]);
    await node.accept(assign);
    await node.runUnit(assign);

    await queued(1);
    const big = await TestNode.start({ name: "big-gpu", capabilities: gpuNode(24_000) });
    const train = await big.next("assign");

    expect(train.stage).toBe("train");
    expect(cpu.has("assign")).toBe(false);
    expect(small.has("assign")).toBe(false);
  });

  it("never sends a high_sensitive job to an uncleared node, and sends it once an operator clears the node", async () => {
    const customer = await createCustomer();
    const node = await TestNode.start();
    const job = await openJob(customer, { sensitivity: "high_sensitive" });

    await queued(1);
    const waiting = node.has("assign");
    const cleared = await admin(
      `/admin/nodes/${node.id}/clearance`,
      json({ clearance: "high_sensitive" }),
    );
    const assign = await node.next("assign");

    expect(waiting).toBe(false);
    expect(cleared.status).toBe(200);
    expect(((await cleared.json()) as { clearance: string }).clearance).toBe("high_sensitive");
    expect(assign.job_id).toBe(job.id);
  });

  it("sends a low_sensitive job to a default node but not to one narrowed to public", async () => {
    const customer = await createCustomer();
    const narrowed = await TestNode.start({ clearance: "public" });

    await openJob(customer, { sensitivity: "low_sensitive" });
    await queued(1);
    const standard = await TestNode.start();
    const assign = await standard.next("assign");

    expect(assign.stage).toBe("prepare");
    expect(narrowed.has("assign")).toBe(false);
  });

  it("retries a unit a node rejected on another node", async () => {
    const customer = await createCustomer();
    const a = await TestNode.start({ name: "a" });
    const b = await TestNode.start({ name: "b" });
    const job = await openJob(customer);
    const { node: first, assign } = await assignedAmong([a, b]);
    const second = first === a ? b : a;

    first.reject(assign, "disk is full");
    const retry = await second.next("assign");
    await second.accept(retry);
    const [prepare] = await unitsOf(customer, job.id);

    expect(retry.compute_unit_id).toBe(assign.compute_unit_id);
    expect(retry.attempt_id).not.toBe(assign.attempt_id);
    expect(prepare!.attempts.map((t) => [t.node_id, t.status, t.outcome])).toEqual([
      [first.id, "failed", "rejected"],
      [second.id, "running", null],
    ]);
    expect(first.has("assign")).toBe(false);
  });

  it("gives a node one GPU unit per free GPU and leaves the rest for another node", async () => {
    const customer = await createCustomer();
    const cpu = await TestNode.start({ name: "cpu-only" });
    const sweep = { stages: [{ name: "sweep", kind: "gpu", entrypoint: "sweep.py", parallel: 3 }] };
    await openJob(customer, {}, sweep);
    const prepare = await cpu.acceptNext();
    const twoGpus = gpuNode();
    twoGpus.gpus.push({ ...twoGpus.gpus[0]!, index: 1 });
    const pair = await TestNode.start({ name: "two-gpus", capabilities: twoGpus });

    await cpu.runUnit(prepare);
    await queued(1);
    const single = await TestNode.start({ name: "one-gpu", capabilities: gpuNode() });
    const third = await single.next("assign");
    const shards = pair.frames.flatMap((f) => (f.type === "assign" ? [f.shard_index] : []));

    expect(shards).toHaveLength(2);
    expect([...shards, third.shard_index].sort()).toEqual([0, 1, 2]);
    expect(cpu.has("assign")).toBe(false);
  });

  it("gives a node no more CPU units at once than its CPU slots", async () => {
    const customer = await createCustomer({ limits: { max_active_jobs: 10 } });
    const twoCores = { ...gpuNode(), cpu_cores: 2 };
    const node = await TestNode.start({ capabilities: twoCores });

    await openJob(customer);
    await openJob(customer);
    await queued(1);

    expect(node.frames.filter((f) => f.type === "assign")).toHaveLength(1);
  });
});

describe("the node pool across eviction", () => {
  it("dispatches units queued before the pool was evicted, and keeps serving a hibernated socket", async () => {
    const customer = await createCustomer();
    await openJob(customer);
    await queued(1);

    await evictDurableObject(poolStub());
    const node = await TestNode.start();
    const assign = await node.next("assign");
    await evictDurableObject(poolStub());
    await node.accept(assign);
    const verdict = await node.runUnit(assign);

    expect(assign.stage).toBe("prepare");
    expect(verdict.accepted).toBe(true);
  });
});

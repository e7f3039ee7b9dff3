import { runDurableObjectAlarm } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { RECONNECT_GRACE_MS, SILENCE_LIMIT_MS } from "../../durable-objects/node-pool";
import { COMPLETION_GRACE_MS } from "../../durable-objects/scheduler/verify";
import { advanceClock, now, resetClock } from "../../src/domain/clock";
import { as, createCustomer, errorCode } from "./helpers";
import { jobOf, unitsOf } from "./job-helpers";
import {
  adminNodeList,
  assignedAmong,
  CPU_ONLY,
  cleanUp,
  connectRequest,
  customerAccount,
  defaultOutputs,
  disconnected,
  eventually,
  gpuNode,
  ledgerOf,
  openJob,
  poolStub,
  schedulerStub,
  TestNode,
  text,
  trainOutputs,
} from "./node-helpers";

afterEach(async () => {
  resetClock();
  await cleanUp();
});

function chargesOf(customerId: string) {
  return ledgerOf(customerId).then((rows) => rows.filter((r) => r.type === "charge"));
}

describe("leases", () => {
  it("retries a disconnected node's unit on another node once the reconnect grace has passed", async () => {
    const customer = await createCustomer();
    const a = await TestNode.start({ name: "a" });
    const job = await openJob(customer);
    const assign = await a.acceptNext();
    const b = await TestNode.start({ name: "b" });

    a.close();
    await disconnected(a);
    advanceClock(RECONNECT_GRACE_MS + 1_000);
    await runDurableObjectAlarm(poolStub());
    const retry = await b.next("assign");
    await b.accept(retry);
    const verdict = await b.runUnit(retry);
    await a.connect();
    const welcome = await a.hello(undefined, [assign.attempt_id]);
    const [prepare] = await unitsOf(customer, job.id);

    expect(retry.compute_unit_id).toBe(assign.compute_unit_id);
    expect(verdict.accepted).toBe(true);
    expect(prepare!.attempts.map((t) => [t.node_id, t.outcome])).toEqual([
      [a.id, "failed"],
      [b.id, "verified"],
    ]);
    expect(welcome.owned).toEqual([]);
    expect(welcome.revoked).toEqual([assign.attempt_id]);
  });

  it("tells a node that reconnects within the grace that it still owns its unit", async () => {
    const customer = await createCustomer();
    const a = await TestNode.start();
    await openJob(customer);
    const assign = await a.acceptNext();

    a.close();
    await disconnected(a);
    advanceClock(RECONNECT_GRACE_MS - 5_000);
    await a.connect();
    const welcome = await a.hello(undefined, [assign.attempt_id, "attempt-it-never-had"]);
    advanceClock(10_000);
    await runDurableObjectAlarm(poolStub());
    const verdict = await a.runUnit(assign);

    expect(welcome.owned).toEqual([assign.attempt_id]);
    expect(welcome.revoked).toEqual(["attempt-it-never-had"]);
    expect(verdict.accepted).toBe(true);
  });

  it("takes the unit back from a node that stays silent past the silence limit", async () => {
    const customer = await createCustomer();
    const a = await TestNode.start({ name: "a" });
    await openJob(customer);
    const assign = await a.acceptNext();
    const b = await TestNode.start({ name: "b" });

    advanceClock(SILENCE_LIMIT_MS + 1_000);
    await runDurableObjectAlarm(poolStub());
    const retry = await b.next("assign");
    const closed = await eventually("a's socket to close", () => a.closed);

    expect(retry.compute_unit_id).toBe(assign.compute_unit_id);
    expect(closed.code).toBe(4008);
  });

  it("lets a node that heartbeats keep its unit past the silence limit", async () => {
    const customer = await createCustomer();
    const a = await TestNode.start({ name: "a" });
    const job = await openJob(customer);
    const assign = await a.acceptNext();

    advanceClock(SILENCE_LIMIT_MS - 5_000);
    const sent = now();
    a.send({ type: "heartbeat", running: [assign.attempt_id] });
    await eventually("the heartbeat to count", async () => {
      const live = await poolStub().liveState([a.id]);
      return live[a.id]!.last_seen >= sent;
    });
    advanceClock(10_000);
    await runDurableObjectAlarm(poolStub());
    const verdict = await a.runUnit(assign);
    const [prepare] = await unitsOf(customer, job.id);

    expect(verdict.accepted).toBe(true);
    expect(prepare!.attempts).toHaveLength(1);
    expect(a.closed).toBeNull();
  });

  it("treats a repeated accept as the same acceptance, not a reason to cancel", async () => {
    const customer = await createCustomer();
    const a = await TestNode.start();
    await openJob(customer);
    const assign = await a.acceptNext();

    a.send({ type: "accept", attempt_id: assign.attempt_id });
    const verdict = await a.runUnit(assign);
    const live = await poolStub().liveState([a.id]);

    expect(a.has("cancel")).toBe(false);
    expect(verdict.accepted).toBe(true);
    expect(live[a.id]!.reliability).toBe(1);
  });

  it("refuses a reject of a unit the node already accepted with OUT_OF_ORDER, and keeps the lease", async () => {
    const customer = await createCustomer();
    const a = await TestNode.start({ capabilities: { ...CPU_ONLY, cpu_cores: 2 } });
    await openJob(customer);
    await openJob(customer);
    const assign = await a.acceptNext();
    const waiting = await eventually("the second job's unit to wait", async () => {
      const stats = await poolStub().stats();
      return stats.queued === 1 ? stats : undefined;
    });

    a.reject(assign, "changed my mind");
    const error = await a.next("error");
    const live = await poolStub().liveState([a.id]);
    const verdict = await a.runUnit(assign);

    expect(waiting.running).toBe(1);
    expect(error).toMatchObject({ code: "OUT_OF_ORDER", attempt_id: assign.attempt_id });
    expect(live[a.id]).toMatchObject({ running: 1, reliability: 1 });
    expect(verdict.accepted).toBe(true);
  });

  it("hands a draining node's released units to another node and gives it no new ones", async () => {
    const customer = await createCustomer();
    const a = await TestNode.start({ name: "a" });
    await openJob(customer);
    const assign = await a.acceptNext();
    const b = await TestNode.start({ name: "b" });

    a.send({ type: "drain", release: [assign.attempt_id] });
    const retry = await b.next("assign");
    await openJob(customer);
    const next = await b.next("assign");

    expect(retry.compute_unit_id).toBe(assign.compute_unit_id);
    expect(next.compute_unit_id).not.toBe(assign.compute_unit_id);
    expect(a.has("assign")).toBe(false);
  });

  it("fails a unit over to another node when it passes max_runtime_seconds, on the scheduler's alarm", async () => {
    const customer = await createCustomer();
    const a = await TestNode.start({ name: "a" });
    const job = await openJob(customer, { max_runtime_seconds: 60 });
    const assign = await a.acceptNext();
    const b = await TestNode.start({ name: "b" });

    advanceClock(60_000 + COMPLETION_GRACE_MS + 1_000);
    await runDurableObjectAlarm(schedulerStub(job.id));
    const cancel = await a.next("cancel");
    const retry = await b.next("assign");
    const late = await a.complete(assign, defaultOutputs(assign));

    expect(cancel.attempt_id).toBe(assign.attempt_id);
    expect(cancel.reason).toContain("max_runtime_seconds");
    expect(retry.compute_unit_id).toBe(assign.compute_unit_id);
    expect(late.accepted).toBe(false);
    expect(await chargesOf(customer.customerId)).toEqual([]);
  });

  it("gives an assignment the node never accepts to another node, on the scheduler's alarm", async () => {
    const customer = await createCustomer();
    const a = await TestNode.start({ name: "a" });
    const job = await openJob(customer);
    const assign = await a.next("assign");
    const b = await TestNode.start({ name: "b" });

    advanceClock(31_000);
    await runDurableObjectAlarm(schedulerStub(job.id));
    const cancel = await a.next("cancel");
    const retry = await b.next("assign");

    expect(cancel.attempt_id).toBe(assign.attempt_id);
    expect(retry.compute_unit_id).toBe(assign.compute_unit_id);
  });
});

describe("completions and verification", () => {
  it("charges a unit once however often its completion is replayed, also after a reconnect", async () => {
    const customer = await createCustomer();
    const a = await TestNode.start();
    await openJob(customer);
    const assign = await a.acceptNext();
    const outputs = defaultOutputs(assign);
    const first = await a.runUnit(assign, { outputs });

    const again = await a.complete(assign, outputs);
    a.close();
    await disconnected(a);
    await a.connect();
    await a.hello();
    const replayed = await a.complete(assign, outputs);
    const charges = await chargesOf(customer.customerId);

    expect(first).toMatchObject({ accepted: true, reasons: [] });
    expect(again).toMatchObject({ accepted: true, reasons: ["already verified"] });
    expect(replayed.accepted).toBe(true);
    expect(charges.map((c) => c.compute_unit_id)).toEqual([assign.compute_unit_id]);
  });

  it("answers a completion sent twice at once with one accepted verdict each and one charge", async () => {
    const customer = await createCustomer();
    const a = await TestNode.start();
    await openJob(customer);
    const assign = await a.acceptNext();
    const outputs = defaultOutputs(assign);
    for (const output of outputs) await a.upload(assign, output);

    const [first, second] = await Promise.all([
      a.complete(assign, outputs),
      a.complete(assign, outputs),
    ]);
    const charges = await chargesOf(customer.customerId);
    const listed = await eventually("the completion to reach the node list", async () => {
      const node = (await adminNodeList()).find((n) => n.id === a.id)!;
      return node.units_completed >= 1 ? node : undefined;
    });

    expect([first.accepted, second.accepted]).toEqual([true, true]);
    expect(charges.map((c) => c.compute_unit_id)).toEqual([assign.compute_unit_id]);
    expect(listed).toMatchObject({ units_completed: 1, units_failed: 0, reliability: 1 });
  });

  it("refuses an upload with a wrong digest, fails verification without charge and retries elsewhere", async () => {
    const customer = await createCustomer();
    const a = await TestNode.start({ name: "a" });
    const job = await openJob(customer);
    const assign = await a.acceptNext();
    const b = await TestNode.start({ name: "b" });
    const forged = {
      name: "prepare.txt",
      kind: "other" as const,
      bytes: text("what the node really made"),
      sha256: "0".repeat(64),
    };

    const put = await a.upload(assign, forged);
    const verdict = await a.complete(assign, [forged]);
    const retry = await b.next("assign");
    const [prepare] = await unitsOf(customer, job.id);
    const nodes = await adminNodeList();

    expect(put.status).toBe(422);
    expect(await errorCode(put)).toBe("CHECKSUM_MISMATCH");
    expect(verdict.accepted).toBe(false);
    expect(verdict.reasons).toEqual(["output prepare.txt is missing from storage"]);
    expect(retry.compute_unit_id).toBe(assign.compute_unit_id);
    expect(prepare!.attempts[0]).toMatchObject({ node_id: a.id, outcome: "verification_failed" });
    expect(prepare!.credits_charged).toBe(0);
    expect(await chargesOf(customer.customerId)).toEqual([]);
    expect(nodes.find((n) => n.id === a.id)!.reliability).toBeLessThan(1);
    expect(nodes.find((n) => n.id === b.id)!.reliability).toBe(1);
  });

  it("fails verification of a train unit without a checkpoint and retries it on another GPU node", async () => {
    const customer = await createCustomer();
    const cpu = await TestNode.start({ name: "cpu" });
    const job = await openJob(customer);
    const prepare = await cpu.acceptNext();
    const g1 = await TestNode.start({ name: "g1", capabilities: gpuNode() });
    const g2 = await TestNode.start({ name: "g2", capabilities: gpuNode() });
    await cpu.runUnit(prepare);
    const { node: first, assign: train } = await assignedAmong([g1, g2]);
    const second = first === g1 ? g2 : g1;

    await first.accept(train);
    const metricsOnly = trainOutputs().filter((o) => o.kind === "metrics");
    const refused = await first.runUnit(train, { outputs: metricsOnly });
    const retry = await second.acceptNext();
    const accepted = await second.runUnit(retry);
    const units = await unitsOf(customer, job.id);
    const charges = await chargesOf(customer.customerId);
    const failedNode = await eventually("the failure to reach the node list", async () => {
      const node = (await adminNodeList()).find((n) => n.id === first.id)!;
      return node.units_failed === 1 ? node : undefined;
    });

    expect(refused.accepted).toBe(false);
    expect(refused.reasons).toEqual(["the stage must produce a checkpoint output"]);
    expect(retry.compute_unit_id).toBe(train.compute_unit_id);
    expect(accepted.accepted).toBe(true);
    expect(units[1]!.attempts.map((t) => [t.node_id, t.outcome])).toEqual([
      [first.id, "verification_failed"],
      [second.id, "verified"],
    ]);
    expect(charges.map((c) => c.compute_unit_id)).toEqual([
      prepare.compute_unit_id,
      train.compute_unit_id,
    ]);
    expect(failedNode.reliability).toBeLessThan(1);
  });

  it("fails the unit and the job after three failed attempts and releases the reservation", async () => {
    const customer = await createCustomer({ credits: 10_000 });
    const nodes = [
      await TestNode.start({ name: "a" }),
      await TestNode.start({ name: "b" }),
      await TestNode.start({ name: "c" }),
    ];
    const job = await openJob(customer);

    const tried: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const { node, assign } = await assignedAmong(nodes);
      await node.accept(assign);
      node.send({
        type: "fail",
        attempt_id: assign.attempt_id,
        reason: `exit code ${i}`,
        exit_code: i,
      });
      tried.push(node.id);
    }
    const failed = await eventually("the job to fail", async () => {
      const body = await jobOf(customer, job.id);
      return body.status === "failed" ? body : undefined;
    });
    const units = await unitsOf(customer, job.id);
    const ledger = await eventually("the release", async () => {
      const rows = await ledgerOf(customer.customerId);
      return rows.some((r) => r.type === "release") ? rows : undefined;
    });
    const account = await customerAccount(customer.customerId);

    expect(new Set(tried).size).toBe(3);
    expect(failed.error?.code).toBe("UNIT_FAILED");
    expect(failed.error?.message).toBe("Unit prepare failed after 3 attempts: exit code 3");
    expect(units.map((u) => u.status)).toEqual(["failed", "cancelled", "cancelled"]);
    expect(ledger.filter((r) => r.type === "charge")).toEqual([]);
    expect(ledger.at(-1)).toMatchObject({ type: "release", amount: job.projected_credits });
    expect(account).toEqual(
      expect.objectContaining({ credit_balance: 10_000, credit_reserved: 0 }),
    );
    expect(nodes.some((n) => n.has("assign"))).toBe(false);
  });
});

describe("operators and customers stopping work", () => {
  it("sends cancel to the node when the customer cancels mid-run, and charges nothing more", async () => {
    const customer = await createCustomer();
    const cpu = await TestNode.start({ name: "cpu" });
    const job = await openJob(customer);
    await cpu.runUnit(await cpu.acceptNext());
    const gpu = await TestNode.start({ name: "gpu", capabilities: gpuNode() });
    const train = await gpu.acceptNext();

    const response = await as(customer, `/customer/training-jobs/${job.id}/cancel`, {
      method: "POST",
    });
    const cancel = await gpu.next("cancel");
    const late = await gpu.complete(train, trainOutputs());
    const units = await unitsOf(customer, job.id);
    const charges = await chargesOf(customer.customerId);

    expect(response.status).toBe(200);
    expect(((await response.json()) as { status: string }).status).toBe("cancelled");
    expect(cancel.attempt_id).toBe(train.attempt_id);
    expect(late.accepted).toBe(false);
    expect(units.map((u) => [u.stage, u.status])).toEqual([
      ["prepare", "completed"],
      ["train", "cancelled"],
      ["package", "cancelled"],
    ]);
    expect(charges.map((c) => c.compute_unit_id)).toEqual([units[0]!.id]);
  });

  it("closes a suspended node's socket, retries its unit elsewhere and refuses it reconnecting", async () => {
    const customer = await createCustomer();
    const a = await TestNode.start({ name: "a" });
    await openJob(customer);
    const assign = await a.acceptNext();
    const b = await TestNode.start({ name: "b" });

    const suspended = await a.suspend();
    const retry = await b.next("assign");
    const closed = await eventually("a's socket to close", () => a.closed);
    const again = await connectRequest(a.secret);

    expect(suspended.status).toBe(200);
    expect(((await suspended.json()) as { state: string }).state).toBe("suspended");
    expect(retry.compute_unit_id).toBe(assign.compute_unit_id);
    expect(closed.code).toBe(4003);
    expect(again.status).toBe(403);
    expect(await errorCode(again)).toBe("NODE_SUSPENDED");
  });
});

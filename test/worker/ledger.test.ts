import { env } from "cloudflare:workers";
import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";
import { advanceClock, now, resetClock } from "../../src/domain/clock";
import { admin, as, createCustomer, errorCode, json, type TestCustomer } from "./helpers";
import { createJob, type JobBody, jobOf, pageBody, readyInputs, unitsOf } from "./job-helpers";
import { cleanUp, eventually, gpuNode, TestNode } from "./node-helpers";

afterEach(async () => {
  resetClock();
  await cleanUp();
});

interface Entry {
  id: string;
  object: string;
  type: string;
  amount: number;
  balance_after: number;
  reserved_after: number;
  job_id: string | null;
  compute_unit_id: string | null;
  description: string | null;
  created_at: string;
}

interface LedgerPage {
  data: Entry[];
  page: { limit: number; next_cursor: string | null; has_more: boolean };
}

interface Summary {
  balance: number;
  reserved: number;
  available: number;
  month: {
    credits_charged: number;
    units_completed: number;
    units_failed: number;
    cpu_seconds: number;
    gpu_seconds: number;
  };
  jobs: Record<string, number>;
}

async function ledger(customer: TestCustomer, query = "limit=100"): Promise<LedgerPage> {
  const response = await as(customer, `/customer/credits/ledger?${query}`);
  return (await response.json()) as LedgerPage;
}

async function summaryOf(customer: TestCustomer): Promise<Summary> {
  return (await (await as(customer, "/customer/usage/summary")).json()) as Summary;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function gateOf(customer: TestCustomer) {
  return env.CUSTOMER_GATE.get(env.CUSTOMER_GATE.idFromName(customer.customerId));
}

describe("the credit ledger after a real run", () => {
  it("agrees with the summary, daily series, export and job to the credit", async () => {
    const cpu = await TestNode.start({ name: "cpu-node" });
    const customer = await createCustomer({ credits: 100_000 });
    advanceClock(1_000);
    const inputs = await readyInputs(customer);
    const job = (await (await createJob(customer, pageBody(inputs))).json()) as JobBody;
    advanceClock(1_000);

    // prepare runs and is charged; train fails on three GPU nodes; package is cancelled.
    // The platform charges the shorter of the reported and the observed runtime.
    const prepare = await cpu.acceptNext();
    advanceClock(12_400);
    await cpu.runUnit(prepare, { runtimeSeconds: 12.4 });
    await eventually("the charge", async () =>
      (await ledger(customer)).data.some((e) => e.type === "charge"),
    );
    advanceClock(1_000);
    for (const n of [1, 2, 3]) {
      const gpu = await TestNode.start({ name: `gpu-${n}`, capabilities: gpuNode() });
      const train = await gpu.acceptNext();
      gpu.send({ type: "fail", attempt_id: train.attempt_id, reason: "CUDA out of memory" });
      await eventually(`train's failure ${n}`, async () => {
        const [, unit] = await unitsOf(customer, job.id);
        return unit!.attempts.filter((a) => a.status === "failed").length === n;
      });
    }
    await eventually("the release", async () =>
      (await ledger(customer)).data.some((e) => e.type === "release"),
    );

    const entries = (await ledger(customer)).data.reverse();
    const summary = await summaryOf(customer);
    const days = (await (await as(customer, "/customer/usage/daily?days=2")).json()) as {
      data: { credits_charged: number; units_completed: number; cpu_seconds: number }[];
    };
    const today = new Date(now()).toISOString().slice(0, 10);
    const csv = await (
      await as(customer, `/customer/usage/export.csv?date_from=${today}&date_to=${today}`)
    ).text();
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const finished = await jobOf(customer, job.id);
    const units = await unitsOf(customer, job.id);

    const charged = -sum(entries.filter((e) => e.type === "charge").map((e) => e.amount));
    const last = entries.at(-1)!;
    expect(entries.map((e) => e.type)).toEqual(["grant", "reservation", "charge", "release"]);
    expect(charged).toBe(13); // ceil(12.4) CPU seconds at 1 credit a second
    expect(summary.balance).toBe(100_000 - charged);
    expect(last.balance_after).toBe(summary.balance);
    expect(summary.reserved).toBe(0);
    expect(last.reserved_after).toBe(0);
    expect(summary.available).toBe(summary.balance);
    expect(summary.month.credits_charged).toBe(charged);
    expect(sum(days.data.map((d) => d.credits_charged))).toBe(charged);
    expect(sum(rows.map((r) => Number(r.credits)))).toBe(charged);
    expect(finished.charged_credits).toBe(charged);
    expect(sum(units.map((u) => u.credits_charged))).toBe(charged);

    expect(units.map((u) => u.status)).toEqual(["completed", "failed", "cancelled"]);
    expect(summary.month).toMatchObject({ units_completed: 1, units_failed: 1 });
    expect(summary.month).toMatchObject({ cpu_seconds: 12.4, gpu_seconds: 0 });
    expect(summary.jobs).toMatchObject({ failed: 1, running: 0, queued: 0 });
    expect(days.data.at(-1)).toMatchObject({ units_completed: 1, cpu_seconds: 12.4 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      job_id: job.id,
      job_name: "tiny-mlp-fine-tune",
      compute_unit_id: units[0]!.id,
      stage: "prepare",
      kind: "cpu",
      node_id: cpu.id,
      runtime_seconds: "12.4",
      credits: "13",
      ledger_entry_id: entries[2]!.id,
    });
  });

  it("moves each entry's balance and reservation by the entry's own amount", async () => {
    const cpu = await TestNode.start({ name: "cpu-node" });
    const customer = await createCustomer({ credits: 50_000 });
    advanceClock(1_000);
    const job = (await (
      await createJob(customer, pageBody(await readyInputs(customer)))
    ).json()) as JobBody;
    advanceClock(1_000);

    const prepare = await cpu.acceptNext();
    advanceClock(5_000);
    await cpu.runUnit(prepare, { runtimeSeconds: 5 });
    await eventually("the charge", async () =>
      (await ledger(customer)).data.some((e) => e.type === "charge"),
    );
    advanceClock(1_000);
    await as(customer, `/customer/training-jobs/${job.id}/cancel`, { method: "POST" });
    await eventually("the release", async () =>
      (await ledger(customer)).data.some((e) => e.type === "release"),
    );

    const [grant, reservation, charge, release] = (await ledger(customer)).data.reverse();

    expect(grant).toMatchObject({ amount: 50_000, balance_after: 50_000, reserved_after: 0 });
    expect(reservation).toMatchObject({
      amount: job.projected_credits,
      balance_after: 50_000,
      reserved_after: job.projected_credits,
      job_id: job.id,
    });
    expect(charge).toMatchObject({
      amount: -5,
      balance_after: 50_000 - 5,
      reserved_after: job.projected_credits - 5,
      job_id: job.id,
    });
    expect(charge!.compute_unit_id).toBeTruthy();
    expect(release).toMatchObject({
      amount: job.projected_credits - 5,
      balance_after: 50_000 - 5,
      reserved_after: 0,
      compute_unit_id: null,
    });
  });
});

describe("the credit ledger", () => {
  it("charges a replayed charge for the same compute unit once", async () => {
    const customer = await createCustomer({ credits: 10_000 });
    const job = (await (
      await createJob(customer, pageBody(await readyInputs(customer)))
    ).json()) as JobBody;
    const [unit] = await unitsOf(customer, job.id);
    const charge = {
      customerId: customer.customerId,
      jobId: job.id,
      computeUnitId: unit!.id,
      amount: 40,
      description: "prepare: 40 s CPU",
    };

    const first = await gateOf(customer).chargeUnit(charge);
    const replayed = await gateOf(customer).chargeUnit(charge);
    const charges = (await ledger(customer, "type=charge")).data;
    const summary = await summaryOf(customer);

    expect(first).toEqual({ charged: true, balance: 10_000 - 40 });
    expect(replayed).toEqual({ charged: false, balance: 10_000 - 40 });
    expect(charges).toHaveLength(1);
    expect(summary.balance).toBe(10_000 - 40);
    expect(summary.month.credits_charged).toBe(40);
  });

  it("pages newest first, every entry exactly once", async () => {
    const customer = await createCustomer({ credits: 1 });
    for (let i = 1; i <= 5; i++) {
      advanceClock(10);
      await admin(`/admin/customers/${customer.customerId}/credits`, json({ amount: i }));
    }

    const seen: Entry[] = [];
    let query = "limit=2";
    for (;;) {
      const page = await ledger(customer, query);
      seen.push(...page.data);
      if (!page.page.next_cursor) break;
      query = `limit=2&cursor=${encodeURIComponent(page.page.next_cursor)}`;
    }

    expect(seen.map((e) => e.amount)).toEqual([5, 4, 3, 2, 1, 1]);
    expect(seen.map((e) => e.balance_after)).toEqual([16, 11, 7, 4, 2, 1]);
    expect(new Set(seen.map((e) => e.id)).size).toBe(6);
    expect(Object.keys(seen[0]!).sort()).toEqual(
      [
        "id",
        "object",
        "type",
        "amount",
        "balance_after",
        "reserved_after",
        "job_id",
        "compute_unit_id",
        "description",
        "created_at",
      ].sort(),
    );
  });

  it("lists only entries of the type asked for", async () => {
    const customer = await createCustomer({ credits: 10_000 });
    await createJob(customer, pageBody(await readyInputs(customer)));

    const reservations = (await ledger(customer, "type=reservation")).data;

    expect(reservations.map((e) => e.type)).toEqual(["reservation"]);
  });

  it("never shows another customer's entries", async () => {
    const customer = await createCustomer({ credits: 10 });
    const other = await createCustomer({ credits: 20 });

    const entries = (await ledger(customer)).data;

    expect(entries.map((e) => e.amount)).toEqual([10]);
    expect((await ledger(other)).data.map((e) => e.amount)).toEqual([20]);
  });

  it("refuses a limit over 100, a tampered cursor and a cursor of another listing", async () => {
    const customer = await createCustomer({ credits: 1 });
    await admin(`/admin/customers/${customer.customerId}/credits`, json({ amount: 2 }));
    const grants = await ledger(customer, "type=grant&limit=1");
    const cursor = grants.page.next_cursor!;

    const tooMany = await as(customer, "/customer/credits/ledger?limit=101");
    const tampered = await as(customer, `/customer/credits/ledger?cursor=${cursor.slice(0, -2)}xx`);
    const foreign = await as(
      customer,
      `/customer/credits/ledger?cursor=${encodeURIComponent(cursor)}`,
    );

    expect(await errorCode(tooMany)).toBe("VALIDATION_FAILED");
    expect(await errorCode(tampered)).toBe("PAGINATION_INVALID_CURSOR");
    expect(await errorCode(foreign)).toBe("PAGINATION_INVALID_CURSOR");
  });
});

describe("ledger order", () => {
  it("lists entries made in one millisecond in the order the gate made them", async () => {
    const customer = await createCustomer({ credits: 0 });
    const gate = env.CUSTOMER_GATE.get(env.CUSTOMER_GATE.idFromName(customer.customerId));

    for (const amount of [1, 2, 3, 4, 5]) {
      await gate.grant(customer.customerId, amount, `grant ${amount}`);
    }
    const response = await as(customer, "/customer/credits/ledger?type=grant");
    const amounts = ((await response.json()) as { data: { amount: number }[] }).data.map(
      (e) => e.amount,
    );

    expect(amounts).toEqual([5, 4, 3, 2, 1]);
  });
});

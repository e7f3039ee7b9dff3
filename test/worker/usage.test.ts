import { env } from "cloudflare:workers";
import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";
import { advanceClock, now, resetClock } from "../../src/domain/clock";
import { EXPORT_COLUMNS } from "../../src/usage/export";
import { as, call, createCustomer, errorCode, json, type TestCustomer } from "./helpers";
import {
  createJob,
  type JobBody,
  pageBody,
  readyInputs,
  type UnitBody,
  unitsOf,
} from "./job-helpers";

afterEach(() => resetClock());

const DAY_MS = 86_400_000;

interface UsageDay {
  date: string;
  credits_charged: number;
  units_completed: number;
  cpu_seconds: number;
  gpu_seconds: number;
}

/** A job through the API, and its units in plan order: prepare, train, package. */
async function jobWithUnits(customer: TestCustomer, name = "tiny-mlp-fine-tune") {
  const inputs = await readyInputs(customer);
  const job = (await (await createJob(customer, pageBody(inputs, { name }))).json()) as JobBody;
  return { job, units: await unitsOf(customer, job.id) };
}

/** What the scheduler does for a verified unit: charge it at the gate, mirror it to D1. */
async function chargeAsScheduler(
  customer: TestCustomer,
  unit: UnitBody & { jobId: string },
  runtimeSeconds: number,
  credits: number,
) {
  const gate = env.CUSTOMER_GATE.get(env.CUSTOMER_GATE.idFromName(customer.customerId));
  const result = await gate.chargeUnit({
    customerId: customer.customerId,
    jobId: unit.jobId,
    computeUnitId: unit.id,
    amount: credits,
    description: `${unit.stage}: ${runtimeSeconds} s`,
  });
  await env.DB.prepare(
    `UPDATE compute_units SET status = 'completed', node_id = 'node-test', runtime_seconds = ?,
       credits_charged = ?, finished_at = ?, updated_at = ? WHERE id = ?`,
  )
    .bind(runtimeSeconds, credits, now(), now(), unit.id)
    .run();
  return result;
}

async function daily(customer: TestCustomer, days: number): Promise<UsageDay[]> {
  const response = await as(customer, `/customer/usage/daily?days=${days}`);
  return ((await response.json()) as { data: UsageDay[] }).data;
}

function exportOf(customer: TestCustomer, from: string, to: string) {
  return as(customer, `/customer/usage/export.csv?date_from=${from}&date_to=${to}`);
}

function rowsOf(csv: string): Record<string, string>[] {
  return parse(csv, { columns: true, skip_empty_lines: true });
}

describe("usage summary", () => {
  it("starts a new customer at the opening balance with nothing used", async () => {
    const customer = await createCustomer({ credits: 5_000 });

    const response = await as(customer, "/customer/usage/summary");
    const summary = await response.json();

    expect(response.status).toBe(200);
    expect(summary).toMatchObject({
      balance: 5_000,
      reserved: 0,
      available: 5_000,
      month: { credits_charged: 0, units_completed: 0, units_failed: 0, cpu_seconds: 0 },
      jobs: { queued: 0, running: 0, completed: 0, failed: 0, cancelled: 0 },
    });
  });

  it("counts only this UTC month's charges, while the balance keeps them all", async () => {
    const customer = await createCustomer({ credits: 100_000 });
    const { job, units } = await jobWithUnits(customer);
    await chargeAsScheduler(customer, { ...units[0]!, jobId: job.id }, 30, 30);
    const today = new Date(now());
    advanceClock(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1) - now() + 60_000);

    const summary = (await (await as(customer, "/customer/usage/summary")).json()) as {
      balance: number;
      month: { start_date: string; credits_charged: number; units_completed: number };
    };

    expect(summary.balance).toBe(100_000 - 30);
    expect(summary.month.start_date).toBe(`${new Date(now()).toISOString().slice(0, 8)}01`);
    expect(summary.month.credits_charged).toBe(0);
    expect(summary.month.units_completed).toBe(0);
  });
});

describe("daily usage", () => {
  it("fills the days without use with zeros, oldest first, ending today", async () => {
    const customer = await createCustomer();
    const { job, units } = await jobWithUnits(customer);
    await chargeAsScheduler(customer, { ...units[0]!, jobId: job.id }, 10, 10);
    advanceClock(2 * DAY_MS);
    await chargeAsScheduler(customer, { ...units[1]!, jobId: job.id }, 20.5, 84);

    const days = await daily(customer, 3);

    expect(days.map((d) => d.date)).toEqual(
      [2, 1, 0].map((back) => new Date(now() - back * DAY_MS).toISOString().slice(0, 10)),
    );
    expect(days.map((d) => [d.credits_charged, d.units_completed])).toEqual([
      [10, 1],
      [0, 0],
      [84, 1],
    ]);
    expect(days.map((d) => [d.cpu_seconds, d.gpu_seconds])).toEqual([
      [10, 0],
      [0, 0],
      [0, 20.5],
    ]);
  });

  it("covers 30 days unless told otherwise, and up to 90", async () => {
    const customer = await createCustomer();

    expect(await daily(customer, 90)).toHaveLength(90);
    const response = await as(customer, "/customer/usage/daily");
    expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(30);
  });

  it("refuses 0 days, 91 days and days that are not a whole number", async () => {
    const customer = await createCustomer();

    for (const days of ["0", "91", "7.5", "week"]) {
      const response = await as(customer, `/customer/usage/daily?days=${days}`);
      expect(response.status, days).toBe(400);
      expect(await errorCode(response)).toBe("VALIDATION_FAILED");
    }
  });
});

describe("usage export", () => {
  it("accepts 89 and 90 days, both ends included, and refuses 91", async () => {
    const customer = await createCustomer();

    const days89 = await exportOf(customer, "2026-01-01", "2026-03-30");
    const days90 = await exportOf(customer, "2026-01-01", "2026-03-31");
    const days91 = await exportOf(customer, "2026-01-01", "2026-04-01");

    expect(days89.status).toBe(200);
    expect(days90.status).toBe(200);
    expect(days91.status).toBe(400);
    expect(await errorCode(days91)).toBe("EXPORT_RANGE_TOO_LARGE");
    await days89.body?.cancel();
    await days90.body?.cancel();
  });

  it("refuses a date_to before date_from", async () => {
    const customer = await createCustomer();

    const response = await exportOf(customer, "2026-03-02", "2026-03-01");

    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe("VALIDATION_FAILED");
  });

  it("refuses impossible dates, other formats and missing dates", async () => {
    const customer = await createCustomer();
    const bad = ["2026-02-30", "2026-13-01", "2026-3-1", "03/01/2026", "2026-03-01T00:00Z", ""];

    for (const date of bad) {
      const response = await exportOf(customer, date, "2026-03-31");
      expect(response.status, date).toBe(400);
      expect(await errorCode(response)).toBe("VALIDATION_FAILED");
    }
    const missing = await as(customer, "/customer/usage/export.csv?date_from=2026-03-01");
    expect(await errorCode(missing)).toBe("VALIDATION_FAILED");
  });

  it("sends a named CSV attachment, only the header when nothing was charged", async () => {
    const customer = await createCustomer();

    const response = await exportOf(customer, "2026-03-01", "2026-03-31");

    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("X-Request-Id")).toBeTruthy();
    expect(response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="gpu-agent-usage-2026-03-01-to-2026-03-31.csv"',
    );
    expect(await response.text()).toBe(`${EXPORT_COLUMNS.join(",")}\r\n`);
  });
});

/** Charges written straight into D1's ledger, as the gate's mirror writes them. */
async function ledgerCharges(customer: TestCustomer, charges: { at: number; credits: number }[]) {
  const statements = charges.map((charge, i) =>
    env.DB.prepare(
      `INSERT INTO ledger_entries (id, customer_id, type, amount, balance_after, reserved_after,
         compute_unit_id, dedupe_key, description, created_at)
       VALUES (?, ?, 'charge', ?, 0, 0, ?, ?, 'test charge', ?)`,
    ).bind(
      `le-${String(i).padStart(5, "0")}-${crypto.randomUUID()}`,
      customer.customerId,
      -charge.credits,
      `cu-${i}`,
      `charge:cu-${i}:${crypto.randomUUID()}`,
      charge.at,
    ),
  );
  for (let i = 0; i < statements.length; i += 200) await env.DB.batch(statements.slice(i, i + 200));
}

describe("usage export contents", () => {
  it("keeps the CSV intact for job names with commas, quotes, newlines and formulas", async () => {
    const customer = await createCustomer({ limits: { max_active_jobs: 10 } });
    const names = [
      "plain-name",
      "commas, everywhere, ok",
      'she said "train"',
      "line one\nline two\r\nline three",
      "=cmd|' /C calc'!A0",
      "+SUM(1,2)",
      "-2+3",
      '@HYPERLINK("http://evil")',
    ];
    for (const name of names) {
      const { job, units } = await jobWithUnits(customer, name);
      await chargeAsScheduler(customer, { ...units[0]!, jobId: job.id }, 7, 7);
    }
    const today = new Date(now()).toISOString().slice(0, 10);

    const response = await exportOf(customer, today, today);
    const rows = rowsOf(await response.text());

    // Text starting with = + - @ gains an apostrophe; everything else survives as sent.
    expect(rows.map((r) => r.job_name)).toEqual([
      ...names.slice(0, 4),
      ...names.slice(4).map((name) => `'${name}`),
    ]);
    expect(Object.keys(rows[0]!)).toEqual([...EXPORT_COLUMNS]);
    expect(rows[0]).toMatchObject({ date: today, stage: "prepare", kind: "cpu", credits: "7" });
    expect(rows[0]).toMatchObject({ node_id: "node-test", runtime_seconds: "7" });
  });

  it("includes the first millisecond of date_from and the last of date_to", async () => {
    const customer = await createCustomer();
    const from = Date.UTC(2026, 2, 1);
    const afterTo = Date.UTC(2026, 2, 4);
    await ledgerCharges(customer, [
      { at: from - 1, credits: 1 },
      { at: from, credits: 2 },
      { at: afterTo - 1, credits: 3 },
      { at: afterTo, credits: 4 },
    ]);

    const rows = rowsOf(await (await exportOf(customer, "2026-03-01", "2026-03-03")).text());

    expect(rows.map((r) => [r.date, r.credits])).toEqual([
      ["2026-03-01", "2"],
      ["2026-03-03", "3"],
    ]);
  });

  it("streams every charge once across chunks, even when many share a millisecond", async () => {
    const customer = await createCustomer();
    const at = Date.UTC(2026, 4, 10, 12);
    await ledgerCharges(
      customer,
      Array.from({ length: 1_203 }, (_, i) => ({ at: at + Math.floor(i / 300), credits: 1 })),
    );

    const rows = rowsOf(await (await exportOf(customer, "2026-05-10", "2026-05-10")).text());

    expect(rows).toHaveLength(1_203);
    expect(new Set(rows.map((r) => r.ledger_entry_id)).size).toBe(1_203);
    expect(rows.map((r) => r.compute_unit_id)).toEqual(
      Array.from({ length: 1_203 }, (_, i) => `cu-${i}`),
    );
  });

  it("never shows another customer's charges", async () => {
    const customer = await createCustomer();
    const other = await createCustomer();
    await ledgerCharges(other, [{ at: Date.UTC(2026, 5, 1), credits: 9 }]);

    const mine = await (await exportOf(customer, "2026-06-01", "2026-06-01")).text();
    const theirs = await (await exportOf(other, "2026-06-01", "2026-06-01")).text();

    expect(rowsOf(mine)).toHaveLength(0);
    expect(rowsOf(theirs)).toHaveLength(1);
  });
});

describe("usage routes", () => {
  it("refuse a key without the usage:read scope", async () => {
    const customer = await createCustomer();
    const created = await as(
      customer,
      "/customer/api-keys",
      json({ name: "jobs", scopes: ["jobs:read"] }),
    );
    const { key } = (await created.json()) as { key: string };
    const paths = [
      "/customer/usage/summary",
      "/customer/usage/daily",
      "/customer/usage/export.csv?date_from=2026-03-01&date_to=2026-03-01",
      "/customer/credits/ledger",
    ];

    for (const path of paths) {
      const response = await call(path, { headers: { "X-API-Key": key } });
      expect(response.status, path).toBe(403);
      expect(await errorCode(response)).toBe("API_KEY_SCOPE_DENIED");
    }
  });

  it("appear in the OpenAPI document", async () => {
    const response = await call("/openapi.json");
    const doc = (await response.json()) as { paths: Record<string, unknown> };

    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/customer/usage/summary",
        "/customer/usage/daily",
        "/customer/usage/export.csv",
        "/customer/credits/ledger",
      ]),
    );
  });
});

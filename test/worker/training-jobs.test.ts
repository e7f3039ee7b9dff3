import { afterEach, describe, expect, it } from "vitest";
import { advanceClock, resetClock } from "../../src/domain/clock";
import { admin, as, createCustomer, errorCode, json } from "./helpers";
import { createJob, type JobBody, pageBody, readyInputs, unitsOf } from "./job-helpers";

afterEach(() => resetClock());

describe("creating a training job", () => {
  it("accepts the staging page's exact body and plans prepare → train → package", async () => {
    const customer = await createCustomer();
    const inputs = await readyInputs(customer);

    const response = await createJob(customer, pageBody(inputs), "client-uuid-12345678");
    const job = (await response.json()) as JobBody;
    const units = await unitsOf(customer, job.id);

    expect(response.status).toBe(201);
    expect(job.status).toBe("queued");
    expect(units.map((u) => [u.stage, u.kind])).toEqual([
      ["prepare", "cpu"],
      ["train", "gpu"],
      ["package", "cpu"],
    ]);
    expect(units[0]!.status).toBe("ready");
    expect(units[1]!.status).toBe("blocked");
    expect(units[1]!.depends_on).toEqual([units[0]!.id]);
    expect(response.headers.get("X-RateLimit-Limit")).toBe("10");
    expect(response.headers.get("X-RateLimit-Remaining")).toBe("9");
  });

  it("reserves the projected cost: max runtime times each unit's rate", async () => {
    const customer = await createCustomer({ credits: 100_000 });
    const inputs = await readyInputs(customer);

    const response = await createJob(customer, pageBody(inputs));
    const job = (await response.json()) as JobBody;
    const customerNow = await admin(`/admin/customers/${customer.customerId}`);
    const account = (await customerNow.json()) as { credit_reserved: number };

    // prepare and package at 1 credit/s, train (8000 MB: the 8 GiB tier) at 4.
    expect(job.projected_credits).toBe(600 * (1 + 4 + 1));
    expect(account.credit_reserved).toBe(job.projected_credits);
  });

  it("replays the original job for a repeated key and body", async () => {
    const customer = await createCustomer();
    const inputs = await readyInputs(customer);
    const first = await createJob(customer, pageBody(inputs), "client-uuid-12345678");
    const original = (await first.json()) as JobBody;

    const again = await createJob(customer, pageBody(inputs), "client-uuid-12345678");
    const replayed = (await again.json()) as JobBody;

    expect(again.status).toBe(200);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(replayed.id).toBe(original.id);
  });

  it("refuses a repeated key with another body", async () => {
    const customer = await createCustomer();
    const inputs = await readyInputs(customer);
    await createJob(customer, pageBody(inputs), "client-uuid-12345678");

    const response = await createJob(
      customer,
      pageBody(inputs, { name: "other" }),
      "client-uuid-12345678",
    );

    expect(response.status).toBe(422);
    expect(await errorCode(response)).toBe("IDEMPOTENCY_CONFLICT");
  });

  it("creates one job for twenty concurrent requests with one key, and all get it", async () => {
    const customer = await createCustomer({ limits: { requests_per_minute: 1000 } });
    const inputs = await readyInputs(customer);

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => createJob(customer, pageBody(inputs), "same-key-0001")),
    );
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as JobBody).id));
    const list = await as(customer, "/customer/training-jobs");
    const jobs = ((await list.json()) as { data: JobBody[] }).data;

    expect(new Set(ids).size).toBe(1);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(19);
    expect(jobs).toHaveLength(1);
  });

  it("admits exactly the active-job cap's worth of twenty concurrent creations", async () => {
    const customer = await createCustomer();
    const inputs = await readyInputs(customer);

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createJob(customer, pageBody(inputs, { name: `j${i}` })),
      ),
    );
    const statuses = responses.map((r) => r.status);

    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(17);
    for (const response of responses.filter((r) => r.status === 429)) {
      expect(response.headers.get("Retry-After")).toMatch(/^\d+$/);
    }
  });

  it("refuses the eleventh job within a rolling minute with Retry-After", async () => {
    const customer = await createCustomer({ limits: { max_active_jobs: 100 } });
    const inputs = await readyInputs(customer);
    for (let i = 0; i < 10; i++) {
      expect((await createJob(customer, pageBody(inputs))).status).toBe(201);
      advanceClock(1_000);
    }

    const eleventh = await createJob(customer, pageBody(inputs));
    advanceClock(51_000);
    const afterWindow = await createJob(customer, pageBody(inputs));

    expect(eleventh.status).toBe(429);
    expect(await errorCode(eleventh)).toBe("RATE_LIMITED");
    // The oldest of the ten frees its slot 50 s from now (49 if a second of
    // real time passed while the requests ran).
    expect(Number(eleventh.headers.get("Retry-After"))).toBeGreaterThanOrEqual(49);
    expect(Number(eleventh.headers.get("Retry-After"))).toBeLessThanOrEqual(50);
    expect(eleventh.headers.get("X-RateLimit-Remaining")).toBe("0");
    expect(afterWindow.status).toBe(201);
  });

  it("refuses a fourth active job, saying why", async () => {
    const customer = await createCustomer();
    const inputs = await readyInputs(customer);
    for (let i = 0; i < 3; i++) await createJob(customer, pageBody(inputs));

    const fourth = await createJob(customer, pageBody(inputs));
    const body = (await fourth.json()) as { error: { code: string; message: string } };

    expect(fourth.status).toBe(429);
    expect(body.error.code).toBe("RATE_LIMITED");
    expect(body.error.message).toContain("active");
  });

  it("frees the active slot when a job is cancelled", async () => {
    const customer = await createCustomer();
    const inputs = await readyInputs(customer);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(((await (await createJob(customer, pageBody(inputs))).json()) as JobBody).id);
    }

    const cancel = await as(customer, `/customer/training-jobs/${ids[0]}/cancel`, {
      method: "POST",
    });
    const fourth = await createJob(customer, pageBody(inputs));
    const again = await as(customer, `/customer/training-jobs/${ids[0]}/cancel`, {
      method: "POST",
    });

    expect(cancel.status).toBe(200);
    expect(((await cancel.json()) as JobBody).status).toBe("cancelled");
    expect(fourth.status).toBe(201);
    expect(again.status).toBe(409);
    expect(await errorCode(again)).toBe("JOB_NOT_CANCELLABLE");
  });

  it("refuses a plan past the daily unit quota until UTC midnight", async () => {
    const customer = await createCustomer({ limits: { daily_unit_quota: 5, max_active_jobs: 10 } });
    const inputs = await readyInputs(customer);
    await createJob(customer, pageBody(inputs));

    const response = await createJob(customer, pageBody(inputs));
    const retryAfter = Number(response.headers.get("Retry-After"));
    const secondsToMidnight = 86_400 - Math.floor((Date.now() % 86_400_000) / 1000);

    expect(response.status).toBe(429);
    expect(await errorCode(response)).toBe("DAILY_TASK_LIMIT_EXCEEDED");
    expect(Math.abs(retryAfter - secondsToMidnight)).toBeLessThanOrEqual(2);
  });

  it("refuses a job the balance cannot cover", async () => {
    const customer = await createCustomer({ credits: 100 });
    const inputs = await readyInputs(customer);

    const response = await createJob(customer, pageBody(inputs));

    expect(response.status).toBe(402);
    expect(await errorCode(response)).toBe("CREDIT_INSUFFICIENT");
  });

  it("never lets concurrent jobs reserve more than the balance", async () => {
    const customer = await createCustomer({ credits: 7_500, limits: { max_active_jobs: 10 } });
    const inputs = await readyInputs(customer);

    const responses = await Promise.all(
      Array.from({ length: 5 }, () => createJob(customer, pageBody(inputs))),
    );

    // Each job reserves 3,600: two fit in 7,500, a third would not.
    expect(responses.filter((r) => r.status === 201)).toHaveLength(2);
    expect(responses.filter((r) => r.status === 402)).toHaveLength(3);
  });

  it("answers another customer's dataset and package as missing", async () => {
    const alice = await createCustomer();
    const bob = await createCustomer();
    const inputs = await readyInputs(alice);

    const response = await createJob(bob, pageBody(inputs));

    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe("DATASET_NOT_FOUND");
  });

  it("refuses a dataset that is not ready", async () => {
    const customer = await createCustomer();
    const inputs = await readyInputs(customer);
    const pending = await as(
      customer,
      "/customer/datasets",
      json({ name: "later", size_bytes: 10, sha256: "a".repeat(64) }),
    );
    const { id } = (await pending.json()) as { id: string };

    const response = await createJob(customer, pageBody({ ...inputs, datasetId: id }));

    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe("DATASET_NOT_READY");
  });

  it.each([
    ["a short key", "short"],
    ["a key with spaces", "has spaces in it"],
    ["a key over 255 characters", "k".repeat(256)],
  ])("refuses %s as Idempotency-Key", async (_, key) => {
    const customer = await createCustomer();
    const inputs = await readyInputs(customer);

    const response = await createJob(customer, pageBody(inputs), key);

    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe("IDEMPOTENCY_KEY_INVALID");
  });

  it.each([
    ["name", ""],
    ["required_vram_mb", -1],
    ["required_vram_mb", 1.5],
    ["required_disk_mb", 0],
    ["max_runtime_seconds", 0],
    ["max_runtime_seconds", 86_401],
    ["sensitivity", "secret"],
    ["hyperparameters", "not an object"],
    ["dataset_id", 42],
  ])("refuses %s = %j, naming the field", async (field, value) => {
    const customer = await createCustomer();
    const inputs = await readyInputs(customer);

    const response = await createJob(customer, pageBody(inputs, { [field]: value }));
    const body = (await response.json()) as {
      error: { code: string; details: { fields: { field: string }[] } };
    };

    expect(response.status).toBe(400);
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.details.fields.map((f) => f.field)).toContain(`json.${field}`);
  });

  it("refuses a package whose manifest stages form a cycle", async () => {
    const customer = await createCustomer();
    const inputs = await readyInputs(customer, {
      stages: [
        { name: "a", kind: "cpu", entrypoint: "a.py", depends_on: ["b"] },
        { name: "b", kind: "gpu", entrypoint: "b.py", depends_on: ["a"] },
      ],
    });

    const response = await createJob(customer, pageBody(inputs));

    expect(response.status).toBe(422);
    expect(await errorCode(response)).toBe("PLAN_INVALID");
  });

  it("fans a sweep stage out into parallel units", async () => {
    const customer = await createCustomer();
    const inputs = await readyInputs(customer, {
      stages: [{ name: "sweep", kind: "gpu", entrypoint: "train.py", parallel: 4 }],
    });

    const response = await createJob(customer, pageBody(inputs));
    const units = await unitsOf(customer, ((await response.json()) as JobBody).id);

    expect(units.map((u) => u.stage)).toEqual([
      "prepare",
      "sweep",
      "sweep",
      "sweep",
      "sweep",
      "package",
    ]);
  });
});

describe("reading training jobs", () => {
  it("pages newest first and filters by status", async () => {
    const customer = await createCustomer({ limits: { max_active_jobs: 10 } });
    const inputs = await readyInputs(customer);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      advanceClock(10);
      ids.push(((await (await createJob(customer, pageBody(inputs))).json()) as JobBody).id);
    }
    await as(customer, `/customer/training-jobs/${ids[1]}/cancel`, { method: "POST" });

    const first = await as(customer, "/customer/training-jobs?limit=2");
    const page1 = (await first.json()) as { data: JobBody[]; page: { next_cursor: string } };
    const second = await as(
      customer,
      `/customer/training-jobs?limit=2&cursor=${encodeURIComponent(page1.page.next_cursor)}`,
    );
    const page2 = (await second.json()) as { data: JobBody[]; page: { has_more: boolean } };
    const cancelled = await as(customer, "/customer/training-jobs?status=cancelled");

    expect(page1.data.map((j) => j.id)).toEqual([ids[2], ids[1]]);
    expect(page2.data.map((j) => j.id)).toEqual([ids[0]]);
    expect(page2.page.has_more).toBe(false);
    expect(((await cancelled.json()) as { data: JobBody[] }).data.map((j) => j.id)).toEqual([
      ids[1],
    ]);
  });

  it("refuses a cursor from another list or another customer", async () => {
    const alice = await createCustomer({ limits: { max_active_jobs: 10 } });
    const bob = await createCustomer();
    const inputs = await readyInputs(alice);
    for (let i = 0; i < 2; i++) await createJob(alice, pageBody(inputs));
    const page = await as(alice, "/customer/training-jobs?limit=1");
    const cursor = ((await page.json()) as { page: { next_cursor: string } }).page.next_cursor;

    const foreign = await as(bob, `/customer/training-jobs?cursor=${encodeURIComponent(cursor)}`);
    const otherList = await as(
      alice,
      `/customer/training-jobs?status=queued&cursor=${encodeURIComponent(cursor)}`,
    );
    const tampered = await as(
      alice,
      `/customer/training-jobs?cursor=${encodeURIComponent(`x${cursor}`)}`,
    );

    for (const response of [foreign, otherList, tampered]) {
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe("PAGINATION_INVALID_CURSOR");
    }
  });

  it.each(["0", "101", "abc"])("refuses limit=%s", async (limit) => {
    const customer = await createCustomer();

    const response = await as(customer, `/customer/training-jobs?limit=${limit}`);

    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe("VALIDATION_FAILED");
  });

  it("answers another customer's job as JOB_NOT_FOUND", async () => {
    const alice = await createCustomer();
    const bob = await createCustomer();
    const inputs = await readyInputs(alice);
    const job = (await (await createJob(alice, pageBody(inputs))).json()) as JobBody;

    for (const path of ["", "/compute-units", "/events", "/artifacts"]) {
      const response = await as(bob, `/customer/training-jobs/${job.id}${path}`);
      expect(response.status).toBe(404);
      expect(await errorCode(response)).toBe("JOB_NOT_FOUND");
    }
  });

  it("records the job's timeline", async () => {
    const customer = await createCustomer();
    const inputs = await readyInputs(customer);
    const job = (await (await createJob(customer, pageBody(inputs))).json()) as JobBody;
    await as(customer, `/customer/training-jobs/${job.id}/cancel`, { method: "POST" });

    const response = await as(customer, `/customer/training-jobs/${job.id}/events`);
    const types = ((await response.json()) as { data: { type: string }[] }).data.map((e) => e.type);

    expect(types).toContain("job.queued");
    expect(types).toContain("units.ready");
    expect(types[0]).toBe("job.cancelled");
  });
});

describe("legacy image jobs", () => {
  it.each(["GET", "POST", "DELETE"])(
    "answers %s with 410 naming the replacement",
    async (method) => {
      const response = await fetchLegacy(method);
      const body = (await response.json()) as { error: { code: string; message: string } };

      expect(response.status).toBe(410);
      expect(body.error.code).toBe("LEGACY_DEPRECATED");
      expect(body.error.message).toContain("/customer/training-jobs");
    },
  );
});

function fetchLegacy(method: string) {
  return as({ customerId: "", apiKey: "sk_alpha_whatever" }, "/customer/jobs/image/123", {
    method,
  });
}

describe("pricing", () => {
  it("shows the rate table", async () => {
    const customer = await createCustomer();

    const response = await as(customer, "/customer/pricing");
    const table = (await response.json()) as { cpu: { credits_per_second: number } };

    expect(response.status).toBe(200);
    expect(table.cpu.credits_per_second).toBeGreaterThan(0);
  });
});

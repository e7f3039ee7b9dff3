/**
 * @module bench/lib/fixtures
 * What every benchmark sets up before it measures: a customer whose limits
 * are raised through the operators' API (the defaults allow ten jobs a
 * minute), a ready dataset and training package, jobs created in bulk, and
 * the job timeline read back to learn when each unit became ready.
 */
import type { DevServer } from "../../test/support/dev-server.ts";
import {
  type Customer,
  createCustomer,
  customerFetch,
  uploadReady,
} from "../../test/support/platform.ts";
import { zipOf } from "../../test/support/zip.ts";

/** Limits high enough that only the platform's speed limits a benchmark. */
export const RAISED_LIMITS = {
  jobs_per_minute: 10_000,
  max_active_jobs: 10_000,
  daily_unit_quota: 1_000_000,
  requests_per_minute: 1_000_000,
};

export async function benchCustomer(server: DevServer, name = "Bench customer") {
  const customer = await createCustomer(server, { name, credits: 1_000_000_000 });
  const response = await fetch(
    `${server.url}/api/v1/admin/customers/${customer.customerId}/limits`,
    {
      method: "PATCH",
      headers: { Authorization: `Bearer ${server.adminToken}`, "Content-Type": "application/json" },
      body: JSON.stringify(RAISED_LIMITS),
    },
  );
  if (!response.ok) throw new Error(`raising limits: ${response.status} ${await response.text()}`);
  return customer;
}

export interface Stage {
  name: string;
  kind: "cpu" | "gpu";
  parallel: number;
}

/**
 * Uploads a dataset and a package whose manifest declares `stages` (each
 * fanned out `parallel` times after the platform's prepare step); without
 * stages the package runs the default prepare → train → package plan.
 */
export async function benchInputs(server: DevServer, customer: Customer, stages?: Stage[]) {
  const files: Record<string, string> = { "train.py": "print('bench')\n" };
  if (stages) {
    const declared = stages.map((s) => ({ ...s, entrypoint: "train.py" }));
    files["gpu-agent.json"] = JSON.stringify({ stages: declared });
  }
  const csv = new TextEncoder().encode("x,y\n1,2\n3,4\n");
  const datasetId = await uploadReady(server, customer, "datasets", "bench.csv", csv);
  const packageId = await uploadReady(
    server,
    customer,
    "training-packages",
    "bench-package",
    await zipOf(files),
  );
  return { datasetId, packageId };
}

export function jobBody(
  inputs: { datasetId: string; packageId: string },
  name = "bench-job",
  sensitivity = "low_sensitive",
) {
  return {
    name,
    dataset_id: inputs.datasetId,
    training_package_id: inputs.packageId,
    required_vram_mb: 8_000,
    required_disk_mb: 1_024,
    max_runtime_seconds: 60,
    sensitivity,
  };
}

/** Creates `count` jobs, `concurrency` requests at a time; answers their ids in order. */
export async function createJobs(
  server: DevServer,
  customer: Customer,
  body: Record<string, unknown>,
  count: number,
  concurrency = 8,
): Promise<{ id: string; createdAt: number }[]> {
  const out: { id: string; createdAt: number }[] = new Array(count);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const response = await customerFetch(server, customer, "/customer/training-jobs", {
        method: "POST",
        body: JSON.stringify({ ...body, name: `${body.name}-${i}` }),
      });
      if (response.status !== 201) {
        throw new Error(`creating job ${i}: ${response.status} ${await response.text()}`);
      }
      const job = (await response.json()) as { id: string };
      out[i] = { id: job.id, createdAt: Date.now() };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

interface EventPage {
  data: { type: string; compute_unit_id: string | null; data: Record<string, unknown> | null }[];
  page: { next_cursor: string | null; has_more: boolean };
}

/** When each unit of a job became ready, from its `units.ready` events (ms). */
export async function readyTimes(
  server: DevServer,
  customer: Customer,
  jobId: string,
): Promise<Map<string, number>> {
  const ready = new Map<string, number>();
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const path = `/customer/training-jobs/${jobId}/events?limit=100${query}`;
    const response = await customerFetch(server, customer, path);
    if (!response.ok) throw new Error(`events: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as EventPage;
    for (const event of page.data) {
      if (event.type !== "units.ready" || !event.data) continue;
      const at = Number(event.data.at);
      for (const id of event.data.compute_unit_ids as string[]) {
        // A retried unit is ready again later; the first time counts for the first attempt.
        if (!ready.has(id) || ready.get(id)! > at) ready.set(id, at);
      }
    }
    cursor = page.page.has_more ? page.page.next_cursor : null;
  } while (cursor);
  return ready;
}

interface LedgerPage {
  data: { type: string; compute_unit_id: string | null; created_at: string }[];
  page: { next_cursor: string | null; has_more: boolean };
}

/** When the customer's gate charged each unit, from the credit ledger (ms). */
export async function chargeTimes(
  server: DevServer,
  customer: Customer,
): Promise<Map<string, number>> {
  const charged = new Map<string, number>();
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const response = await customerFetch(
      server,
      customer,
      `/customer/credits/ledger?limit=100&type=charge${query}`,
    );
    if (!response.ok) throw new Error(`ledger: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as LedgerPage;
    for (const entry of page.data) {
      if (entry.type !== "charge" || !entry.compute_unit_id) continue;
      charged.set(entry.compute_unit_id, Date.parse(entry.created_at));
    }
    cursor = page.page.has_more ? page.page.next_cursor : null;
  } while (cursor);
  return charged;
}

/** Polls until every job in `ids` has ended or `timeoutMs` passes. */
export async function waitForJobs(
  server: DevServer,
  customer: Customer,
  ids: string[],
  timeoutMs: number,
): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  const statuses: Record<string, string> = {};
  for (const id of ids) {
    for (;;) {
      const response = await customerFetch(server, customer, `/customer/training-jobs/${id}`);
      const job = (await response.json()) as { status: string };
      statuses[id] = job.status;
      if (["completed", "failed", "cancelled"].includes(job.status)) break;
      if (Date.now() > deadline) break;
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  const counts: Record<string, number> = {};
  for (const status of Object.values(statuses)) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/**
 * Talking to a running platform from Node, as operators and customers do:
 * small helpers over `fetch` for the set-up steps of tests and benchmarks.
 */
import { createHash } from "node:crypto";
import type { DevServer } from "./dev-server.ts";

export interface Customer {
  customerId: string;
  apiKey: string;
}

async function ok<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export function adminFetch(server: DevServer, path: string, body?: unknown) {
  return fetch(`${server.url}/api/v1${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { Authorization: `Bearer ${server.adminToken}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function createCustomer(
  server: DevServer,
  options: { credits?: number; limits?: Record<string, number>; name?: string } = {},
): Promise<Customer> {
  const body = await ok<{ customer: { id: string }; api_key: { key: string } }>(
    await adminFetch(server, "/admin/customers", {
      name: options.name ?? "Test customer",
      credits: options.credits ?? 1_000_000,
      limits: options.limits,
    }),
    "creating a customer",
  );
  return { customerId: body.customer.id, apiKey: body.api_key.key };
}

export async function enrollmentToken(server: DevServer, clearance = "low_sensitive") {
  const body = await ok<{ enrollment_token: string }>(
    await adminFetch(server, "/admin/node-enrollments", { clearance }),
    "creating an enrollment token",
  );
  return body.enrollment_token;
}

export function customerFetch(
  server: DevServer,
  customer: Customer,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("X-API-Key", customer.apiKey);
  if (init.body && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  return fetch(`${server.url}/api/v1${path}`, { ...init, headers });
}

/** Creates, uploads and finalizes a dataset or package; answers its id. */
export async function uploadReady(
  server: DevServer,
  customer: Customer,
  resource: "datasets" | "training-packages",
  name: string,
  bytes: Uint8Array,
): Promise<string> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const record = await ok<{ id: string }>(
    await customerFetch(server, customer, `/customer/${resource}`, {
      method: "POST",
      body: JSON.stringify({ name, size_bytes: bytes.byteLength, sha256 }),
    }),
    `creating a ${resource} record`,
  );
  await ok(
    await customerFetch(server, customer, `/customer/${resource}/${record.id}/content`, {
      method: "PUT",
      headers: { "Content-Type": "application/octet-stream" },
      body: bytes,
    }),
    `uploading a ${resource} record`,
  );
  await ok(
    await customerFetch(server, customer, `/customer/${resource}/${record.id}/finalize`, {
      method: "POST",
    }),
    `finalizing a ${resource} record`,
  );
  return record.id;
}

export interface JobView {
  id: string;
  status: string;
  progress: Record<string, number>;
  charged_credits: number;
  error: { code: string; message: string } | null;
}

export async function createJob(
  server: DevServer,
  customer: Customer,
  body: Record<string, unknown>,
): Promise<JobView> {
  return ok<JobView>(
    await customerFetch(server, customer, "/customer/training-jobs", {
      method: "POST",
      headers: { "Idempotency-Key": `test-${crypto.randomUUID()}` },
      body: JSON.stringify(body),
    }),
    "creating a job",
  );
}

export async function getJob(server: DevServer, customer: Customer, id: string) {
  return ok<JobView>(
    await customerFetch(server, customer, `/customer/training-jobs/${id}`),
    "reading a job",
  );
}

/** Polls until the job ends or `timeoutMs` passes; answers the last view. */
export async function waitForJob(
  server: DevServer,
  customer: Customer,
  id: string,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<JobView> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    const job = await getJob(server, customer, id);
    if (["completed", "failed", "cancelled"].includes(job.status)) return job;
    if (Date.now() > deadline) return job;
    await new Promise((done) => setTimeout(done, options.intervalMs ?? 250));
  }
}

/**
 * Helpers for the dataset and training-package tests: records created and
 * bytes uploaded through the public API, and jobs inserted straight into D1
 * (the job routes are not what these tests are about).
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { db } from "../../src/db/client";
import { trainingJobs } from "../../src/db/schema";
import { sha256Hex } from "../../src/domain/crypto";
import { as, json, type TestCustomer } from "./helpers";

export type Resource = "datasets" | "training-packages";

export interface UploadBody {
  id: string;
  status: string;
  size_bytes: number;
  failure: { code: string; message: string; details?: unknown } | null;
  upload: { url: string; multipart: { create_url: string } } | null;
  [field: string]: unknown;
}

export async function createRecord(
  customer: TestCustomer,
  resource: Resource,
  bytes: Uint8Array,
  overrides: Record<string, unknown> = {},
): Promise<UploadBody> {
  const body = {
    name: "test upload",
    size_bytes: bytes.byteLength,
    sha256: await sha256Hex(bytes),
    ...overrides,
  };
  const response = await as(customer, `/customer/${resource}`, json(body));
  if (response.status !== 201) {
    throw new Error(`creating a record failed: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as UploadBody;
}

/** PUTs raw bytes; a stream body is sent without Content-Length. */
export function putBytes(
  customer: TestCustomer,
  path: string,
  body: Uint8Array | ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return as(customer, path, {
    method: "PUT",
    headers: { "Content-Type": "application/octet-stream", ...headers },
    body,
  });
}

/** A body with no declared length, delivered in chunks. */
export function streamOf(bytes: Uint8Array, chunkSize = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

export function post(customer: TestCustomer, path: string): Promise<Response> {
  return as(customer, path, { method: "POST" });
}

/** Creates, uploads and finalizes; answers the ready record. */
export async function readyRecord(
  customer: TestCustomer,
  resource: Resource,
  bytes: Uint8Array,
): Promise<UploadBody> {
  const record = await createRecord(customer, resource, bytes);
  const put = await putBytes(customer, `/customer/${resource}/${record.id}/content`, bytes);
  if (put.status !== 200) throw new Error(`upload failed: ${put.status} ${await put.text()}`);

  const finalized = await post(customer, `/customer/${resource}/${record.id}/finalize`);
  if (finalized.status !== 200) {
    throw new Error(`finalize failed: ${finalized.status} ${await finalized.text()}`);
  }
  return (await finalized.json()) as UploadBody;
}

/** A key of the customer's that holds only `scopes`. */
export async function keyWithScopes(customer: TestCustomer, scopes: string[]) {
  const response = await as(customer, "/customer/api-keys", json({ name: "narrow", scopes }));
  const body = (await response.json()) as { key: string };
  return { customerId: customer.customerId, apiKey: body.key };
}

/** Records a job that uses the dataset and package, in the given state. */
export async function insertJob(
  customerId: string,
  uses: { datasetId?: string; packageId?: string },
  status: "queued" | "running" | "completed" = "running",
): Promise<string> {
  const id = crypto.randomUUID();
  const at = Date.now();
  await db(env)
    .insert(trainingJobs)
    .values({
      id,
      customerId,
      name: "job using the upload",
      datasetId: uses.datasetId ?? crypto.randomUUID(),
      trainingPackageId: uses.packageId ?? crypto.randomUUID(),
      requiredVramMb: 1000,
      requiredDiskMb: 1000,
      maxRuntimeSeconds: 60,
      sensitivity: "public",
      status,
      progress: {},
      unitCount: 3,
      projectedCredits: 0,
      createdAt: at,
      updatedAt: at,
    });
  return id;
}

export async function finishJob(jobId: string): Promise<void> {
  await db(env).update(trainingJobs).set({ status: "completed" }).where(eq(trainingJobs.id, jobId));
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

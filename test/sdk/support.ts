/**
 * What the SDK tests share: the platform from the global setup, customers
 * made through the admin API, and small files to upload.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { GpuAgent, type TransportOptions } from "../../sdk/ts/index.ts";
import type { DevServer } from "../support/dev-server.ts";
import { type Customer, createCustomer } from "../support/platform.ts";
import { zipOf } from "../support/zip.ts";

export type { Customer };

/** The shared platform, shaped as the support helpers expect it. */
export function platform(): DevServer {
  const { url, adminToken } = inject("platform");
  return { url, adminToken, process: undefined as never, stop: async () => {} };
}

export function newCustomer(options: { limits?: Record<string, number> } = {}) {
  return createCustomer(platform(), { credits: 1_000_000, ...options });
}

export function clientFor(customer: Customer, options: Partial<TransportOptions> = {}) {
  return new GpuAgent({ apiKey: customer.apiKey, baseUrl: platform().url, ...options });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "gpu-agent-sdk-test-"));
}

/** A small CSV dataset and a training package zip on disk. */
export async function trainingFiles(dir = tempDir()) {
  const dataset = join(dir, "data.csv");
  writeFileSync(dataset, "x,y\n".concat("1,2\n".repeat(500)));
  const zip = join(dir, "package.zip");
  writeFileSync(zip, await zipOf({ "train.py": "print('training')\n" }));
  return { dir, dataset, zip };
}

/** The page's job body, pointing at ready files. */
export function jobBody(datasetId: string, packageId: string, name = "tiny-mlp-fine-tune") {
  return {
    name,
    dataset_id: datasetId,
    training_package_id: packageId,
    required_vram_mb: 8000,
    required_disk_mb: 1024,
    max_runtime_seconds: 600,
    sensitivity: "low_sensitive" as const,
  };
}

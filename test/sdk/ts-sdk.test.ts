/**
 * The TypeScript SDK against a real local platform with simulated nodes:
 * the customer's whole flow, rate-limit retries, a dropped response during
 * job creation, and pagination.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError, collect, type RetryInfo } from "../../sdk/ts/index.ts";
import { customerFetch } from "../support/platform.ts";
import {
  type Customer,
  clientFor,
  jobBody,
  newCustomer,
  platform,
  tempDir,
  trainingFiles,
} from "./support.ts";

describe("TypeScript SDK", () => {
  let customer: Customer;
  let files: Awaited<ReturnType<typeof trainingFiles>>;

  beforeAll(async () => {
    customer = await newCustomer();
    files = await trainingFiles();
  });

  it("uploads, trains, waits and downloads artifacts whose digests match", async () => {
    const client = clientFor(customer);

    const dataset = await client.uploadDataset(files.dataset, { format: "csv" });
    const pkg = await client.uploadTrainingPackage(files.zip, { name: "tiny-mlp" });
    const created = await client.createTrainingJob(jobBody(dataset.id, pkg.id));
    const polls: string[] = [];
    const job = await client.waitForJob(created.id, {
      intervalMs: 250,
      onPoll: (j) => polls.push(j.status),
    });
    const artifacts = await collect(client.listArtifacts(job.id));
    const out = tempDir();
    const saved = await Promise.all(
      artifacts.map((a) => client.downloadArtifact(a, { to: join(out, `${a.id}-${a.name}`) })),
    );

    expect(dataset).toMatchObject({ status: "ready", format: "csv" });
    expect(pkg).toMatchObject({ status: "ready", entrypoint: "train.py" });
    expect(job.status).toBe("completed");
    expect(polls.at(-1)).toBe("completed");
    expect(artifacts.map((a) => a.kind).sort()).toEqual(
      expect.arrayContaining(["checkpoint", "metrics"]),
    );
    saved.forEach((path, i) => {
      const sha256 = createHash("sha256").update(readFileSync(path)).digest("hex");
      expect(sha256).toBe(artifacts[i]!.sha256);
    });
  });

  it("uploads a file in parts when it is past the multipart threshold", async () => {
    const client = clientFor(customer);
    const path = join(tempDir(), "big.bin");
    writeFileSync(path, Buffer.alloc(11 * 1024 * 1024, 42));
    const progress: number[] = [];

    const dataset = await client.uploadDataset(path, {
      multipartThresholdBytes: 1,
      partSizeBytes: 5 * 1024 * 1024,
      onProgress: (p) => progress.push(p.sentBytes),
    });

    expect(dataset).toMatchObject({ status: "ready", size_bytes: 11 * 1024 * 1024 });
    expect(progress).toHaveLength(3);
    expect(progress.at(-1)).toBe(11 * 1024 * 1024);
  });

  it("retries a 429 after Retry-After and then creates the job", async () => {
    const limited = await newCustomer({ limits: { max_active_jobs: 1 } });
    const client = clientFor(limited);
    const dataset = await client.uploadDataset(files.dataset);
    const pkg = await client.uploadTrainingPackage(files.zip);
    // No node is cleared for high_sensitive work, so this job stays active.
    const first = await client.createTrainingJob({
      ...jobBody(dataset.id, pkg.id, "holds the slot"),
      sensitivity: "high_sensitive",
    });
    const retries: RetryInfo[] = [];
    const retrying = clientFor(limited, {
      maxRetryDelayMs: 200,
      onRetry: (info) => {
        retries.push(info);
        if (retries.length === 1) void client.cancelTrainingJob(first.id);
      },
    });

    const second = await retrying.createTrainingJob({
      ...jobBody(dataset.id, pkg.id, "waits for the slot"),
      sensitivity: "high_sensitive",
    });

    expect(second.status).toBe("queued");
    expect(retries[0]!.error).toMatchObject({ code: "RATE_LIMITED", status: 429 });
    expect((retries[0]!.error as ApiError).retryAfter).toBeGreaterThan(0);
    await client.cancelTrainingJob(second.id);
  });

  it("creates one job when the response to its creation is lost and it is retried", async () => {
    const alone = await newCustomer();
    const setup = clientFor(alone);
    const dataset = await setup.uploadDataset(files.dataset);
    const pkg = await setup.uploadTrainingPackage(files.zip);
    let dropped = 0;
    const dropping: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const creating = init?.method === "POST" && String(input).endsWith("/training-jobs");
      if (creating && dropped === 0) {
        dropped++;
        await response.body?.cancel();
        throw new TypeError("fetch failed", { cause: new Error("socket hang up") });
      }
      return response;
    };
    const client = clientFor(alone, { fetch: dropping, retryBaseDelayMs: 10 });

    const job = await client.createTrainingJob(jobBody(dataset.id, pkg.id, "exactly once"));
    const jobs = await collect(client.listTrainingJobs());

    expect(dropped).toBe(1);
    expect(jobs.map((j) => j.id)).toEqual([job.id]);
  });

  it("visits every item of a paginated list exactly once", async () => {
    const many = await newCustomer();
    for (let i = 0; i < 7; i++) {
      const created = await customerFetch(platform(), many, "/customer/datasets", {
        method: "POST",
        body: JSON.stringify({ name: `d${i}`, size_bytes: 10, sha256: "0".repeat(64) }),
      });
      expect(created.status).toBe(201);
    }
    const client = clientFor(many);

    const names = (await collect(client.listDatasets({ pageSize: 2 }))).map((d) => d.name);

    expect(names).toHaveLength(7);
    expect(new Set(names)).toEqual(new Set(["d0", "d1", "d2", "d3", "d4", "d5", "d6"]));
  });

  it("creates, lists and revokes API keys, and manages webhook endpoints", async () => {
    const client = clientFor(await newCustomer());

    const key = await client.apiKeys.create({ name: "ci", scopes: ["jobs:read"] });
    const keys = await collect(client.apiKeys.list({ pageSize: 1 }));
    const revoked = await client.apiKeys.revoke(key.id);
    const endpoint = await client.webhooks.create({
      url: "https://hooks.example.com/gpu-agent",
      events: ["training_job.completed"],
    });
    const listed = await collect(client.webhooks.list());
    await client.webhooks.delete(endpoint.id);
    const deliveries = await client.webhooks
      .listDeliveries(endpoint.id)
      .next()
      .catch((e) => e);

    expect(key.key).toMatch(/^sk_alpha_/);
    expect(keys.map((k) => k.id)).toContain(key.id);
    expect(revoked.revoked_at).not.toBeNull();
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect(listed.map((w) => w.id)).toEqual([endpoint.id]);
    expect(deliveries).toMatchObject({ code: "WEBHOOK_NOT_FOUND", status: 404 });
  });

  it("throws ApiError for a job that is not the caller's", async () => {
    const client = clientFor(customer);

    const failure = await client.getTrainingJob("no-such-job").catch((err: unknown) => err);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: "JOB_NOT_FOUND", status: 404 });
    expect((failure as ApiError).requestId).toBeTruthy();
  });
});

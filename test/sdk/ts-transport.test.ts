/**
 * The TypeScript SDK's HTTP behaviour against a scripted `fetch`: which
 * failures it retries, how long it waits, what it throws.
 */
import { describe, expect, it } from "vitest";
import {
  ApiError,
  apiBase,
  GpuAgent,
  NetworkError,
  NotFoundError,
  RateLimitError,
  type RetryInfo,
  ServerError,
} from "../../sdk/ts/index.ts";

type Script = (request: Request, attempt: number) => Response | Promise<Response>;

function scripted(script: Script) {
  const requests: Request[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    return script(request, requests.length);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

function error(status: number, code: string, headers: Record<string, string> = {}) {
  const body = { error: { code, message: `${code} happened`, request_id: "req_123" } };
  return Response.json(body, { status, headers: { "X-Request-Id": "req_123", ...headers } });
}

const job = { id: "job_1", status: "queued" };

describe("SDK transport", () => {
  it("honours Retry-After on a 429, adding at most 10% jitter", async () => {
    const { fetch, requests } = scripted((_, n) =>
      n === 1 ? error(429, "RATE_LIMITED", { "Retry-After": "1" }) : Response.json(job),
    );
    const retries: RetryInfo[] = [];
    const client = new GpuAgent({ apiKey: "sk_test", fetch, onRetry: (r) => retries.push(r) });

    const started = performance.now();
    const got = await client.getTrainingJob("job_1");
    const waited = performance.now() - started;

    expect(got).toEqual(job);
    expect(requests).toHaveLength(2);
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(1000);
    expect(retries[0]?.delayMs).toBeLessThanOrEqual(1100);
    expect(waited).toBeGreaterThanOrEqual(990);
  });

  it("never waits longer than maxRetryDelayMs", async () => {
    const { fetch } = scripted((_, n) =>
      n === 1 ? error(429, "RATE_LIMITED", { "Retry-After": "30" }) : Response.json(job),
    );
    const retries: RetryInfo[] = [];
    const client = new GpuAgent({
      apiKey: "sk_test",
      fetch,
      maxRetryDelayMs: 50,
      onRetry: (r) => retries.push(r),
    });

    await client.getTrainingJob("job_1");

    expect(retries.map((r) => r.delayMs)).toEqual([50]);
  });

  it("retries a 503 on a read with growing, jittered backoff", async () => {
    const { fetch, requests } = scripted((_, n) =>
      n < 3 ? error(503, "INTERNAL_ERROR") : Response.json(job),
    );
    const retries: RetryInfo[] = [];
    const client = new GpuAgent({
      apiKey: "sk_test",
      fetch,
      retryBaseDelayMs: 20,
      onRetry: (r) => retries.push(r),
    });

    await client.getTrainingJob("job_1");

    expect(requests).toHaveLength(3);
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(10);
    expect(retries[0]!.delayMs).toBeLessThanOrEqual(20);
    expect(retries[1]!.delayMs).toBeGreaterThanOrEqual(20);
    expect(retries[1]!.delayMs).toBeLessThanOrEqual(40);
  });

  it("does not retry a 5xx on a request that is not safe to repeat", async () => {
    const { fetch, requests } = scripted(() => error(500, "INTERNAL_ERROR"));
    const client = new GpuAgent({ apiKey: "sk_test", fetch, retryBaseDelayMs: 1 });

    await expect(client.cancelTrainingJob("job_1")).rejects.toMatchObject({
      code: "INTERNAL_ERROR",
      status: 500,
    });
    expect(requests).toHaveLength(1);
  });

  it("does not retry a daily quota refusal, whose wait lasts until midnight", async () => {
    const { fetch, requests } = scripted(() =>
      error(429, "DAILY_TASK_LIMIT_EXCEEDED", { "Retry-After": "36000" }),
    );
    const client = new GpuAgent({ apiKey: "sk_test", fetch });

    const failure = await client.getTrainingJob("job_1").catch((err: unknown) => err);

    expect(failure).toBeInstanceOf(RateLimitError);
    expect(failure).toMatchObject({ code: "DAILY_TASK_LIMIT_EXCEEDED", retryAfter: 36000 });
    expect(requests).toHaveLength(1);
  });

  it("throws ApiError with the code, status, request id and details", async () => {
    const { fetch } = scripted(() => error(404, "JOB_NOT_FOUND"));
    const client = new GpuAgent({ apiKey: "sk_test", fetch });

    const failure = (await client.getTrainingJob("nope").catch((err: unknown) => err)) as ApiError;

    expect(failure).toBeInstanceOf(NotFoundError);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure.code).toBe("JOB_NOT_FOUND");
    expect(failure.status).toBe(404);
    expect(failure.requestId).toBe("req_123");
    expect(failure.message).toContain("req_123");
  });

  it("describes a response that is not the platform's error envelope", async () => {
    const { fetch } = scripted(() => new Response("<html>bad gateway</html>", { status: 502 }));
    const client = new GpuAgent({ apiKey: "sk_test", fetch, maxRetries: 0 });

    const failure = await client.getTrainingJob("job_1").catch((err: unknown) => err);

    expect(failure).toBeInstanceOf(ServerError);
    expect(failure).toMatchObject({ code: "HTTP_502", status: 502 });
  });

  it("turns a refused connection into NetworkError after its retries", async () => {
    const { fetch, requests } = scripted(() => {
      throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") });
    });
    const client = new GpuAgent({ apiKey: "sk_test", fetch, maxRetries: 2, retryBaseDelayMs: 1 });

    const failure = await client.getTrainingJob("job_1").catch((err: unknown) => err);

    expect(failure).toBeInstanceOf(NetworkError);
    expect((failure as Error).message).toContain("ECONNREFUSED");
    expect(requests).toHaveLength(3);
  });

  it("retries a read whose response body broke off mid-way", async () => {
    const { fetch, requests } = scripted((_, n) => {
      if (n > 1) return Response.json(job);
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":'));
          controller.error(new TypeError("terminated"));
        },
      });
      return new Response(body, { status: 200 });
    });
    const client = new GpuAgent({ apiKey: "sk_test", fetch, retryBaseDelayMs: 1 });

    expect(await client.getTrainingJob("job_1")).toEqual(job);
    expect(requests).toHaveLength(2);
  });

  it("sends the same generated Idempotency-Key on every attempt of a job creation", async () => {
    const { fetch, requests } = scripted((_, n) =>
      n === 1 ? error(503, "INTERNAL_ERROR") : Response.json(job, { status: 201 }),
    );
    const client = new GpuAgent({ apiKey: "sk_test", fetch, retryBaseDelayMs: 1 });

    await client.createTrainingJob({
      name: "j",
      dataset_id: "d",
      training_package_id: "p",
      required_vram_mb: 0,
      required_disk_mb: 1,
      max_runtime_seconds: 1,
      sensitivity: "public",
    });

    const keys = requests.map((r) => r.headers.get("Idempotency-Key"));
    expect(keys[0]).toMatch(/^sdk-[0-9a-f-]{36}$/);
    expect(keys).toEqual([keys[0], keys[0]]);
    expect(requests[0]!.headers.get("X-API-Key")).toBe("sk_test");
  });

  it("stops waiting for a job when its signal aborts", async () => {
    const { fetch } = scripted(() => Response.json(job));
    const client = new GpuAgent({ apiKey: "sk_test", fetch });

    const waiting = client.waitForJob("job_1", { signal: AbortSignal.timeout(100) });

    await expect(waiting).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("follows next_cursor until has_more is false, asking only as items are used", async () => {
    const pages = [
      { data: [{ id: "a" }, { id: "b" }], page: { limit: 2, next_cursor: "c1", has_more: true } },
      { data: [{ id: "c" }], page: { limit: 2, next_cursor: null, has_more: false } },
    ];
    const { fetch, requests } = scripted((request) => {
      const cursor = new URL(request.url).searchParams.get("cursor");
      return Response.json(cursor === "c1" ? pages[1] : pages[0]);
    });
    const client = new GpuAgent({ apiKey: "sk_test", fetch });

    const ids: string[] = [];
    for await (const dataset of client.listDatasets({ pageSize: 2 })) ids.push(dataset.id);
    for await (const _ of client.listDatasets({ pageSize: 2 })) break;

    expect(ids).toEqual(["a", "b", "c"]);
    expect(requests.map((r) => new URL(r.url).search)).toEqual([
      "?limit=2",
      "?limit=2&cursor=c1",
      "?limit=2",
    ]);
  });

  it("accepts a base URL with or without /api/v1", () => {
    expect(apiBase("https://api.example.com")).toBe("https://api.example.com/api/v1");
    expect(apiBase("https://api.example.com/api/v1/")).toBe("https://api.example.com/api/v1");
  });
});

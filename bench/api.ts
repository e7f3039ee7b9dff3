/**
 * @module bench/api
 * API overhead: requests per second and latency at a fixed concurrency, with
 * autocannon, for the unauthenticated health check (the baseline: routing and
 * the response envelope only) and the customer routes, which add an API-key
 * lookup in D1, the request budget in the customer's gate object and their
 * own work. `GET /customer/pricing` does nothing else, so it shows the price
 * of auth and budget alone. Job creation runs first and fills the store with
 * the thousands of queued jobs the list pages over.
 *
 * Each route is measured right after a run of the baseline and its ratio is
 * taken against that neighbour, so a change in what else the machine does
 * between routes moves both figures of a pair together.
 */
import autocannon from "autocannon";
import type { DevServer } from "../test/support/dev-server.ts";
import type { Customer } from "../test/support/platform.ts";
import { benchCustomer, benchInputs, createJobs, jobBody } from "./lib/fixtures.ts";
import { type CpuShare, cpuMeter, round, treeUsage } from "./lib/stats.ts";

export interface Load {
  requests: number;
  /** Mean requests per second over the run. */
  rps: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  /** CPU the platform (wrangler and workerd) spent per request, ms. */
  serverCpuMsPerRequest: number;
  /** The workerd processes' part of it. */
  workerdCpuMsPerRequest: number;
  cores: CpuShare;
}

export interface RouteResult extends Load {
  route: string;
  /** The health check measured just before this route. */
  baseline: Load;
  /** This route's throughput as a share of that baseline's. */
  ratioToBaseline: number;
}

export interface ApiResult {
  connections: number;
  seconds: number;
  jobsStored: number;
  routes: RouteResult[];
}

export interface ApiOptions {
  connections: number;
  seconds: number;
  /** Jobs in the store when the list is measured. */
  jobsStored: number;
}

export async function runApi(server: DevServer, options: ApiOptions): Promise<ApiResult> {
  const customer = await benchCustomer(server, "API bench customer");
  const inputs = await benchInputs(server, customer);
  // No benchmark node is cleared for high_sensitive work: these jobs stay queued
  // and never compete with another run's units on a shared platform.
  const body = jobBody(inputs, "api-bench", "high_sensitive");
  const [first] = await createJobs(server, customer, body, 1, 1);
  let stored = 1;
  const routes: RouteResult[] = [];
  const pair = async (route: string, path: string, extra: Partial<autocannon.Options> = {}) => {
    const health = await measure(server, customer, "/api/v1/health", options, { headers: {} });
    const measured = await measure(server, customer, path, options, extra);
    const ratioToBaseline = round(measured.load.rps / health.load.rps, 2);
    routes.push({ route, ...measured.load, baseline: health.load, ratioToBaseline });
    return measured;
  };

  await pair("GET /api/v1/health", "/api/v1/health", { headers: {} });
  const creation = await pair("POST /customer/training-jobs", "/api/v1/customer/training-jobs", {
    method: "POST",
    body: JSON.stringify(body),
  });
  stored += creation.load.requests - creation.load.non2xx + creation.warmedUp;
  if (stored < options.jobsStored) {
    await createJobs(server, customer, body, options.jobsStored - stored, 16);
    stored = options.jobsStored;
  }

  await pair("GET /customer/pricing (auth + budget only)", "/api/v1/customer/pricing");
  await pair("GET /customer/training-jobs/:id", `/api/v1/customer/training-jobs/${first!.id}`);
  await pair(
    `GET /customer/training-jobs?limit=50 (${stored} jobs stored)`,
    "/api/v1/customer/training-jobs?limit=50",
  );
  return { connections: options.connections, seconds: options.seconds, jobsStored: stored, routes };
}

async function measure(
  server: DevServer,
  customer: Customer,
  path: string,
  options: ApiOptions,
  extra: Partial<autocannon.Options>,
): Promise<{ load: Load; warmedUp: number }> {
  const base = {
    url: `${server.url}${path}`,
    connections: options.connections,
    headers: { "X-API-Key": customer.apiKey, "Content-Type": "application/json" },
    ...extra,
  };
  // A short warm-up, so isolate start-up and cold caches are not measured.
  const warm = await autocannon({
    ...base,
    ...(extra.method === "POST" ? { amount: 20 } : { duration: 1 }),
  });

  const pid = server.process.pid!;
  const before = treeUsage(pid);
  const cores = cpuMeter(pid);
  const result = await autocannon({ ...base, duration: options.seconds });
  const share = cores();
  const after = treeUsage(pid);

  const requests = result.requests.total;
  const perRequest = (seconds: number) => round((seconds * 1000) / Math.max(1, requests), 2);
  const load: Load = {
    requests,
    rps: round(requests / result.duration, 0),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    serverCpuMsPerRequest: perRequest(after.cpuSeconds - before.cpuSeconds),
    workerdCpuMsPerRequest: perRequest(after.workerdCpuSeconds - before.workerdCpuSeconds),
    cores: share,
  };
  return { load, warmedUp: warm.requests.total - warm.non2xx };
}

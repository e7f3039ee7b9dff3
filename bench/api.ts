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
 * Each route is measured in rounds that alternate with rounds of the
 * baseline, and its ratio is taken against those, so a change in what else
 * the machine does moves both figures of a pair together.
 */
import autocannon from "autocannon";
import type { DevServer } from "../test/support/dev-server.ts";
import type { Customer } from "../test/support/platform.ts";
import { benchCustomer, benchInputs, createJobs, jobBody } from "./lib/fixtures.ts";
import { type CpuShare, cpuMeter, percentile, round, treeUsage } from "./lib/stats.ts";

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
  /**
   * The same share from CPU per request (baseline's ÷ this route's): what the
   * ratio would be were the platform CPU-bound, whatever else the machine did.
   */
  cpuRatioToBaseline: number;
}

export interface ApiResult {
  connections: number;
  seconds: number;
  jobsStored: number;
  routes: RouteResult[];
}

export interface ApiOptions {
  connections: number;
  /** Seconds of load per route, split over `rounds`. */
  seconds: number;
  rounds: number;
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
    const health = new Sampler(server, customer, "/api/v1/health", options, { headers: {} });
    const measured = new Sampler(server, customer, path, options, extra);
    await health.warmUp();
    const warmedUp = await measured.warmUp();
    // Rounds alternate the two, so both see the same machine over the same minutes.
    for (let i = 0; i < options.rounds; i++) {
      await health.round();
      await measured.round();
    }
    const [baseline, load] = [health.load(), measured.load()];
    routes.push({
      route,
      ...load,
      baseline,
      ratioToBaseline: round(load.rps / baseline.rps, 2),
      cpuRatioToBaseline: round(baseline.serverCpuMsPerRequest / load.serverCpuMsPerRequest, 2),
    });
    return { load, warmedUp };
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

/** Runs of one route, in rounds, summed into one figure. */
class Sampler {
  private readonly rounds: autocannon.Result[] = [];
  private cpu = 0;
  private workerdCpu = 0;
  private readonly shares: CpuShare[] = [];
  private readonly base: autocannon.Options;
  private readonly seconds: number;
  private readonly pid: number;

  constructor(
    server: DevServer,
    customer: Customer,
    path: string,
    options: ApiOptions,
    extra: Partial<autocannon.Options>,
  ) {
    this.base = {
      url: `${server.url}${path}`,
      connections: options.connections,
      headers: { "X-API-Key": customer.apiKey, "Content-Type": "application/json" },
      ...extra,
    };
    this.seconds = options.seconds / options.rounds;
    this.pid = server.process.pid!;
  }

  /** A short warm-up, so isolate start-up and cold caches are not measured; answers 2xx. */
  async warmUp(): Promise<number> {
    const post = this.base.method === "POST";
    const warm = await autocannon({ ...this.base, ...(post ? { amount: 20 } : { duration: 1 }) });
    return warm.requests.total - warm.non2xx;
  }

  async round(): Promise<void> {
    const before = treeUsage(this.pid);
    const cores = cpuMeter(this.pid);
    this.rounds.push(await autocannon({ ...this.base, duration: this.seconds }));
    this.shares.push(cores());
    const after = treeUsage(this.pid);
    this.cpu += after.cpuSeconds - before.cpuSeconds;
    this.workerdCpu += after.workerdCpuSeconds - before.workerdCpuSeconds;
  }

  /** Throughput over all rounds; latency percentiles are the median of the rounds'. */
  load(): Load {
    const sum = (f: (r: autocannon.Result) => number) => this.rounds.reduce((a, r) => a + f(r), 0);
    const median = (f: (r: autocannon.Result) => number) =>
      percentile(
        this.rounds.map(f).sort((a, b) => a - b),
        50,
      );
    const mean = (f: (c: CpuShare) => number) =>
      round(this.shares.reduce((a, c) => a + f(c), 0) / this.shares.length, 2);
    const requests = sum((r) => r.requests.total);
    const perRequest = (seconds: number) => round((seconds * 1000) / Math.max(1, requests), 2);
    return {
      requests,
      rps: round(requests / sum((r) => r.duration), 0),
      latencyMs: {
        p50: median((r) => r.latency.p50),
        p90: median((r) => r.latency.p90),
        p99: median((r) => r.latency.p99),
        max: Math.max(...this.rounds.map((r) => r.latency.max)),
      },
      non2xx: sum((r) => r.non2xx),
      errors: sum((r) => r.errors + r.timeouts),
      serverCpuMsPerRequest: perRequest(this.cpu),
      workerdCpuMsPerRequest: perRequest(this.workerdCpu),
      cores: {
        server: mean((c) => c.server),
        client: mean((c) => c.client),
        other: mean((c) => c.other),
        busiestThread: mean((c) => c.busiestThread),
      },
    };
  }
}

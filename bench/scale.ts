/**
 * @module bench/scale
 * Scale of one node pool, in two runs on fresh platforms:
 *
 * - idle sockets: light nodes register and connect in batches up to each
 *   level (100, 1,000, 5,000); at each level the platform's memory (VmRSS of
 *   wrangler's process tree) is read, a sample of sockets is pinged (the
 *   runtime answers `ping` for the hibernating pool without waking it), and
 *   one small job runs to show that dispatch still finds an idle node;
 * - queue depth: GPU units wait in the pool's queue with no GPU node
 *   connected (CPU nodes run each job's prepare step, which releases ten GPU
 *   units per job); at each depth a GPU node connects and takes a few units,
 *   one at a time, and the time from its welcome or previous verdict to the
 *   next `assign` is the dispatch latency at that depth.
 */
import type { DevServer } from "../test/support/dev-server.ts";
import { BenchNode, startNodes } from "./lib/bench-node.ts";
import {
  benchCustomer,
  benchInputs,
  createJobs,
  jobBody,
  readyTimes,
  waitForJobs,
} from "./lib/fixtures.ts";
import {
  type Distribution,
  distribution,
  openFilesLimit,
  round,
  sleep,
  type TreeUsage,
  treeUsage,
} from "./lib/stats.ts";

export interface IdleLevel {
  nodes: number;
  /** Sockets whose ping was answered, of those sampled. */
  pingsAnswered: number;
  pingsSent: number;
  pingMs: Distribution;
  rssMb: number;
  workerdRssMb: number;
  /** Every process of wrangler's tree with its RSS (MiB) and open file descriptors. */
  processes: { name: string; rssMb: number; fds: number }[];
  /** Open file descriptors of the workerd processes per connected socket. */
  workerdFdsPerSocket: number;
  /** Extra memory per socket over the platform with no node, KiB. */
  kibPerSocket: number;
  /** Nodes that could not enrol or connect after three tries, so far. */
  failedNodes: number;
  /** Seconds to register and connect the nodes added for this level. */
  connectSeconds: number;
  /** Platform CPU for one agent heartbeat (a JSON frame that wakes the pool), ms. */
  cpuMsPerHeartbeat: number;
  /** Cores the heartbeats of this many agents would keep busy (one per 10 s each). */
  heartbeatCores: number;
  /** A ten-unit job's ready → assign with this many nodes connected. */
  readyToAssignMs: Distribution;
  error?: string;
}

export interface DepthLevel {
  queuedUnits: number;
  /** Welcome (first unit) or previous verdict → next assign, at the node. */
  idleToAssignMs: Distribution;
  firstAssignMs: number;
}

export interface ScaleResult {
  idle: { baselineRssMb: number; workerdOpenFilesLimit: number; levels: IdleLevel[] };
  depth: { unitsPerJob: number; levels: DepthLevel[] };
}

const PING_SAMPLE = 200;

export async function runIdleSockets(server: DevServer, levels: number[], quietMs = 5_000) {
  const customer = await benchCustomer(server, "Scale bench customer");
  const stages = [{ name: "sweep", kind: "cpu" as const, parallel: 10 }];
  const body = jobBody(await benchInputs(server, customer, stages), "scale-bench");
  const pid = server.process.pid!;
  await sleep(2_000);
  const baseline = treeUsage(pid);
  const baselineRssMb = baseline.rssMb;
  const baselineFds = workerdFds(baseline);
  const fdLimit = Math.min(
    ...baseline.processes.filter((p) => p.name === "workerd").map((p) => openFilesLimit(p.pid)),
  );

  const nodes: BenchNode[] = [];
  let failed = 0;
  const out: IdleLevel[] = [];
  let stoppedBy: string | undefined;
  for (const level of levels) {
    if (stoppedBy) break;
    const started = performance.now();
    const failures: string[] = [];
    const shape = { cpuCores: 2, gpus: [] };
    // Chunks, so the run stops short of workerd's open-files limit: past it the
    // runtime crashes and restarts, and every socket with it.
    while (nodes.length + failed < level && failures.length === 0) {
      const used = workerdFds(treeUsage(pid));
      const perSocket = nodes.length ? (used - baselineFds) / nodes.length : 8;
      const chunk = Math.min(250, level - nodes.length - failed);
      if (used + chunk * perSocket * 1.2 > fdLimit * 0.95) {
        stoppedBy = `workerd holds ${used} of its ${fdLimit} open files`;
        break;
      }
      const options = { batch: 50, failures, maxFailures: 25 };
      nodes.push(...(await startNodes(server, chunk, shape, options)));
      failed += failures.length;
    }
    const error = failures[0] ?? stoppedBy;
    const connectSeconds = round((performance.now() - started) / 1000);
    // Let the pool go idle (and hibernate, where the runtime does) before reading memory.
    await sleep(quietMs);
    const usage = treeUsage(pid);

    const sample = pick(nodes, PING_SAMPLE);
    const pings = await Promise.all(
      sample.map((n) => Promise.race([n.ping(), sleep(5_000).then(() => Number.NaN)])),
    );
    const answered = pings.filter((p) => !Number.isNaN(p));

    const cpuMsPerHeartbeat = await heartbeatCost(pid, nodes);

    const [job] = await createJobs(server, customer, body, 1, 1);
    await waitForJobs(server, customer, [job!.id], 60_000);
    const ready = await readyTimes(server, customer, job!.id);
    const received = nodes.flatMap((n) => n.records).filter((r) => ready.has(r.computeUnitId));

    out.push({
      nodes: nodes.length,
      pingsAnswered: answered.length,
      pingsSent: sample.length,
      pingMs: distribution(answered),
      rssMb: usage.rssMb,
      workerdRssMb: usage.workerdRssMb,
      processes: usage.processes.map(({ name, rssMb, fds }) => ({ name, rssMb, fds })),
      workerdFdsPerSocket: round((workerdFds(usage) - baselineFds) / Math.max(1, nodes.length), 2),
      kibPerSocket: round(((usage.rssMb - baselineRssMb) * 1024) / Math.max(1, nodes.length), 1),
      connectSeconds,
      cpuMsPerHeartbeat,
      heartbeatCores: round((nodes.length / 10) * (cpuMsPerHeartbeat / 1000), 2),
      readyToAssignMs: distribution(
        received.map((r) => r.receivedAt - ready.get(r.computeUnitId)!),
      ),
      failedNodes: failed,
      ...(error ? { error } : {}),
    });
    if (failures.length > 0) break;
  }
  await Promise.all(nodes.map((n) => n.close()));
  return { baselineRssMb, workerdOpenFilesLimit: fdLimit, levels: out };
}

export async function runQueueDepth(
  server: DevServer,
  depths: number[],
  sample: number,
  cpuNodeCount = 20,
) {
  const unitsPerJob = 10;
  const customer = await benchCustomer(server, "Queue bench customer");
  const stages = [{ name: "sweep", kind: "gpu" as const, parallel: unitsPerJob }];
  const body = jobBody(await benchInputs(server, customer, stages), "queue-bench");
  // CPU-only nodes run the prepare steps (and later the package steps).
  const cpuShape = { cpuCores: 2, gpus: [] };
  const cpuNodes = await startNodes(server, cpuNodeCount, cpuShape, { prefix: "cpu" });

  let queued = 0;
  const levels: DepthLevel[] = [];
  for (const depth of depths) {
    const jobs = Math.ceil((depth - queued) / unitsPerJob);
    if (jobs > 0) {
      const created = await createJobs(server, customer, body, jobs, 16);
      await untilPrepared(
        server,
        customer,
        created.map((j) => j.id),
      );
      queued += jobs * unitsPerJob;
    }

    const gpu = await BenchNode.register(server, { cpuCores: 2, gpus: [24_576] }, `gpu-${depth}`);
    const take = Math.min(sample, queued);
    gpu.drainAfter = { stage: "sweep", units: take };
    await gpu.connect();
    const deadline = Date.now() + 120_000;
    while (gpu.records.filter((r) => r.stage === "sweep").length < take && Date.now() < deadline) {
      await sleep(50);
    }
    await gpu.close();
    const taken = gpu.records.filter((r) => r.stage === "sweep");
    queued -= taken.length;

    levels.push({
      queuedUnits: queued + taken.length,
      idleToAssignMs: distribution(taken.map((r) => r.receivedAt - r.freeSince)),
      firstAssignMs: round(Math.min(...taken.map((r) => r.receivedAt)) - gpu.welcomedAt),
    });
  }
  await Promise.all(cpuNodes.map((n) => n.close()));
  return { unitsPerJob, levels };
}

/**
 * Platform CPU per heartbeat: one heartbeat from every node in a burst, until
 * the platform is quiet again, less what it spends idling over that time.
 */
async function heartbeatCost(pid: number, nodes: BenchNode[]): Promise<number> {
  const idleStart = treeUsage(pid).cpuSeconds;
  await sleep(2_000);
  const idlePerSecond = (treeUsage(pid).cpuSeconds - idleStart) / 2;

  const started = performance.now();
  const start = treeUsage(pid).cpuSeconds;
  for (const node of nodes) node.heartbeat();
  let last = start;
  for (let quiet = 0; quiet < 2 && performance.now() - started < 60_000; ) {
    await sleep(500);
    const used = treeUsage(pid).cpuSeconds;
    quiet = used - last <= idlePerSecond / 2 + 0.02 ? quiet + 1 : 0;
    last = used;
  }
  const seconds = (performance.now() - started) / 1000;
  const busy = last - start - idlePerSecond * seconds;
  return round((Math.max(0, busy) * 1000) / Math.max(1, nodes.length), 2);
}

/** Waits until every job's prepare step is verified, so its GPU units are queued. */
async function untilPrepared(server: DevServer, customer: { apiKey: string }, ids: string[]) {
  const deadline = Date.now() + 600_000;
  for (const id of ids) {
    for (;;) {
      const response = await fetch(`${server.url}/api/v1/customer/training-jobs/${id}`, {
        headers: { "X-API-Key": customer.apiKey },
      });
      const job = (await response.json()) as { progress: Record<string, number> };
      if ((job.progress.completed ?? 0) >= 1 || Date.now() > deadline) break;
      await sleep(100);
    }
  }
}

function workerdFds(usage: TreeUsage): number {
  return usage.processes.filter((p) => p.name === "workerd").reduce((a, p) => a + p.fds, 0);
}

function pick<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)]!);
}

/**
 * @module bench/dispatch
 * Dispatch: simulated nodes that accept and finish every unit at once, and
 * jobs whose manifest fans one CPU stage out into K units (the platform adds
 * its prepare and package steps around it). Two runs:
 *
 * - saturated: M jobs created back to back, more units than node slots, for
 *   sustained assignments per second (units queue, so their wait is counted);
 * - unsaturated: jobs one at a time with free slots for every unit, for the
 *   latency of dispatch itself and the platform's overhead per unit;
 * - fan-out: the unsaturated run again at several K, to show how the cost of
 *   one unit depends on the size of its job.
 *
 * Latency method: the scheduler records a `units.ready` event whose `at` is
 * the platform's clock when the units became ready; the node stamps the wall
 * clock when `assign` arrives. Both are this machine's clock. Overhead per
 * unit is ready → verdict received (verified and charged: the verdict is sent
 * after the charge is delivered) minus the node's own work time (zero here).
 */
import type { DevServer } from "../test/support/dev-server.ts";
import type { Customer } from "../test/support/platform.ts";
import { type BenchNode, startNodes, type UnitRecord } from "./lib/bench-node.ts";
import {
  benchCustomer,
  benchInputs,
  chargeTimes,
  createJobs,
  jobBody,
  readyTimes,
  waitForJobs,
} from "./lib/fixtures.ts";
import { type CpuShare, cpuMeter, type Distribution, distribution, round } from "./lib/stats.ts";

export interface DispatchOptions {
  nodes: number;
  /** Jobs created back to back in the saturated run. */
  jobs: number;
  /** Units of the fanned-out stage per job (1–64). */
  unitsPerJob: number;
  /** Jobs run one at a time in the unsaturated run. */
  latencyJobs: number;
  /** Units per job for the fan-out runs (two jobs each, one at a time). */
  fanOut: number[];
  timeoutMs: number;
}

export interface RunFigures {
  jobs: number;
  units: number;
  statuses: Record<string, number>;
  seconds: number;
  /** Assignments per second between the 10th and 90th percentile of arrivals. */
  assignmentsPerSecond: number;
  /** Most assignments that arrived within one wall-clock second. */
  peakPerSecond: number;
  readyToAssignMs: Distribution;
  /** Ready → verified (verdict at the node) and charged (ledger), less the node's work. */
  overheadMs: Distribution;
  /** Charge recorded by the gate → verdict at the node (negative: charged first). */
  chargeToVerdictMs: Distribution;
  /** Its parts: assign → complete sent (accept, signed URL, upload) ... */
  assignToCompleteMs: Distribution;
  /** ... and complete → verdict (verification, charge). */
  completeToVerdictMs: Distribution;
  /** Node side: from the node's previous verdict (or welcome) to its next assign. */
  idleToAssignMs: Distribution;
  cores: CpuShare;
  /** Platform CPU per unit, ms. */
  serverCpuMsPerUnit: number;
}

export interface DispatchResult {
  nodes: number;
  slotsPerNode: number;
  unitsPerJob: number;
  saturated: RunFigures;
  unsaturated: RunFigures;
  fanOut: (RunFigures & { unitsPerJob: number })[];
}

export async function runDispatch(
  server: DevServer,
  options: DispatchOptions,
): Promise<DispatchResult> {
  const customer = await benchCustomer(server, "Dispatch bench customer");
  const stages = [{ name: "sweep", kind: "cpu" as const, parallel: options.unitsPerJob }];
  const inputs = await benchInputs(server, customer, stages);
  const body = jobBody(inputs, "dispatch-bench");
  // Two cores make one CPU slot: every node runs one unit at a time.
  const nodes = await startNodes(server, options.nodes, { cpuCores: 2, gpus: [] }, { batch: 25 });

  const saturated = await measureRun(server, customer, nodes, options, async () =>
    createJobs(server, customer, body, options.jobs, 8),
  );
  const oneAtATime = (jobBodyOf: Record<string, unknown>, count: number) => async () => {
    const jobs = [];
    for (let i = 0; i < count; i++) {
      const [job] = await createJobs(server, customer, jobBodyOf, 1, 1);
      jobs.push(job!);
      await waitForJobs(server, customer, [job!.id], options.timeoutMs);
    }
    return jobs;
  };
  const unsaturated = await measureRun(
    server,
    customer,
    nodes,
    options,
    oneAtATime(body, options.latencyJobs),
  );

  const fanOut: DispatchResult["fanOut"] = [];
  for (const k of options.fanOut) {
    const fanned = [{ name: "sweep", kind: "cpu" as const, parallel: k }];
    const kBody = jobBody(await benchInputs(server, customer, fanned), `fan-out-${k}`);
    const run = await measureRun(server, customer, nodes, options, oneAtATime(kBody, 2));
    fanOut.push({ unitsPerJob: k, ...run });
  }

  await Promise.all(nodes.map((n) => n.close()));
  return {
    nodes: options.nodes,
    slotsPerNode: 1,
    unitsPerJob: options.unitsPerJob,
    saturated,
    unsaturated,
    fanOut,
  };
}

async function measureRun(
  server: DevServer,
  customer: Customer,
  nodes: BenchNode[],
  options: DispatchOptions,
  create: () => Promise<{ id: string }[]>,
): Promise<RunFigures> {
  for (const node of nodes) node.records.length = 0;
  const cores = cpuMeter(server.process.pid!);
  const started = performance.now();
  const jobs = await create();
  const statuses = await waitForJobs(
    server,
    customer,
    jobs.map((j) => j.id),
    options.timeoutMs,
  );
  const seconds = (performance.now() - started) / 1000;
  const share = cores();

  const ready = new Map<string, number>();
  for (const job of jobs) {
    for (const [unit, at] of await readyTimes(server, customer, job.id)) ready.set(unit, at);
  }
  const charged = await chargeTimes(server, customer);
  const records = nodes.flatMap((n) => n.records).filter((r) => ready.has(r.computeUnitId));
  return figures(jobs.length, records, ready, charged, statuses, seconds, share);
}

function figures(
  jobs: number,
  records: UnitRecord[],
  ready: Map<string, number>,
  charged: Map<string, number>,
  statuses: Record<string, number>,
  seconds: number,
  cores: CpuShare,
): RunFigures {
  const arrivals = records.map((r) => r.receivedAt).sort((a, b) => a - b);
  const at = (q: number) => arrivals[Math.floor(q * (arrivals.length - 1))] ?? 0;
  const window = (at(0.9) - at(0.1)) / 1000;
  const perSecond = new Map<number, number>();
  for (const t of arrivals)
    perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
  const readyOf = (r: UnitRecord) => ready.get(r.computeUnitId)!;

  return {
    jobs,
    units: records.length,
    statuses,
    seconds: round(seconds),
    assignmentsPerSecond: window > 0 ? round((0.8 * arrivals.length) / window) : Number.NaN,
    peakPerSecond: Math.max(0, ...perSecond.values()),
    readyToAssignMs: distribution(records.map((r) => r.receivedAt - readyOf(r))),
    overheadMs: distribution(
      records.map((r) => Math.max(r.verdictAt, charged.get(r.computeUnitId) ?? 0) - readyOf(r)),
    ),
    chargeToVerdictMs: distribution(
      records
        .filter((r) => charged.has(r.computeUnitId))
        .map((r) => r.verdictAt - charged.get(r.computeUnitId)!),
    ),
    assignToCompleteMs: distribution(records.map((r) => r.completedAt - r.receivedAt)),
    completeToVerdictMs: distribution(records.map((r) => r.verdictAt - r.completedAt)),
    idleToAssignMs: distribution(
      records.map((r) => r.receivedAt - Math.max(r.freeSince, readyOf(r))),
    ),
    cores,
    serverCpuMsPerUnit: round(((cores.server * seconds) / Math.max(1, records.length)) * 1000, 1),
  };
}

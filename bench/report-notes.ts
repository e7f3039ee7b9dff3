/**
 * @module bench/report-notes
 * The prose of the report: how each figure is measured, why the missed
 * targets are missed and what would close them (with the figures of the run
 * filled in), and what these local figures do and do not say about
 * production. Code references name the function first; line numbers are
 * those of the commit named, and drift as the code changes.
 */
import type { Results } from "./report.ts";

/** The commit whose lines the notes cite. */
const READ_AT = "34a39f2";

const n = (x: number | undefined, digits = 0) =>
  x !== undefined && Number.isFinite(x)
    ? x.toLocaleString("en-US", { maximumFractionDigits: digits })
    : "–";

export function methodNotes(): string {
  return `## Method

- **Platform.** Each run starts its own \`wrangler dev\` (workerd) on 127.0.0.1 with isolated
  \`--persist-to\` state, built from a frozen copy of the sources (\`wrangler dev\` reloads on
  any source edit and drops every socket). D1, R2 and the Durable Objects are the local
  simulations inside workerd. The platform, the load generator and the simulated nodes share
  the machine's cores. "Cores: other" is CPU that other processes used meanwhile (from
  \`/proc/stat\`, less the platform's tree and the benchmark's own process): where it is high,
  throughput and latency are depressed; CPU milliseconds per request or unit, read from
  \`/proc/<pid>/stat\` of wrangler's tree, are much less sensitive to it.
- **API.** autocannon's programmatic API, keep-alive connections at a fixed concurrency, a
  warm-up first. Each route runs in rounds that alternate with rounds of the health check,
  and is compared with those, so both figures of a ratio saw the same machine; latency
  percentiles are the median of the rounds'.
- **Dispatch latency.** When units become ready the job's scheduler records a \`units.ready\`
  event whose \`data.at\` is the platform's clock; the benchmark reads those events back through
  \`GET /customer/training-jobs/:id/events\` and subtracts them from the wall-clock time at which
  the node received each \`assign\` (same machine, same clock). The node-side measure (its
  previous verdict, or the unit's ready time if later, to its next \`assign\`) is shown beside it.
- **Overhead per unit.** Ready → verified and charged, less the node's own work (zero here:
  the simulated nodes answer at once). Verified is when the node receives its verdict;
  charged is the \`created_at\` of the unit's \`charge\` entry in the credit ledger
  (\`GET /customer/credits/ledger?type=charge\`), which the customer's gate stamps when it
  takes the credits; the later of the two counts. Its parts: assign → complete sent (accept,
  a signed upload URL, one PUT through the Worker into R2) and complete → verdict
  (verification against R2, the charge, the D1 mirror).
- **Sustained rate.** 80 % of the assignments divided by the time between the 10th and 90th
  percentile of their arrival, so ramp-up and the tail of the last job do not count.
- **Idle sockets.** Light raw \`ws\` nodes enrol and connect in batches of 50 and send \`hello\`.
  Memory is VmRSS summed over wrangler's process tree (\`/proc/<pid>/status\`), workerd apart.
  Liveness is a sample of text \`ping\` frames, which the pool's \`setWebSocketAutoResponse\`
  answers without running the object. Heartbeat cost: one agent-style JSON \`heartbeat\` from
  every node in a burst, platform CPU until quiet, less idle CPU over the same time.
- **Queue depth.** GPU units wait in the pool with no GPU node connected (CPU nodes run each
  job's prepare step, which releases its GPU units). A GPU node with one GPU then connects,
  takes a sample of units one at a time and drains; the figure is its previous verdict (or
  welcome) → next \`assign\`, at each depth.`;
}

export function productionNotes(r: Results): string {
  return [misses(r), production(r)].join("\n\n");
}

function misses(r: Results): string {
  const d = r.dispatch;
  const cpuPerUnit = d?.saturated.serverCpuMsPerUnit ?? Number.NaN;
  const serverCores = d?.saturated.cores.server ?? Number.NaN;
  const otherCores = d?.saturated.cores.other ?? Number.NaN;
  const busiest = d?.saturated.cores.busiestThread ?? Number.NaN;
  const threadMs = d
    ? (busiest * d.saturated.seconds * 1000) / Math.max(1, d.saturated.units)
    : Number.NaN;
  const idleNote =
    busiest < 0.9
      ? " For the rest of the run the thread waited on round trips awaited in sequence" +
        (otherCores > 0.2 ? " (below) and on the cores other work took." : " (below).")
      : "";
  const fanLine = (d?.fanOut ?? [])
    .map(
      (f) =>
        `K = ${f.unitsPerJob}: assign → complete p50 ${n(f.assignToCompleteMs.p50)} ms, ` +
        `overhead p50 ${n(f.overheadMs.p50)} ms, ${n(f.serverCpuMsPerUnit, 1)} ms CPU per unit`,
    )
    .join("; ");
  const route = (prefix: string) => r.api?.routes.find((x) => x.route.startsWith(prefix));
  const cpu = (prefix: string) => route(prefix)?.serverCpuMsPerRequest ?? Number.NaN;
  const health = cpu("GET /api/v1/health");
  const pricing = cpu("GET /customer/pricing");
  const d1 = cpu("GET /customer/training-jobs/:id") - pricing;

  return `## Why targets are missed, and what would close them

Lines are those of commit ${READ_AT}.

**Throughput is bounded by CPU per unit, on one thread.** The platform's processes spent
${n(cpuPerUnit, 1)} ms of CPU per unit in the saturated run, about ${n(threadMs, 1)} ms of it
on their busiest thread. Locally the Worker, every object and the D1 and R2 simulations run on
one JavaScript thread of one workerd process (wrangler's proxy is a second process); that
thread was busy ${n(busiest * 100)} % of the run, while the platform used
${n(serverCores, 2)} cores and other work on the machine ${n(otherCores, 2)}. One thread at
${n(threadMs, 1)} ms per unit tops out near ${n(1000 / threadMs)} units/s; 500/s needs under
2 ms per unit on it.${idleNote}

**What a unit costs.** Counted from the code, one unit of a running job makes four calls from
the pool into its job's scheduler (\`assign\`, \`accepted\`, \`uploadUrl\`, \`completed\`),
one from the scheduler into the customer's gate (\`chargeUnit\`), about eleven D1 batches
recorded (three after the assignment, three after the acceptance, four after the completion,
and the gate's ledger; consecutive ones now go as one round trip), one upload through the Worker into R2 and an R2 \`head\` to verify it,
three HMAC signatures and six socket frames. The API runs price the parts: a D1 query costs
about ${n(d1, 1)} ms of platform CPU here (\`GET\` job less \`GET\` pricing), auth and the
request budget together ${n(pricing - health, 1)} ms (\`GET\` pricing less the health check),
so D1 round trips alone come to roughly ${n(11 * d1)} ms of the ${n(cpuPerUnit)}. Throughput
comes from fewer round trips per unit:

1. *The outbox delivers in order, one flush at a time.* Since e71630d \`Outbox.drain\`
   (durable-objects/outbox.ts) folds consecutive \`d1\` rows into one \`DB.batch\` (one
   transaction, order kept), which took the saturated run from 28 to the rate above; calls
   to the pool and the gate still go one by one between those batches, and a scheduler
   runs one flush at a time, so what any call of the job records waits for that loop.
   Fix: deliver the pool's and the gate's calls concurrently with the D1 batch they do not
   depend on.
2. *Every unit of a job goes through its one scheduler.* The fan-out runs
   (${fanLine || "not run"}) show CPU per unit level or falling as K grows (a job's fixed
   costs are shared by more units) while latency grows with K: the K units' \`accepted\`,
   \`uploadUrl\` and \`completed\` calls queue on one object and on its one flush loop.
   Fix: answer calls before flushing (below).
3. *The pool's alarm.* Since 601dc6b a dispatch only moves the alarm earlier when the new
   holder's deadline is (\`NodePool.armBy\`); the full scan over busy nodes runs once per
   alarm, not once per assignment.

**Dispatch latency waits behind D1 and the charge.** \`unitSucceeded\`
(durable-objects/scheduler/run.ts:117) records the attempt mirror, artifacts, the gate's
\`chargeUnit\` (:150) and events before \`releaseReadyUnits\` (:167) records the pool's
\`offer\` (:305); with one in-order outbox the
pool hears of the new units only after those D1 batches and the gate's own D1 flush landed.
The K units of a fan-out are then assigned through K calls into the one scheduler. Fix:
deliver pool calls ahead of mirror rows (an \`offer\` is an idempotent \`INSERT OR IGNORE\`
and the units' state is already decided in the scheduler's SQLite), plus fix 1.

**Overhead per unit is mostly waiting on the scheduler's flushes.** \`completed\` returns
the verdict after \`await this.settle()\` (durable-objects/job-scheduler.ts:220), which waits
for the whole outbox (D1 mirror, artifacts, the charge through the gate, whose own outbox
then writes the ledger) unless a flush is already running, in which case it returns at once
and the charge lands later; the overhead above takes the later of verdict and charge. Fix:
the decision is durable once the scheduler's SQLite and outbox rows are written; answer then
and flush in \`ctx.waitUntil\`.
The same holds for \`accepted\` (:104), which the unit's signed-URL request queues behind.

${socketsNote(r)}**Customer routes pay a gate round trip before their own work.** Every
\`/customer/*\` request counts itself in the customer's gate over RPC
(src/middleware/request-budget.ts:15), which writes the gate's SQLite; its key lookup in D1
is cached for 5 s per isolate since
7ab1665 (src/middleware/customer-auth.ts:19). \`GET /customer/pricing\`, which does nothing
else, costs ${n(pricing, 2)} ms of platform CPU against ${n(health, 2)} ms for the health
check. Fix: take the request budget without a round trip per request (the Workers Rate
Limiting binding, or count in the isolate and settle with the gate every second), accepting
a budget that is exact per second rather than per request. Job creation
(${n(cpu("POST"), 1)} ms CPU per job here) adds the admission, the D1 rows of the job and its
units, and the scheduler's start.`;
}

/** Why the idle-socket run stopped short, when it did. */
function socketsNote(r: Results): string {
  const idle = r.scale?.idle;
  const top = idle?.levels.at(-1);
  if (!idle || !top?.error) return "";
  const limit = idle.workerdOpenFilesLimit ?? Number.NaN;
  const perSocket = top.workerdFdsPerSocket;
  return `**Idle sockets stop at workerd's open-files limit, not at the pool.** The run stopped
adding nodes at ${n(top.nodes)} sockets ("${(top.error ?? "").split("\n")[0]?.slice(0, 120)}";
${top.failedNodes} nodes failed to connect). An earlier run that pressed on crashed workerd
("Too many open files", then a restart that dropped every socket). Locally each socket
costs workerd about ${n(perSocket, 1)} file descriptors across its two processes (wrangler's
proxy holds the node's connection and its own to the platform), and workerd may open
${n(limit)} files: the hard limit here, which this sandbox does not let a process raise. One
local platform
therefore tops out near ${n(limit / perSocket)} sockets. Where \`ulimit -Hn\` can be raised,
raise it before \`npm run bench\`; it says nothing about production, where sockets end in
Cloudflare's edge and the limit that counts is 32,768 per object.

`;
}

function production(r: Results): string {
  const idle = r.scale?.idle.levels ?? [];
  const top = idle.at(-1);
  const hb = top?.cpuMsPerHeartbeat ?? Number.NaN;
  const perPool = 100_000 / 4;
  return `## What these local figures say about production, and what they do not

**They do say** how much work each operation is (CPU per request and per unit, D1 rows and
round trips per unit, messages per unit), how that work grows with a job's fan-out, the
number of connected nodes and the depth of the queue, and where the code serialises: one
pool object sees every node message, one scheduler object every message of its job, and
every dispatch waits on the scheduler's in-order outbox.

**They do not say** what production's absolute rates or latencies are. Locally the Worker,
all four object classes, D1 and R2 run in one workerd process beside wrangler's proxy, on 2
cores shared with the load generator and the simulated nodes; the D1 and R2 simulations
spend CPU that production spends elsewhere. In production each object is a single-threaded
actor with its own CPU, but D1 and R2 are network services: every D1 round trip the
scheduler awaits costs milliseconds instead of microseconds, so the sequential outbox makes
dispatch and verdicts slower there, not faster, until it is batched. Memory per socket
(${n(top?.kibPerSocket)} KiB locally at ${n(top?.nodes)} nodes) is local bookkeeping, and both
workerd processes grow with it because wrangler's proxy relays every socket; production
hibernation keeps idle sockets outside the object's memory, and the object's 128 MB limit
applies only while it is awake. The local figures show that the runtime holds the sockets
and answers their pings; they cannot show what hibernation saves in production.

**Per-object limits.** An object runs one event at a time; Cloudflare gives a soft limit of
about 1,000 requests per second per object (lower when each request does more work) and at
most 32,768 WebSockets per object.

**100,000 nodes.**

- Sockets: 100,000 / 32,768 = 3.05, so at least **4 pools**; at 75 % fill (24,576 each) for
  headroom and reconnect storms, **5 pools**.
- Heartbeats: since 34a39f2 the agent proves liveness with the text \`ping\` every 10 s,
  which the pool's auto-response answers without waking the object
  (\`getWebSocketAutoResponseTimestamp\` feeds \`lastSeen\`), and sends its JSON
  \`heartbeat\` every third tick. Each JSON heartbeat still wakes the pool, is parsed by zod
  and rewrites the node's row: ${n(perPool)} nodes per pool make ${n(perPool / 30)}
  messages/s per pool, near the soft limit before a single unit is dispatched, at
  ${n(hb, 2)} ms of CPU each (${n(((perPool / 30) * hb) / 1000, 2)} core-seconds per second).
  Closing it: send the JSON heartbeat only when capacity changes or every few minutes (at
  one per 5 minutes, 100,000 nodes make 333 messages/s in all).
- Dispatch: a unit costs its pool at least four inbound events (the job's \`offer\`, shared
  by its K units, then \`accept\`, one \`upload_url_request\` per output, \`complete\`) and four
  outbound RPCs to the scheduler. 500 assignments/s is therefore 2,000 or more events/s: at
  least 2–3 pools for throughput even where sockets would fit in one.
- Sharding: today both sides name one pool, \`idFromName("default")\`
  (src/routes/nodes.ts:126 and durable-objects/job-scheduler.ts:304). Name pools by region ×
  capability class (CPU-only, GPU VRAM tier) × a hash of the node id modulo the shard count;
  the connect route routes a node to its pool, and the scheduler offers a unit to the pools
  whose class fits, withdrawing it from the others
  once one pool assigns it (the scheduler's \`assign\` already refuses a unit that is no longer
  \`ready\`, which makes the race safe).`;
}

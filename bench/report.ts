/**
 * @module bench/report
 * Turns `results.json` into `REPORT.md`: the machine, the targets with what
 * was measured against them, one table per benchmark, and the notes on
 * method and on production (`report-notes.ts`). Every figure comes from the
 * results of the same run; nothing here is measured.
 */
import type { ApiResult } from "./api.ts";
import type { DispatchResult, RunFigures } from "./dispatch.ts";
import type { Distribution } from "./lib/stats.ts";
import { methodNotes, productionNotes } from "./report-notes.ts";
import type { DepthLevel, IdleLevel } from "./scale.ts";

export interface Results {
  meta: Record<string, unknown> & { date: string; mode: string };
  config: unknown;
  /** Benchmarks run again later (`--only`), replacing their part of the record. */
  reruns?: { only: string[]; meta: { date: string; loadAverageAtStart: number[] } }[];
  api?: ApiResult;
  dispatch?: DispatchResult;
  scale?: {
    idle: { baselineRssMb: number; workerdOpenFilesLimit?: number; levels: IdleLevel[] };
    depth: { unitsPerJob: number; levels: DepthLevel[] };
  };
}

export interface Target {
  name: string;
  target: string;
  measured: string;
  met: boolean | null;
  gap: string;
}

const n = (x: number, digits = 0) =>
  Number.isFinite(x)
    ? x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 })
    : "–";
const ms = (x: number) => `${n(x, 1)} ms`;
const pcts = (d: Distribution) => `${ms(d.p50)} / ${ms(d.p99)}`;

const cores = (c: { server: number; busiestThread?: number; other: number }) =>
  `${c.server} / ${c.busiestThread ?? "–"} / ${c.other}`;

function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

export function targets(r: Results): Target[] {
  const out: Target[] = [];
  const d = r.dispatch;
  if (d) {
    const rate = d.saturated.assignmentsPerSecond;
    out.push({
      name: `Sustained assignments with ${d.nodes} simulated nodes`,
      target: "≥ 500 /s (with 200 nodes)",
      measured: `${n(rate, 1)} /s`,
      met: rate >= 500,
      gap: rate >= 500 ? "" : `${n(500 / rate, 1)}× short`,
    });
    const p99 = d.unsaturated.readyToAssignMs.p99;
    out.push({
      name: "Dispatch latency p99 (ready → assign, free slots)",
      target: "< 50 ms",
      measured: ms(p99),
      met: p99 < 50,
      gap: p99 < 50 ? "" : `${n(p99 / 50, 1)}× over`,
    });
    const over = d.unsaturated.overheadMs.p50;
    out.push({
      name: "Platform overhead per unit, p50 (ready → verified and charged)",
      target: "< 100 ms",
      measured: `${ms(over)} (p99 ${ms(d.unsaturated.overheadMs.p99)})`,
      met: over < 100,
      gap: over < 100 ? "" : `${n(over / 100, 1)}× over`,
    });
  }
  const get = r.api?.routes.find((x) => x.route.startsWith("GET /customer/training-jobs/:id"));
  if (get) {
    out.push({
      name: "GET job throughput relative to the health check",
      target: "≥ 0.5×",
      measured:
        `${get.ratioToBaseline}× (${n(get.rps)} vs ${n(get.baseline.rps)} req/s; ` +
        `CPU ratio ${get.cpuRatioToBaseline}×)`,
      met: get.ratioToBaseline >= 0.5,
      gap: get.ratioToBaseline >= 0.5 ? "" : `${n(0.5 / get.ratioToBaseline, 1)}× short`,
    });
  }
  const idle = r.scale?.idle.levels;
  if (idle?.length) {
    const top = idle.at(-1)!;
    const held = top.pingsAnswered === top.pingsSent && !top.error;
    out.push({
      name: "Idle sockets held by one pool",
      target: "5,000",
      measured: held
        ? `${n(top.nodes)}, all sampled pings answered`
        : `${n(top.nodes)} (${top.error ?? "pings lost"})`,
      met: top.nodes >= 5_000 && held,
      gap: top.nodes >= 5_000 && held ? "" : `${n(5_000 - top.nodes)} short`,
    });
  }
  const depth = r.scale?.depth.levels;
  if (depth && depth.length > 1) {
    const [first, last] = [depth[0]!, depth.at(-1)!];
    const growth = last.idleToAssignMs.p50 / first.idleToAssignMs.p50;
    const logGrowth = Math.log10(last.queuedUnits) / Math.log10(first.queuedUnits);
    out.push({
      name: `Dispatch latency from ${n(first.queuedUnits)} to ${n(last.queuedUnits)} queued units`,
      target: `flat, or ≤ logarithmic (×${n(logGrowth, 1)})`,
      measured:
        `p50 ×${n(growth, 2)} ` +
        `(${ms(first.idleToAssignMs.p50)} → ${ms(last.idleToAssignMs.p50)})`,
      met: growth <= logGrowth,
      gap: growth <= logGrowth ? "" : "grows faster than log(depth)",
    });
  }
  return out;
}

function apiSection(api: ApiResult): string {
  const rows = api.routes.map((x) => [
    x.route,
    n(x.rps),
    `${x.ratioToBaseline}×`,
    `${x.cpuRatioToBaseline}×`,
    n(x.baseline.rps),
    `${x.latencyMs.p50} / ${x.latencyMs.p99} ms`,
    n(x.serverCpuMsPerRequest, 2),
    cores(x.cores),
    x.non2xx + x.errors,
  ]);
  return [
    "## API overhead",
    "",
    `autocannon, ${api.connections} connections, ${api.seconds} s per route after a warm-up,`,
    `in rounds alternating with as many rounds of the health check (\`baseline req/s\`);`,
    "`ratio` is the route's req/s over that baseline's, `CPU ratio` the baseline's platform",
    "CPU per request over the route's (the ratio a CPU-bound platform would show, whatever",
    `else ran on the machine). ${n(api.jobsStored)} queued jobs were stored when the list`,
    "was read.",
    "",
    table(
      [
        "route",
        "req/s",
        "ratio",
        "CPU ratio",
        "baseline req/s",
        "p50 / p99",
        "platform CPU ms/req",
        "cores: platform / busiest thread / other",
        "non-2xx",
      ],
      rows,
    ),
  ].join("\n");
}

function runRow(label: string, f: RunFigures, sustained = false): string[] {
  return [
    label,
    `${f.jobs} / ${n(f.units)}`,
    sustained ? n(f.assignmentsPerSecond, 1) : "–",
    pcts(f.readyToAssignMs),
    pcts(f.overheadMs),
    pcts(f.assignToCompleteMs),
    pcts(f.completeToVerdictMs),
    pcts(f.idleToAssignMs),
    n(f.serverCpuMsPerUnit, 1),
    cores(f.cores),
  ];
}

function dispatchSection(d: DispatchResult): string {
  const head = [
    "run",
    "jobs / units",
    "assign/s",
    "ready → assign p50 / p99",
    "ready → verdict (overhead)",
    "assign → complete sent",
    "complete → verdict",
    "node idle → assign",
    "platform CPU ms/unit",
    "cores: platform / busiest thread / other",
  ];
  const rows = [
    runRow(`saturated (K = ${d.unitsPerJob})`, d.saturated, true),
    runRow(`one job at a time (K = ${d.unitsPerJob})`, d.unsaturated),
    ...d.fanOut.map((f) => runRow(`fan-out K = ${f.unitsPerJob}, one at a time`, f)),
  ];
  return [
    "## Dispatch",
    "",
    `${d.nodes} simulated nodes, ${d.slotsPerNode} CPU slot each, finishing every unit at once`,
    "(one small log uploaded through a signed URL per unit). Jobs fan one CPU stage out",
    "into K units; the platform adds prepare and package, so a job has K + 2 units.",
    "All latencies are p50 / p99 in milliseconds.",
    "",
    table(head, rows),
  ].join("\n");
}

function scaleSection(s: NonNullable<Results["scale"]>): string {
  const idle = s.idle.levels.map((l) => [
    n(l.nodes),
    `${l.pingsAnswered} / ${l.pingsSent}`,
    pcts(l.pingMs),
    n(l.rssMb),
    n(l.workerdRssMb),
    n(l.kibPerSocket),
    n(l.workerdFdsPerSocket, 1),
    `${n(l.connectSeconds, 1)}${l.failedNodes ? ` (${l.failedNodes} failed)` : ""}`,
    n(l.cpuMsPerHeartbeat, 2),
    n(l.heartbeatCores, 2),
    pcts(l.readyToAssignMs),
  ]);
  const depth = s.depth.levels.map((l) => [
    n(l.queuedUnits),
    l.idleToAssignMs.n,
    pcts(l.idleToAssignMs),
    ms(l.firstAssignMs),
  ]);
  return [
    "## Scale of one pool",
    "",
    `### Idle sockets (platform with no node: ${n(s.idle.baselineRssMb)} MiB RSS; ` +
      `workerd's open-files limit ${n(s.idle.workerdOpenFilesLimit ?? Number.NaN)})`,
    "",
    table(
      [
        "nodes connected",
        "pings answered",
        "ping p50 / p99",
        "RSS MiB (tree)",
        "RSS MiB (workerd)",
        "KiB per socket",
        "workerd fds per socket",
        "connect s",
        "CPU ms / heartbeat",
        "cores for heartbeats every 10 s",
        "10-unit job ready → assign",
      ],
      idle,
    ),
    "",
    `### Dispatch latency against queue depth (${s.depth.unitsPerJob} GPU units per job)`,
    "",
    table(["queued units", "samples", "idle → assign p50 / p99", "welcome → first assign"], depth),
  ].join("\n");
}

export function renderReport(r: Results): string {
  const meta = r.meta as Record<string, unknown>;
  const quick = r.meta.mode === "quick";
  const cpus = meta.cpus as { count: number; model: string };
  const rows = targets(r).map((t) => [
    t.name,
    t.target,
    t.measured,
    t.met === null ? "–" : t.met ? "met" : "**missed**",
    t.gap,
  ]);
  const parts = [
    "# GPU-Agent benchmarks",
    "",
    `Written by \`npm run bench${quick ? " -- --quick" : ""}\` on ${r.meta.date}.`,
    quick ? "\n**Quick pass: reduced sizes, for smoke-testing only.**" : "",
    "",
    "## Machine",
    "",
    table(
      ["", ""],
      [
        ["CPU", `${cpus.count} × ${cpus.model}`],
        ["memory", `${meta.memoryGb} GiB`],
        ["OS", String(meta.os)],
        ["Node.js / wrangler", `${meta.node} / ${meta.wrangler}`],
        ["open files limit", String(meta.openFilesLimit)],
        ["load average at start", (meta.loadAverageAtStart as number[]).join(", ")],
        ["code", `${meta.source}; HEAD ${meta.commit}${meta.dirty ? " with local changes" : ""}`],
        ...(r.reruns ?? []).map((x) => [
          `re-run: ${x.only.join(", ")}`,
          `${x.meta.date}, load average ${x.meta.loadAverageAtStart.join(", ")}`,
        ]),
      ],
    ),
    "",
    "## Targets",
    "",
    table(["what", "target", "measured", "", "gap"], rows),
    "",
    r.api ? apiSection(r.api) : "",
    "",
    r.dispatch ? dispatchSection(r.dispatch) : "",
    "",
    r.scale ? scaleSection(r.scale) : "",
    "",
    methodNotes(),
    "",
    productionNotes(r),
    "",
  ];
  return `${parts.join("\n").replace(/\n{3,}/g, "\n\n")}`;
}

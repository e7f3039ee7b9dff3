/**
 * @module bench/lib/stats
 * Small numeric helpers the benchmarks share: percentiles over samples, a
 * summary of a latency distribution, and how busy a process tree was.
 */
import { readdirSync, readFileSync } from "node:fs";

export interface Distribution {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentile of `sorted` (ascending); NaN when empty. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function distribution(samples: number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.length ? sum / sorted.length : Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

// ── The platform's processes ──────────────────────────────────────────────

/** Pids of `root` and every descendant, from /proc. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of readdirNumbers("/proc")) {
    const stat = readProc(pid, "stat");
    if (!stat) continue;
    // The command name may hold spaces: the fields after it start at ") ".
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(root);
  return out;
}

export interface TreeUsage {
  /** Resident memory of the whole tree, MiB. */
  rssMb: number;
  /** Resident memory of the workerd processes alone, MiB. */
  workerdRssMb: number;
  /** CPU seconds (user + system) the tree has used so far. */
  cpuSeconds: number;
  /** CPU seconds of the workerd processes alone. */
  workerdCpuSeconds: number;
  /** Each process of the tree: name, resident memory (MiB) and open file descriptors. */
  processes: { pid: number; name: string; rssMb: number; fds: number }[];
}

/** Memory (VmRSS) and CPU time of wrangler's process tree. */
export function treeUsage(root: number): TreeUsage {
  let rssKb = 0;
  let workerdKb = 0;
  let ticks = 0;
  let workerdTicks = 0;
  const processes: TreeUsage["processes"] = [];
  for (const pid of processTree(root)) {
    const status = readProc(pid, "status");
    const stat = readProc(pid, "stat");
    if (!status || !stat) continue;
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    rssKb += kb;
    const name = /^Name:\s+(\S+)/m.exec(status)?.[1] ?? "?";
    processes.push({ pid, name, rssMb: round(kb / 1024), fds: countFds(pid) });
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const used = Number(fields[11]) + Number(fields[12]);
    ticks += used;
    if (/^Name:\s+workerd/m.test(status)) {
      workerdKb += kb;
      workerdTicks += used;
    }
  }
  return {
    rssMb: round(rssKb / 1024),
    workerdRssMb: round(workerdKb / 1024),
    // Linux reports CPU time in clock ticks of 1/100 s on every common build.
    cpuSeconds: ticks / 100,
    workerdCpuSeconds: workerdTicks / 100,
    processes,
  };
}

function readdirNumbers(dir: string): number[] {
  try {
    return readdirSync(dir)
      .filter((n) => /^\d+$/.test(n))
      .map(Number);
  } catch {
    return [];
  }
}

function countFds(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return 0;
  }
}

/** The soft limit on open files of `pid` (0 when unreadable). */
export function openFilesLimit(pid: number): number {
  return Number(/Max open files\s+(\d+)/.exec(readProc(pid, "limits") ?? "")?.[1] ?? 0);
}

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null;
  }
}

// ── Who used the cores during a measurement ───────────────────────────────

export interface CpuShare {
  /** Cores the platform's processes kept busy, on average. */
  server: number;
  /** Cores the benchmark process (load generator, simulated nodes) kept busy. */
  client: number;
  /** Cores everything else on the machine kept busy: other work skews the figures. */
  other: number;
  /**
   * Share of one core used by the platform's busiest thread. workerd runs
   * JavaScript on one thread per process: near 1, that thread is the limit.
   */
  busiestThread: number;
}

interface CpuMark {
  at: number;
  systemTicks: number;
  server: number;
  client: number;
  threads: Map<string, number>;
}

/** CPU ticks of every thread of the tree, by "pid/tid". */
function threadTicks(root: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of processTree(root)) {
    let tids: string[] = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const stat = readProc(pid, `task/${tid}/stat`);
      if (!stat) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(`${pid}/${tid}`, Number(fields[11]) + Number(fields[12]));
    }
  }
  return out;
}

function systemBusyTicks(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
  return user! + nice! + system! + irq! + softirq! + steal!;
}

/** Starts measuring; the returned function answers the shares since then. */
export function cpuMeter(serverPid: number): () => CpuShare {
  const mark = (): CpuMark => {
    const self = process.cpuUsage();
    return {
      at: performance.now(),
      systemTicks: systemBusyTicks(),
      server: treeUsage(serverPid).cpuSeconds,
      client: (self.user + self.system) / 1e6,
      threads: threadTicks(serverPid),
    };
  };
  const start = mark();
  return () => {
    const end = mark();
    const seconds = (end.at - start.at) / 1000;
    const server = (end.server - start.server) / seconds;
    const client = (end.client - start.client) / seconds;
    const all = (end.systemTicks - start.systemTicks) / 100 / seconds;
    let busiest = 0;
    for (const [id, ticks] of end.threads) {
      busiest = Math.max(busiest, ticks - (start.threads.get(id) ?? 0));
    }
    return {
      server: round(server, 2),
      client: round(client, 2),
      other: round(Math.max(0, all - server - client), 2),
      busiestThread: round(busiest / 100 / seconds, 2),
    };
  };
}

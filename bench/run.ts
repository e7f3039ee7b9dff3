/**
 * @module bench/run
 * `npm run bench [-- --quick] [-- --ref HEAD] [-- --only api,dispatch,scale]`
 * `npm run bench -- --render` rewrites REPORT.md from results.json alone.
 *
 * Runs every benchmark against real local `wrangler dev` platforms it starts
 * itself (isolated state, one fresh platform per run so none inherits
 * another's sockets or queue), then writes `bench/results.json` and
 * `bench/REPORT.md`. `--quick` is a reduced pass on one shared platform that
 * finishes within two minutes; its figures are for smoke-testing, not for
 * the record, and go to `bench/results/quick/`.
 * The platform is built from a frozen copy of the sources (the working tree,
 * or `--ref`), so edits made while the benchmark runs cannot reload it.
 * All traffic goes to 127.0.0.1.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, relative } from "node:path";
import type { DevServer } from "../test/support/dev-server.ts";
import { runApi } from "./api.ts";
import { runDispatch } from "./dispatch.ts";
import { ROOT, snapshot, startServer, stopAll } from "./lib/server.ts";
import { type Results, renderReport } from "./report.ts";
import { runIdleSockets, runQueueDepth } from "./scale.ts";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const ref = flagValue("--ref");
const only = flagValue("--only")?.split(",") ?? ["api", "dispatch", "scale"];

/** What each run does; the quick pass keeps every run but shrinks it. */
export const CONFIG = quick
  ? {
      api: { connections: 10, seconds: 1, rounds: 1, jobsStored: 100 },
      dispatch: {
        nodes: 20,
        jobs: 2,
        unitsPerJob: 8,
        latencyJobs: 1,
        fanOut: [],
        timeoutMs: 60_000,
      },
      idle: { levels: [50, 150], quietMs: 1_000 },
      depth: { levels: [10, 30], sample: 5, cpuNodes: 5 },
    }
  : {
      api: { connections: 10, seconds: 10, rounds: 5, jobsStored: 2_000 },
      dispatch: {
        nodes: 200,
        jobs: 20,
        unitsPerJob: 50,
        latencyJobs: 5,
        fanOut: [4, 16, 64],
        timeoutMs: 300_000,
      },
      idle: { levels: [100, 1_000, 5_000], quietMs: 5_000 },
      depth: { levels: [10, 1_000, 10_000], sample: 30, cpuNodes: 20 },
    };

function flagValue(flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

function git(...command: string[]): string {
  try {
    return execFileSync("git", command, { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

function machine() {
  const cpus = os.cpus();
  const wrangler = JSON.parse(
    readFileSync(join(ROOT, "node_modules/wrangler/package.json"), "utf8"),
  ) as { version: string };
  const limits = readFileSync("/proc/self/limits", "utf8");
  return {
    date: new Date().toISOString(),
    mode: quick ? "quick" : "full",
    cpus: { count: cpus.length, model: cpus[0]?.model ?? "unknown", mhz: cpus[0]?.speed ?? 0 },
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    wrangler: wrangler.version,
    openFilesLimit: Number(/Max open files\s+(\d+)/.exec(limits)?.[1] ?? 0),
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    source: ref ? `git ref ${ref} (${git("rev-parse", "--short", ref)})` : "working tree",
    commit: git("rev-parse", "--short", "HEAD"),
    dirty: git("status", "--porcelain", "--", "src", "durable-objects", "migrations") !== "",
  };
}

/** wrangler's own output of each run, for when a figure needs explaining. */
const LOGS = join(ROOT, "bench", "results", "logs");
/** The quick pass's one platform, started on first use. */
let shared: DevServer | null = null;

async function onPlatform<T>(source: string, name: string, work: (s: DevServer) => Promise<T>) {
  const started = performance.now();
  process.stderr.write(`bench: ${name}…\n`);
  mkdirSync(LOGS, { recursive: true });
  const log = join(LOGS, `${quick ? "quick" : name.replaceAll(" ", "-")}.log`);
  if (quick && !shared) shared = await startServer(source, log);
  const server = shared ?? (await startServer(source, log));
  try {
    return await work(server);
  } finally {
    if (!quick) await server.stop();
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    process.stderr.write(`bench: ${name} done in ${seconds} s\n`);
  }
}

async function main() {
  const meta = machine();
  const source = snapshot(ref);
  let results: Record<string, unknown> = { meta, config: CONFIG };
  try {
    if (only.includes("api")) {
      results.api = await onPlatform(source, "api", (s) => runApi(s, CONFIG.api));
    }
    if (only.includes("dispatch")) {
      results.dispatch = await onPlatform(source, "dispatch", (s) =>
        runDispatch(s, CONFIG.dispatch),
      );
    }
    if (only.includes("scale")) {
      const idle = await onPlatform(source, "idle sockets", (s) =>
        runIdleSockets(s, CONFIG.idle.levels, CONFIG.idle.quietMs),
      );
      const depth = await onPlatform(source, "queue depth", (s) =>
        runQueueDepth(s, CONFIG.depth.levels, CONFIG.depth.sample, CONFIG.depth.cpuNodes),
      );
      results.scale = { idle, depth };
    }
  } finally {
    await shared?.stop();
    rmSync(source, { recursive: true, force: true });
  }

  // A quick pass must not overwrite the figures of record; a run of some
  // benchmarks (`--only`) replaces just their part of the record.
  const dir = quick ? join(ROOT, "bench", "results", "quick") : join(ROOT, "bench");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "results.json");
  if (flagValue("--only") && existsSync(file)) {
    const previous = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    const reruns = [...((previous.reruns as unknown[]) ?? []), { only, meta }];
    results = { ...previous, ...results, meta: previous.meta, config: CONFIG, reruns };
  }
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, "REPORT.md"), renderReport(results as unknown as Results));
  process.stderr.write(`bench: wrote ${relative(ROOT, dir) || "."}/REPORT.md and results.json\n`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    process.stderr.write(`bench: ${signal}, stopping the platforms\n`);
    void stopAll().finally(() => process.exit(130));
  });
}

if (args.includes("--render")) {
  const dir = quick ? join(ROOT, "bench", "results", "quick") : join(ROOT, "bench");
  const results = JSON.parse(readFileSync(join(dir, "results.json"), "utf8")) as Results;
  writeFileSync(join(dir, "REPORT.md"), renderReport(results));
} else {
  await main();
}

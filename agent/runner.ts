/**
 * @module agent/runner
 * Runs one unit's process and watches it: stdout and stderr go to the
 * attempt's log file and, line by line, into progress batches; new lines of
 * `metrics.jsonl` become progress metrics; the runtime limit, the disk
 * allowance and a cancellation each stop it. The process is started in its
 * own process group (detached) and stopped by signalling the whole group,
 * SIGTERM first and SIGKILL after a grace period, so children it spawned die
 * with it. Whatever is left of the group when the main process exits is
 * killed too.
 */
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { LineCollector, MetricsTail, type ProgressBatch } from "./progress.ts";
import { directoryBytes } from "./workspace.ts";

export interface RunOptions {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  logFile: string;
  /** The log file stops growing here (a note says so). @default 64 MiB */
  maxLogBytes?: number;
  maxRuntimeSeconds: number;
  /** Stop the unit when `dir` holds more than `baselineBytes + limitBytes`. */
  disk?: { dir: string; baselineBytes: number; limitBytes: number };
  metricsFile?: string;
  onProgress?: (batch: ProgressBatch) => void;
  /** Told the process id (= its process group id) once it started. */
  onSpawn?: (pid: number) => void;
  /** Aborting stops the unit as cancelled. */
  signal?: AbortSignal;
  /** @default 500 */
  flushIntervalMs?: number;
  /** @default 1000 */
  diskCheckIntervalMs?: number;
  /** Between SIGTERM and SIGKILL. @default 5000 */
  killGraceMs?: number;
}

export type StopReason = "runtime" | "disk" | "cancelled";

export interface RunResult {
  exitCode: number | null;
  signal: string | null;
  /** Why the agent stopped the unit, or null if it ended by itself. */
  stopped: StopReason | null;
  runtimeSeconds: number;
  logTail: string[];
}

export async function runUnit(options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const log = createWriteStream(options.logFile, { flags: "a", mode: 0o600 });
  const lines = new LineCollector();
  const metrics = new MetricsTail(options.metricsFile);

  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid !== undefined) options.onSpawn?.(pid);
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));

  let stopped: StopReason | null = null;
  const timers: NodeJS.Timeout[] = [];
  const stop = (reason: StopReason) => {
    if (stopped !== null || pid === undefined) return;
    stopped = reason;
    signalGroup(pid, "SIGTERM");
    timers.push(setTimeout(() => signalGroup(pid, "SIGKILL"), options.killGraceMs ?? 5000));
  };

  // One flush at a time: the metrics file is read from a moving offset.
  let flushing = Promise.resolve();
  const flush = () => {
    flushing = flushing
      .then(async () => {
        const batch = { lines: lines.take(), metrics: await metrics.take() };
        if (batch.lines.length > 0 || batch.metrics.length > 0) options.onProgress?.(batch);
      })
      .catch(() => {
        // Progress is best effort; the log file keeps every line.
      });
    return flushing;
  };

  timers.push(setInterval(() => void flush(), options.flushIntervalMs ?? 500));
  timers.push(setTimeout(() => stop("runtime"), timerMs(options.maxRuntimeSeconds)));
  if (options.disk) {
    const { dir, baselineBytes, limitBytes } = options.disk;
    let measuring = false;
    const measure = async () => {
      if (measuring) return;
      measuring = true;
      if ((await directoryBytes(dir)) > baselineBytes + limitBytes) stop("disk");
      measuring = false;
    };
    timers.push(setInterval(() => void measure(), options.diskCheckIntervalMs ?? 1000));
  }
  const onAbort = () => stop("cancelled");
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener("abort", onAbort);

  const maxLogBytes = options.maxLogBytes ?? 64 * 1024 * 1024;
  let logBytes = 0;
  for (const stream of [child.stdout, child.stderr]) {
    const decoder = new StringDecoder("utf8");
    stream.on("data", (chunk: Buffer) => {
      if (logBytes < maxLogBytes) {
        log.write(chunk.subarray(0, maxLogBytes - logBytes));
        logBytes += chunk.length;
        if (logBytes >= maxLogBytes)
          log.write(`\n[gpu-agent] log truncated at ${maxLogBytes} bytes\n`);
      }
      lines.push(decoder.write(chunk));
    });
  }

  child.once("error", (err) =>
    lines.push(`[gpu-agent] could not start the unit: ${err.message}\n`),
  );

  const [exitCode, signal] = await waitForExit(child, pid, closed);
  for (const timer of timers) clearTimeout(timer);
  options.signal?.removeEventListener("abort", onAbort);

  lines.end();
  await flush();
  await new Promise<void>((resolve) => log.end(resolve));

  return {
    exitCode,
    signal,
    stopped,
    runtimeSeconds: (performance.now() - started) / 1000,
    logTail: lines.tail(),
  };
}

/** Waits for the process, kills what is left of its group, then for its pipes. */
async function waitForExit(
  child: ReturnType<typeof spawn>,
  pid: number | undefined,
  closed: Promise<void>,
): Promise<[number | null, string | null]> {
  const exit = await new Promise<[number | null, string | null]>((resolve) => {
    child.once("error", () => resolve([null, null]));
    child.once("exit", (code, signal) => resolve([code, signal]));
  });
  if (pid !== undefined) signalGroup(pid, "SIGKILL");

  // A process that left the group may still hold a pipe open: do not wait forever.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
  clearTimeout(timer);
  child.stdout?.destroy();
  child.stderr?.destroy();
  return exit;
}

/** setTimeout takes at most 2^31-1 ms (about 24.8 days); longer limits are held there. */
function timerMs(seconds: number): number {
  return Math.min(seconds * 1000, 2 ** 31 - 1);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

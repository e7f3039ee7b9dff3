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
import { open } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
import { directoryBytes } from "./workspace.ts";

export const MAX_LINE_CHARS = 4000;
export const LOG_TAIL_LINES = 50;
const MAX_LINES_PER_BATCH = 500;
const MAX_METRICS_PER_BATCH = 200;

export interface ProgressBatch {
  lines: string[];
  metrics: Record<string, unknown>[];
}

export interface RunOptions {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  logFile: string;
  maxRuntimeSeconds: number;
  /** Stop the unit when `dir` holds more than `baselineBytes + limitBytes`. */
  disk?: { dir: string; baselineBytes: number; limitBytes: number };
  metricsFile?: string;
  onProgress?: (batch: ProgressBatch) => void;
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
    flushing = flushing.then(async () => {
      const batch = { lines: lines.take(), metrics: await metrics.take() };
      if (batch.lines.length > 0 || batch.metrics.length > 0) options.onProgress?.(batch);
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

  for (const stream of [child.stdout, child.stderr]) {
    const decoder = new StringDecoder("utf8");
    stream.on("data", (chunk: Buffer) => {
      log.write(chunk);
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

/** Splits output into lines, caps their length, batches them and keeps a tail. */
export class LineCollector {
  private partial = "";
  private pending: string[] = [];
  private dropped = 0;
  private readonly last: string[] = [];

  push(text: string): void {
    const parts = (this.partial + text).split(/\r?\n/);
    this.partial = parts.pop() ?? "";
    if (this.partial.length > MAX_LINE_CHARS) {
      parts.push(this.partial);
      this.partial = "";
    }
    for (const line of parts) this.add(line.slice(0, MAX_LINE_CHARS));
  }

  end(): void {
    if (this.partial !== "") this.add(this.partial.slice(0, MAX_LINE_CHARS));
    this.partial = "";
  }

  /** The lines since the last call; a flood past the batch size is summarised. */
  take(): string[] {
    const batch = this.pending;
    if (this.dropped > 0) {
      batch.push(`[gpu-agent] ${this.dropped} more lines not streamed; see logs.txt`);
    }
    this.pending = [];
    this.dropped = 0;
    return batch;
  }

  tail(): string[] {
    return [...this.last];
  }

  private add(line: string): void {
    if (this.pending.length < MAX_LINES_PER_BATCH - 1) this.pending.push(line);
    else this.dropped += 1;
    this.last.push(line);
    if (this.last.length > LOG_TAIL_LINES) this.last.shift();
  }
}

/** Reads lines appended to `metrics.jsonl` since the last call; bad lines are skipped. */
export class MetricsTail {
  private offset = 0;
  private partial = "";
  private readonly decoder = new StringDecoder("utf8");
  private readonly path: string | undefined;

  constructor(path: string | undefined) {
    this.path = path;
  }

  async take(): Promise<Record<string, unknown>[]> {
    if (this.path === undefined) return [];
    let text: string;
    try {
      const file = await open(this.path, "r");
      try {
        const buffer = Buffer.alloc(256 * 1024);
        const { bytesRead } = await file.read(buffer, 0, buffer.length, this.offset);
        this.offset += bytesRead;
        text = this.decoder.write(buffer.subarray(0, bytesRead));
      } finally {
        await file.close();
      }
    } catch {
      return [];
    }

    const parts = (this.partial + text).split("\n");
    this.partial = parts.pop() ?? "";
    const metrics: Record<string, unknown>[] = [];
    for (const line of parts) {
      const metric = parseMetric(line);
      if (metric && metrics.length < MAX_METRICS_PER_BATCH) metrics.push(metric);
    }
    return metrics;
  }
}

function parseMetric(line: string): Record<string, unknown> | null {
  if (line.trim() === "" || line.length > 8000) return null;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
    const entries = Object.entries(value).filter(([key]) => key.length <= 100);
    return Object.fromEntries(entries);
  } catch {
    return null;
  }
}

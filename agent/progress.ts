/**
 * @module agent/progress
 * What a unit says while it runs, shaped for the protocol: output split into
 * lines of at most 4000 characters, batched (a flood is summarised rather
 * than streamed, the log file keeps everything), the last lines kept for a
 * failure report, `metrics.jsonl` read as it grows, and batches cut so that
 * no frame passes the protocol's size limit.
 */
import { open } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
import { MAX_MESSAGE_BYTES } from "../src/protocol/messages.ts";

export const MAX_LINE_CHARS = 4000;
export const LOG_TAIL_LINES = 50;
const MAX_LINES_PER_BATCH = 500;
const MAX_METRICS_PER_BATCH = 200;

/** Room left in a frame for the message around the lines and metrics. */
const FRAME_BUDGET = MAX_MESSAGE_BYTES - 4 * 1024;

export interface ProgressBatch {
  lines: string[];
  metrics: Record<string, unknown>[];
}

/**
 * Cuts a batch into batches whose JSON fits in one frame (JSON escaping can
 * make a line several times longer than it reads).
 */
export function fitToFrames(batch: ProgressBatch): ProgressBatch[] {
  const frames: ProgressBatch[] = [];
  let current: ProgressBatch = { lines: [], metrics: [] };
  let size = 0;
  const push = (bytes: number) => {
    if (size + bytes > FRAME_BUDGET && (current.lines.length > 0 || current.metrics.length > 0)) {
      frames.push(current);
      current = { lines: [], metrics: [] };
      size = 0;
    }
    size += bytes;
  };

  for (const line of batch.lines) {
    push(jsonBytes(line));
    current.lines.push(line);
  }
  for (const metric of batch.metrics) {
    const bytes = jsonBytes(metric);
    if (bytes > FRAME_BUDGET / 4) continue;
    push(bytes);
    current.metrics.push(metric);
  }
  if (current.lines.length > 0 || current.metrics.length > 0) frames.push(current);
  return frames;
}

/** The last lines of a log that fit, with their JSON, in `budget` bytes. */
export function tailWithin(lines: readonly string[], budget = FRAME_BUDGET / 2): string[] {
  const kept: string[] = [];
  let size = 0;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    size += jsonBytes(lines[i]);
    if (size > budget) break;
    kept.unshift(lines[i]!);
  }
  return kept;
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value)) + 1;
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

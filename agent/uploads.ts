/**
 * @module agent/uploads
 * A finished unit's outputs: which files count (top-level regular files of
 * the output dir, never links, plus the unit's own log), what kind of
 * artifact each is, their SHA-256, and the PUT of their bytes to the signed
 * URL the platform hands out, streamed with an exact Content-Length.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { OutputReport } from "../src/protocol/messages.ts";

export const LOGS_NAME = "logs.txt";
export const MAX_OUTPUTS = 100;

export interface OutputFile {
  path: string;
  report: OutputReport;
}

export class UploadError extends Error {
  override name = "UploadError";
}

/** `metrics.jsonl` → metrics, `checkpoint*` → checkpoint, the unit's log → logs, else other. */
export function outputKind(name: string): OutputReport["kind"] {
  if (name === "metrics.jsonl") return "metrics";
  if (name.startsWith("checkpoint")) return "checkpoint";
  if (name === LOGS_NAME) return "logs";
  return "other";
}

/**
 * The files to upload: every top-level regular file in `outputDir` whose name
 * the protocol accepts, then the unit's log as `logs.txt`. Links are skipped
 * (a unit could point one at a file of the node), as are subdirectories and
 * a `logs.txt` of the unit's own; each skip is described in `skipped`.
 */
export async function collectOutputs(
  outputDir: string,
  logFile: string,
): Promise<{ outputs: OutputFile[]; skipped: string[] }> {
  const outputs: OutputFile[] = [];
  const skipped: string[] = [];

  const entries = await readdir(outputDir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(outputDir, entry.name);
    if (!entry.isFile()) {
      skipped.push(`${entry.name}: only top-level regular files are uploaded`);
      continue;
    }
    if (entry.name === LOGS_NAME) {
      skipped.push(`${entry.name}: the name is reserved for the unit's log`);
      continue;
    }
    const report = await describe(path, entry.name);
    if (report === null) {
      skipped.push(`${entry.name}: a name of letters, digits, '.', '_' or '-' is required`);
      continue;
    }
    outputs.push({ path, report });
  }

  const log = await describe(logFile, LOGS_NAME);
  if (log !== null) outputs.push({ path: logFile, report: log });
  return { outputs, skipped };
}

async function describe(path: string, name: string): Promise<OutputReport | null> {
  const stats = await lstat(path);
  if (!stats.isFile()) return null;
  const { sha256, size } = await sha256File(path);
  const parsed = OutputReport.safeParse({ name, kind: outputKind(name), size_bytes: size, sha256 });
  return parsed.success ? parsed.data : null;
}

export async function sha256File(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), size };
}

/**
 * PUTs the file's bytes to a signed URL. A non-2xx answer is an
 * `UploadError` carrying the platform's error code and message when the body
 * is the usual `{error: {code, message}}` envelope.
 */
export async function putFile(
  url: string,
  path: string,
  size: number,
  signal?: AbortSignal,
): Promise<void> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;

  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const request = client.request(target, {
      method: "PUT",
      signal,
      headers: {
        "content-type": "application/octet-stream",
        "content-length": String(size),
      },
    });
    request.once("response", resolve);
    request.once("error", reject);
    // A stalled server must not hold the unit forever.
    request.setTimeout(60_000, () => request.destroy(new UploadError("the upload stalled")));
    pipeline(createReadStream(path), request).catch(reject);
  });

  const body = await readSome(response, 16 * 1024);
  const status = response.statusCode ?? 0;
  if (status >= 200 && status < 300) return;
  throw new UploadError(`upload answered HTTP ${status}${envelopeText(body)}`);
}

async function readSome(stream: http.IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    if (length < limit) chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
  }
  return Buffer.concat(chunks).toString("utf8").slice(0, limit);
}

function envelopeText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = parsed.error ?? {};
    if (typeof code === "string") return `: ${code} ${typeof message === "string" ? message : ""}`;
  } catch {
    // Not the envelope: fall through to the raw text.
  }
  return body.trim() === "" ? "" : `: ${body.trim().slice(0, 300)}`;
}

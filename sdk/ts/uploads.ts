/**
 * @module sdk/uploads
 * The upload lifecycle datasets and training packages share: hash the file
 * (streamed), create the record with its size and SHA-256, send the bytes in
 * one PUT or, past the single-request limit, as a multipart upload, then
 * finalize, which makes the record `ready` once the platform verified the
 * digest. Each body is made afresh from the file, so a retried PUT resends
 * the same bytes; each part's digest, as the platform received it, is
 * compared with the digest of what was sent.
 */
import { createHash } from "node:crypto";
import { basename } from "node:path";
import type {
  CreateDatasetParams,
  CreateTrainingPackageParams,
  Dataset,
  MultipartUpload,
  TrainingPackage,
  UploadedPart,
} from "./api-types.ts";
import { ChecksumError } from "./errors.ts";
import { fileStream, hashFile } from "./files.ts";
import type { Transport } from "./http.ts";

export type UploadKind = "datasets" | "training-packages";

export interface UploadOptions {
  /** @default the file's name */
  name?: string;
  description?: string;
  /** Datasets only: a short format name such as `csv` or `parquet`. */
  format?: string;
  /**
   * Files larger than this go up in parts. @default the platform's
   * single-request limit (100 MiB)
   */
  multipartThresholdBytes?: number;
  /** @default 64 MiB, raised as needed to stay within the part count limit */
  partSizeBytes?: number;
  /** Parts sent at once. @default 2 */
  concurrency?: number;
  /** Called as bytes are sent: after the single PUT, or after each part. */
  onProgress?: (progress: { sentBytes: number; totalBytes: number }) => void;
  signal?: AbortSignal;
}

type Resource<K extends UploadKind> = K extends "datasets" ? Dataset : TrainingPackage;
type CreateBody = CreateDatasetParams | CreateTrainingPackageParams;

const DEFAULT_PART_BYTES = 64 * 1024 ** 2;
/** Finalize hashes the stored file before it answers: about a second per GiB. */
const FINALIZE_TIMEOUT_MS = 15 * 60_000;

/** Uploads the file at `path` as a new dataset or training package; answers it `ready`. */
export async function uploadFile<K extends UploadKind>(
  transport: Transport,
  kind: K,
  path: string,
  options: UploadOptions = {},
): Promise<Resource<K>> {
  const { signal } = options;
  const { sha256, size } = await hashFile(path, signal);
  if (size === 0) throw new TypeError(`${path} is empty; the platform stores no empty files`);

  const body: CreateBody = { name: options.name ?? basename(path), size_bytes: size, sha256 };
  if (options.description !== undefined) body.description = options.description;
  if (options.format !== undefined && kind === "datasets") {
    (body as CreateDatasetParams).format = options.format;
  }
  const created = await transport.json<Resource<K>>({
    method: "POST",
    path: `/customer/${kind}`,
    json: body,
    idempotent: false,
    signal,
  });

  const single = created.upload?.max_single_put_bytes ?? 100 * 1024 ** 2;
  const threshold = Math.min(options.multipartThresholdBytes ?? single, single);
  if (size <= threshold) {
    await transport.send({
      method: "PUT",
      path: `/customer/${kind}/${created.id}/content`,
      headers: { "Content-Type": "application/octet-stream", "Content-Length": String(size) },
      body: () => fileStream(path),
      idempotent: true,
      signal,
    });
    options.onProgress?.({ sentBytes: size, totalBytes: size });
  } else {
    await uploadParts(transport, kind, created.id, path, size, options);
  }

  return transport.json<Resource<K>>({
    method: "POST",
    path: `/customer/${kind}/${created.id}/finalize`,
    idempotent: true,
    signal,
    timeoutMs: FINALIZE_TIMEOUT_MS,
  });
}

async function uploadParts(
  transport: Transport,
  kind: UploadKind,
  id: string,
  path: string,
  size: number,
  options: UploadOptions,
): Promise<void> {
  const { signal } = options;
  const base = `/customer/${kind}/${id}/uploads`;
  const upload = await transport.json<MultipartUpload>({
    method: "POST",
    path: base,
    idempotent: true,
    signal,
  });

  const partBytes = partSize(size, upload, options.partSizeBytes);
  const count = Math.ceil(size / partBytes);
  const receipts: UploadedPart[] = new Array(count);
  let sent = 0;
  let next = 0;

  const sendPart = async (index: number) => {
    const start = index * partBytes;
    const end = Math.min(size, start + partBytes) - 1;
    let sentDigest = "";
    const receipt = await transport.json<UploadedPart>({
      method: "PUT",
      path: `${base}/${encodeURIComponent(upload.upload_id)}/parts/${index + 1}`,
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Length": String(end - start + 1),
      },
      body: () => {
        const hash = createHash("sha256");
        const stream = fileStream(path, { start, end }, hash);
        return stream.pipeThrough(
          new TransformStream({
            flush: () => {
              sentDigest = hash.digest("hex");
            },
          }),
        );
      },
      idempotent: true,
      signal,
    });
    if (sentDigest && receipt.sha256 !== sentDigest) {
      throw new ChecksumError(
        `Part ${index + 1} arrived with SHA-256 ${receipt.sha256}; ${sentDigest} was sent`,
        sentDigest,
        receipt.sha256,
      );
    }
    receipts[index] = receipt;
    sent += end - start + 1;
    options.onProgress?.({ sentBytes: sent, totalBytes: size });
  };

  const worker = async () => {
    while (next < count) await sendPart(next++);
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? 2, count));
  await Promise.all(Array.from({ length: lanes }, worker));

  await transport.json({
    method: "POST",
    path: `${base}/${encodeURIComponent(upload.upload_id)}/complete`,
    json: { parts: receipts.map((r) => ({ part_number: r.part_number, etag: r.etag })) },
    idempotent: false,
    signal,
  });
}

/** A part size the platform accepts: within its bounds and its part count. */
export function partSize(size: number, upload: MultipartUpload, wanted?: number): number {
  const fewestParts = Math.ceil(size / upload.max_parts);
  const chosen = Math.max(wanted ?? DEFAULT_PART_BYTES, upload.min_part_bytes, fewestParts);
  return Math.min(chosen, upload.max_part_bytes);
}

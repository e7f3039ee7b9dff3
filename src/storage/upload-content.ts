/**
 * @module upload-content
 * Getting a dataset's or package's bytes into R2: one streamed PUT up to
 * 100 MiB, or an R2 multipart upload for anything larger. Bodies stream
 * straight through to R2; caps hold while streaming, and a single PUT is
 * hashed on the way so a wrong digest is refused at once.
 *
 * R2 needs the length of a streamed body before it starts: the declared
 * `size_bytes` for a whole file, the request's `Content-Length` for a part
 * (which parts must therefore send).
 */
import { ApiError } from "../domain/errors";
import { checkContentLength, type MeteredBody, meterBody } from "./streams";
import { MAX_REQUEST_BYTES, MIN_PART_BYTES, type UploadKind, type UploadRow } from "./upload-kinds";
import { abortMultipart, assertUploadable, failUpload, transition, UPLOADABLE } from "./uploads";

/** Stores the whole file from one request, then verifies its digest. */
export async function putContent(
  env: Env,
  kind: UploadKind,
  row: UploadRow,
  request: Request,
): Promise<UploadRow> {
  assertUploadable(kind, row);
  if (row.sizeBytes > MAX_REQUEST_BYTES) {
    throw new ApiError(
      "PAYLOAD_TOO_LARGE",
      `One request carries at most ${MAX_REQUEST_BYTES} bytes; upload this ` +
        `${kind.noun} in parts (POST .../uploads)`,
      { limit_bytes: MAX_REQUEST_BYTES },
    );
  }

  const limits = { max: row.sizeBytes, maxName: "the declared size_bytes", exact: row.sizeBytes };
  checkContentLength(request, limits);
  const claimed = await claim(env, kind, row);

  const metered = meterBody(bodyOf(request), limits);
  await store(metered, (stream) =>
    env.BUCKET.put(row.objectKey, stream, {
      httpMetadata: { contentType: "application/octet-stream" },
    }),
  );

  const sha256 = await metered.sha256();
  if (sha256 !== row.sha256) {
    const error = new ApiError(
      "CHECKSUM_MISMATCH",
      `The uploaded bytes hash to ${sha256}, not the declared sha256 ${row.sha256}`,
      { declared_sha256: row.sha256, actual_sha256: sha256 },
    );
    await failUpload(env, kind, claimed, "failed", error);
  }
  return transition(env, kind, claimed, UPLOADABLE, { status: "uploaded" });
}

/** Starts a multipart upload, replacing one still open. */
export async function startMultipart(env: Env, kind: UploadKind, row: UploadRow) {
  assertUploadable(kind, row);
  if (row.multipartUploadId) await abortMultipart(env, row.objectKey, row.multipartUploadId);

  const upload = await env.BUCKET.createMultipartUpload(row.objectKey, {
    httpMetadata: { contentType: "application/octet-stream" },
  });
  await transition(env, kind, row, UPLOADABLE, { multipartUploadId: upload.uploadId });
  return upload.uploadId;
}

/** Streams one part; answers what `complete` needs (its etag) and its SHA-256. */
export async function putPart(
  env: Env,
  kind: UploadKind,
  row: UploadRow,
  uploadId: string,
  partNumber: number,
  request: Request,
) {
  assertOpenUpload(kind, row, uploadId);

  const cap = Math.min(MAX_REQUEST_BYTES, row.sizeBytes);
  const capName = cap === row.sizeBytes ? "the declared size_bytes" : "the largest part";
  const length = checkContentLength(request, { max: cap, maxName: capName });
  if (length === undefined) {
    throw new ApiError("VALIDATION_FAILED", "Send Content-Length with every part", {
      fields: [{ field: "Content-Length", message: "required for parts" }],
    });
  }

  const limits = { max: length, maxName: "its Content-Length", exact: length };
  const metered = meterBody(bodyOf(request), limits);
  const upload = env.BUCKET.resumeMultipartUpload(row.objectKey, uploadId);
  const part = await store(metered, (stream) => upload.uploadPart(partNumber, stream)).catch(
    (err: unknown) => {
      throw uploadGone(err) ? missingUpload(kind, uploadId) : err;
    },
  );

  const sha256 = await metered.sha256();
  return { part_number: part.partNumber, etag: part.etag, size_bytes: length, sha256 };
}

/**
 * Assembles the parts. The result must be exactly `size_bytes` long; if it is
 * not, the bytes are dropped and the record fails, as finalize would decide.
 */
export async function completeMultipart(
  env: Env,
  kind: UploadKind,
  row: UploadRow,
  uploadId: string,
  parts: { part_number: number; etag: string }[],
): Promise<UploadRow> {
  assertOpenUpload(kind, row, uploadId);

  const claimed = await claim(env, kind, row);
  const ordered = [...parts]
    .sort((a, b) => a.part_number - b.part_number)
    .map((p) => ({ partNumber: p.part_number, etag: p.etag }));
  try {
    await env.BUCKET.resumeMultipartUpload(row.objectKey, uploadId).complete(ordered);
  } catch (err) {
    if (uploadGone(err)) throw missingUpload(kind, uploadId);
    const reason = err instanceof Error ? err.message : String(err);
    throw new ApiError(
      "VALIDATION_FAILED",
      `The parts could not be assembled (${reason}); every part but the last must be at ` +
        `least ${MIN_PART_BYTES} bytes, and each etag must be the one its PUT returned`,
      { fields: [{ field: "parts", message: reason }] },
    );
  }

  const stored = await env.BUCKET.head(row.objectKey);
  if (stored?.size !== row.sizeBytes) {
    const error = new ApiError(
      "CHECKSUM_MISMATCH",
      `The parts add up to ${stored?.size ?? 0} bytes; size_bytes declares ${row.sizeBytes}`,
      { declared_size_bytes: row.sizeBytes, actual_size_bytes: stored?.size ?? 0 },
    );
    await failUpload(env, kind, claimed, "failed", error);
  }
  const set = { status: "uploaded", multipartUploadId: null } as const;
  return transition(env, kind, claimed, UPLOADABLE, set);
}

/** Marks the bytes as in flux before they change, so no finalize trusts them meanwhile. */
function claim(env: Env, kind: UploadKind, row: UploadRow): Promise<UploadRow> {
  return transition(env, kind, row, UPLOADABLE, { status: "pending_upload" });
}

function assertOpenUpload(kind: UploadKind, row: UploadRow, uploadId: string): void {
  assertUploadable(kind, row);
  if (row.multipartUploadId !== uploadId) throw missingUpload(kind, uploadId);
}

function missingUpload(kind: UploadKind, uploadId: string): ApiError {
  return new ApiError(
    "UPLOAD_NOT_FOUND",
    `No open multipart upload '${uploadId}' for this ${kind.noun}; ` +
      "start one with POST .../uploads",
  );
}

/**
 * R2 forgets a multipart upload once aborted or after about a week unused, and
 * says so only in its message, with its error code 10024 (NoSuchUpload).
 */
function uploadGone(err: unknown): boolean {
  return err instanceof Error && err.message.includes("(10024)");
}

function bodyOf(request: Request): ReadableStream<Uint8Array> {
  return request.body ?? new ReadableStream({ start: (controller) => controller.close() });
}

/**
 * Runs an R2 write fed by `metered`. When the meter stopped the stream, the
 * write fails with R2's own error; the meter's (413 or 422) is the one to tell.
 */
async function store<T>(
  metered: MeteredBody,
  write: (stream: ReadableStream<Uint8Array>) => Promise<T>,
): Promise<T> {
  try {
    return await write(metered.readable);
  } catch (err) {
    throw metered.failure() ?? err;
  }
}

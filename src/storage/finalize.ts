/**
 * @module finalize
 * The last step of the upload lifecycle: nothing becomes `ready` until the
 * bytes stored in R2 are proven to be the ones declared. The object is
 * streamed through SHA-256 (never buffered), its length and digest compared
 * with `size_bytes` and `sha256`, then the kind's own checks run (a package's
 * zip rules).
 *
 * Finalize is idempotent in its outcome: a `ready` record answers 200 again,
 * unchanged, and a `failed` or `invalid` one answers the same error again, so
 * a client that lost the first response can simply retry.
 *
 * TODO(when datasets past ~10 GiB are finalized in production): hashing runs
 * in the finalize request, about 1 s of CPU per GiB; raise `limits.cpu_ms` or
 * move the verification into a Workflow step before the CPU limit bites.
 */
import { now } from "../domain/clock";
import { ApiError } from "../domain/errors";
import { log } from "../log";
import { digestObject } from "./streams";
import type { UploadKind, UploadRow } from "./upload-kinds";
import { failUpload, findUpload, recordedFailure, stateError, transition } from "./uploads";

export async function finalizeUpload(
  env: Env,
  kind: UploadKind,
  row: UploadRow,
): Promise<UploadRow> {
  if (row.status !== "uploaded") return settled(kind, row);

  const stored = await digestObject(env.BUCKET, row.objectKey);
  if (!stored) {
    log("error", "upload object missing", { kind: kind.name, id: row.id, key: row.objectKey });
    await transition(env, kind, row, ["uploaded"], { status: "pending_upload" });
    throw new ApiError(
      "UPLOAD_STATE_INVALID",
      `No content is stored for this ${kind.noun}; upload it again`,
    );
  }

  if (stored.bytes !== row.sizeBytes || stored.sha256 !== row.sha256) {
    const error = new ApiError(
      "CHECKSUM_MISMATCH",
      `The stored content (${stored.bytes} bytes, sha256 ${stored.sha256}) differs from ` +
        `the declared ${row.sizeBytes} bytes and sha256 ${row.sha256}`,
      {
        declared_size_bytes: row.sizeBytes,
        actual_size_bytes: stored.bytes,
        declared_sha256: row.sha256,
        actual_sha256: stored.sha256,
      },
    );
    return failOrSettle(env, kind, row, "failed", error);
  }

  const inspection = kind.inspect ? await kind.inspect(env, row.objectKey, stored.bytes) : null;
  if (inspection && !inspection.ok) {
    return failOrSettle(env, kind, row, "invalid", inspection.error);
  }

  const columns = inspection?.ok ? inspection.columns : {};
  const ready = { ...columns, status: "ready", readyAt: now() } as const;
  try {
    return await transition(env, kind, row, ["uploaded"], ready, { unchanged: true });
  } catch {
    return settled(kind, await findUpload(env, kind, row.customerId, row.id));
  }
}

/** The answer for a record that finalize has nothing left to do for. */
function settled(kind: UploadKind, row: UploadRow): UploadRow {
  if (row.status === "ready") return row;
  if (row.status === "failed" || row.status === "invalid") throw recordedFailure(kind, row);
  throw stateError(kind, row);
}

/**
 * Fails the record with `error`, unless it changed since it was verified (a
 * new upload, a concurrent finalize): then answers as its new state says.
 */
async function failOrSettle(
  env: Env,
  kind: UploadKind,
  row: UploadRow,
  status: "failed" | "invalid",
  error: ApiError,
): Promise<UploadRow> {
  try {
    await failUpload(env, kind, row, status, error, { unchanged: true });
  } catch (err) {
    if (err === error) throw err;
  }
  return settled(kind, await findUpload(env, kind, row.customerId, row.id));
}

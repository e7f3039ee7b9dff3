/**
 * @module uploads
 * The records of the upload lifecycle shared by datasets and training
 * packages: create, find, list, move between states, delete, and
 * `requireReady` for the code that starts jobs.
 *
 * States: `pending_upload` → (content stored) `uploaded` → (finalize)
 * `ready`; or `failed` (size or digest differ) or `invalid` (a package's zip
 * broke a rule). `ready`, `failed` and `invalid` are final: their bytes never
 * change, and a failed one is replaced by creating a new record. Every state
 * change is a conditional update, so two racing requests cannot both win.
 * An upload first moves the record back to `pending_upload` and only then
 * writes to R2, so a finalize running meanwhile can never mark ready bytes it
 * did not verify.
 */
import { and, eq, inArray, notExists, sql } from "drizzle-orm";
import { db } from "../db/client";
import { newestFirst, type PageQuery, paginate } from "../db/paginate";
import { trainingJobs } from "../db/schema";
import { now } from "../domain/clock";
import { ApiError, isErrorCode } from "../domain/errors";
import { log } from "../log";
import {
  type DatasetRow,
  type PackageRow,
  UPLOAD_KINDS,
  type UploadKind,
  type UploadRow,
  type UploadStatus,
} from "./upload-kinds";

/** States in which bytes may still be uploaded (again). */
export const UPLOADABLE: readonly UploadStatus[] = ["pending_upload", "uploaded"];

/** Job states that pin their dataset and package. */
const ACTIVE_JOB_STATUSES = ["queued", "running"] as const;

/** Columns a state change may set (a package's inspection results among them). */
export type UploadChanges = Partial<Omit<PackageRow & DatasetRow, "id" | "updatedAt">>;

export interface NewUpload {
  name: string;
  description?: string;
  sizeBytes: number;
  sha256: string;
  /** Columns only one kind has (a dataset's `format`). */
  extra?: Record<string, unknown>;
}

export function objectKey(kind: UploadKind, customerId: string, id: string): string {
  return `${kind.keyPrefix}/${customerId}/${id}`;
}

export async function createUpload(
  env: Env,
  kind: UploadKind,
  customerId: string,
  input: NewUpload,
): Promise<UploadRow> {
  const id = crypto.randomUUID();
  const at = now();

  const [row] = await db(env)
    .insert(kind.table)
    .values({
      id,
      customerId,
      name: input.name,
      description: input.description ?? null,
      sizeBytes: input.sizeBytes,
      sha256: input.sha256,
      status: "pending_upload",
      objectKey: objectKey(kind, customerId, id),
      createdAt: at,
      updatedAt: at,
      ...input.extra,
    })
    .returning();
  return row!;
}

/** The customer's record; another customer's id is as absent as a missing one. */
export async function findUpload(
  env: Env,
  kind: UploadKind,
  customerId: string,
  id: string,
): Promise<UploadRow> {
  const { table } = kind;
  const [row] = await db(env)
    .select()
    .from(table)
    .where(and(eq(table.id, id), eq(table.customerId, customerId)))
    .limit(1);
  if (!row) throw new ApiError(kind.codes.notFound, `No ${kind.noun} with id '${id}'`);
  return row;
}

export function listUploads(env: Env, kind: UploadKind, customerId: string, query: PageQuery) {
  const { table } = kind;
  const columns = { createdAt: table.createdAt, id: table.id };

  return paginate({
    env,
    scope: `${kind.name}s:${customerId}`,
    query,
    columns,
    fetch: (after, limit) =>
      db(env)
        .select()
        .from(table)
        .where(and(eq(table.customerId, customerId), after))
        .orderBy(...newestFirst(columns))
        .limit(limit),
    present: (row: UploadRow) => row,
  });
}

/**
 * Moves `row` to new column values if it is still in one of `from`; answers
 * `UPLOAD_STATE_INVALID` when another request moved it first. With
 * `unchanged`, it must also not have changed at all since `row` was read:
 * `updated_at` grows by at least 1 on every change, so it doubles as a version.
 */
export async function transition(
  env: Env,
  kind: UploadKind,
  row: UploadRow,
  from: readonly UploadStatus[],
  set: UploadChanges,
  options: { unchanged?: boolean } = {},
): Promise<UploadRow> {
  const { table } = kind;
  const version = options.unchanged ? eq(table.updatedAt, row.updatedAt) : undefined;

  const [updated] = await db(env)
    .update(table)
    .set({ ...set, updatedAt: sql`max(${now()}, ${table.updatedAt} + 1)` })
    .where(and(eq(table.id, row.id), inArray(table.status, [...from]), version))
    .returning();
  if (!updated) throw stateError(kind, await findUpload(env, kind, row.customerId, row.id));
  return updated;
}

/** Why `row` cannot take new bytes or be finalized in its current state. */
export function stateError(kind: UploadKind, row: UploadRow): ApiError {
  const details = { status: row.status };
  switch (row.status) {
    case "pending_upload":
      return new ApiError(
        "UPLOAD_STATE_INVALID",
        `The ${kind.noun} has no content yet, or an upload is still running; ` +
          "upload it before finalizing",
        details,
      );
    case "uploaded":
      return new ApiError(
        "UPLOAD_STATE_INVALID",
        `The ${kind.noun} changed while this request ran; retry it`,
        details,
      );
    case "ready":
      return new ApiError(
        "UPLOAD_STATE_INVALID",
        `The ${kind.noun} is ready and its content can no longer change; create a new one`,
        details,
      );
    default:
      return new ApiError(
        "UPLOAD_STATE_INVALID",
        `The ${kind.noun} is ${row.status}; create a new one and upload again`,
        details,
      );
  }
}

/** Refuses new bytes unless `row` is still waiting for them. */
export function assertUploadable(kind: UploadKind, row: UploadRow): void {
  if (!UPLOADABLE.includes(row.status)) throw stateError(kind, row);
}

/**
 * Ends `row` as `failed` or `invalid`, remembering `error` so a repeated
 * finalize answers the same, drops its bytes, and throws `error`.
 */
export async function failUpload(
  env: Env,
  kind: UploadKind,
  row: UploadRow,
  status: "failed" | "invalid",
  error: ApiError,
  options: { unchanged?: boolean } = {},
): Promise<never> {
  const failure = { code: error.code, message: error.message, details: error.details };
  const set = { status, failure, multipartUploadId: null };
  await transition(env, kind, row, UPLOADABLE, set, options);
  await env.BUCKET.delete(row.objectKey);

  log("info", "upload failed verification", {
    kind: kind.name,
    id: row.id,
    customer_id: row.customerId,
    status,
    code: error.code,
  });
  throw error;
}

/** The error a `failed` or `invalid` record ended with, to answer again. */
export function recordedFailure(kind: UploadKind, row: UploadRow): ApiError {
  const failure = row.failure;
  if (!failure || !isErrorCode(failure.code)) return stateError(kind, row);
  return new ApiError(failure.code, failure.message, failure.details);
}

/**
 * Deletes the record and its bytes, unless a queued or running job uses it.
 * The check and the delete are one statement, so no job slips in between.
 */
export async function deleteUpload(env: Env, kind: UploadKind, customerId: string, id: string) {
  const { table } = kind;
  const activeJobs = db(env)
    .select({ id: trainingJobs.id })
    .from(trainingJobs)
    .where(
      and(
        eq(kind.jobColumn, id),
        eq(trainingJobs.customerId, customerId),
        inArray(trainingJobs.status, [...ACTIVE_JOB_STATUSES]),
      ),
    );

  const [deleted] = await db(env)
    .delete(table)
    .where(and(eq(table.id, id), eq(table.customerId, customerId), notExists(activeJobs)))
    .returning();

  if (!deleted) {
    await findUpload(env, kind, customerId, id);
    const jobs = await activeJobs.limit(10);
    throw new ApiError(
      kind.codes.inUse,
      `Active training jobs use this ${kind.noun}; cancel them or wait for them to end`,
      { job_ids: jobs.map((job) => job.id) },
    );
  }

  if (deleted.multipartUploadId) {
    await abortMultipart(env, deleted.objectKey, deleted.multipartUploadId);
  }
  await env.BUCKET.delete(deleted.objectKey);
}

/** Drops an unfinished multipart upload; one R2 no longer knows is already gone. */
export async function abortMultipart(env: Env, key: string, uploadId: string): Promise<void> {
  try {
    await env.BUCKET.resumeMultipartUpload(key, uploadId).abort();
  } catch {
    // Already completed, aborted or expired: nothing is left to free.
  }
}

/**
 * The caller's dataset or package, ready to be used by a job; otherwise
 * `*_NOT_FOUND` (absent or another customer's) or `*_NOT_READY`.
 */
export async function requireReady(
  env: Env,
  customerId: string,
  kind: "dataset",
  id: string,
): Promise<DatasetRow>;
export async function requireReady(
  env: Env,
  customerId: string,
  kind: "package",
  id: string,
): Promise<PackageRow>;
export async function requireReady(
  env: Env,
  customerId: string,
  kind: "dataset" | "package",
  id: string,
): Promise<UploadRow> {
  const spec = UPLOAD_KINDS[kind];
  const row = await findUpload(env, spec, customerId, id);
  if (row.status !== "ready") {
    throw new ApiError(
      spec.codes.notReady,
      `The ${spec.noun} '${id}' is ${row.status}, not ready; upload and finalize it first`,
      { status: row.status },
    );
  }
  return row;
}

/**
 * @module upload-kinds
 * The two resources that share the upload lifecycle, datasets and training
 * packages, described as data: their table, R2 prefix, size cap, error codes,
 * the job column that pins them, and what finalize checks beyond the digest
 * (a package's zip). The lifecycle in `uploads.ts` and friends is written once
 * against this description.
 */
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { datasets, trainingJobs, trainingPackages } from "../db/schema";
import { ApiError, type ErrorCode } from "../domain/errors";
import { inspectPackageZip } from "../domain/package-zip";
import { R2RangeReader } from "./r2-range-reader";

export type DatasetRow = typeof datasets.$inferSelect;
export type PackageRow = typeof trainingPackages.$inferSelect;
export type UploadRow = DatasetRow | PackageRow;
export type UploadTable = typeof datasets | typeof trainingPackages;
export type UploadStatus = UploadRow["status"];

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

/** One request's body, whole file or one part: R2 and Workers both handle this well. */
export const MAX_REQUEST_BYTES = 100 * MiB;

/** R2's rule: every part of a multipart upload but the last is at least 5 MiB. */
export const MIN_PART_BYTES = 5 * MiB;
export const MAX_PARTS = 10_000;

/** What finalize learned beyond the digest: columns to store, or why it refuses. */
export type Inspection =
  | { ok: true; columns: Partial<PackageRow> }
  | { ok: false; error: ApiError };

export interface UploadKind {
  name: "dataset" | "package";
  /** How messages name one ("dataset", "training package"). */
  noun: string;
  table: UploadTable;
  /** Objects live at `<keyPrefix>/<customer id>/<id>`. */
  keyPrefix: string;
  /** The route prefix under `/api/v1/customer`. */
  path: string;
  maxBytes: number;
  codes: { notFound: ErrorCode; notReady: ErrorCode; inUse: ErrorCode };
  /** The `training_jobs` column that refers to this kind. */
  jobColumn: SQLiteColumn;
  /** Checks run at finalize once size and digest match. */
  inspect?: (env: Env, objectKey: string, sizeBytes: number) => Promise<Inspection>;
}

export const DATASET: UploadKind = {
  name: "dataset",
  noun: "dataset",
  table: datasets,
  keyPrefix: "datasets",
  path: "/datasets",
  maxBytes: 50 * GiB,
  codes: { notFound: "DATASET_NOT_FOUND", notReady: "DATASET_NOT_READY", inUse: "DATASET_IN_USE" },
  jobColumn: trainingJobs.datasetId,
};

export const TRAINING_PACKAGE: UploadKind = {
  name: "package",
  noun: "training package",
  table: trainingPackages,
  keyPrefix: "packages",
  path: "/training-packages",
  maxBytes: 2 * GiB,
  codes: { notFound: "PACKAGE_NOT_FOUND", notReady: "PACKAGE_NOT_READY", inUse: "PACKAGE_IN_USE" },
  jobColumn: trainingJobs.trainingPackageId,
  inspect: inspectPackage,
};

export const UPLOAD_KINDS = { dataset: DATASET, package: TRAINING_PACKAGE } as const;

/** Validates the stored zip through ranged reads; never loads it whole. */
async function inspectPackage(env: Env, objectKey: string, sizeBytes: number) {
  const reader = new R2RangeReader(env.BUCKET, objectKey, sizeBytes);
  const inspection = await inspectPackageZip(reader);
  if (inspection.ok) {
    const { contents } = inspection;
    const columns: Partial<PackageRow> = {
      entrypoint: contents.entrypoint,
      manifest: contents.manifest,
      entryCount: contents.entryCount,
      uncompressedBytes: contents.uncompressedBytes,
    };
    return { ok: true, columns } satisfies Inspection;
  }

  const count = inspection.reasons.length + inspection.omitted;
  const details = {
    reasons: inspection.reasons,
    ...(inspection.omitted > 0 ? { reasons_omitted: inspection.omitted } : {}),
  };
  const error = new ApiError(
    "PACKAGE_INVALID",
    `The zip failed ${count} check${count === 1 ? "" : "s"}; see details.reasons`,
    details,
  );
  return { ok: false, error } satisfies Inspection;
}

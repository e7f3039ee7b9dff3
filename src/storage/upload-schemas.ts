/**
 * @module upload-schemas
 * How datasets and training packages look on the wire: the bodies that
 * create them, the resources the API answers with, and the upload
 * instructions that tell a client how to send the bytes.
 */
import { z } from "@hono/zod-openapi";
import { Manifest } from "../domain/manifest";
import { iso, Timestamp } from "../schemas/common";
import {
  DATASET,
  type DatasetRow,
  MAX_PARTS,
  MAX_REQUEST_BYTES,
  MIN_PART_BYTES,
  type PackageRow,
  TRAINING_PACKAGE,
  type UploadKind,
  type UploadRow,
} from "./upload-kinds";
import { UPLOADABLE } from "./uploads";

const Sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hexadecimal characters")
  .openapi({
    description: "SHA-256 of the whole file, lowercase hex",
    example: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  });

function createFields(kind: UploadKind) {
  return {
    name: z.string().trim().min(1).max(200).openapi({ example: "mnist-train" }),
    description: z.string().max(2000).optional(),
    size_bytes: z
      .number()
      .int()
      .min(1)
      .max(kind.maxBytes)
      .openapi({ description: `Exact size of the file, at most ${kind.maxBytes} bytes` }),
    sha256: Sha256,
  };
}

export const CreateDatasetBody = z
  .strictObject({
    ...createFields(DATASET),
    format: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.+_-]{0,31}$/, "a short lowercase name such as csv or parquet")
      .optional(),
  })
  .openapi("CreateDataset");

export const CreateTrainingPackageBody = z
  .strictObject(createFields(TRAINING_PACKAGE))
  .openapi("CreateTrainingPackage");

export const UploadInstructions = z
  .object({
    method: z.literal("PUT"),
    url: z.string().openapi({ description: "Send the whole file here as the raw body" }),
    content_type: z.literal("application/octet-stream"),
    max_single_put_bytes: z.number().int(),
    single_put_allowed: z.boolean(),
    multipart: z.object({
      create_url: z.string(),
      part_url: z.string().openapi({ description: "Template: fill {upload_id}, {part_number}" }),
      complete_url: z.string(),
      min_part_bytes: z.number().int().openapi({ description: "Every part but the last" }),
      max_part_bytes: z.number().int(),
      max_parts: z.number().int(),
    }),
    finalize_url: z.string(),
  })
  .openapi("UploadInstructions");

const Failure = z
  .object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
  .openapi("UploadFailure");

const resourceFields = {
  id: z.string().openapi({ example: "0b7c3f9e-5d1a-4c1e-9f6a-2d8e7b1c4a90" }),
  name: z.string(),
  description: z.string().nullable(),
  size_bytes: z.number().int(),
  sha256: z.string(),
  status: z.enum(["pending_upload", "uploaded", "ready", "failed", "invalid"]),
  failure: Failure.nullable().openapi({ description: "Why it ended failed or invalid" }),
  upload: UploadInstructions.nullable().openapi({ description: "Present until finalized" }),
  created_at: Timestamp,
  updated_at: Timestamp,
  ready_at: Timestamp.nullable(),
};

export const DatasetSchema = z
  .object({ ...resourceFields, format: z.string().nullable() })
  .openapi("Dataset");

export const TrainingPackageSchema = z
  .object({
    ...resourceFields,
    entrypoint: z.string().nullable().openapi({ description: "Set once ready" }),
    manifest: Manifest.nullable().openapi({ description: "gpu-agent.json, when the zip has one" }),
    entry_count: z.number().int().nullable(),
    uncompressed_bytes: z.number().int().nullable(),
  })
  .openapi("TrainingPackage");

export const PartReceipt = z
  .object({
    part_number: z.number().int(),
    etag: z.string().openapi({ description: "Pass it back to complete the upload" }),
    size_bytes: z.number().int(),
    sha256: z.string(),
  })
  .openapi("UploadedPart");

export const MultipartUpload = z
  .object({
    upload_id: z.string(),
    part_url: z.string(),
    complete_url: z.string(),
    min_part_bytes: z.number().int(),
    max_part_bytes: z.number().int(),
    max_parts: z.number().int(),
  })
  .openapi("MultipartUpload");

export const CompleteMultipartBody = z
  .strictObject({
    parts: z
      .array(
        z.strictObject({
          part_number: z.number().int().min(1).max(MAX_PARTS),
          etag: z.string().min(1).max(200),
        }),
      )
      .min(1)
      .max(MAX_PARTS)
      .refine((parts) => new Set(parts.map((p) => p.part_number)).size === parts.length, {
        message: "each part_number may appear once",
      }),
  })
  .openapi("CompleteMultipartUpload");

/** Where a record's endpoints live, as a client calls them. */
export function resourceUrl(kind: UploadKind, id: string): string {
  return `/api/v1/customer${kind.path}/${id}`;
}

export function multipartUrls(kind: UploadKind, id: string, uploadId = "{upload_id}") {
  const uploads = `${resourceUrl(kind, id)}/uploads/${uploadId}`;
  return {
    part_url: `${uploads}/parts/{part_number}`,
    complete_url: `${uploads}/complete`,
    min_part_bytes: MIN_PART_BYTES,
    max_part_bytes: MAX_REQUEST_BYTES,
    max_parts: MAX_PARTS,
  };
}

function instructions(kind: UploadKind, row: UploadRow) {
  if (!UPLOADABLE.includes(row.status)) return null;
  const url = resourceUrl(kind, row.id);
  const { part_url, complete_url, ...sizes } = multipartUrls(kind, row.id);
  return {
    method: "PUT" as const,
    url: `${url}/content`,
    content_type: "application/octet-stream" as const,
    max_single_put_bytes: MAX_REQUEST_BYTES,
    single_put_allowed: row.sizeBytes <= MAX_REQUEST_BYTES,
    multipart: { create_url: `${url}/uploads`, part_url, complete_url, ...sizes },
    finalize_url: `${url}/finalize`,
  };
}

function presentCommon(kind: UploadKind, row: UploadRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    size_bytes: row.sizeBytes,
    sha256: row.sha256,
    status: row.status,
    failure: row.failure ?? null,
    upload: instructions(kind, row),
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
    ready_at: iso(row.readyAt),
  };
}

export function presentDataset(row: UploadRow): z.infer<typeof DatasetSchema> {
  return { ...presentCommon(DATASET, row), format: (row as DatasetRow).format ?? null };
}

export function presentTrainingPackage(row: UploadRow): z.infer<typeof TrainingPackageSchema> {
  const pkg = row as PackageRow;
  return {
    ...presentCommon(TRAINING_PACKAGE, row),
    entrypoint: pkg.entrypoint ?? null,
    manifest: (pkg.manifest as Manifest | null) ?? null,
    entry_count: pkg.entryCount ?? null,
    uncompressed_bytes: pkg.uncompressedBytes ?? null,
  };
}

/**
 * @module jobs (schemas)
 * Training jobs, compute units, attempts, events and artifacts as the API
 * shows them, and the request body of job creation (the staging page's body).
 */
import { z } from "@hono/zod-openapi";
import type { artifacts, computeUnits, jobEvents, trainingJobs, unitAttempts } from "../db/schema";
import { JOB_STATUSES, UNIT_STATUSES } from "../db/schema";
import { Sensitivity } from "../domain/sensitivity";
import { iso, Timestamp } from "./common";

const MAX_HYPERPARAMETER_BYTES = 16 * 1024;

export const CreateTrainingJob = z
  .object({
    name: z.string().trim().min(1).max(200).openapi({ example: "tiny-mlp-fine-tune" }),
    dataset_id: z.string().min(1).max(100),
    training_package_id: z.string().min(1).max(100),
    required_vram_mb: z
      .number()
      .int()
      .min(0)
      .max(196_608)
      .openapi({ description: "VRAM the train stage needs, 0–196608 MB", example: 8000 }),
    required_disk_mb: z
      .number()
      .int()
      .min(1)
      .max(1_048_576)
      .openapi({ description: "Disk each unit may use, 1 MB–1 TiB", example: 1024 }),
    max_runtime_seconds: z
      .number()
      .int()
      .min(1)
      .max(86_400)
      .openapi({ description: "Longest a unit may run, 1 s–24 h", example: 600 }),
    sensitivity: Sensitivity.openapi({ example: "low_sensitive" }),
    hyperparameters: z
      .record(z.string().max(100), z.unknown())
      .refine((h) => JSON.stringify(h).length <= MAX_HYPERPARAMETER_BYTES, {
        message: `at most ${MAX_HYPERPARAMETER_BYTES} bytes of JSON`,
      })
      .optional()
      .openapi({ description: "A JSON object handed to the entry point", example: { epochs: 20 } }),
  })
  .openapi("CreateTrainingJob");

const ErrorInfo = z.object({ code: z.string(), message: z.string() }).nullable();

export const TrainingJobSchema = z
  .object({
    id: z.string(),
    object: z.literal("training_job"),
    name: z.string(),
    status: z.enum(JOB_STATUSES),
    dataset_id: z.string(),
    training_package_id: z.string(),
    required_vram_mb: z.number().int(),
    required_disk_mb: z.number().int(),
    max_runtime_seconds: z.number().int(),
    sensitivity: Sensitivity,
    hyperparameters: z.record(z.string(), z.unknown()),
    progress: z.record(z.string(), z.number().int()).openapi({
      description: "Compute units by status, and `total`",
      example: { total: 3, completed: 1, running: 1, blocked: 1 },
    }),
    projected_credits: z.number().int(),
    charged_credits: z.number().int(),
    error: ErrorInfo,
    created_at: Timestamp,
    updated_at: Timestamp,
    started_at: Timestamp.nullable(),
    finished_at: Timestamp.nullable(),
  })
  .openapi("TrainingJob");

export const AttemptSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    node_id: z.string(),
    status: z.string(),
    outcome: z.string().nullable(),
    verdict: z.object({ ok: z.boolean(), reasons: z.array(z.string()) }).nullable(),
    started_at: Timestamp,
    ended_at: Timestamp.nullable(),
  })
  .openapi("Attempt");

export const ComputeUnitSchema = z
  .object({
    id: z.string(),
    object: z.literal("compute_unit"),
    job_id: z.string(),
    stage: z.string(),
    kind: z.enum(["cpu", "gpu"]),
    shard_index: z.number().int(),
    shard_count: z.number().int(),
    status: z.enum(UNIT_STATUSES),
    depends_on: z.array(z.string()),
    requirements: z.object({ vram_mb: z.number().int(), disk_mb: z.number().int() }),
    node_id: z.string().nullable(),
    attempt_count: z.number().int(),
    attempts: z.array(AttemptSchema),
    runtime_seconds: z.number().nullable(),
    credits_charged: z.number().int(),
    error: ErrorInfo,
    created_at: Timestamp,
    started_at: Timestamp.nullable(),
    finished_at: Timestamp.nullable(),
  })
  .openapi("ComputeUnit");

export const JobEventSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    compute_unit_id: z.string().nullable(),
    node_id: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
    created_at: Timestamp,
  })
  .openapi("JobEvent");

export const ArtifactSchema = z
  .object({
    id: z.string(),
    object: z.literal("artifact"),
    job_id: z.string(),
    compute_unit_id: z.string(),
    kind: z.enum(["checkpoint", "metrics", "logs", "other"]),
    name: z.string(),
    size_bytes: z.number().int(),
    sha256: z.string(),
    created_at: Timestamp,
  })
  .openapi("Artifact");

export function presentJob(row: typeof trainingJobs.$inferSelect) {
  return {
    id: row.id,
    object: "training_job" as const,
    name: row.name,
    status: row.status,
    dataset_id: row.datasetId,
    training_package_id: row.trainingPackageId,
    required_vram_mb: row.requiredVramMb,
    required_disk_mb: row.requiredDiskMb,
    max_runtime_seconds: row.maxRuntimeSeconds,
    sensitivity: row.sensitivity,
    hyperparameters: row.hyperparameters ?? {},
    progress: row.progress,
    projected_credits: row.projectedCredits,
    charged_credits: row.chargedCredits,
    error: row.error ?? null,
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
    started_at: iso(row.startedAt),
    finished_at: iso(row.finishedAt),
  };
}

export function presentUnit(
  row: typeof computeUnits.$inferSelect,
  attempts: (typeof unitAttempts.$inferSelect)[],
) {
  return {
    id: row.id,
    object: "compute_unit" as const,
    job_id: row.jobId,
    stage: row.stage,
    kind: row.kind,
    shard_index: row.shardIndex,
    shard_count: row.shardCount,
    status: row.status,
    depends_on: row.dependsOn,
    requirements: { vram_mb: row.requiredVramMb, disk_mb: row.requiredDiskMb },
    node_id: row.nodeId,
    attempt_count: row.attemptCount,
    attempts: attempts.map((a) => ({
      id: a.id,
      number: a.number,
      node_id: a.nodeId,
      status: a.status,
      outcome: a.outcome,
      verdict: a.verdict ?? null,
      started_at: iso(a.startedAt),
      ended_at: iso(a.endedAt),
    })),
    runtime_seconds: row.runtimeSeconds,
    credits_charged: row.creditsCharged,
    error: row.error ?? null,
    created_at: iso(row.createdAt),
    started_at: iso(row.startedAt),
    finished_at: iso(row.finishedAt),
  };
}

export function presentEvent(row: typeof jobEvents.$inferSelect) {
  return {
    id: row.id,
    type: row.type,
    compute_unit_id: row.computeUnitId,
    node_id: row.nodeId,
    data: row.data ?? null,
    created_at: iso(row.createdAt),
  };
}

export function presentArtifact(row: typeof artifacts.$inferSelect) {
  return {
    id: row.id,
    object: "artifact" as const,
    job_id: row.jobId,
    compute_unit_id: row.computeUnitId,
    kind: row.kind,
    name: row.name,
    size_bytes: row.sizeBytes,
    sha256: row.sha256,
    created_at: iso(row.createdAt),
  };
}

/**
 * @module training-jobs
 * Creating training jobs exactly as the staging page shows, and reading them.
 * Creation plans the DAG and prices it here; the customer's gate alone admits
 * it (idempotency, windows, quota, credits) and starts its scheduler.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { SchedulerStart } from "../../durable-objects/contracts";
import type { AdmissionResult } from "../../durable-objects/customer-gate";
import { db } from "../db/client";
import { computeUnits, trainingJobs } from "../db/schema";
import { now } from "../domain/clock";
import { sha256Hex } from "../domain/crypto";
import { ApiError } from "../domain/errors";
import { rateLimitHeaders } from "../domain/limits";
import { Manifest } from "../domain/manifest";
import { planJob } from "../domain/planner";
import { projectedCost } from "../domain/pricing";
import { gateFor, refusalError } from "../gate";
import { router } from "../http";
import { requireScope } from "../middleware/customer-auth";
import { errors, IdParam, jsonContent } from "../schemas/common";
import { CreateTrainingJob, presentJob, TrainingJobSchema } from "../schemas/jobs";
import { requireReady } from "../storage/uploads";
import { findJob, jobReads } from "./training-job-reads";

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,255}$/;

const IdempotencyHeader = z.object({
  "idempotency-key": z.string().optional().openapi({
    description: "8–255 characters of A-Z a-z 0-9 . _ : -",
    example: "client-uuid-12345678",
  }),
});

const tags = ["training-jobs"];

export const trainingJobRoutes = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/training-jobs",
      tags,
      summary: "Create a training job",
      middleware: [requireScope("jobs:write")] as const,
      request: {
        headers: IdempotencyHeader,
        body: { content: { "application/json": { schema: CreateTrainingJob } } },
      },
      responses: {
        200: jsonContent(TrainingJobSchema, "The original job, replayed for a repeated key"),
        201: jsonContent(TrainingJobSchema, "The job, queued"),
        ...errors(400, 401, 402, 403, 404, 409, 422, 429),
      },
    }),
    async (c) => {
      const { customerId } = c.get("customer");
      const body = c.req.valid("json");
      const key = c.req.header("Idempotency-Key") ?? null;
      if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
        throw new ApiError(
          "IDEMPOTENCY_KEY_INVALID",
          "Idempotency-Key must be 8–255 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'",
        );
      }

      const [dataset, pkg] = await Promise.all([
        requireReady(c.env, customerId, "dataset", body.dataset_id),
        requireReady(c.env, customerId, "package", body.training_package_id),
      ]);
      const manifest = pkg.manifest ? Manifest.parse(pkg.manifest) : null;
      const plan = planJob({
        manifest,
        requiredVramMb: body.required_vram_mb,
        requiredDiskMb: body.required_disk_mb,
      });
      const projected = projectedCost(plan.units, body.max_runtime_seconds);

      const jobId = crypto.randomUUID();
      const units = plan.units.map((unit) => ({ ...unit, id: crypto.randomUUID() }));
      const idOf = new Map(units.map((u) => [u.key, u.id]));
      const t = now();
      const d = db(c.env);
      const recordJob = [
        d
          .insert(trainingJobs)
          .values({
            id: jobId,
            customerId,
            name: body.name,
            datasetId: dataset.id,
            trainingPackageId: pkg.id,
            requiredVramMb: body.required_vram_mb,
            requiredDiskMb: body.required_disk_mb,
            maxRuntimeSeconds: body.max_runtime_seconds,
            sensitivity: body.sensitivity,
            hyperparameters: body.hyperparameters ?? {},
            status: "queued",
            progress: { total: units.length, blocked: units.length },
            unitCount: units.length,
            projectedCredits: projected,
            createdAt: t,
            updatedAt: t,
          })
          .onConflictDoNothing()
          .toSQL(),
        ...units.map((unit, position) =>
          d
            .insert(computeUnits)
            .values({
              id: unit.id,
              position,
              jobId,
              customerId,
              stage: unit.stage,
              kind: unit.kind,
              shardIndex: unit.shardIndex,
              shardCount: unit.shardCount,
              entrypoint: unit.entrypoint,
              dependsOn: unit.dependsOn.map((k) => idOf.get(k)!),
              requiredVramMb: unit.requiredVramMb,
              requiredDiskMb: unit.requiredDiskMb,
              status: "blocked",
              createdAt: t,
              updatedAt: t,
            })
            .onConflictDoNothing()
            .toSQL(),
        ),
      ].map((q) => ({ sql: q.sql, params: q.params as (string | number | null)[] }));

      const start: SchedulerStart = {
        jobId,
        customerId,
        name: body.name,
        sensitivity: body.sensitivity,
        maxRuntimeSeconds: body.max_runtime_seconds,
        hyperparameters: body.hyperparameters ?? {},
        projectedCredits: projected,
        dataset: {
          id: dataset.id,
          name: dataset.name,
          objectKey: dataset.objectKey,
          sizeBytes: dataset.sizeBytes,
          sha256: dataset.sha256,
        },
        trainingPackage: {
          id: pkg.id,
          name: pkg.name,
          objectKey: pkg.objectKey,
          sizeBytes: pkg.sizeBytes,
          sha256: pkg.sha256,
        },
        units,
      };

      const gate = gateFor(c.env, customerId);
      const result: AdmissionResult = await gate.admitJob({
        customerId,
        jobId,
        idempotencyKey: key,
        bodyHash: await sha256Hex(canonicalJson(await c.req.json())),
        unitCount: units.length,
        projectedCredits: projected,
        recordJob,
        schedulerStart: start,
      });
      if (!result.ok) throw refusalError(result);

      const job = await findJob(c.env, customerId, result.jobId);
      const response = c.json(presentJob(job), result.replayed ? 200 : 201);
      for (const [name, value] of Object.entries(rateLimitHeaders(result.rateLimit))) {
        response.headers.set(name, value);
      }
      if (result.replayed) response.headers.set("Idempotent-Replayed", "true");
      return response;
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/training-jobs/{id}/cancel",
      tags,
      summary: "Cancel a job: running units stop, the reservation is released",
      middleware: [requireScope("jobs:write")] as const,
      request: { params: IdParam },
      responses: {
        200: jsonContent(TrainingJobSchema, "The cancelled job"),
        ...errors(401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { customerId } = c.get("customer");
      const { id } = c.req.valid("param");
      const job = await findJob(c.env, customerId, id);
      if (["completed", "failed", "cancelled"].includes(job.status)) {
        throw new ApiError("JOB_NOT_CANCELLABLE", `The job already ended (${job.status})`, {
          status: job.status,
        });
      }

      const scheduler = c.env.JOB_SCHEDULER.get(c.env.JOB_SCHEDULER.idFromName(id));
      const result = await scheduler.cancel();
      if (!result.ok) {
        throw new ApiError("JOB_NOT_CANCELLABLE", `The job already ended (${result.status})`, {
          status: result.status,
        });
      }
      return c.json(presentJob(await findJob(c.env, customerId, id)), 200);
    },
  )
  .route("/", jobReads);

/** JSON with sorted keys, so equal bodies hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

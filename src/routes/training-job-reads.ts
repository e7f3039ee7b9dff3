/**
 * @module training-job-reads
 * Reading training jobs: the list, one job, its compute units with their
 * attempts, its events, its artifacts and their signed download URLs, and a
 * unit's log tail and metrics.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "../db/client";
import { newestFirst, PageQuery, pageOf, paginate } from "../db/paginate";
import {
  artifacts,
  computeUnits,
  JOB_STATUSES,
  jobEvents,
  trainingJobs,
  unitAttempts,
} from "../db/schema";
import { now } from "../domain/clock";
import { ApiError } from "../domain/errors";
import { DOWNLOAD_URL_TTL_SECONDS, signFileGrant } from "../domain/signed-url";
import { settings } from "../env";
import { router } from "../http";
import { requireScope } from "../middleware/customer-auth";
import { errors, IdParam, jsonContent } from "../schemas/common";
import {
  ArtifactSchema,
  ComputeUnitSchema,
  JobEventSchema,
  presentArtifact,
  presentEvent,
  presentJob,
  presentUnit,
  TrainingJobSchema,
} from "../schemas/jobs";

const tags = ["training-jobs"];
const read = [requireScope("jobs:read")];

export async function findJob(env: Env, customerId: string, id: string) {
  const [row] = await db(env)
    .select()
    .from(trainingJobs)
    .where(and(eq(trainingJobs.id, id), eq(trainingJobs.customerId, customerId)))
    .limit(1);
  if (!row) throw new ApiError("JOB_NOT_FOUND", `No training job ${id}`);
  return row;
}

const ArtifactParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" } }),
  artifact_id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "artifact_id", in: "path" } }),
});

const UnitParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" } }),
  unit_id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "unit_id", in: "path" } }),
});

export const jobReads = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/training-jobs",
      tags,
      summary: "List training jobs, newest first",
      middleware: read,
      request: { query: PageQuery.extend({ status: z.enum(JOB_STATUSES).optional() }) },
      responses: {
        200: jsonContent(pageOf(TrainingJobSchema), "A page of jobs"),
        ...errors(400, 401, 403),
      },
    }),
    async (c) => {
      const { customerId } = c.get("customer");
      const query = c.req.valid("query");
      const page = await paginate({
        env: c.env,
        scope: `jobs:${customerId}:${query.status ?? "*"}`,
        query,
        columns: trainingJobs,
        fetch: (after, limit) =>
          db(c.env)
            .select()
            .from(trainingJobs)
            .where(
              and(
                eq(trainingJobs.customerId, customerId),
                query.status ? eq(trainingJobs.status, query.status) : undefined,
                after,
              ),
            )
            .orderBy(...newestFirst(trainingJobs))
            .limit(limit),
        present: presentJob,
      });
      return c.json(page, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/training-jobs/{id}",
      tags,
      summary: "Read a training job",
      middleware: read,
      request: { params: IdParam },
      responses: { 200: jsonContent(TrainingJobSchema, "The job"), ...errors(401, 403, 404) },
    }),
    async (c) => {
      const job = await findJob(c.env, c.get("customer").customerId, c.req.valid("param").id);
      return c.json(presentJob(job), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/training-jobs/{id}/compute-units",
      tags,
      summary: "The job's compute units in plan order, with their attempts",
      middleware: read,
      request: { params: IdParam },
      responses: {
        200: jsonContent(z.object({ data: z.array(ComputeUnitSchema) }), "Every unit of the job"),
        ...errors(401, 403, 404),
      },
    }),
    async (c) => {
      const job = await findJob(c.env, c.get("customer").customerId, c.req.valid("param").id);
      const d = db(c.env);
      const [units, attempts] = await Promise.all([
        d
          .select()
          .from(computeUnits)
          .where(eq(computeUnits.jobId, job.id))
          .orderBy(asc(computeUnits.position)),
        d
          .select()
          .from(unitAttempts)
          .where(eq(unitAttempts.jobId, job.id))
          .orderBy(asc(unitAttempts.number)),
      ]);
      const data = units.map((u) =>
        presentUnit(
          u,
          attempts.filter((a) => a.computeUnitId === u.id),
        ),
      );
      return c.json({ data }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/training-jobs/{id}/compute-units/{unit_id}/output",
      tags,
      summary: "The tail of a unit's logs and the metrics it reported",
      middleware: read,
      request: {
        params: UnitParams,
        query: z.object({ lines: z.coerce.number().int().min(1).max(500).default(200) }),
      },
      responses: {
        200: jsonContent(
          z.object({
            logs: z.array(z.string()),
            metrics: z.array(z.record(z.string(), z.unknown())),
          }),
          "Log lines, oldest first, and metric points",
        ),
        ...errors(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { id, unit_id } = c.req.valid("param");
      const job = await findJob(c.env, c.get("customer").customerId, id);
      const [unit] = await db(c.env)
        .select({ id: computeUnits.id })
        .from(computeUnits)
        .where(and(eq(computeUnits.id, unit_id), eq(computeUnits.jobId, job.id)));
      if (!unit) throw new ApiError("JOB_NOT_FOUND", `No compute unit ${unit_id} in this job`);

      const scheduler = c.env.JOB_SCHEDULER.get(c.env.JOB_SCHEDULER.idFromName(job.id));
      const output = (await scheduler.unitOutput(unit.id, c.req.valid("query").lines)) as {
        logs: string[];
        metrics: Record<string, unknown>[];
      };
      return c.json(output, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/training-jobs/{id}/events",
      tags,
      summary: "The job's timeline, newest first",
      middleware: read,
      request: { params: IdParam, query: PageQuery },
      responses: {
        200: jsonContent(pageOf(JobEventSchema), "A page of events"),
        ...errors(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { customerId } = c.get("customer");
      const job = await findJob(c.env, customerId, c.req.valid("param").id);
      const page = await paginate({
        env: c.env,
        scope: `events:${customerId}:${job.id}`,
        query: c.req.valid("query"),
        columns: jobEvents,
        fetch: (after, limit) =>
          db(c.env)
            .select()
            .from(jobEvents)
            .where(and(eq(jobEvents.jobId, job.id), after))
            .orderBy(...newestFirst(jobEvents))
            .limit(limit),
        present: presentEvent,
      });
      return c.json(page, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/training-jobs/{id}/artifacts",
      tags,
      summary: "The job's checkpoints, metrics and logs",
      middleware: read,
      request: {
        params: IdParam,
        query: PageQuery.extend({
          kind: z.enum(["checkpoint", "metrics", "logs", "other"]).optional(),
        }),
      },
      responses: {
        200: jsonContent(pageOf(ArtifactSchema), "A page of artifacts"),
        ...errors(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { customerId } = c.get("customer");
      const job = await findJob(c.env, customerId, c.req.valid("param").id);
      const query = c.req.valid("query");
      const page = await paginate({
        env: c.env,
        scope: `artifacts:${customerId}:${job.id}:${query.kind ?? "*"}`,
        query,
        columns: artifacts,
        fetch: (after, limit) =>
          db(c.env)
            .select()
            .from(artifacts)
            .where(
              and(
                eq(artifacts.jobId, job.id),
                query.kind ? inArray(artifacts.kind, [query.kind]) : undefined,
                after,
              ),
            )
            .orderBy(...newestFirst(artifacts))
            .limit(limit),
        present: presentArtifact,
      });
      return c.json(page, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/training-jobs/{id}/artifacts/{artifact_id}/download-url",
      tags,
      summary: "A signed download URL for an artifact (900 s)",
      middleware: read,
      request: { params: ArtifactParams },
      responses: {
        200: jsonContent(
          z.object({ download_url: z.string(), expires_at: z.string() }),
          "The URL and when it expires",
        ),
        ...errors(401, 403, 404, 502),
      },
    }),
    async (c) => {
      const { customerId } = c.get("customer");
      const { id, artifact_id } = c.req.valid("param");
      const job = await findJob(c.env, customerId, id);
      const [artifact] = await db(c.env)
        .select()
        .from(artifacts)
        .where(and(eq(artifacts.id, artifact_id), eq(artifacts.jobId, job.id)))
        .limit(1);
      if (!artifact)
        throw new ApiError("ARTIFACT_NOT_FOUND", `No artifact ${artifact_id} in this job`);

      const expiresAt = now() + DOWNLOAD_URL_TTL_SECONDS * 1000;
      let token: string;
      try {
        token = await signFileGrant(settings(c.env).SIGNING_SECRET, {
          k: artifact.objectKey,
          m: "GET",
          e: expiresAt,
          n: artifact.name,
        });
      } catch {
        throw new ApiError("SIGNED_URL_FAILED", "Could not sign the download URL; retry shortly");
      }
      const origin = settings(c.env).PUBLIC_URL ?? new URL(c.req.url).origin;
      return c.json(
        {
          download_url: `${origin}/api/v1/files/${token}`,
          expires_at: new Date(expiresAt).toISOString(),
        },
        200,
      );
    },
  );

/**
 * @module routes/webhooks
 * Customers' webhook endpoints and the record of their deliveries. The
 * signing secret is shown once, when the endpoint is created. Reads need
 * `webhooks:write` too: an endpoint's URL and deliveries are as sensitive as
 * the right to change them, and there is no narrower scope.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, isNull } from "drizzle-orm";
import type { Context } from "hono";
import { db } from "../db/client";
import { newestFirst, PageQuery, pageOf, paginate } from "../db/paginate";
import { webhookDeliveries, webhookEndpoints } from "../db/schema";
import { now } from "../domain/clock";
import { randomToken } from "../domain/crypto";
import { ApiError } from "../domain/errors";
import { generateWebhookSecret } from "../domain/webhook-signature";
import { checkWebhookUrl, MAX_WEBHOOK_URL_LENGTH } from "../domain/webhook-url";
import { settings } from "../env";
import { type AppEnv, router } from "../http";
import { requireScope } from "../middleware/customer-auth";
import { errors, IdParam, iso, jsonContent, Timestamp } from "../schemas/common";
import {
  PING_EVENT,
  senderFor,
  sendToEndpoint,
  WEBHOOK_EVENTS,
  type WebhookEndpointRow,
} from "../webhooks";

const WebhookEndpoint = z
  .object({
    id: z.string().openapi({ example: "we_3kT9x0aQ1vZr8mLp" }),
    url: z.string().openapi({ example: "https://hooks.example.com/gpu-agent" }),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    status: z.enum(["enabled", "disabled"]),
    disabled_reason: z.string().nullable(),
    created_at: Timestamp,
  })
  .openapi("WebhookEndpoint");

const CreatedWebhookEndpoint = WebhookEndpoint.extend({
  secret: z.string().openapi({
    description: "The signing secret; shown only in this response",
    example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwTrWdYk3bVxE=",
  }),
}).openapi("CreatedWebhookEndpoint");

const WebhookDelivery = z
  .object({
    id: z.string().openapi({ description: "Also the webhook-id header of every attempt" }),
    endpoint_id: z.string(),
    event_type: z.string().openapi({ example: "training_job.completed" }),
    payload: z.record(z.string(), z.unknown()),
    status: z.enum(["pending", "succeeded", "failed"]),
    attempts: z.number().int(),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    next_attempt_at: Timestamp.nullable(),
    error_code: z.literal("WEBHOOK_DELIVERY_FAILED").nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi("WebhookDelivery");

const CreateWebhookEndpoint = z.object({
  url: z.string().min(1).max(MAX_WEBHOOK_URL_LENGTH).openapi({
    description: "Public https URL; port 443 or 1024 and up; no credentials",
  }),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length),
});

const common = {
  tags: ["webhooks"],
  middleware: [requireScope("webhooks:write")],
};

export const webhooks = router()
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/webhooks",
      summary: "Register a webhook endpoint",
      request: {
        body: {
          required: true,
          content: { "application/json": { schema: CreateWebhookEndpoint } },
        },
      },
      responses: {
        201: jsonContent(CreatedWebhookEndpoint, "The endpoint, with its signing secret"),
        ...errors(400, 401, 403),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const allowLocalhost = settings(c.env).WEBHOOK_ALLOW_LOCALHOST;
      const url = checkWebhookUrl(body.url, { allowLocalhost });

      const row: WebhookEndpointRow = {
        id: `we_${randomToken(12)}`,
        customerId: c.get("customer").customerId,
        url,
        events: [...new Set(body.events)],
        secret: generateWebhookSecret(),
        status: "enabled",
        disabledReason: null,
        createdAt: now(),
        deletedAt: null,
      };
      await db(c.env).insert(webhookEndpoints).values(row);

      return c.json({ ...presentEndpoint(row), secret: row.secret }, 201);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/webhooks",
      summary: "List webhook endpoints, newest first",
      request: { query: PageQuery },
      responses: {
        200: jsonContent(pageOf(WebhookEndpoint), "A page of endpoints"),
        ...errors(400, 401, 403),
      },
    }),
    async (c) => {
      const customerId = c.get("customer").customerId;
      const t = webhookEndpoints;

      const page = await paginate({
        env: c.env,
        scope: `webhooks:${customerId}`,
        query: c.req.valid("query"),
        columns: t,
        fetch: (after, limit) =>
          db(c.env)
            .select()
            .from(t)
            .where(and(eq(t.customerId, customerId), isNull(t.deletedAt), after))
            .orderBy(...newestFirst(t))
            .limit(limit),
        present: presentEndpoint,
      });
      return c.json(page, 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/webhooks/{id}",
      summary: "Get a webhook endpoint",
      request: { params: IdParam },
      responses: { 200: jsonContent(WebhookEndpoint, "The endpoint"), ...errors(401, 403, 404) },
    }),
    async (c) => c.json(presentEndpoint(await ownEndpoint(c, c.req.valid("param").id)), 200),
  )
  .openapi(
    createRoute({
      ...common,
      method: "delete",
      path: "/webhooks/{id}",
      summary: "Delete a webhook endpoint; its pending deliveries are dropped",
      request: { params: IdParam },
      responses: { 204: { description: "Deleted" }, ...errors(401, 403, 404) },
    }),
    async (c) => {
      const endpoint = await ownEndpoint(c, c.req.valid("param").id);

      // The sender stops first: a failed delete can be retried, a sender that
      // missed it would go on retrying into a deleted endpoint.
      await senderFor(c.env, endpoint.id).remove({
        id: endpoint.id,
        customerId: endpoint.customerId,
        url: endpoint.url,
        secret: endpoint.secret,
      });
      await db(c.env)
        .update(webhookEndpoints)
        .set({ deletedAt: now() })
        .where(eq(webhookEndpoints.id, endpoint.id));

      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/webhooks/{id}/deliveries",
      summary: "List an endpoint's deliveries, newest first",
      request: { params: IdParam, query: PageQuery },
      responses: {
        200: jsonContent(pageOf(WebhookDelivery), "A page of deliveries"),
        ...errors(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const endpoint = await ownEndpoint(c, c.req.valid("param").id);
      const t = webhookDeliveries;

      const page = await paginate({
        env: c.env,
        scope: `webhook-deliveries:${endpoint.id}`,
        query: c.req.valid("query"),
        columns: t,
        fetch: (after, limit) =>
          db(c.env)
            .select()
            .from(t)
            .where(and(eq(t.endpointId, endpoint.id), eq(t.customerId, endpoint.customerId), after))
            .orderBy(...newestFirst(t))
            .limit(limit),
        present: presentDelivery,
      });
      return c.json(page, 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/webhooks/{id}/test",
      summary: "Send a ping event to the endpoint",
      description: "Answers after the first attempt; a failed ping is retried like any event.",
      request: { params: IdParam },
      responses: {
        202: jsonContent(WebhookDelivery, "The ping's delivery after its first attempt"),
        ...errors(401, 403, 404),
      },
    }),
    async (c) => {
      const endpoint = await ownEndpoint(c, c.req.valid("param").id);

      const delivery = await sendToEndpoint(c.env, endpoint, PING_EVENT, {
        endpoint_id: endpoint.id,
      });
      if (!delivery) throw notFoundError();

      return c.json(presentDelivery(delivery), 202);
    },
  );

/** The caller's live endpoint; anyone else's is as absent as a missing one. */
async function ownEndpoint(c: Context<AppEnv>, id: string): Promise<WebhookEndpointRow> {
  const t = webhookEndpoints;
  const [row] = await db(c.env)
    .select()
    .from(t)
    .where(and(eq(t.id, id), eq(t.customerId, c.get("customer").customerId), isNull(t.deletedAt)))
    .limit(1);
  if (!row) throw notFoundError();
  return row;
}

function notFoundError(): ApiError {
  return new ApiError("WEBHOOK_NOT_FOUND", "No webhook endpoint with this id in your account");
}

function presentEndpoint(row: WebhookEndpointRow): z.infer<typeof WebhookEndpoint> {
  return {
    id: row.id,
    url: row.url,
    events: row.events as z.infer<typeof WebhookEndpoint>["events"],
    status: row.status,
    disabled_reason: row.disabledReason,
    created_at: iso(row.createdAt),
  };
}

function presentDelivery(
  row: typeof webhookDeliveries.$inferSelect,
): z.infer<typeof WebhookDelivery> {
  return {
    id: row.id,
    endpoint_id: row.endpointId,
    event_type: row.eventType,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    last_status_code: row.lastStatusCode,
    last_error: row.lastError,
    next_attempt_at: iso(row.nextAttemptAt),
    error_code: row.errorCode === "WEBHOOK_DELIVERY_FAILED" ? row.errorCode : null,
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
  };
}

/**
 * @module webhooks
 * How the rest of the Worker raises a webhook event: the catalogue of events
 * a customer can subscribe to, the payload every delivery carries, and the
 * hand-off to each endpoint's `WebhookSender`, which signs, sends, retries
 * and records the deliveries.
 */
import { and, eq, isNull } from "drizzle-orm";
import { db } from "./db/client";
import { webhookEndpoints } from "./db/schema";
import { isoNow } from "./domain/clock";
import { randomToken, sha256Hex } from "./domain/crypto";
import { errorFields, log } from "./log";

export const WEBHOOK_EVENTS = [
  "training_job.completed",
  "training_job.failed",
  "training_job.cancelled",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** Sent by `POST /customer/webhooks/:id/test`; no one subscribes to it. */
export const PING_EVENT = "ping";

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

/**
 * Delivers `type` to every enabled endpoint of the customer subscribed to it.
 * Resolves once each delivery is stored by its sender and its first attempt
 * made (at most the 15 s send timeout); a caller that must not wait for the
 * receivers hands the promise to `ctx.waitUntil`. Emitting the same event for
 * the same object (`data.id`) again delivers it once.
 */
export async function emitWebhookEvent(
  env: Env,
  customerId: string,
  type: WebhookEventType,
  data: Record<string, unknown>,
): Promise<void> {
  const endpoints = await db(env)
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.customerId, customerId),
        eq(webhookEndpoints.status, "enabled"),
        isNull(webhookEndpoints.deletedAt),
      ),
    );
  const subscribed = endpoints.filter((e) => e.events.includes(type));

  const results = await Promise.allSettled(
    subscribed.map((endpoint) => sendToEndpoint(env, endpoint, type, data)),
  );

  results.forEach((result, i) => {
    if (result.status === "rejected") {
      log("error", "webhook hand-off failed", {
        customer_id: customerId,
        endpoint_id: subscribed[i]?.id,
        event_type: type,
        ...errorFields(result.reason),
      });
    }
  });
}

/**
 * Hands one event to one endpoint's sender and returns the delivery as it
 * stands after the first attempt, or null when the sender no longer takes
 * deliveries for the endpoint (deleted, or disabled for anything but a ping).
 */
export async function sendToEndpoint(
  env: Env,
  endpoint: WebhookEndpointRow,
  type: string,
  data: Record<string, unknown>,
) {
  const payload = { type, timestamp: isoNow(), data };

  return senderFor(env, endpoint.id).deliver({
    id: await deliveryId(endpoint.id, type, data),
    eventType: type,
    payload,
    endpoint: {
      id: endpoint.id,
      customerId: endpoint.customerId,
      url: endpoint.url,
      secret: endpoint.secret,
    },
  });
}

/** One sender per endpoint: its deliveries, retries and alarm live together. */
export function senderFor(env: Env, endpointId: string) {
  return env.WEBHOOK_SENDER.get(env.WEBHOOK_SENDER.idFromName(endpointId));
}

/**
 * The delivery id doubles as Standard Webhooks' `webhook-id`. Derived from the
 * event and its object when there is one, so a repeated emit is one delivery;
 * pings are always new.
 */
async function deliveryId(
  endpointId: string,
  type: string,
  data: Record<string, unknown>,
): Promise<string> {
  if (type === PING_EVENT || typeof data.id !== "string") return `msg_${randomToken(16)}`;
  const digest = await sha256Hex(`${endpointId}\n${type}\n${data.id}`);
  return `msg_${digest.slice(0, 32)}`;
}

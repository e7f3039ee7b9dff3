import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { advanceClock, now, resetClock } from "../../src/domain/clock";
import { RETRY_DELAYS_MS } from "../../src/domain/webhook-retry";
import { emitWebhookEvent, senderFor } from "../../src/webhooks";
import { as, createCustomer, json, type TestCustomer } from "./helpers";
import { fakeReceiver } from "./webhook-receiver";

interface Endpoint {
  id: string;
  secret: string;
  status: string;
  disabled_reason: string | null;
}

interface Delivery {
  id: string;
  event_type: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  error_code: string | null;
  payload: { type: string; data: Record<string, unknown> };
}

let customer: TestCustomer;
let created: string[] = [];

async function createEndpoint(events = ["training_job.completed"]): Promise<Endpoint> {
  const url = `https://hooks.acme-ml.com/${created.length}`;
  const response = await as(customer, "/customer/webhooks", json({ url, events }));
  const endpoint = (await response.json()) as Endpoint;
  created.push(endpoint.id);
  return endpoint;
}

async function deliveriesOf(endpoint: Endpoint): Promise<Delivery[]> {
  const response = await as(customer, `/customer/webhooks/${endpoint.id}/deliveries`);
  return ((await response.json()) as { data: Delivery[] }).data;
}

async function endpointNow(endpoint: Endpoint): Promise<Endpoint> {
  return (await (await as(customer, `/customer/webhooks/${endpoint.id}`)).json()) as Endpoint;
}

function completedJob() {
  return { id: `job_${crypto.randomUUID()}`, status: "completed", charged_credits: 42 };
}

/** Moves the clock to the next attempt and lets the sender's alarm run. */
async function nextAttempt(endpoint: Endpoint, afterMs: number): Promise<void> {
  advanceClock(afterMs);
  expect(await runDurableObjectAlarm(senderFor(env, endpoint.id))).toBe(true);
}

describe("webhook sender", () => {
  beforeEach(async () => {
    customer = await createCustomer();
    created = [];
  });

  afterEach(async () => {
    // Deleting clears each sender's alarm, so no retry fires into a later test.
    for (const id of created) await as(customer, `/customer/webhooks/${id}`, { method: "DELETE" });
    vi.restoreAllMocks();
    resetClock();
  });

  it("signs each delivery so the standardwebhooks package verifies it", async () => {
    const endpoint = await createEndpoint();
    const receiver = fakeReceiver();
    const job = completedJob();

    await emitWebhookEvent(env, customer.customerId, "training_job.completed", job);

    const [request] = receiver.received;
    expect(request?.url).toBe("https://hooks.acme-ml.com/0");
    expect(request?.headers["content-type"]).toBe("application/json");
    const payload = new Webhook(endpoint.secret).verify(
      request?.body ?? "",
      request?.headers ?? {},
    );
    expect(payload).toMatchObject({ type: "training_job.completed", data: job });
    expect((payload as { timestamp: string }).timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("delivers only to the customer's enabled endpoints subscribed to the event", async () => {
    const subscribed = await createEndpoint(["training_job.completed"]);
    await createEndpoint(["training_job.failed"]);
    const other = customer;
    customer = await createCustomer({ name: "Someone else" });
    await createEndpoint(["training_job.completed"]);
    customer = other;
    const receiver = fakeReceiver();

    await emitWebhookEvent(env, customer.customerId, "training_job.completed", completedJob());

    expect(receiver.received.map((r) => r.url)).toEqual(["https://hooks.acme-ml.com/0"]);
    expect(await deliveriesOf(subscribed)).toHaveLength(1);
  });

  it("records one delivery with three attempts for a receiver that fails twice", async () => {
    const endpoint = await createEndpoint();
    const receiver = fakeReceiver([500, 503], 200);

    await emitWebhookEvent(env, customer.customerId, "training_job.completed", completedJob());
    await nextAttempt(endpoint, RETRY_DELAYS_MS[1] ?? 0);
    await nextAttempt(endpoint, RETRY_DELAYS_MS[2] ?? 0);

    const deliveries = await deliveriesOf(endpoint);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      status: "succeeded",
      attempts: 3,
      last_status_code: 200,
      last_error: null,
      next_attempt_at: null,
      error_code: null,
    });
    const ids = new Set(receiver.received.map((r) => r.headers["webhook-id"]));
    expect(receiver.received).toHaveLength(3);
    expect(ids).toEqual(new Set([deliveries[0]?.id]));
  });

  it("shows a failed attempt's status code and when the next one is due", async () => {
    const endpoint = await createEndpoint();
    fakeReceiver([500]);

    await emitWebhookEvent(env, customer.customerId, "training_job.completed", completedJob());

    const [delivery] = await deliveriesOf(endpoint);
    expect(delivery).toMatchObject({
      status: "pending",
      attempts: 1,
      last_status_code: 500,
      last_error: "receiver answered 500",
      error_code: null,
    });
    expect(delivery?.next_attempt_at).not.toBeNull();
  });

  it("does not retry before the next attempt is due", async () => {
    const endpoint = await createEndpoint();
    const receiver = fakeReceiver([500]);
    await emitWebhookEvent(env, customer.customerId, "training_job.completed", completedJob());

    await nextAttempt(endpoint, (RETRY_DELAYS_MS[1] ?? 0) - 1_000);

    expect(receiver.received).toHaveLength(1);
    await nextAttempt(endpoint, 1_000);
    expect(receiver.received).toHaveLength(2);
  });

  it("gives up after the eighth attempt with WEBHOOK_DELIVERY_FAILED", async () => {
    const endpoint = await createEndpoint();
    const receiver = fakeReceiver([], 500);
    await emitWebhookEvent(env, customer.customerId, "training_job.completed", completedJob());

    for (const delay of RETRY_DELAYS_MS.slice(1)) await nextAttempt(endpoint, delay);

    expect(receiver.received).toHaveLength(8);
    const [delivery] = await deliveriesOf(endpoint);
    expect(delivery).toMatchObject({
      status: "failed",
      attempts: 8,
      last_status_code: 500,
      next_attempt_at: null,
      error_code: "WEBHOOK_DELIVERY_FAILED",
    });
    expect(await runDurableObjectAlarm(senderFor(env, endpoint.id))).toBe(false);
  });

  it("disables the endpoint when the receiver answers 410 Gone", async () => {
    const endpoint = await createEndpoint();
    const receiver = fakeReceiver([410]);

    await emitWebhookEvent(env, customer.customerId, "training_job.completed", completedJob());
    await emitWebhookEvent(env, customer.customerId, "training_job.completed", completedJob());

    expect(receiver.received).toHaveLength(1);
    expect(await endpointNow(endpoint)).toMatchObject({
      status: "disabled",
      disabled_reason: "the receiver answered 410 Gone",
    });
    const [delivery] = await deliveriesOf(endpoint);
    expect(delivery).toMatchObject({
      status: "failed",
      attempts: 1,
      last_status_code: 410,
      error_code: "WEBHOOK_DELIVERY_FAILED",
    });
  });

  it("does not follow a redirect and counts it as a failed attempt", async () => {
    const endpoint = await createEndpoint();
    const receiver = fakeReceiver([302]);

    await emitWebhookEvent(env, customer.customerId, "training_job.completed", completedJob());

    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.redirect).toBe("manual");
    const [delivery] = await deliveriesOf(endpoint);
    expect(delivery).toMatchObject({
      status: "pending",
      last_status_code: 302,
      last_error: "redirect (302) not followed",
    });
  });

  it("retries after a network failure and after a timeout", async () => {
    const endpoint = await createEndpoint();
    const timeout = new DOMException("The operation timed out", "TimeoutError");
    const receiver = fakeReceiver([new TypeError("connection refused"), timeout], 204);

    await emitWebhookEvent(env, customer.customerId, "training_job.completed", completedJob());
    const [afterRefusal] = await deliveriesOf(endpoint);
    await nextAttempt(endpoint, RETRY_DELAYS_MS[1] ?? 0);
    const [afterTimeout] = await deliveriesOf(endpoint);
    await nextAttempt(endpoint, RETRY_DELAYS_MS[2] ?? 0);

    expect(afterRefusal?.last_error).toBe("request failed: connection refused");
    expect(afterTimeout?.last_error).toBe("no answer within 15 s");
    expect(receiver.received).toHaveLength(3);
    const [delivery] = await deliveriesOf(endpoint);
    expect(delivery).toMatchObject({ status: "succeeded", last_status_code: 204, attempts: 3 });
  });

  it("delivers the same job's event once when it is emitted twice", async () => {
    const endpoint = await createEndpoint();
    const receiver = fakeReceiver();
    const job = completedJob();

    await emitWebhookEvent(env, customer.customerId, "training_job.completed", job);
    await emitWebhookEvent(env, customer.customerId, "training_job.completed", job);

    expect(receiver.received).toHaveLength(1);
    expect(await deliveriesOf(endpoint)).toHaveLength(1);
  });

  it("stops retrying once the endpoint is deleted", async () => {
    const endpoint = await createEndpoint();
    const receiver = fakeReceiver([500]);
    await emitWebhookEvent(env, customer.customerId, "training_job.completed", completedJob());

    await as(customer, `/customer/webhooks/${endpoint.id}`, { method: "DELETE" });
    advanceClock(RETRY_DELAYS_MS[1] ?? 0);
    await runDurableObjectAlarm(senderFor(env, endpoint.id));

    expect(receiver.received).toHaveLength(1);
  });

  it("sends again a delivery whose attempt was lost with its object", async () => {
    const endpoint = await createEndpoint();
    const receiver = fakeReceiver([500]);
    await emitWebhookEvent(env, customer.customerId, "training_job.completed", completedJob());
    const sender = senderFor(env, endpoint.id);

    // As if the retry had been claimed and the object evicted mid-request.
    await runInDurableObject(sender, (_instance, state) => {
      state.storage.sql.exec(
        "UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = ?",
        now() + 30_000,
      );
    });
    await nextAttempt(endpoint, 30_000);

    expect(receiver.received).toHaveLength(2);
    const [delivery] = await deliveriesOf(endpoint);
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 3 });
  });
});

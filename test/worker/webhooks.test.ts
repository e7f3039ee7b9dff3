import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { as, call, createCustomer, errorCode, json, type TestCustomer } from "./helpers";
import { fakeReceiver } from "./webhook-receiver";

const RECEIVER = "https://hooks.acme-ml.com/gpu-agent";

interface Endpoint {
  id: string;
  url: string;
  events: string[];
  status: string;
  disabled_reason: string | null;
  created_at: string;
  secret?: string;
}

interface Page<T> {
  data: T[];
  page: { limit: number; next_cursor: string | null; has_more: boolean };
}

async function createEndpoint(
  customer: TestCustomer,
  body: unknown = { url: RECEIVER, events: ["training_job.completed"] },
): Promise<Endpoint> {
  const response = await as(customer, "/customer/webhooks", json(body));
  if (response.status !== 201) throw new Error(`create failed: ${await response.text()}`);
  return (await response.json()) as Endpoint;
}

/** A second key of the customer holding only `scopes`. */
async function narrowKey(customer: TestCustomer, scopes: string[]): Promise<TestCustomer> {
  const response = await as(customer, "/customer/api-keys", json({ name: "narrow", scopes }));
  const body = (await response.json()) as { key: string };
  return { customerId: customer.customerId, apiKey: body.key };
}

describe("webhook endpoints", () => {
  let customer: TestCustomer;

  beforeEach(async () => {
    customer = await createCustomer();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("creates an endpoint and shows its whsec_ secret once", async () => {
    const response = await as(
      customer,
      "/customer/webhooks",
      json({ url: RECEIVER, events: ["training_job.completed", "training_job.failed"] }),
    );
    const created = (await response.json()) as Endpoint;

    expect(response.status).toBe(201);
    expect(created).toMatchObject({
      url: RECEIVER,
      events: ["training_job.completed", "training_job.failed"],
      status: "enabled",
      disabled_reason: null,
    });
    expect(created.secret).toMatch(/^whsec_/);

    const fetched = (await (
      await as(customer, `/customer/webhooks/${created.id}`)
    ).json()) as Endpoint;
    const listed = (await (await as(customer, "/customer/webhooks")).json()) as Page<Endpoint>;

    expect(fetched.id).toBe(created.id);
    expect(fetched).not.toHaveProperty("secret");
    expect(listed.data[0]).not.toHaveProperty("secret");
  });

  it("stores the URL normalized and each event once", async () => {
    const created = await createEndpoint(customer, {
      url: "https://Hooks.ACME-ml.com:443/gpu-agent#ignored",
      events: ["training_job.failed", "training_job.failed"],
    });

    expect(created.url).toBe(RECEIVER);
    expect(created.events).toEqual(["training_job.failed"]);
  });

  it("lists the customer's endpoints newest first, a page at a time", async () => {
    const first = await createEndpoint(customer);
    const second = await createEndpoint(customer);
    const third = await createEndpoint(customer);

    const page1 = (await (
      await as(customer, "/customer/webhooks?limit=2")
    ).json()) as Page<Endpoint>;
    const cursor = encodeURIComponent(page1.page.next_cursor ?? "");
    const page2Response = await as(customer, `/customer/webhooks?limit=2&cursor=${cursor}`);
    const page2 = (await page2Response.json()) as Page<Endpoint>;

    expect(page1.data.map((e) => e.id)).toEqual([third.id, second.id]);
    expect(page1.page.has_more).toBe(true);
    expect(page2.data.map((e) => e.id)).toEqual([first.id]);
    expect(page2.page).toEqual({ limit: 2, next_cursor: null, has_more: false });
  });

  it("deletes an endpoint, which then is gone from get and list", async () => {
    const endpoint = await createEndpoint(customer);

    const deleted = await as(customer, `/customer/webhooks/${endpoint.id}`, { method: "DELETE" });

    expect(deleted.status).toBe(204);
    const fetched = await as(customer, `/customer/webhooks/${endpoint.id}`);
    expect(fetched.status).toBe(404);
    expect(await errorCode(fetched)).toBe("WEBHOOK_NOT_FOUND");
    const listed = (await (await as(customer, "/customer/webhooks")).json()) as Page<Endpoint>;
    expect(listed.data.map((e) => e.id)).not.toContain(endpoint.id);
  });

  it("refuses a URL that is not public https with WEBHOOK_INVALID_URL", async () => {
    for (const url of [
      "http://hooks.acme-ml.com/x",
      "https://169.254.169.254/x",
      "https://0x7f.1/",
    ]) {
      const response = await as(
        customer,
        "/customer/webhooks",
        json({ url, events: ["training_job.completed"] }),
      );
      const body = (await response.json()) as { error: { code: string; details: unknown } };

      expect(response.status).toBe(400);
      expect(body.error.code).toBe("WEBHOOK_INVALID_URL");
      expect(body.error.details).toHaveProperty("reason");
    }
  });

  it("refuses http://localhost while the local-development setting is off", async () => {
    const response = await as(
      customer,
      "/customer/webhooks",
      json({ url: "http://localhost:8787/hooks", events: ["training_job.completed"] }),
    );

    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe("WEBHOOK_INVALID_URL");
  });

  it("refuses an unknown event with VALIDATION_FAILED naming the field", async () => {
    const response = await as(
      customer,
      "/customer/webhooks",
      json({ url: RECEIVER, events: ["training_job.exploded"] }),
    );
    const body = (await response.json()) as { error: { code: string; message: string } };

    expect(response.status).toBe(400);
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.message).toMatch(/events/);
  });

  it("refuses an endpoint with no events", async () => {
    const response = await as(customer, "/customer/webhooks", json({ url: RECEIVER, events: [] }));

    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe("VALIDATION_FAILED");
  });

  it("answers 404 for an id that does not exist", async () => {
    const response = await as(customer, "/customer/webhooks/we_nope");

    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe("WEBHOOK_NOT_FOUND");
  });

  it("treats another customer's endpoint as absent on every route", async () => {
    const other = await createCustomer({ name: "Other" });
    const theirs = await createEndpoint(other);
    const path = `/customer/webhooks/${theirs.id}`;
    fakeReceiver();

    const responses = [
      await as(customer, path),
      await as(customer, path, { method: "DELETE" }),
      await as(customer, `${path}/deliveries`),
      await as(customer, `${path}/test`, { method: "POST" }),
    ];

    for (const response of responses) {
      expect(response.status).toBe(404);
      expect(await errorCode(response)).toBe("WEBHOOK_NOT_FOUND");
    }
    expect((await as(other, path)).status).toBe(200);
    const listed = (await (await as(customer, "/customer/webhooks")).json()) as Page<Endpoint>;
    expect(listed.data).toEqual([]);
  });

  it("requires the webhooks:write scope, for reads too", async () => {
    const endpoint = await createEndpoint(customer);
    const readOnly = await narrowKey(customer, ["jobs:read"]);
    const path = `/customer/webhooks/${endpoint.id}`;

    const responses = [
      await as(
        readOnly,
        "/customer/webhooks",
        json({ url: RECEIVER, events: ["training_job.failed"] }),
      ),
      await as(readOnly, "/customer/webhooks"),
      await as(readOnly, path),
      await as(readOnly, path, { method: "DELETE" }),
      await as(readOnly, `${path}/deliveries`),
      await as(readOnly, `${path}/test`, { method: "POST" }),
    ];

    for (const response of responses) {
      expect(response.status).toBe(403);
      expect(await errorCode(response)).toBe("API_KEY_SCOPE_DENIED");
    }
  });

  it("requires an API key", async () => {
    const response = await call("/customer/webhooks");

    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("CUSTOMER_AUTH_REQUIRED");
  });

  it("sends a ping on test and lists it among the endpoint's deliveries", async () => {
    const endpoint = await createEndpoint(customer);
    const receiver = fakeReceiver();

    const response = await as(customer, `/customer/webhooks/${endpoint.id}/test`, {
      method: "POST",
    });
    const delivery = (await response.json()) as { id: string; event_type: string };

    expect(response.status).toBe(202);
    expect(delivery).toMatchObject({ event_type: "ping", status: "succeeded", attempts: 1 });
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]?.body ?? "")).toMatchObject({
      type: "ping",
      data: { endpoint_id: endpoint.id },
    });

    const listed = await as(customer, `/customer/webhooks/${endpoint.id}/deliveries`);
    const page = (await listed.json()) as Page<{ id: string }>;
    expect(page.data.map((d) => d.id)).toEqual([delivery.id]);
  });

  it("describes every webhook route in the OpenAPI document", async () => {
    const doc = (await (await call("/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };

    expect(Object.keys(doc.paths["/customer/webhooks"] ?? {})).toEqual(["post", "get"]);
    expect(Object.keys(doc.paths["/customer/webhooks/{id}"] ?? {})).toEqual(["get", "delete"]);
    expect(doc.paths["/customer/webhooks/{id}/deliveries"]).toHaveProperty("get");
    expect(doc.paths["/customer/webhooks/{id}/test"]).toHaveProperty("post");
  });
});

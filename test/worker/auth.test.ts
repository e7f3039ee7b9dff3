import { describe, expect, it } from "vitest";
import { admin, as, call, createCustomer, errorCode, json } from "./helpers";

describe("customer authentication", () => {
  it("refuses a request without an API key", async () => {
    const response = await call("/customer/api-keys");

    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("CUSTOMER_AUTH_REQUIRED");
  });

  it("refuses an unknown API key", async () => {
    const response = await call("/customer/api-keys", {
      headers: { "X-API-Key": "sk_alpha_doesnotexist000000000000000000" },
    });

    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("API_KEY_INVALID");
  });

  it("refuses something that is not an API key at all", async () => {
    const response = await call("/customer/api-keys", { headers: { "X-API-Key": "hunter2" } });

    expect(await errorCode(response)).toBe("API_KEY_INVALID");
  });

  it("refuses a revoked key at once", async () => {
    const customer = await createCustomer();
    const created = await as(customer, "/customer/api-keys", json({ name: "ci" }));
    const second = (await created.json()) as { id: string; key: string };

    const revoked = await as(customer, `/customer/api-keys/${second.id}/revoke`, {
      method: "POST",
    });
    const response = await call("/customer/api-keys", { headers: { "X-API-Key": second.key } });

    expect(revoked.status).toBe(200);
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("API_KEY_REVOKED");
  });

  it("refuses a key without the route's scope", async () => {
    const customer = await createCustomer();
    const created = await as(
      customer,
      "/customer/api-keys",
      json({ name: "reader", scopes: ["jobs:read"] }),
    );
    const reader = (await created.json()) as { key: string; scopes: string[] };

    const response = await call("/customer/api-keys", { headers: { "X-API-Key": reader.key } });

    expect(reader.scopes).toEqual(["jobs:read"]);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe("API_KEY_SCOPE_DENIED");
  });

  it("does not let a narrowed key mint a broader one", async () => {
    const customer = await createCustomer();
    const created = await as(
      customer,
      "/customer/api-keys",
      json({ name: "keys only", scopes: ["keys:write"] }),
    );
    const narrow = { ...customer, apiKey: ((await created.json()) as { key: string }).key };

    const response = await as(narrow, "/customer/api-keys", json({ name: "all" }));

    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe("API_KEY_SCOPE_DENIED");
  });

  it("answers another customer's key as missing, not forbidden", async () => {
    const alice = await createCustomer({ name: "Alice" });
    const bob = await createCustomer({ name: "Bob" });
    const created = await as(alice, "/customer/api-keys", json({ name: "alice-ci" }));
    const { id } = (await created.json()) as { id: string };

    const response = await as(bob, `/customer/api-keys/${id}/revoke`, { method: "POST" });

    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe("API_KEY_NOT_FOUND");
  });

  it("never shows a key's secret part after creation", async () => {
    const customer = await createCustomer();

    const response = await as(customer, "/customer/api-keys");
    const body = (await response.json()) as { data: Record<string, unknown>[] };

    expect(body.data).toHaveLength(1);
    expect(body.data[0]).not.toHaveProperty("key");
    expect(JSON.stringify(body)).not.toContain(customer.apiKey);
  });
});

describe("admin authentication", () => {
  it("refuses the admin API without the token", async () => {
    const response = await call("/admin/customers");

    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("ADMIN_AUTH_REQUIRED");
  });

  it("refuses a wrong admin token", async () => {
    const response = await call("/admin/customers", {
      headers: { Authorization: "Bearer not-the-token" },
    });

    expect(await errorCode(response)).toBe("ADMIN_AUTH_REQUIRED");
  });

  it("does not accept a customer key on the admin API", async () => {
    const customer = await createCustomer();

    const response = await call("/admin/customers", {
      headers: { Authorization: `Bearer ${customer.apiKey}` },
    });

    expect(response.status).toBe(401);
  });

  it("creates a customer whose first key works", async () => {
    const created = await admin("/admin/customers", json({ name: "Acme", credits: 500 }));
    const body = (await created.json()) as {
      customer: { credit_balance: number };
      api_key: { key: string };
    };

    const response = await call("/customer/api-keys", {
      headers: { "X-API-Key": body.api_key.key },
    });

    expect(created.status).toBe(201);
    expect(body.customer.credit_balance).toBe(500);
    expect(body.api_key.key).toMatch(/^sk_alpha_[A-Za-z0-9_-]{32}$/);
    expect(response.status).toBe(200);
  });
});

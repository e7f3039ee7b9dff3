import { describe, expect, it } from "vitest";
import { as, call, createCustomer, errorCode } from "./helpers";

describe("meta routes", () => {
  it("answers health without auth and with a request id", async () => {
    const response = await call("/health");

    expect(response.status).toBe(200);
    expect(response.headers.get("X-Request-Id")).toMatch(/^req_/);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });

  it("answers an unknown route in the error envelope", async () => {
    const response = await call("/nope");

    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe("ROUTE_NOT_FOUND");
  });

  it("tells a wrong method from an unknown route", async () => {
    const response = await call("/health", { method: "DELETE" });

    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("GET");
    expect(await errorCode(response)).toBe("METHOD_NOT_ALLOWED");
  });

  it("serves an OpenAPI 3.1 document", async () => {
    const response = await call("/openapi.json");
    const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown> };

    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/health");
  });
});

describe("malformed requests", () => {
  it("answers malformed JSON with VALIDATION_FAILED", async () => {
    const customer = await createCustomer();

    const response = await as(customer, "/customer/api-keys", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{not json",
    });

    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe("VALIDATION_FAILED");
  });

  it("answers a JSON route called with another content type in the envelope", async () => {
    const customer = await createCustomer();

    const response = await as(customer, "/customer/api-keys", {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: '{"name":"x"}',
    });

    expect(response.status).not.toBe(500);
    expect(["VALIDATION_FAILED", "UNSUPPORTED_MEDIA_TYPE"]).toContain(await errorCode(response));
  });
});

import { describe, expect, it } from "vitest";
import { call, errorCode } from "./helpers";

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

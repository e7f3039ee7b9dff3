import { describe, expect, it } from "vitest";
import readme from "../../README.md?raw";
import { ERROR_CODES } from "../../src/domain/errors";
import { call } from "./helpers";

describe("the documents the project serves and ships", () => {
  it("lists every error code in the README's table", () => {
    const missing = Object.keys(ERROR_CODES).filter((code) => !readme.includes(`| \`${code}\` |`));

    expect(missing).toEqual([]);
  });

  it("lists every error code in the OpenAPI document", async () => {
    const response = await call("/openapi.json");
    const doc = (await response.json()) as {
      components: {
        schemas: { Error: { properties: { error: { properties: { code: { enum: string[] } } } } } };
      };
    };

    const codes = doc.components.schemas.Error.properties.error.properties.code.enum;

    expect([...codes].sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });

  it("documents every customer route of the staging page", async () => {
    const response = await call("/openapi.json");
    const paths = Object.keys(((await response.json()) as { paths: object }).paths);

    for (const path of [
      "/customer/training-jobs",
      "/customer/training-jobs/{id}",
      "/customer/training-jobs/{id}/compute-units",
      "/customer/training-jobs/{id}/artifacts",
      "/customer/training-jobs/{id}/artifacts/{artifact_id}/download-url",
    ]) {
      expect(paths).toContain(path);
    }
  });
});

describe("the OpenAPI document's headers", () => {
  it("declares X-Request-Id on every response and the rate-limit headers on customer ones", async () => {
    const response = await call("/openapi.json");
    const doc = (await response.json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: object }> }>>;
    };

    const jobs = doc.paths["/customer/training-jobs"]!.post!.responses;
    const health = doc.paths["/health"]!.get!.responses;

    expect(Object.keys(jobs["201"]!.headers ?? {})).toEqual(
      expect.arrayContaining(["X-Request-Id", "X-RateLimit-Limit", "X-RateLimit-Reset"]),
    );
    expect(Object.keys(jobs["429"]!.headers ?? {})).toContain("Retry-After");
    expect(Object.keys(jobs["200"]!.headers ?? {})).toContain("Idempotent-Replayed");
    expect(Object.keys(health["200"]!.headers ?? {})).toEqual(["X-Request-Id"]);
  });
});

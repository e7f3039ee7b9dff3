/**
 * @module openapi
 * The OpenAPI 3.1 document, generated from the routes' own zod schemas, with
 * what the routes cannot say one by one added in one place: the security
 * schemes, and the headers every response carries (`X-Request-Id`), every
 * customer response carries (`X-RateLimit-*`) and every 429 carries
 * (`Retry-After`).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./http";

const integerHeader = (description: string) => ({
  description,
  schema: { type: "integer" as const },
});

const HEADERS = {
  "X-Request-Id": {
    description: "This request's id; quote it when reporting a problem",
    schema: { type: "string" as const },
  },
  "X-RateLimit-Limit": integerHeader(
    "The limit that applied: the job-creation window on POST /customer/training-jobs, " +
      "the request budget elsewhere",
  ),
  "X-RateLimit-Remaining": integerHeader("What is left of that limit"),
  "X-RateLimit-Reset": integerHeader("Unix seconds when the window frees a slot or resets"),
  "Retry-After": integerHeader("Seconds to wait before retrying"),
  "Idempotent-Replayed": {
    description: "`true` when the answer replays the job first created with this key",
    schema: { type: "string" as const, enum: ["true"] },
  },
};

type Document = ReturnType<OpenAPIHono<AppEnv>["getOpenAPI31Document"]>;
type Responses = Record<string, { headers?: Record<string, unknown> }>;

export function openApiDocument(api: OpenAPIHono<AppEnv>): Document {
  const doc = api.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "GPU-Agent API",
      version: "1.0.0",
      description:
        "Training jobs on a network of home machines. Customers authenticate with " +
        "`X-API-Key`, operators and nodes with bearer tokens. Errors answer " +
        '`{"error": {"code", "message", "request_id", "details?"}}`.',
    },
    servers: [{ url: "/api/v1" }],
  });

  doc.components ??= {};
  doc.components.headers = HEADERS;
  doc.components.securitySchemes = {
    apiKey: { type: "apiKey", in: "header", name: "X-API-Key" },
    adminToken: { type: "http", scheme: "bearer", description: "ADMIN_TOKEN" },
    nodeSecret: { type: "http", scheme: "bearer", description: "The node's secret" },
  };

  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(item as Record<string, unknown>)) {
      const op = operation as { responses?: Responses; security?: unknown[] };
      if (!op.responses) continue;
      const customer = path.startsWith("/customer/");
      if (customer) op.security ??= [{ apiKey: [] }];
      if (path.startsWith("/admin/")) op.security ??= [{ adminToken: [] }];

      for (const [status, response] of Object.entries(op.responses)) {
        const headers: Record<string, unknown> = { ...response.headers };
        headers["X-Request-Id"] = { $ref: "#/components/headers/X-Request-Id" };
        if (customer) {
          for (const name of ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"]) {
            headers[name] = { $ref: `#/components/headers/${name}` };
          }
        }
        if (status === "429") headers["Retry-After"] = { $ref: "#/components/headers/Retry-After" };
        if (path === "/customer/training-jobs" && method === "post" && status === "200") {
          headers["Idempotent-Replayed"] = { $ref: "#/components/headers/Idempotent-Replayed" };
        }
        response.headers = headers;
      }
    }
  }
  return doc;
}

/**
 * @module api-keys (routes)
 * Customers manage their own API keys. A key can only hand out scopes it
 * holds itself, so a narrowed key cannot mint a broader one.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { issueApiKey } from "../db/api-keys";
import { db } from "../db/client";
import { newestFirst, PageQuery, pageOf, paginate } from "../db/paginate";
import { apiKeys } from "../db/schema";
import { SCOPES } from "../domain/api-keys";
import { now } from "../domain/clock";
import { ApiError } from "../domain/errors";
import { router } from "../http";
import { forgetApiKey, requireScope } from "../middleware/customer-auth";
import { errors, IdParam, jsonContent } from "../schemas/common";
import { ApiKeySchema, NewApiKeySchema, presentApiKey } from "../schemas/customers";

const CreateKey = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(SCOPES)).min(1).max(SCOPES.length).optional(),
});

const tags = ["api-keys"];

export const customerApiKeys = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/api-keys",
      tags,
      summary: "List your API keys (never their secret part)",
      middleware: [requireScope("keys:write")] as const,
      request: { query: PageQuery },
      responses: {
        200: jsonContent(pageOf(ApiKeySchema), "A page of keys"),
        ...errors(400, 401, 403),
      },
    }),
    async (c) => {
      const { customerId } = c.get("customer");
      const page = await paginate({
        env: c.env,
        scope: `api-keys:${customerId}`,
        query: c.req.valid("query"),
        columns: apiKeys,
        fetch: (after, limit) =>
          db(c.env)
            .select()
            .from(apiKeys)
            .where(and(eq(apiKeys.customerId, customerId), after))
            .orderBy(...newestFirst(apiKeys))
            .limit(limit),
        present: presentApiKey,
      });
      return c.json(page, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api-keys",
      tags,
      summary: "Create an API key; the key is shown once",
      middleware: [requireScope("keys:write")] as const,
      request: { body: { content: { "application/json": { schema: CreateKey } } } },
      responses: { 201: jsonContent(NewApiKeySchema, "The new key"), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const { customerId, scopes: held } = c.get("customer");
      const body = c.req.valid("json");
      const scopes = body.scopes ?? [...SCOPES];
      const beyond = scopes.filter((s) => !held.includes(s));
      if (beyond.length > 0) {
        throw new ApiError(
          "API_KEY_SCOPE_DENIED",
          `This key cannot grant scopes it does not hold: ${beyond.join(", ")}`,
          { scopes: beyond },
        );
      }

      const key = await issueApiKey(c.env, customerId, body.name, [...new Set(scopes)]);
      await key.insert;
      return c.json({ ...presentApiKey(key.row), key: key.key }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api-keys/{id}/revoke",
      tags,
      summary: "Revoke an API key; it stops working at once",
      middleware: [requireScope("keys:write")] as const,
      request: { params: IdParam },
      responses: { 200: jsonContent(ApiKeySchema, "The revoked key"), ...errors(401, 403, 404) },
    }),
    async (c) => {
      const { customerId } = c.get("customer");
      const { id } = c.req.valid("param");
      const mine = and(eq(apiKeys.id, id), eq(apiKeys.customerId, customerId));

      const [row] = await db(c.env).select().from(apiKeys).where(mine).limit(1);
      if (!row) throw new ApiError("API_KEY_NOT_FOUND", `No API key ${id}`);
      if (row.revokedAt === null) {
        row.revokedAt = now();
        await db(c.env).update(apiKeys).set({ revokedAt: row.revokedAt }).where(mine);
        forgetApiKey(row.id);
      }
      return c.json(presentApiKey(row), 200);
    },
  );

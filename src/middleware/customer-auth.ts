/**
 * @module customer-auth
 * Resolves `X-API-Key` to a customer and checks scopes. Unknown, revoked and
 * missing keys each get their own code so a customer knows what to fix.
 */
import { and, eq } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { db } from "../db/client";
import { apiKeys } from "../db/schema";
import { hashApiKey, looksLikeApiKey, type Scope } from "../domain/api-keys";
import { ApiError } from "../domain/errors";
import type { AppEnv } from "../http";

export const customerAuth = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header("X-API-Key")?.trim();
  if (!key) {
    throw new ApiError("CUSTOMER_AUTH_REQUIRED", "Supply your API key in the X-API-Key header");
  }
  if (!looksLikeApiKey(key)) {
    throw new ApiError("API_KEY_INVALID", "The X-API-Key is not a GPU-Agent API key");
  }

  const [row] = await db(c.env)
    .select({
      id: apiKeys.id,
      customerId: apiKeys.customerId,
      scopes: apiKeys.scopes,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, await hashApiKey(key))))
    .limit(1);

  if (!row) throw new ApiError("API_KEY_INVALID", "The X-API-Key is not recognized");
  if (row.revokedAt !== null) {
    throw new ApiError("API_KEY_REVOKED", "This API key was revoked; create a new one");
  }

  c.set("customer", { customerId: row.customerId, apiKeyId: row.id, scopes: row.scopes });
  await next();
});

export function requireScope(scope: Scope) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!c.get("customer").scopes.includes(scope)) {
      throw new ApiError("API_KEY_SCOPE_DENIED", `This API key lacks the '${scope}' scope`, {
        required_scope: scope,
      });
    }
    await next();
  });
}

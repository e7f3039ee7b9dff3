/**
 * @module customer-auth
 * Resolves `X-API-Key` to a customer and checks scopes. Unknown, revoked and
 * missing keys each get their own code so a customer knows what to fix.
 *
 * Known keys are remembered for a few seconds per isolate, which spares a D1
 * read on nearly every request. Revoking a key forgets it at once in the
 * isolate that revoked it; elsewhere it stops working within KEY_CACHE_MS.
 */
import { eq } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { db } from "../db/client";
import { apiKeys } from "../db/schema";
import { hashApiKey, looksLikeApiKey, type Scope } from "../domain/api-keys";
import { ApiError } from "../domain/errors";
import type { AppEnv } from "../http";

/** How long an isolate trusts what it read about a key. */
export const KEY_CACHE_MS = 5_000;
const KEY_CACHE_SIZE = 10_000;

interface KnownKey {
  id: string;
  customerId: string;
  scopes: string[];
  revokedAt: number | null;
  readAt: number;
}

const knownKeys = new Map<string, KnownKey>();

/** Forgets a key in this isolate, so its revocation applies here at once. */
export function forgetApiKey(keyId: string): void {
  for (const [hash, known] of knownKeys) if (known.id === keyId) knownKeys.delete(hash);
}

async function lookUp(env: Env, hash: string): Promise<KnownKey | undefined> {
  const cached = knownKeys.get(hash);
  if (cached && Date.now() - cached.readAt < KEY_CACHE_MS) return cached;

  const [row] = await db(env)
    .select({
      id: apiKeys.id,
      customerId: apiKeys.customerId,
      scopes: apiKeys.scopes,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, hash))
    .limit(1);
  if (!row) return undefined;

  if (knownKeys.size >= KEY_CACHE_SIZE) knownKeys.clear();
  const known = { ...row, readAt: Date.now() };
  knownKeys.set(hash, known);
  return known;
}

export const customerAuth = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header("X-API-Key")?.trim();
  if (!key) {
    throw new ApiError("CUSTOMER_AUTH_REQUIRED", "Supply your API key in the X-API-Key header");
  }
  if (!looksLikeApiKey(key)) {
    throw new ApiError("API_KEY_INVALID", "The X-API-Key is not a GPU-Agent API key");
  }

  const row = await lookUp(c.env, await hashApiKey(key));
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

/**
 * @module api-keys (db)
 * Issuing an API key: the one place a key is generated and its hash stored.
 */

import { generateApiKey, type Scope } from "../domain/api-keys";
import { now } from "../domain/clock";
import { db } from "./client";
import { apiKeys } from "./schema";

export async function issueApiKey(env: Env, customerId: string, name: string, scopes: Scope[]) {
  const generated = await generateApiKey();
  const row = {
    id: crypto.randomUUID(),
    customerId,
    name,
    prefix: generated.displayPrefix,
    keyHash: generated.hash,
    scopes,
    createdAt: now(),
    revokedAt: null,
    lastUsedAt: null,
  };
  return { row, key: generated.key, insert: db(env).insert(apiKeys).values(row) };
}

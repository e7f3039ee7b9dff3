/**
 * @module customers
 * The shapes of customers, their limits and their API keys, as the API shows them.
 */
import { z } from "@hono/zod-openapi";
import type { apiKeys, customers } from "../db/schema";
import { SCOPES } from "../domain/api-keys";
import { Limits } from "../domain/limits";
import { iso, Timestamp } from "./common";

export const LimitsSchema = Limits.openapi("Limits");

export const CustomerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    credit_balance: z.number().int(),
    credit_reserved: z.number().int(),
    limits: LimitsSchema,
    created_at: Timestamp,
  })
  .openapi("Customer");

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ description: "The key's first characters, to tell keys apart" }),
    scopes: z.array(z.enum(SCOPES)),
    created_at: Timestamp,
    revoked_at: Timestamp.nullable(),
    last_used_at: Timestamp.nullable(),
  })
  .openapi("ApiKey");

export const NewApiKeySchema = ApiKeySchema.extend({
  key: z.string().openapi({ description: "The full key. Shown once; store it now." }),
}).openapi("NewApiKey");

export function presentCustomer(row: typeof customers.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    credit_balance: row.creditBalance,
    credit_reserved: row.creditReserved,
    limits: {
      jobs_per_minute: row.jobsPerMinute,
      max_active_jobs: row.maxActiveJobs,
      daily_unit_quota: row.dailyUnitQuota,
      requests_per_minute: row.requestsPerMinute,
    },
    created_at: iso(row.createdAt),
  };
}

export function presentApiKey(row: typeof apiKeys.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as (typeof SCOPES)[number][],
    created_at: iso(row.createdAt),
    revoked_at: iso(row.revokedAt),
    last_used_at: iso(row.lastUsedAt),
  };
}

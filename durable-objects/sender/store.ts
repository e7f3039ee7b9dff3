/**
 * @module sender/store
 * The webhook sender's own SQLite tables, their row types, and how a delivery
 * row becomes D1's record of it. One endpoint row (the object is named by the
 * endpoint) and its deliveries; finished deliveries are kept for a while so a
 * repeated emit is recognized.
 */
import type { webhookDeliveries } from "../../src/db/schema";
import { MAX_ATTEMPTS } from "../../src/domain/webhook-retry";
import type { Statement } from "../outbox";

/** A delivery as D1's `webhook_deliveries` holds it, and as the sender returns it. */
export type DeliveryRecord = typeof webhookDeliveries.$inferSelect;

export const SCHEMA = `
  CREATE TABLE IF NOT EXISTS endpoint (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    url TEXT NOT NULL,
    secret TEXT NOT NULL CHECK (secret LIKE 'whsec_%'),
    status TEXT NOT NULL CHECK (status IN ('enabled', 'disabled', 'deleted'))
  );
  CREATE TABLE IF NOT EXISTS deliveries (
    id TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND ${MAX_ATTEMPTS}),
    next_attempt_at INTEGER,
    last_status_code INTEGER,
    last_error TEXT,
    error_code TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
  );
  CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (next_attempt_at)
    WHERE status = 'pending';
`;

export type EndpointRow = {
  id: string;
  customer_id: string;
  url: string;
  secret: string;
  status: "enabled" | "disabled" | "deleted";
};

export type DeliveryRow = {
  id: string;
  event_type: string;
  body: string;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  next_attempt_at: number | null;
  last_status_code: number | null;
  last_error: string | null;
  error_code: string | null;
  created_at: number;
  updated_at: number;
};

export function toRecord(row: DeliveryRow, endpoint: EndpointRow): DeliveryRecord {
  return {
    id: row.id,
    endpointId: endpoint.id,
    customerId: endpoint.customer_id,
    eventType: row.event_type,
    payload: JSON.parse(row.body),
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    errorCode: row.error_code,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The delivery's whole state, as an idempotent write: replaying it changes nothing. */
export function upsertDelivery(d: DeliveryRecord): Statement {
  return {
    sql: `INSERT INTO webhook_deliveries (id, endpoint_id, customer_id, event_type, payload,
            status, attempts, last_status_code, last_error, next_attempt_at, error_code,
            created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET status = excluded.status,
            attempts = excluded.attempts, last_status_code = excluded.last_status_code,
            last_error = excluded.last_error, next_attempt_at = excluded.next_attempt_at,
            error_code = excluded.error_code, updated_at = excluded.updated_at`,
    params: [
      d.id,
      d.endpointId,
      d.customerId,
      d.eventType,
      JSON.stringify(d.payload),
      d.status,
      d.attempts,
      d.lastStatusCode,
      d.lastError,
      d.nextAttemptAt,
      d.errorCode,
      d.createdAt,
      d.updatedAt,
    ],
  };
}

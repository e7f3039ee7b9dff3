/**
 * @module webhook-sender
 * One object per webhook endpoint (named by the endpoint id). It owns that
 * endpoint's deliveries: it signs and POSTs each one, retries failures on the
 * Standard Webhooks schedule from its single alarm, disables the endpoint when
 * the receiver answers 410 Gone, and mirrors every delivery into D1's
 * `webhook_deliveries`, the record customers list.
 *
 * State lives in the object's SQLite storage. A delivery is claimed before its
 * request goes out by moving its due time to a lease expiry, so an alarm that
 * fires meanwhile does not send it twice and a crash mid-request retries it.
 * D1 is written after the object's own storage, as an outbox: a row whose
 * `version` is ahead of `mirrored_version` is written again from the alarm
 * until D1 has it.
 */
import { DurableObject } from "cloudflare:workers";
import { eq, sql } from "drizzle-orm";
import { db } from "../src/db/client";
import { webhookDeliveries, webhookEndpoints } from "../src/db/schema";
import { now } from "../src/domain/clock";
import {
  type AttemptOutcome,
  decide,
  judgeNetworkError,
  judgeResponse,
  MAX_ATTEMPTS,
  SEND_TIMEOUT_MS,
} from "../src/domain/webhook-retry";
import { webhookHeaders } from "../src/domain/webhook-signature";
import { errorFields, log } from "../src/log";
import { PING_EVENT } from "../src/webhooks";

/** The send timeout plus time to sign and record: a claim older than this was lost. */
const LEASE_MS = SEND_TIMEOUT_MS + 15_000;
const MIRROR_RETRY_MS = 10_000;
const BATCH_SIZE = 10;
/** Finished deliveries stay this long after D1 has them, so a repeated emit is ignored. */
const RETENTION_MS = 7 * 86_400_000;

export interface EndpointConfig {
  id: string;
  customerId: string;
  url: string;
  secret: string;
}

export interface DeliveryRequest {
  /** Also the `webhook-id` header: stable across attempts. */
  id: string;
  eventType: string;
  payload: Record<string, unknown>;
  endpoint: EndpointConfig;
}

export type DeliveryRecord = typeof webhookDeliveries.$inferSelect;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS endpoint (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    url TEXT NOT NULL,
    secret TEXT NOT NULL CHECK (secret LIKE 'whsec_%'),
    status TEXT NOT NULL CHECK (status IN ('enabled', 'disabled', 'deleted')),
    disabled_reason TEXT,
    dirty INTEGER NOT NULL DEFAULT 0 CHECK (dirty IN (0, 1))
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
    version INTEGER NOT NULL DEFAULT 1,
    mirrored_version INTEGER NOT NULL DEFAULT 0,
    CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
  );
  CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (next_attempt_at)
    WHERE status = 'pending';
  CREATE INDEX IF NOT EXISTS deliveries_unmirrored ON deliveries (id)
    WHERE version > mirrored_version;
`;

type Endpoint = {
  id: string;
  customer_id: string;
  url: string;
  secret: string;
  status: "enabled" | "disabled" | "deleted";
  disabled_reason: string | null;
  dirty: number;
};

type Delivery = {
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
  version: number;
  mirrored_version: number;
};

export class WebhookSender extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private mirroring: Promise<void> = Promise.resolve();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    ctx.blockConcurrencyWhile(async () => {
      this.sql.exec(SCHEMA);
    });
  }

  /**
   * Stores a delivery and makes its first attempt. A delivery id seen before
   * is not sent again. Returns the delivery as D1 records it, or null when the
   * endpoint no longer takes deliveries.
   */
  async deliver(request: DeliveryRequest): Promise<DeliveryRecord | null> {
    const endpoint = this.adopt(request.endpoint);
    // A disabled endpoint still takes the customer's test ping; a deleted one nothing.
    const ping = request.eventType === PING_EVENT;
    const takes = endpoint.status === "enabled" || (endpoint.status === "disabled" && ping);
    if (!takes) {
      log("info", "webhook skipped", { endpoint_id: endpoint.id, status: endpoint.status });
      return null;
    }

    const at = now();
    this.sql.exec(
      `INSERT OR IGNORE INTO deliveries
         (id, event_type, body, status, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, 'pending', ?, ?, ?)`,
      request.id,
      request.eventType,
      JSON.stringify(request.payload),
      at,
      at,
      at,
    );
    const delivery = this.delivery(request.id);
    if (!delivery) return null;
    if (delivery.status !== "pending" || delivery.attempts > 0) return this.record(delivery);

    const claimed = this.claim(delivery);
    await this.rearm();
    await this.send(claimed);
    const result = this.delivery(request.id);

    await this.mirror();
    await this.rearm();
    return result ? this.record(result) : null;
  }

  /** The endpoint was deleted: drop what is pending and take nothing more. */
  async remove(config: EndpointConfig): Promise<void> {
    // A tombstone even when nothing was ever sent, for a delivery racing the delete.
    this.adopt(config);
    this.sql.exec("UPDATE endpoint SET status = 'deleted', dirty = 0");
    this.sql.exec(
      `UPDATE deliveries
       SET status = 'failed', next_attempt_at = NULL, last_error = 'endpoint deleted',
           updated_at = ?, version = version + 1
       WHERE status = 'pending'`,
      now(),
    );
    await this.mirror();
    await this.rearm();
  }

  override async alarm(): Promise<void> {
    const due = this.sql
      .exec<Delivery>(
        `SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ?
         ORDER BY next_attempt_at LIMIT ?`,
        now(),
        BATCH_SIZE,
      )
      .toArray();
    // A claim whose lease ran out was lost mid-request (eviction, restart):
    // it counted as an attempt, so the last one lost ends the delivery.
    const lost = due.filter((d) => d.attempts >= MAX_ATTEMPTS);
    for (const d of lost) this.settle(d, { ok: false, statusCode: null, error: "attempt lost" });
    const claimed = due.filter((d) => d.attempts < MAX_ATTEMPTS).map((d) => this.claim(d));
    await this.rearm();

    await Promise.all(claimed.map((d) => this.send(d)));
    this.purge();

    await this.mirror();
    await this.rearm();
  }

  /** Counts the attempt and leases the delivery while its request is out. */
  private claim(delivery: Delivery): Delivery {
    const at = now();
    this.sql.exec(
      `UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = ?, updated_at = ?,
         version = version + 1
       WHERE id = ?`,
      at + LEASE_MS,
      at,
      delivery.id,
    );
    return { ...delivery, attempts: delivery.attempts + 1 };
  }

  private async send(delivery: Delivery): Promise<void> {
    const endpoint = this.endpoint();
    let outcome: AttemptOutcome;
    try {
      const headers = await webhookHeaders(endpoint.secret, {
        id: delivery.id,
        timestamp: Math.floor(now() / 1000),
        body: delivery.body,
      });
      // Looked up on each call so tests can intercept the outbound request.
      const response = await globalThis.fetch(endpoint.url, {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          "user-agent": "GPU-Agent-Webhooks/1.0",
        },
        body: delivery.body,
        // A 3xx is the receiver's answer, not a hop to follow: following it
        // would let a public URL bounce our signed request into a private one.
        redirect: "manual",
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      await response.body?.cancel();
      outcome = judgeResponse(response.status);
    } catch (err) {
      outcome = judgeNetworkError(err);
    }

    this.settle(delivery, outcome);
  }

  /** Records an attempt's outcome and what follows it. */
  private settle(delivery: Delivery, outcome: AttemptOutcome): void {
    const at = now();
    const open = this.endpoint().status === "enabled";
    const decision = decide(delivery.attempts, outcome, open, at);

    this.sql.exec(
      `UPDATE deliveries
       SET status = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?,
           error_code = ?, updated_at = ?, version = version + 1
       WHERE id = ? AND status = 'pending'`,
      decision.status,
      decision.nextAttemptAt,
      outcome.statusCode,
      outcome.error,
      decision.errorCode,
      at,
      delivery.id,
    );
    if (decision.disableEndpoint) this.disable("the receiver answered 410 Gone");

    const fields = {
      endpoint_id: this.endpoint().id,
      delivery_id: delivery.id,
      attempt: delivery.attempts,
      status_code: outcome.statusCode,
      error: outcome.error,
    };
    if (decision.status === "failed") log("warn", "webhook delivery failed", fields);
    else if (!outcome.ok) log("info", "webhook attempt failed", fields);
  }

  /** Stops the endpoint: nothing pending is sent again. */
  private disable(reason: string): void {
    this.sql.exec(
      `UPDATE endpoint SET status = 'disabled', disabled_reason = ?, dirty = 1
       WHERE status = 'enabled'`,
      reason,
    );
    this.sql.exec(
      `UPDATE deliveries
       SET status = 'failed', next_attempt_at = NULL, error_code = 'WEBHOOK_DELIVERY_FAILED',
           last_error = ?, updated_at = ?, version = version + 1
       WHERE status = 'pending'`,
      `endpoint disabled: ${reason}`,
      now(),
    );
    log("warn", "webhook endpoint disabled", { endpoint_id: this.endpoint().id, reason });
  }

  /** Writes unmirrored state to D1, one run at a time so a newer write is never overtaken. */
  private mirror(): Promise<void> {
    this.mirroring = this.mirroring
      .then(() => this.mirrorOnce())
      .catch((err) => {
        log("warn", "webhook mirror failed", { ...errorFields(err) });
      });
    return this.mirroring;
  }

  private async mirrorOnce(): Promise<void> {
    const endpoint = this.endpoint();
    const rows = this.sql
      .exec<Delivery>("SELECT * FROM deliveries WHERE version > mirrored_version LIMIT 50")
      .toArray();
    if (rows.length === 0 && !endpoint.dirty) return;

    const d1 = db(this.env);
    const writes = rows.map((row) =>
      d1
        .insert(webhookDeliveries)
        .values(this.record(row))
        .onConflictDoUpdate({
          target: webhookDeliveries.id,
          set: {
            status: sql`excluded.status`,
            attempts: sql`excluded.attempts`,
            lastStatusCode: sql`excluded.last_status_code`,
            lastError: sql`excluded.last_error`,
            nextAttemptAt: sql`excluded.next_attempt_at`,
            errorCode: sql`excluded.error_code`,
            updatedAt: sql`excluded.updated_at`,
          },
          setWhere: sql`excluded.updated_at >= ${webhookDeliveries.updatedAt}`,
        }),
    );
    const endpointWrite = d1
      .update(webhookEndpoints)
      .set({ status: "disabled", disabledReason: endpoint.disabled_reason })
      .where(eq(webhookEndpoints.id, endpoint.id));
    const batch = endpoint.dirty && endpoint.status === "disabled" ? [endpointWrite] : [];
    const [first, ...rest] = [...batch, ...writes];
    if (first) await d1.batch([first, ...rest]);

    for (const row of rows) {
      this.sql.exec("UPDATE deliveries SET mirrored_version = ? WHERE id = ?", row.version, row.id);
    }
    if (endpoint.dirty) this.sql.exec("UPDATE endpoint SET dirty = 0");
    if (rows.length === 50) await this.mirrorOnce();
  }

  /** The one place that sets the alarm: the earliest due attempt or D1 write. */
  private async rearm(): Promise<void> {
    const due = this.sql
      .exec<{ at: number | null }>(
        "SELECT min(next_attempt_at) AS at FROM deliveries WHERE status = 'pending'",
      )
      .one().at;
    const unmirrored =
      this.sql.exec("SELECT 1 FROM deliveries WHERE version > mirrored_version LIMIT 1").toArray()
        .length > 0 || this.endpoint().dirty === 1;

    const retryMirror = unmirrored ? now() + MIRROR_RETRY_MS : null;
    const at = due === null ? retryMirror : Math.min(due, retryMirror ?? due);
    if (at === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(at);
  }

  /** Forgets finished deliveries that D1 has had for the retention period. */
  private purge(): void {
    this.sql.exec(
      `DELETE FROM deliveries
       WHERE status != 'pending' AND version = mirrored_version AND updated_at < ?`,
      now() - RETENTION_MS,
    );
  }

  /** Learns the endpoint on first contact; its status is this object's from then on. */
  private adopt(config: EndpointConfig): Endpoint {
    this.sql.exec(
      `INSERT OR IGNORE INTO endpoint (id, customer_id, url, secret, status)
       VALUES (?, ?, ?, ?, 'enabled')`,
      config.id,
      config.customerId,
      config.url,
      config.secret,
    );
    return this.endpoint();
  }

  private endpoint(): Endpoint {
    return this.sql.exec<Endpoint>("SELECT * FROM endpoint LIMIT 1").one();
  }

  private delivery(id: string): Delivery | undefined {
    return this.sql.exec<Delivery>("SELECT * FROM deliveries WHERE id = ?", id).toArray()[0];
  }

  /** A delivery as D1 stores it. */
  private record(row: Delivery): DeliveryRecord {
    const endpoint = this.endpoint();
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
}

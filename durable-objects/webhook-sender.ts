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
 * Every settled attempt pushes the delivery's whole state to the outbox in
 * the same synchronous step, and the outbox writes it to D1, retried from the
 * alarm until D1 has it.
 */
import { DurableObject } from "cloudflare:workers";
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
import { log } from "../src/log";
import { PING_EVENT } from "../src/webhooks";
import { Outbox } from "./outbox";
import {
  type DeliveryRecord,
  type DeliveryRow,
  type EndpointRow,
  SCHEMA,
  toRecord,
  upsertDelivery,
} from "./sender/store";

/** The send timeout plus time to sign and record: a claim older than this was lost. */
const LEASE_MS = SEND_TIMEOUT_MS + 15_000;
const MIRROR_RETRY_MS = 10_000;
const BATCH_SIZE = 10;
/** Finished deliveries stay this long, so a repeated emit is recognized and ignored. */
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

export class WebhookSender extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly outbox: Outbox;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.outbox = new Outbox(this.sql, env.DB, async (target) => {
      throw new Error(`the webhook sender calls no other object (asked for ${target})`);
    });
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
    if (delivery.status !== "pending" || delivery.attempts > 0) {
      return toRecord(delivery, this.endpoint());
    }

    const claimed = this.claim(delivery);
    await this.rearm();
    await this.send(claimed);
    const result = this.delivery(request.id);

    await this.outbox.flush();
    await this.rearm();
    return result ? toRecord(result, this.endpoint()) : null;
  }

  /** The endpoint was deleted: drop what is pending and take nothing more. */
  async remove(config: EndpointConfig): Promise<void> {
    // A tombstone even when nothing was ever sent, for a delivery racing the delete.
    this.adopt(config);
    this.sql.exec("UPDATE endpoint SET status = 'deleted'");
    this.failPending("endpoint deleted", null);

    await this.outbox.flush();
    await this.rearm();
  }

  override async alarm(): Promise<void> {
    const due = this.sql
      .exec<DeliveryRow>(
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

    await this.outbox.flush();
    await this.rearm();
  }

  /** Counts the attempt and leases the delivery while its request is out. */
  private claim(delivery: DeliveryRow): DeliveryRow {
    const at = now();
    this.sql.exec(
      `UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = ?, updated_at = ?
       WHERE id = ?`,
      at + LEASE_MS,
      at,
      delivery.id,
    );
    return { ...delivery, attempts: delivery.attempts + 1 };
  }

  private async send(delivery: DeliveryRow): Promise<void> {
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
  private settle(delivery: DeliveryRow, outcome: AttemptOutcome): void {
    const at = now();
    const open = this.endpoint().status === "enabled";
    const decision = decide(delivery.attempts, outcome, open, at);

    this.sql.exec(
      `UPDATE deliveries
       SET status = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?,
           error_code = ?, updated_at = ?
       WHERE id = ? AND status = 'pending'`,
      decision.status,
      decision.nextAttemptAt,
      outcome.statusCode,
      outcome.error,
      decision.errorCode,
      at,
      delivery.id,
    );
    this.mirror([delivery.id]);
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
    const endpoint = this.endpoint();
    this.sql.exec("UPDATE endpoint SET status = 'disabled' WHERE status = 'enabled'");
    this.outbox.push({
      kind: "d1",
      statements: [
        {
          sql: `UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = ?
                WHERE id = ?`,
          params: [reason, endpoint.id],
        },
      ],
    });
    this.failPending(`endpoint disabled: ${reason}`, "WEBHOOK_DELIVERY_FAILED");
    log("warn", "webhook endpoint disabled", { endpoint_id: endpoint.id, reason });
  }

  /** Ends every pending delivery; one still out is settled as failed when it answers. */
  private failPending(why: string, errorCode: string | null): void {
    const ids = this.sql
      .exec<{ id: string }>(
        `UPDATE deliveries
         SET status = 'failed', next_attempt_at = NULL, last_error = ?, error_code = ?,
             updated_at = ?
         WHERE status = 'pending' RETURNING id`,
        why,
        errorCode,
        now(),
      )
      .toArray()
      .map((row) => row.id);
    this.mirror(ids);
  }

  /** Queues the deliveries' current state for D1, in the same step that changed it. */
  private mirror(ids: string[]): void {
    const statements = ids
      .map((id) => this.delivery(id))
      .filter((row): row is DeliveryRow => row !== undefined)
      .map((row) => upsertDelivery(toRecord(row, this.endpoint())));
    if (statements.length > 0) this.outbox.push({ kind: "d1", statements });
  }

  /** The one place that sets the alarm: the earliest due attempt, or a retry of the outbox. */
  private async rearm(): Promise<void> {
    const due = this.sql
      .exec<{ at: number | null }>(
        "SELECT min(next_attempt_at) AS at FROM deliveries WHERE status = 'pending'",
      )
      .one().at;
    const retryMirror = this.outbox.pending() > 0 ? now() + MIRROR_RETRY_MS : null;
    const at = due === null ? retryMirror : Math.min(due, retryMirror ?? due);
    if (at === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(at);
  }

  /** Forgets finished deliveries after the retention period; D1 keeps their record. */
  private purge(): void {
    this.sql.exec(
      "DELETE FROM deliveries WHERE status != 'pending' AND updated_at < ?",
      now() - RETENTION_MS,
    );
  }

  /** Learns the endpoint on first contact; its status is this object's from then on. */
  private adopt(config: EndpointConfig): EndpointRow {
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

  private endpoint(): EndpointRow {
    return this.sql.exec<EndpointRow>("SELECT * FROM endpoint LIMIT 1").one();
  }

  private delivery(id: string): DeliveryRow | undefined {
    return this.sql.exec<DeliveryRow>("SELECT * FROM deliveries WHERE id = ?", id).toArray()[0];
  }
}

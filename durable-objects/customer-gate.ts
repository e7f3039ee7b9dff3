/**
 * @module customer-gate
 * One object per customer: the single place that decides the customer's
 * limits and money. It admits training jobs (idempotency, the creation window,
 * the active-job cap, the daily unit quota, the credit reservation), counts the
 * request budget, and keeps the credit balance: grants, reservations, charges
 * and releases. Every decision is taken synchronously against this object's
 * SQLite state, so two requests racing for the last slot meet in one step;
 * only then are D1 and the job's scheduler told, through the outbox.
 */
import { DurableObject } from "cloudflare:workers";
import { now, utcDayStart } from "../src/domain/clock";
import {
  DAY_MS,
  DEFAULT_LIMITS,
  type Limits,
  type RateLimitState,
  REQUEST_WINDOW_MS,
  secondsUntil,
} from "../src/domain/limits";
import { log } from "../src/log";
import { Ledger } from "./gate/ledger";
import { SCHEMA } from "./gate/schema";
import type {
  Account,
  AccountRow,
  AdmissionResult,
  GateRefusal,
  JobAdmission,
  UnitCharge,
} from "./gate/types";
import { idempotencyRecord, jobWindow, unitsOn } from "./gate/windows";
import { Outbox } from "./outbox";

export type { AdmissionResult, GateRefusal, JobAdmission, UnitCharge } from "./gate/types";

export class CustomerGate extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly outbox: Outbox;
  private readonly ledger: Ledger;
  private loading: Promise<void> | null = null;
  /** Admissions under way by Idempotency-Key, so concurrent retries share one. */
  private readonly inFlight = new Map<string, Promise<AdmissionResult>>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(SCHEMA);
    this.outbox = new Outbox(this.sql, env.DB, (target, method, args) =>
      this.deliverCall(target, method, args),
    );
    this.ledger = new Ledger(this.sql, this.outbox);
  }

  // -- Requests ------------------------------------------------------------

  /** Counts one API request against the per-minute budget (fixed windows). */
  async takeRequest(customerId: string): Promise<RateLimitState & { allowed: boolean }> {
    const account = await this.account(customerId);
    const t = now();
    const window = Math.floor(t / REQUEST_WINDOW_MS) * REQUEST_WINDOW_MS;
    const reset = Math.floor((window + REQUEST_WINDOW_MS) / 1000);
    const limit = account.requests_per_minute;

    const used =
      this.sql
        .exec<{ count: number }>("SELECT count FROM request_windows WHERE start = ?", window)
        .toArray()[0]?.count ?? 0;
    if (used >= limit) {
      const retryAfter = secondsUntil(t, window + REQUEST_WINDOW_MS);
      return { allowed: false, limit, remaining: 0, reset, retryAfter };
    }

    this.sql.exec("DELETE FROM request_windows WHERE start < ?", window);
    this.sql.exec(
      `INSERT INTO request_windows (start, count) VALUES (?, 1)
       ON CONFLICT (start) DO UPDATE SET count = count + 1`,
      window,
    );
    return { allowed: true, limit, remaining: limit - used - 1, reset };
  }

  // -- Jobs ----------------------------------------------------------------

  /**
   * Admits a job or refuses it. With an Idempotency-Key, the same body replays
   * the first job and concurrent requests share the first one's result.
   */
  async admitJob(request: JobAdmission): Promise<AdmissionResult> {
    await this.account(request.customerId);
    const key = request.idempotencyKey;

    if (key) {
      const previous = idempotencyRecord(this.sql, key);
      if (previous && previous.body_hash !== request.bodyHash) {
        return {
          ok: false,
          code: "IDEMPOTENCY_CONFLICT",
          message: "This Idempotency-Key was used with a different request body",
        };
      }
      const running = this.inFlight.get(key);
      if (running) return replay(await running);
      if (previous) {
        return { ok: true, jobId: previous.job_id, replayed: true, rateLimit: this.jobWindow() };
      }
    }

    const refusal = this.decideAdmission(request);
    if (refusal) return refusal;

    const admission = this.completeAdmission(request);
    if (!key) return admission;
    this.inFlight.set(key, admission);
    try {
      return await admission;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** The job ended (any terminal status): free its slot and release what is left reserved. */
  async jobEnded(customerId: string, jobId: string): Promise<void> {
    const account = await this.account(customerId);
    const job = this.sql
      .exec<{ reserved: number }>("SELECT reserved FROM active_jobs WHERE job_id = ?", jobId)
      .toArray()[0];
    if (!job) return;

    const reserved = account.reserved - job.reserved;
    this.sql.exec("DELETE FROM active_jobs WHERE job_id = ?", jobId);
    this.sql.exec("UPDATE account SET reserved = ?", reserved);
    this.ledger.record(customerId, {
      type: "release",
      amount: job.reserved,
      balanceAfter: account.balance,
      reservedAfter: reserved,
      jobId,
      dedupeKey: `release:${jobId}`,
      description: "Reservation released as the job ended",
    });
    await this.outbox.flush();
  }

  // -- Credits -------------------------------------------------------------

  /**
   * Charges a verified compute unit, once: a second charge for the same unit
   * changes nothing, here and (by the ledger's unique key) in D1.
   */
  async chargeUnit(charge: UnitCharge): Promise<{ charged: boolean; balance: number }> {
    const account = await this.account(charge.customerId);
    const already = this.sql
      .exec("SELECT 1 FROM charges WHERE compute_unit_id = ?", charge.computeUnitId)
      .toArray();
    if (already.length > 0) return { charged: false, balance: account.balance };

    const job = this.sql
      .exec<{ reserved: number }>("SELECT reserved FROM active_jobs WHERE job_id = ?", charge.jobId)
      .toArray()[0];
    const covered = Math.min(charge.amount, job?.reserved ?? 0);
    const balance = account.balance - charge.amount;
    const reserved = account.reserved - covered;

    this.sql.exec(
      "INSERT INTO charges (compute_unit_id, amount) VALUES (?, ?)",
      charge.computeUnitId,
      charge.amount,
    );
    if (job) {
      this.sql.exec(
        "UPDATE active_jobs SET reserved = reserved - ? WHERE job_id = ?",
        covered,
        charge.jobId,
      );
    }
    this.sql.exec("UPDATE account SET balance = ?, reserved = ?", balance, reserved);
    this.ledger.record(charge.customerId, {
      type: "charge",
      amount: -charge.amount,
      balanceAfter: balance,
      reservedAfter: reserved,
      jobId: charge.jobId,
      computeUnitId: charge.computeUnitId,
      dedupeKey: `charge:${charge.computeUnitId}`,
      description: charge.description,
    });
    await this.outbox.flush();
    return { charged: true, balance };
  }

  /** Adds credits (an operator's grant, or a refund when `type` says so). */
  async grant(
    customerId: string,
    amount: number,
    description: string,
    type: "grant" | "refund" = "grant",
  ): Promise<{ balance: number; reserved: number; ledgerEntryId: string }> {
    const account = await this.account(customerId);
    const balance = account.balance + amount;
    this.sql.exec("UPDATE account SET balance = ?", balance);
    const ledgerEntryId = this.ledger.record(customerId, {
      type,
      amount,
      balanceAfter: balance,
      reservedAfter: account.reserved,
      dedupeKey: `${type}:${crypto.randomUUID()}`,
      description,
    });
    await this.outbox.flush();
    return { balance, reserved: account.reserved, ledgerEntryId };
  }

  async setLimits(customerId: string, changes: Partial<Limits>): Promise<Limits> {
    const account = await this.account(customerId);
    const limits = { ...limitsOf(account), ...changes };
    this.sql.exec(
      `UPDATE account SET jobs_per_minute = ?, max_active_jobs = ?,
         daily_unit_quota = ?, requests_per_minute = ?`,
      limits.jobs_per_minute,
      limits.max_active_jobs,
      limits.daily_unit_quota,
      limits.requests_per_minute,
    );
    this.outbox.push({
      kind: "d1",
      statements: [
        {
          sql: `UPDATE customers SET jobs_per_minute = ?, max_active_jobs = ?,
                  daily_unit_quota = ?, requests_per_minute = ? WHERE id = ?`,
          params: [
            limits.jobs_per_minute,
            limits.max_active_jobs,
            limits.daily_unit_quota,
            limits.requests_per_minute,
            customerId,
          ],
        },
      ],
    });
    await this.outbox.flush();
    return limits;
  }

  async describe(customerId: string): Promise<Account> {
    const account = await this.account(customerId);
    const activeJobs = this.sql
      .exec<{ n: number }>("SELECT COUNT(*) AS n FROM active_jobs")
      .one().n;
    return {
      customerId,
      balance: account.balance,
      reserved: account.reserved,
      limits: limitsOf(account),
      activeJobs,
      unitsToday: unitsOn(this.sql, utcDayStart(now())),
    };
  }

  override async alarm(): Promise<void> {
    const delivered = await this.outbox.flush();
    if (!delivered) await this.ctx.storage.setAlarm(now() + 5_000);
  }

  // -- Admission steps -----------------------------------------------------

  /** The synchronous decision: no await between reading and recording. */
  private decideAdmission(request: JobAdmission): GateRefusal | null {
    const account = this.loadedAccount();
    const t = now();
    const window = this.jobWindow();

    if (window.remaining <= 0) {
      return {
        ok: false,
        code: "RATE_LIMITED",
        message: `At most ${account.jobs_per_minute} training jobs per minute; retry later`,
        rateLimit: window,
      };
    }

    const active = this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM active_jobs").one().n;
    if (active >= account.max_active_jobs) {
      return {
        ok: false,
        code: "RATE_LIMITED",
        message:
          `At most ${account.max_active_jobs} training jobs may be active at once; ` +
          "wait for one to finish or cancel one",
        details: { active_jobs: active, max_active_jobs: account.max_active_jobs },
        rateLimit: { ...window, retryAfter: 30 },
      };
    }

    const today = utcDayStart(t);
    const used = unitsOn(this.sql, today);
    if (used + request.unitCount > account.daily_unit_quota) {
      return {
        ok: false,
        code: "DAILY_TASK_LIMIT_EXCEEDED",
        message:
          `This job plans ${request.unitCount} compute units and ${used} of today's ` +
          `${account.daily_unit_quota} are used; retry after 00:00 UTC`,
        details: {
          planned_units: request.unitCount,
          units_used_today: used,
          daily_unit_quota: account.daily_unit_quota,
        },
        rateLimit: {
          limit: account.daily_unit_quota,
          remaining: account.daily_unit_quota - used,
          reset: Math.floor((today + DAY_MS) / 1000),
          retryAfter: secondsUntil(t, today + DAY_MS),
        },
      };
    }

    const available = account.balance - account.reserved;
    if (available < request.projectedCredits) {
      return {
        ok: false,
        code: "CREDIT_INSUFFICIENT",
        message:
          `This job may cost up to ${request.projectedCredits} credits and ` +
          `${available} are available; ask for more credits or lower max_runtime_seconds`,
        details: { projected_credits: request.projectedCredits, available_credits: available },
      };
    }

    this.recordAdmission(request, t, today, used);
    return null;
  }

  private recordAdmission(request: JobAdmission, t: number, today: number, used: number): void {
    const account = this.loadedAccount();
    const reserved = account.reserved + request.projectedCredits;

    this.sql.exec("INSERT INTO job_creations (at) VALUES (?)", t);
    this.sql.exec(
      "INSERT INTO active_jobs (job_id, reserved) VALUES (?, ?)",
      request.jobId,
      request.projectedCredits,
    );
    this.sql.exec(
      "INSERT OR REPLACE INTO daily_units (day, units) VALUES (?, ?)",
      today,
      used + request.unitCount,
    );
    this.sql.exec("DELETE FROM daily_units WHERE day < ?", today - 7 * DAY_MS);
    this.sql.exec("UPDATE account SET reserved = ?", reserved);
    if (request.idempotencyKey) {
      this.sql.exec(
        `INSERT OR REPLACE INTO idempotency (key, body_hash, job_id, created_at)
         VALUES (?, ?, ?, ?)`,
        request.idempotencyKey,
        request.bodyHash,
        request.jobId,
        t,
      );
    }

    this.outbox.push({ kind: "d1", statements: request.recordJob });
    this.ledger.record(request.customerId, {
      type: "reservation",
      amount: request.projectedCredits,
      balanceAfter: account.balance,
      reservedAfter: reserved,
      jobId: request.jobId,
      dedupeKey: `reservation:${request.jobId}`,
      description: "Projected cost reserved for the job",
    });
    this.outbox.push({
      kind: "call",
      target: "scheduler",
      method: "start",
      args: [request.jobId, request.schedulerStart],
    });
  }

  private async completeAdmission(request: JobAdmission): Promise<AdmissionResult> {
    const delivered = await this.outbox.flush();
    if (!delivered) {
      await this.ctx.storage.setAlarm(now() + 1_000);
      log("error", "job admitted but not yet recorded", { job_id: request.jobId });
    }
    return { ok: true, jobId: request.jobId, replayed: false, rateLimit: this.jobWindow() };
  }

  // -- State ---------------------------------------------------------------

  private jobWindow(): RateLimitState {
    return jobWindow(this.sql, this.loadedAccount().jobs_per_minute);
  }

  private loadedAccount(): AccountRow {
    return this.sql.exec<AccountRow>("SELECT * FROM account").one();
  }

  /**
   * The account row, loaded from D1 the first time this object serves the
   * customer. From then on this object, not D1, is the truth of the balance.
   */
  private async account(customerId: string): Promise<AccountRow> {
    const existing = this.sql.exec<AccountRow>("SELECT * FROM account").toArray()[0];
    if (existing) return existing;

    this.loading ??= this.loadAccount(customerId).finally(() => {
      this.loading = null;
    });
    await this.loading;
    return this.loadedAccount();
  }

  private async loadAccount(customerId: string): Promise<void> {
    const row = await this.env.DB.prepare(
      `SELECT credit_balance, credit_reserved, jobs_per_minute, max_active_jobs,
              daily_unit_quota, requests_per_minute
       FROM customers WHERE id = ?`,
    )
      .bind(customerId)
      .first<Record<string, number>>();
    if (!row) throw new Error(`customer ${customerId} does not exist`);
    if (this.sql.exec("SELECT 1 FROM account").toArray().length > 0) return;

    this.sql.exec(
      `INSERT INTO account (id, customer_id, balance, reserved, jobs_per_minute,
         max_active_jobs, daily_unit_quota, requests_per_minute)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
      customerId,
      row.credit_balance ?? 0,
      row.credit_reserved ?? 0,
      row.jobs_per_minute ?? DEFAULT_LIMITS.jobs_per_minute,
      row.max_active_jobs ?? DEFAULT_LIMITS.max_active_jobs,
      row.daily_unit_quota ?? DEFAULT_LIMITS.daily_unit_quota,
      row.requests_per_minute ?? DEFAULT_LIMITS.requests_per_minute,
    );
  }

  private async deliverCall(target: string, method: string, args: unknown[]): Promise<void> {
    if (target === "scheduler" && method === "start") {
      const [jobId, start] = args as [string, unknown];
      const scheduler = this.env.JOB_SCHEDULER.get(this.env.JOB_SCHEDULER.idFromName(jobId));
      // biome-ignore lint/suspicious/noExplicitAny: the start payload is the scheduler's to parse
      await scheduler.start(jobId, start as any);
      return;
    }
    throw new Error(`unknown outbox call ${target}.${method}`);
  }
}

function limitsOf(row: AccountRow): Limits {
  return {
    jobs_per_minute: row.jobs_per_minute,
    max_active_jobs: row.max_active_jobs,
    daily_unit_quota: row.daily_unit_quota,
    requests_per_minute: row.requests_per_minute,
  };
}

function replay(result: AdmissionResult): AdmissionResult {
  return result.ok ? { ...result, replayed: true } : result;
}

/**
 * @module job-scheduler
 * One object per training job: the live state of its DAG. Its entry points
 * are the pool's reports about attempts (assigned, accepted, rejected,
 * progress, outputs, completed, failed, nodes lost), the customer's cancel,
 * and the alarm that serves acceptance and runtime deadlines. Each decision
 * is taken by the job's state machine (`scheduler/run.ts`) in one synchronous
 * step; this object waits for what must be awaited (R2 during verification,
 * the outbox's deliveries) and re-arms the one alarm.
 */
import { DurableObject } from "cloudflare:workers";
import { now } from "../src/domain/clock";
import { emitJobEnded } from "../src/job-events";
import { log } from "../src/log";
import type { OutputReport } from "../src/protocol/messages";
import type {
  Assignment,
  CompleteReport,
  NodeContext,
  SchedulerStart,
  UnitOffer,
  VerdictReply,
} from "./contracts";
import { Outbox } from "./outbox";
import { announceOutput, buildAssignment, requiredOutputs } from "./scheduler/assignment";
import { JobRun } from "./scheduler/run";
import { type AttemptRow, SchedulerStore } from "./scheduler/store";
import { keepLogs, keepMetrics, readUnitOutput } from "./scheduler/unit-output";
import { verifyAttempt } from "./scheduler/verify";

export { ACCEPT_TIMEOUT_MS, MAX_ATTEMPTS } from "./scheduler/run";

const OUTBOX_RETRY_MS = 5_000;

export class JobScheduler extends DurableObject<Env> {
  private readonly store: SchedulerStore;
  private readonly outbox: Outbox;
  private readonly run: JobRun;
  /** Verdicts being reached, by attempt, so a repeated report waits for the same one. */
  private readonly verifications = new Map<string, Promise<VerdictReply>>();
  /** True while `settle` delivers the outbox (in memory: a delivery ends with its instance). */
  private delivering = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new SchedulerStore(ctx.storage.sql);
    this.outbox = new Outbox(ctx.storage.sql, env.DB, (target, method, args) =>
      this.deliverCall(target, method, args),
    );
    this.run = new JobRun(this.store, this.outbox);
  }

  // -- Lifecycle -----------------------------------------------------------

  /** Takes the admitted job's plan. Idempotent: a second start changes nothing. */
  async start(jobId: string, start: SchedulerStart): Promise<void> {
    if (this.store.job()) return;
    this.run.create(jobId, start);
    await this.settle();
  }

  /** The customer cancels: stop running attempts, withdraw queued units. */
  async cancel(reason = "Cancelled by the customer"): Promise<{ ok: boolean; status: string }> {
    const job = this.store.job();
    if (!job) return { ok: false, status: "unknown" };
    if (isTerminal(job.status)) return { ok: false, status: job.status };

    this.run.endJob("cancelled", { code: "JOB_CANCELLED", message: reason });
    await this.settle();
    return { ok: true, status: "cancelled" };
  }

  // -- The pool's calls ----------------------------------------------------

  /**
   * The pool matched `unitId` to a node: open an attempt (the node's lease)
   * and return what to send it, or null when the unit no longer wants a node.
   */
  async assign(unitId: string, node: NodeContext): Promise<Assignment | null> {
    const job = this.store.job();
    const unit = this.store.unit(unitId);
    if (!job || !unit || unit.status !== "ready" || isTerminal(job.status)) return null;

    const attemptId = this.run.openAttempt(unit, node);
    const assignment = await buildAssignment({
      store: this.store,
      start: this.run.start(),
      unit,
      attemptId,
      origin: node.origin,
      secret: this.env.SIGNING_SECRET,
    });
    await this.settle();
    return assignment;
  }

  async accepted(attemptId: string, nodeId: string): Promise<boolean> {
    const attempt = this.ownedAttempt(attemptId, nodeId);
    // A repeated accept (an agent resending after a reconnect) is the same acceptance.
    if (attempt?.status === "running" || attempt?.status === "verifying") return true;
    if (attempt?.status !== "assigned") return false;

    this.run.accept(attempt);
    await this.settle();
    return true;
  }

  /** The node declined an assignment; false when it had already accepted it. */
  async rejected(attemptId: string, nodeId: string, reason: string): Promise<boolean> {
    const attempt = this.ownedAttempt(attemptId, nodeId);
    if (attempt?.status !== "assigned") return false;
    this.run.attemptFailed(attemptId, "rejected", `Node declined: ${reason}`);
    await this.settle();
    return true;
  }

  async failed(attemptId: string, nodeId: string, reason: string, logTail: string[]) {
    const attempt = this.ownedAttempt(attemptId, nodeId);
    if (!attempt || attempt.status === "succeeded" || attempt.status === "failed") return;
    keepLogs(this.store.sql, attempt.unit_id, attemptId, logTail);
    this.run.attemptFailed(attemptId, "failed", reason);
    await this.settle();
  }

  /** The node is gone (silent, disconnected past its grace, suspended, drained). */
  async nodeLost(nodeId: string, attemptIds: string[], reason: string): Promise<void> {
    for (const attemptId of attemptIds) {
      const attempt = this.ownedAttempt(attemptId, nodeId);
      if (!attempt || !["assigned", "running"].includes(attempt.status)) continue;
      this.run.attemptFailed(attemptId, "failed", reason, { nodeFreed: true });
    }
    await this.settle();
  }

  async progress(
    attemptId: string,
    nodeId: string,
    lines: string[],
    metrics: Record<string, unknown>[],
  ): Promise<void> {
    const attempt = this.ownedAttempt(attemptId, nodeId);
    if (attempt?.status !== "running") return;
    keepLogs(this.store.sql, attempt.unit_id, attemptId, lines);
    keepMetrics(this.store.sql, attempt.unit_id, attemptId, metrics);
  }

  /** A signed PUT URL for one output; the announcement is what verification trusts. */
  async uploadUrl(
    attemptId: string,
    node: NodeContext,
    output: OutputReport,
  ): Promise<{ url: string; expiresAt: number } | { error: string }> {
    const attempt = this.ownedAttempt(attemptId, node.nodeId);
    if (attempt?.status !== "running") return { error: "UNKNOWN_ATTEMPT" };
    return announceOutput({
      store: this.store,
      attempt,
      output,
      origin: node.origin,
      secret: this.env.SIGNING_SECRET,
    });
  }

  /**
   * The node says the attempt is done. Verify, then charge once and unblock
   * the dependants; a replayed report of a verified attempt changes nothing.
   */
  async completed(nodeId: string, report: CompleteReport): Promise<VerdictReply> {
    const attempt = this.ownedAttempt(report.attemptId, nodeId);
    if (!attempt) return { accepted: false, reasons: ["unknown attempt"] };
    if (attempt.status === "succeeded") return { accepted: true, reasons: ["already verified"] };
    // A report repeated while the first is being verified gets the first's verdict.
    const verifying = this.verifications.get(attempt.id);
    if (verifying) return verifying;
    if (attempt.status !== "running") {
      return { accepted: false, reasons: [`the attempt is ${attempt.outcome ?? attempt.status}`] };
    }
    const verdict = this.verifyCompletion(nodeId, attempt, report);
    this.verifications.set(attempt.id, verdict);
    try {
      return await verdict;
    } finally {
      this.verifications.delete(attempt.id);
    }
  }

  private async verifyCompletion(
    nodeId: string,
    attempt: AttemptRow,
    report: CompleteReport,
  ): Promise<VerdictReply> {
    const unit = this.store.unit(attempt.unit_id)!;
    const start = this.run.start();
    const t = now();

    this.run.beginVerification(attempt);
    const observedMs = t - (attempt.accepted_at ?? attempt.started_at);
    const reasons = await verifyAttempt(this.env.BUCKET, {
      reported: report.outputs,
      announced: this.store.outputsOf(attempt.id),
      requiredKinds: requiredOutputs(unit),
      runtimeSeconds: report.runtimeSeconds,
      observedMs,
      maxRuntimeSeconds: start.maxRuntimeSeconds,
    });

    // The attempt may have been cancelled or timed out while R2 answered.
    if (this.store.attempt(attempt.id)?.status !== "verifying") {
      return { accepted: false, reasons: ["the attempt ended while it was verified"] };
    }
    if (reasons.length > 0) {
      this.store.setAttempt(attempt.id, { reasons: JSON.stringify(reasons) });
      this.run.attemptFailed(attempt.id, "verification_failed", reasons.join("; "));
      log("warn", "verification failed", { job_id: start.jobId, node_id: nodeId, reasons });
      await this.settle();
      return { accepted: false, reasons };
    }

    this.run.unitSucceeded(unit, attempt.id, Math.min(report.runtimeSeconds, observedMs / 1000));
    await this.settle();
    return { accepted: true, reasons: [] };
  }

  /** Of the attempts a reconnecting node names, those it still holds. */
  async stillOwned(nodeId: string, attemptIds: string[]): Promise<string[]> {
    return attemptIds.filter((id) => {
      const attempt = this.store.attempt(id);
      return attempt?.node_id === nodeId && ["assigned", "running"].includes(attempt.status);
    });
  }

  // -- Reads ---------------------------------------------------------------

  /** The tail of a unit's logs and its metrics, for the job's page. */
  async unitOutput(unitId: string, lines = 200) {
    return readUnitOutput(this.store.sql, unitId, lines);
  }

  async snapshot() {
    return {
      job: this.store.job(),
      units: this.store.units(),
      attempts: this.store.openAttempts(),
    };
  }

  // -- Alarm ---------------------------------------------------------------

  override async alarm(): Promise<void> {
    const t = now();
    for (const attempt of this.store.openAttempts()) {
      if (attempt.status === "assigned" && (attempt.accept_by ?? Infinity) <= t) {
        this.run.attemptFailed(attempt.id, "failed", "The node did not accept in time", {
          nodeFreed: false,
        });
      } else if (attempt.deadline_at <= t) {
        this.run.attemptFailed(attempt.id, "failed", "The attempt passed max_runtime_seconds", {
          nodeFreed: false,
        });
      }
    }
    await this.settle();
  }

  // -- Waiting -------------------------------------------------------------

  private ownedAttempt(attemptId: string, nodeId: string): AttemptRow | undefined {
    const attempt = this.store.attempt(attemptId);
    return attempt?.node_id === nodeId ? attempt : undefined;
  }

  /** Mirrors units and job to D1, delivers the outbox and re-arms the alarm. */
  private async settle(): Promise<void> {
    this.run.mirror();
    if (this.delivering) {
      // A call that arrives while this object's delivery is in flight may come
      // from the very object that delivery waits on (the pool asks for an
      // assignment while it serves our `offer`): waiting would deadlock. The
      // running flush goes round again for what this call recorded, and the
      // settle that started it re-arms the alarm afterwards.
      void this.outbox.flush();
      return;
    }
    this.delivering = true;
    let delivered: boolean;
    try {
      delivered = await this.outbox.flush();
    } finally {
      this.delivering = false;
    }
    await this.rearm(delivered ? null : now() + OUTBOX_RETRY_MS);
  }

  /** The one place the alarm is set: the earliest deadline or outbox retry. */
  private async rearm(retryAt: number | null): Promise<void> {
    const due = [this.store.nextDue(), retryAt].filter((x): x is number => x !== null);
    if (due.length === 0) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(Math.min(...due));
  }

  private async deliverCall(target: string, method: string, args: unknown[]): Promise<void> {
    const start = this.run.start();
    if (target === "pool") {
      const pool = this.env.NODE_POOL.get(this.env.NODE_POOL.idFromName("default"));
      if (method === "offer") return pool.offer(args[0] as UnitOffer[]);
      if (method === "withdraw") return pool.withdraw(args[0] as string[]);
      if (method === "cancelAttempt") {
        const [nodeId, attemptId, reason] = args as [string, string, string];
        return pool.cancelAttempt(nodeId, attemptId, reason);
      }
    }
    if (target === "gate") {
      const gate = this.env.CUSTOMER_GATE.get(this.env.CUSTOMER_GATE.idFromName(start.customerId));
      if (method === "chargeUnit") {
        await gate.chargeUnit(args[0] as Parameters<typeof gate.chargeUnit>[0]);
        return;
      }
      if (method === "jobEnded") return gate.jobEnded(start.customerId, start.jobId);
    }
    if (target === "webhooks" && method === "emit") {
      // A receiver may take 15 s to answer: the job does not wait for it. The
      // sender object retries each delivery once it has recorded it.
      const [customerId, type, jobId] = args as [string, string, string];
      this.ctx.waitUntil(
        emitJobEnded(this.env, customerId, type, jobId).catch((err: unknown) =>
          log("error", "webhook emit failed", { job_id: jobId, error: String(err) }),
        ),
      );
      return;
    }
    throw new Error(`unknown outbox call ${target}.${method}`);
  }
}

function isTerminal(status: string): boolean {
  return status === "completed" || status === "failed" || status === "cancelled";
}

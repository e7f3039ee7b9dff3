/**
 * @module scheduler/run
 * The job's state machine, synchronous over the scheduler's SQLite tables:
 * every transition of the job, its units and their attempts is decided here
 * in one step, and what D1, the pool, the gate and the webhooks must learn is
 * recorded in the outbox in the same step. The object around it does the
 * waiting (verification, deliveries) and decides nothing itself.
 */
import { now } from "../../src/domain/clock";
import { chargeFor } from "../../src/domain/pricing";
import { log } from "../../src/log";
import type { NodeContext, SchedulerStart, UnitOffer } from "../contracts";
import type { Outbox, Statement } from "../outbox";
import {
  artifactStatements,
  attemptStatement,
  eventStatement,
  jobStatement,
  unitStatement,
} from "./mirror";
import { type AttemptRow, type SchedulerStore, TERMINAL_UNIT, type UnitRow } from "./store";
import { COMPLETION_GRACE_MS } from "./verify";

export const MAX_ATTEMPTS = 3;
/** A node must accept an assignment within this time, or it goes elsewhere. */
export const ACCEPT_TIMEOUT_MS = 30_000;

export type Failure = "failed" | "rejected" | "verification_failed";

export class JobRun {
  constructor(
    private readonly store: SchedulerStore,
    private readonly outbox: Outbox,
  ) {}

  start(): SchedulerStart {
    return JSON.parse(this.store.job()!.start) as SchedulerStart;
  }

  /** Stores the admitted plan; the units without dependencies become ready. */
  create(jobId: string, start: SchedulerStart): void {
    this.store.sql.exec(
      `INSERT INTO job (id, job_id, customer_id, name, status, start)
       VALUES (1, ?, ?, ?, 'queued', ?)`,
      jobId,
      start.customerId,
      start.name,
      JSON.stringify(start),
    );
    start.units.forEach((unit, ord) => {
      this.store.sql.exec(
        `INSERT INTO units (id, key, ord, stage, kind, builtin, shard_index, shard_count,
           entrypoint, depends_on, required_vram_mb, required_disk_mb, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'blocked')`,
        unit.id,
        unit.key,
        ord,
        unit.stage,
        unit.kind,
        unit.builtin ? 1 : 0,
        unit.shardIndex,
        unit.shardCount,
        unit.entrypoint,
        JSON.stringify(unit.dependsOn),
        unit.requiredVramMb,
        unit.requiredDiskMb,
      );
    });

    this.event("job.queued", { data: { units: start.units.length } });
    this.releaseReadyUnits(now());
  }

  /** Opens an attempt of a ready unit on a node: the node's lease. */
  openAttempt(unit: UnitRow, node: NodeContext): string {
    const job = this.store.job()!;
    const t = now();
    const attemptId = crypto.randomUUID();
    const number = unit.attempts + 1;

    this.store.sql.exec(
      `INSERT INTO attempts (id, unit_id, number, node_id, status, accept_by, deadline_at,
         started_at)
       VALUES (?, ?, ?, ?, 'assigned', ?, ?, ?)`,
      attemptId,
      unit.id,
      number,
      node.nodeId,
      t + ACCEPT_TIMEOUT_MS,
      t + this.start().maxRuntimeSeconds * 1000 + COMPLETION_GRACE_MS,
      t,
    );
    this.store.setUnit(unit.id, { status: "assigned", attempts: number, node_id: node.nodeId });
    if (job.status === "queued") this.store.setJob({ status: "running", started_at: t });
    this.event("unit.assigned", {
      unitId: unit.id,
      nodeId: node.nodeId,
      data: { attempt: number },
    });
    this.mirrorAttempt(attemptId);
    return attemptId;
  }

  accept(attempt: AttemptRow): void {
    const t = now();
    this.store.setAttempt(attempt.id, { status: "running", accepted_at: t });
    this.store.setUnit(attempt.unit_id, { status: "running", started_at: t });
    this.event("unit.running", { unitId: attempt.unit_id, nodeId: attempt.node_id });
    this.mirrorAttempt(attempt.id);
  }

  beginVerification(attempt: AttemptRow): void {
    this.store.setAttempt(attempt.id, { status: "verifying" });
    this.store.setUnit(attempt.unit_id, { status: "verifying" });
  }

  unitSucceeded(unit: UnitRow, attemptId: string, runtimeSeconds: number): void {
    const start = this.start();
    const job = this.store.job()!;
    const t = now();
    const priced = { kind: unit.kind, requiredVramMb: unit.required_vram_mb };
    const credits = chargeFor(priced, runtimeSeconds, start.maxRuntimeSeconds);

    this.store.setAttempt(attemptId, {
      status: "succeeded",
      outcome: "verified",
      reasons: "[]",
      ended_at: t,
      runtime_seconds: runtimeSeconds,
    });
    this.store.setUnit(unit.id, {
      status: "completed",
      runtime_seconds: runtimeSeconds,
      credits,
      finished_at: t,
    });
    this.store.setJob({ charged: job.charged + credits });
    this.mirrorAttempt(attemptId);
    this.outbox.push({
      kind: "d1",
      statements: artifactStatements(
        this.store.outputsOf(attemptId),
        { jobId: start.jobId, customerId: start.customerId },
        t,
      ),
    });
    this.outbox.push({
      kind: "call",
      target: "gate",
      method: "chargeUnit",
      args: [
        {
          customerId: start.customerId,
          jobId: start.jobId,
          computeUnitId: unit.id,
          amount: credits,
          description: `${unit.key}: ${Math.ceil(runtimeSeconds)} s ${unit.kind.toUpperCase()}`,
        },
      ],
    });
    this.event("unit.completed", {
      unitId: unit.id,
      nodeId: unit.node_id,
      data: { runtime_seconds: runtimeSeconds, credits },
    });

    this.releaseReadyUnits(t);
    if (this.store.units().every((u) => u.status === "completed")) this.endJob("completed", null);
  }

  /**
   * Ends an attempt that did not succeed. The unit is retried on another node
   * while attempts remain; after that the unit, and so the job, fail.
   */
  attemptFailed(
    attemptId: string,
    outcome: Failure,
    reason: string,
    options: { nodeFreed?: boolean } = {},
  ): void {
    const attempt = this.store.attempt(attemptId)!;
    const unit = this.store.unit(attempt.unit_id)!;
    const t = now();

    this.store.setAttempt(attemptId, { status: "failed", outcome, ended_at: t });
    if (attempt.reasons === null)
      this.store.setAttempt(attemptId, { reasons: JSON.stringify([reason]) });
    this.mirrorAttempt(attemptId);
    if (options.nodeFreed === false) {
      this.outbox.push({
        kind: "call",
        target: "pool",
        method: "cancelAttempt",
        args: [attempt.node_id, attemptId, reason],
      });
    }

    if (unit.attempts < MAX_ATTEMPTS) {
      this.store.setUnit(unit.id, { status: "ready", node_id: null });
      this.event("unit.retried", {
        unitId: unit.id,
        nodeId: attempt.node_id,
        data: { outcome, reason, attempt: attempt.number },
      });
      log("info", "unit retried", { unit_id: unit.id, node_id: attempt.node_id, outcome, reason });
      this.offer([unit.id]);
      return;
    }

    const what = `Unit ${unit.key} ${outcome.replace("_", " ")}`;
    const message = `${what} after ${unit.attempts} attempts: ${reason}`;
    this.store.setUnit(unit.id, {
      status: outcome,
      finished_at: t,
      error: JSON.stringify({ code: outcome.toUpperCase(), message }),
    });
    this.event("unit.failed", {
      unitId: unit.id,
      nodeId: attempt.node_id,
      data: { outcome, reason },
    });
    this.endJob("failed", { code: "UNIT_FAILED", message });
  }

  /** Ends the job: cancels what still runs, releases the reservation, notifies. */
  endJob(
    status: "completed" | "failed" | "cancelled",
    error: { code: string; message: string } | null,
  ): void {
    const start = this.start();
    const t = now();

    const withdrawn: string[] = [];
    for (const unit of this.store.units()) {
      if (TERMINAL_UNIT.includes(unit.status)) continue;
      if (unit.status === "ready") withdrawn.push(unit.id);
      this.store.setUnit(unit.id, { status: "cancelled", finished_at: t });
    }
    for (const attempt of this.store.openAttempts()) {
      this.store.setAttempt(attempt.id, { status: "failed", outcome: "cancelled", ended_at: t });
      this.mirrorAttempt(attempt.id);
      this.outbox.push({
        kind: "call",
        target: "pool",
        method: "cancelAttempt",
        args: [attempt.node_id, attempt.id, error?.message ?? "The job ended"],
      });
    }
    if (withdrawn.length > 0) {
      this.outbox.push({ kind: "call", target: "pool", method: "withdraw", args: [withdrawn] });
    }

    this.store.setJob({ status, finished_at: t, error: error ? JSON.stringify(error) : null });
    this.event(`job.${status}`, { data: error ? { error } : {} });
    this.outbox.push({
      kind: "call",
      target: "gate",
      method: "jobEnded",
      args: [start.customerId, start.jobId],
    });
    // The webhook reads the job from D1: mirror it first, the outbox keeps order.
    this.mirror();
    this.outbox.push({
      kind: "call",
      target: "webhooks",
      method: "emit",
      args: [start.customerId, `training_job.${status}`, start.jobId],
    });
    log("info", `job ${status}`, { job_id: start.jobId, customer_id: start.customerId });
  }

  /** Blocked units whose dependencies all completed become ready and are offered. */
  private releaseReadyUnits(t: number): void {
    const units = this.store.units();
    const completed = new Set(units.filter((u) => u.status === "completed").map((u) => u.key));
    const ready: string[] = [];
    for (const unit of units) {
      if (unit.status !== "blocked") continue;
      const deps = JSON.parse(unit.depends_on) as string[];
      if (deps.every((key) => completed.has(key))) {
        this.store.setUnit(unit.id, { status: "ready" });
        ready.push(unit.id);
      }
    }
    if (ready.length > 0) {
      this.event("units.ready", { data: { compute_unit_ids: ready, at: t } });
      this.offer(ready);
    }
  }

  private offer(unitIds: string[]): void {
    const start = this.start();
    const offers: UnitOffer[] = unitIds.map((id) => {
      const unit = this.store.unit(id)!;
      return {
        computeUnitId: id,
        jobId: start.jobId,
        kind: unit.kind,
        requiredVramMb: unit.required_vram_mb,
        requiredDiskMb: unit.required_disk_mb,
        sensitivity: start.sensitivity,
        excludeNodes: [...new Set(this.store.attemptsOf(id).map((a) => a.node_id))],
      };
    });
    this.outbox.push({ kind: "call", target: "pool", method: "offer", args: [offers] });
  }

  private event(
    type: string,
    options: { unitId?: string; nodeId?: string | null; data?: Record<string, unknown> } = {},
  ): void {
    const job = this.store.job()!;
    this.outbox.push({
      kind: "d1",
      statements: [
        eventStatement({
          id: crypto.randomUUID(),
          jobId: job.job_id,
          type,
          computeUnitId: options.unitId,
          nodeId: options.nodeId,
          data: options.data,
          at: now(),
        }),
      ],
    });
  }

  private mirrorAttempt(attemptId: string): void {
    const attempt = this.store.attempt(attemptId)!;
    const outputs = this.store.outputsOf(attemptId).map((o) => ({
      name: o.name,
      kind: o.kind,
      size_bytes: o.size_bytes,
      sha256: o.sha256,
    }));
    this.outbox.push({
      kind: "d1",
      statements: [attemptStatement(attempt, this.store.job()!.job_id, outputs)],
    });
  }

  /** Mirrors to D1 the units and job that changed since the last mirror. */
  mirror(): void {
    const t = now();
    const job = this.store.job();
    const changes = this.store.takeChanges();
    if (!job || !changes.job) return;
    const statements: Statement[] = changes.units.map((u) => unitStatement(u, t));
    statements.push(jobStatement(job, this.store.progress(), t));
    this.outbox.push({ kind: "d1", statements });
  }
}

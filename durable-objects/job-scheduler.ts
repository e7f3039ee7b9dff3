/**
 * @module job-scheduler
 * One object per training job: the live state of its DAG. It keeps the units
 * and their attempts, offers ready units to the node pool, makes assignments
 * (leases) when the pool matched a node, verifies what nodes report, charges
 * verified units through the customer's gate, retries what failed on another
 * node, and ends the job. Deadlines are kept in its tables and served by one
 * alarm; everything D1, the pool and the gate must learn goes through the
 * outbox, so a failed delivery is retried rather than lost.
 */
import { DurableObject } from "cloudflare:workers";
import { now } from "../src/domain/clock";
import { chargeFor } from "../src/domain/pricing";
import { signFileGrant } from "../src/domain/signed-url";
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
import { Outbox, type Statement } from "./outbox";
import {
  artifactStatements,
  attemptStatement,
  eventStatement,
  jobStatement,
  unitStatement,
} from "./scheduler/mirror";
import { type AttemptRow, SchedulerStore, TERMINAL_UNIT, type UnitRow } from "./scheduler/store";
import { COMPLETION_GRACE_MS, verifyAttempt } from "./scheduler/verify";

export const MAX_ATTEMPTS = 3;
/** A node must accept an assignment within this time, or it goes elsewhere. */
export const ACCEPT_TIMEOUT_MS = 30_000;
const INPUT_URL_TTL_MS = 2 * 60 * 60 * 1000;
const UPLOAD_URL_TTL_MS = 30 * 60 * 1000;
const OUTBOX_RETRY_MS = 5_000;
const KEPT_LOG_LINES = 500;

type Failure = "failed" | "rejected" | "verification_failed";

export class JobScheduler extends DurableObject<Env> {
  private readonly store: SchedulerStore;
  private readonly outbox: Outbox;
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
  }

  // ── Lifecycle ───────────────────────────────────────────────────────────

  /** Takes the admitted job's plan. Idempotent: a second start changes nothing. */
  async start(jobId: string, start: SchedulerStart): Promise<void> {
    if (this.store.job()) return;
    const t = now();

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
    this.releaseReadyUnits(t);
    await this.settle();
  }

  /** The customer cancels: stop running attempts, withdraw queued units. */
  async cancel(reason = "Cancelled by the customer"): Promise<{ ok: boolean; status: string }> {
    const job = this.store.job();
    if (!job) return { ok: false, status: "unknown" };
    if (isTerminal(job.status)) return { ok: false, status: job.status };

    this.endJob("cancelled", { code: "JOB_CANCELLED", message: reason });
    await this.settle();
    return { ok: true, status: "cancelled" };
  }

  // ── The pool's calls ────────────────────────────────────────────────────

  /**
   * The pool matched `unitId` to a node: open an attempt (the node's lease)
   * and return what to send it, or null when the unit no longer wants a node.
   */
  async assign(unitId: string, node: NodeContext): Promise<Assignment | null> {
    const job = this.store.job();
    const unit = this.store.unit(unitId);
    if (!job || !unit || unit.status !== "ready" || isTerminal(job.status)) return null;

    const start = this.startOf();
    const t = now();
    const attemptId = crypto.randomUUID();
    const number = unit.attempts + 1;
    this.store.sql.exec(
      `INSERT INTO attempts (id, unit_id, number, node_id, status, accept_by, deadline_at,
         started_at)
       VALUES (?, ?, ?, ?, 'assigned', ?, ?, ?)`,
      attemptId,
      unitId,
      number,
      node.nodeId,
      t + ACCEPT_TIMEOUT_MS,
      t + start.maxRuntimeSeconds * 1000 + COMPLETION_GRACE_MS,
      t,
    );
    this.store.setUnit(unitId, { status: "assigned", attempts: number, node_id: node.nodeId });
    if (job.status === "queued") this.store.setJob({ status: "running", started_at: t });
    this.event("unit.assigned", { unitId, nodeId: node.nodeId, data: { attempt: number } });
    this.mirrorAttempt(attemptId);

    const assignment = await this.assignmentFor(unit, attemptId, node.origin);
    await this.settle();
    return assignment;
  }

  async accepted(attemptId: string, nodeId: string): Promise<boolean> {
    const attempt = this.ownedAttempt(attemptId, nodeId);
    // A repeated accept (an agent resending after a reconnect) is the same acceptance.
    if (attempt?.status === "running" || attempt?.status === "verifying") return true;
    if (attempt?.status !== "assigned") return false;
    const t = now();

    this.store.setAttempt(attemptId, { status: "running", accepted_at: t });
    this.store.setUnit(attempt.unit_id, { status: "running", started_at: t });
    this.event("unit.running", { unitId: attempt.unit_id, nodeId });
    this.mirrorAttempt(attemptId);
    await this.settle();
    return true;
  }

  /** The node declined an assignment; false when it had already accepted it. */
  async rejected(attemptId: string, nodeId: string, reason: string): Promise<boolean> {
    const attempt = this.ownedAttempt(attemptId, nodeId);
    if (!attempt || attempt.status !== "assigned") return false;
    this.attemptFailed(attemptId, "rejected", `Node declined: ${reason}`);
    await this.settle();
    return true;
  }

  async failed(attemptId: string, nodeId: string, reason: string, logTail: string[]) {
    const attempt = this.ownedAttempt(attemptId, nodeId);
    if (!attempt || attempt.status === "succeeded" || attempt.status === "failed") return;
    this.keepLogs(attempt.unit_id, attemptId, logTail);
    this.attemptFailed(attemptId, "failed", reason);
    await this.settle();
  }

  /** The node is gone (silent, disconnected past its grace, suspended, drained). */
  async nodeLost(nodeId: string, attemptIds: string[], reason: string): Promise<void> {
    for (const attemptId of attemptIds) {
      const attempt = this.ownedAttempt(attemptId, nodeId);
      if (!attempt || !["assigned", "running"].includes(attempt.status)) continue;
      this.attemptFailed(attemptId, "failed", reason, { nodeFreed: true });
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
    if (!attempt || attempt.status !== "running") return;
    this.keepLogs(attempt.unit_id, attemptId, lines);
    for (const point of metrics) {
      this.store.sql.exec(
        "INSERT INTO metrics (unit_id, attempt_id, data) VALUES (?, ?, ?)",
        attempt.unit_id,
        attemptId,
        JSON.stringify(point),
      );
    }
  }

  /** A signed PUT URL for one output; the announcement is what verification trusts. */
  async uploadUrl(
    attemptId: string,
    node: NodeContext,
    output: OutputReport,
  ): Promise<{ url: string; expiresAt: number } | { error: string }> {
    const attempt = this.ownedAttempt(attemptId, node.nodeId);
    if (!attempt || attempt.status !== "running") return { error: "UNKNOWN_ATTEMPT" };
    const job = this.store.job()!;

    const key = `artifacts/${job.customer_id}/${job.job_id}/${attempt.unit_id}/${attemptId}/${output.name}`;
    this.store.sql.exec(
      `INSERT OR REPLACE INTO outputs (attempt_id, unit_id, name, kind, object_key, size_bytes,
         sha256) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      attemptId,
      attempt.unit_id,
      output.name,
      output.kind,
      key,
      output.size_bytes,
      output.sha256,
    );
    const expiresAt = now() + UPLOAD_URL_TTL_MS;
    const token = await signFileGrant(this.env.SIGNING_SECRET, {
      k: key,
      m: "PUT",
      e: expiresAt,
      s: output.size_bytes,
      h: output.sha256,
    });
    return { url: `${node.origin}/api/v1/files/${token}`, expiresAt };
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
    const start = this.startOf();
    const t = now();

    this.store.setAttempt(attempt.id, { status: "verifying" });
    this.store.setUnit(unit.id, { status: "verifying" });
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
      this.attemptFailed(attempt.id, "verification_failed", reasons.join("; "));
      log("warn", "verification failed", { job_id: start.jobId, node_id: nodeId, reasons });
      await this.settle();
      return { accepted: false, reasons };
    }

    this.unitSucceeded(unit, attempt.id, Math.min(report.runtimeSeconds, observedMs / 1000));
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

  // ── Reads ───────────────────────────────────────────────────────────────

  /** The tail of a unit's logs and its metrics, for the job's page. */
  async unitOutput(unitId: string, lines = 200) {
    const logs = this.store.sql
      .exec<{ line: string }>(
        "SELECT line FROM logs WHERE unit_id = ? ORDER BY seq DESC LIMIT ?",
        unitId,
        Math.min(lines, KEPT_LOG_LINES),
      )
      .toArray()
      .map((r) => r.line)
      .reverse();
    const metrics = this.store.sql
      .exec<{ data: string }>("SELECT data FROM metrics WHERE unit_id = ? ORDER BY seq", unitId)
      .toArray()
      .map((r) => JSON.parse(r.data) as Record<string, unknown>);
    return { logs, metrics };
  }

  async snapshot() {
    return {
      job: this.store.job(),
      units: this.store.units(),
      attempts: this.store.openAttempts(),
    };
  }

  // ── Alarm ───────────────────────────────────────────────────────────────

  override async alarm(): Promise<void> {
    const t = now();
    for (const attempt of this.store.openAttempts()) {
      if (attempt.status === "assigned" && (attempt.accept_by ?? Infinity) <= t) {
        this.attemptFailed(attempt.id, "failed", "The node did not accept in time", {
          nodeFreed: false,
        });
      } else if (attempt.deadline_at <= t) {
        this.attemptFailed(attempt.id, "failed", "The attempt passed max_runtime_seconds", {
          nodeFreed: false,
        });
      }
    }
    await this.settle();
  }

  // ── State changes ───────────────────────────────────────────────────────

  private unitSucceeded(unit: UnitRow, attemptId: string, runtimeSeconds: number): void {
    const start = this.startOf();
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
  private attemptFailed(
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

    const message = `Unit ${unit.key} ${outcome.replace("_", " ")} after ${unit.attempts} attempts: ${reason}`;
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
  private endJob(
    status: "completed" | "failed" | "cancelled",
    error: { code: string; message: string } | null,
  ): void {
    const start = this.startOf();
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
    const start = this.startOf();
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

  // ── Helpers ─────────────────────────────────────────────────────────────

  private async assignmentFor(unit: UnitRow, attemptId: string, origin: string) {
    const start = this.startOf();
    const expires = now() + INPUT_URL_TTL_MS;
    const url = async (key: string, name: string) =>
      `${origin}/api/v1/files/${await signFileGrant(this.env.SIGNING_SECRET, {
        k: key,
        m: "GET",
        e: expires,
        n: name,
      })}`;

    // The platform's own stages run their own scripts: they need the dataset
    // and what came before (logs too, for `package` to collect), not the zip.
    const builtin = unit.builtin === 1;
    const inputs: Assignment["inputs"] = [
      {
        name: start.dataset.name,
        role: "dataset",
        url: await url(start.dataset.objectKey, start.dataset.name),
        size_bytes: start.dataset.sizeBytes,
        sha256: start.dataset.sha256,
      },
    ];
    if (!builtin) {
      inputs.push({
        name: "package.zip",
        role: "package",
        url: await url(start.trainingPackage.objectKey, "package.zip"),
        size_bytes: start.trainingPackage.sizeBytes,
        sha256: start.trainingPackage.sha256,
      });
    }
    const units = this.store.units();
    for (const key of JSON.parse(unit.depends_on) as string[]) {
      const upstream = units.find((u) => u.key === key)!;
      for (const output of this.store.verifiedOutputs(upstream.id)) {
        if (output.kind === "logs" && !builtin) continue;
        inputs.push({
          name: output.name,
          role: "upstream",
          from: upstream.key,
          url: await url(output.object_key, output.name),
          size_bytes: output.size_bytes,
          sha256: output.sha256,
        });
      }
    }

    return {
      attempt_id: attemptId,
      compute_unit_id: unit.id,
      job_id: start.jobId,
      stage: unit.stage,
      kind: unit.kind,
      builtin: unit.builtin === 1,
      entrypoint: unit.entrypoint,
      shard_index: unit.shard_index,
      shard_count: unit.shard_count,
      max_runtime_seconds: start.maxRuntimeSeconds,
      required_vram_mb: unit.required_vram_mb,
      required_disk_mb: unit.required_disk_mb,
      hyperparameters: start.hyperparameters,
      inputs,
      required_outputs: requiredOutputs(unit),
    } satisfies Assignment;
  }

  private ownedAttempt(attemptId: string, nodeId: string) {
    const attempt = this.store.attempt(attemptId);
    return attempt?.node_id === nodeId ? attempt : undefined;
  }

  private keepLogs(unitId: string, attemptId: string, lines: string[]): void {
    for (const line of lines) {
      this.store.sql.exec(
        "INSERT INTO logs (unit_id, attempt_id, line) VALUES (?, ?, ?)",
        unitId,
        attemptId,
        line,
      );
    }
    if (lines.length > 0) {
      this.store.sql.exec(
        `DELETE FROM logs WHERE unit_id = ? AND seq <= (
           SELECT seq FROM logs WHERE unit_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`,
        unitId,
        unitId,
        KEPT_LOG_LINES,
      );
    }
  }

  private startOf(): SchedulerStart {
    return JSON.parse(this.store.job()!.start) as SchedulerStart;
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

  private mirror(): void {
    const t = now();
    const job = this.store.job();
    if (!job) return;
    const statements: Statement[] = this.store.units().map((u) => unitStatement(u, t));
    statements.push(jobStatement(job, this.store.progress(), t));
    this.outbox.push({ kind: "d1", statements });
  }

  /** Mirrors units and job to D1, delivers the outbox and re-arms the alarm. */
  private async settle(): Promise<void> {
    this.mirror();
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
    const start = this.startOf();
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

/** Training stages must leave a checkpoint and metrics; other stages need nothing. */
function requiredOutputs(unit: UnitRow): ("checkpoint" | "metrics")[] {
  return unit.kind === "gpu" && unit.builtin === 0 ? ["checkpoint", "metrics"] : [];
}

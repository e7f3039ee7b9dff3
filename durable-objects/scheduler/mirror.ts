/**
 * @module scheduler/mirror
 * The D1 statements that mirror the scheduler's decisions for listing. Each
 * writes absolute values (or inserts once), so delivering one twice, or late
 * after a newer one of another row, leaves D1 as the scheduler decided.
 */
import type { Statement } from "../outbox";
import type { AttemptRow, JobRow, OutputRow, UnitRow } from "./store";

export function unitStatement(unit: UnitRow, updatedAt: number): Statement {
  return {
    sql: `UPDATE compute_units SET status = ?, attempt_count = ?, node_id = ?,
            runtime_seconds = ?, credits_charged = ?, error = ?, started_at = ?,
            finished_at = ?, updated_at = ?
          WHERE id = ?`,
    params: [
      unit.status,
      unit.attempts,
      unit.node_id,
      unit.runtime_seconds,
      unit.credits,
      unit.error,
      unit.started_at,
      unit.finished_at,
      updatedAt,
      unit.id,
    ],
  };
}

export function jobStatement(
  job: JobRow,
  progress: Record<string, number>,
  updatedAt: number,
): Statement {
  return {
    sql: `UPDATE training_jobs SET status = ?, progress = ?, charged_credits = ?, error = ?,
            started_at = ?, finished_at = ?, updated_at = ?
          WHERE id = ?`,
    params: [
      job.status,
      JSON.stringify(progress),
      job.charged,
      job.error,
      job.started_at,
      job.finished_at,
      updatedAt,
      job.job_id,
    ],
  };
}

export function attemptStatement(attempt: AttemptRow, jobId: string, outputs: unknown): Statement {
  return {
    sql: `INSERT INTO unit_attempts (id, compute_unit_id, job_id, node_id, number, status,
            outcome, verdict, outputs, error, started_at, ended_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET status = excluded.status, outcome = excluded.outcome,
            verdict = excluded.verdict, outputs = excluded.outputs, error = excluded.error,
            ended_at = excluded.ended_at`,
    params: [
      attempt.id,
      attempt.unit_id,
      jobId,
      attempt.node_id,
      attempt.number,
      attempt.status,
      attempt.outcome,
      attempt.reasons === null
        ? null
        : JSON.stringify({
            ok: attempt.status === "succeeded",
            reasons: JSON.parse(attempt.reasons),
          }),
      JSON.stringify(outputs),
      attempt.status === "failed" ? attempt.outcome : null,
      attempt.started_at,
      attempt.ended_at,
    ],
  };
}

export function eventStatement(event: {
  id: string;
  jobId: string;
  type: string;
  computeUnitId?: string | null;
  nodeId?: string | null;
  data?: Record<string, unknown>;
  at: number;
}): Statement {
  return {
    sql: `INSERT OR IGNORE INTO job_events (id, job_id, type, compute_unit_id, node_id, data,
            created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)`,
    params: [
      event.id,
      event.jobId,
      event.type,
      event.computeUnitId ?? null,
      event.nodeId ?? null,
      event.data ? JSON.stringify(event.data) : null,
      event.at,
    ],
  };
}

export function artifactStatements(
  outputs: OutputRow[],
  job: { jobId: string; customerId: string },
  at: number,
): Statement[] {
  return outputs.map((output) => ({
    sql: `INSERT OR IGNORE INTO artifacts (id, job_id, customer_id, compute_unit_id, attempt_id,
            kind, name, object_key, size_bytes, sha256, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    params: [
      crypto.randomUUID(),
      job.jobId,
      job.customerId,
      output.unit_id,
      output.attempt_id,
      output.kind,
      output.name,
      output.object_key,
      output.size_bytes,
      output.sha256,
      at,
    ],
  }));
}

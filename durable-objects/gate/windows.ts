/**
 * @module gate/windows
 * The gate's counting, over its own tables: the rolling job-creation window
 * as the X-RateLimit-* headers describe it, the units planned on a UTC day,
 * and the Idempotency-Key records (kept 24 hours).
 */
import { now } from "../../src/domain/clock";
import { JOB_WINDOW_MS, type RateLimitState, secondsUntil } from "../../src/domain/limits";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** The creation window for a limit of `limit` jobs per rolling minute. */
export function jobWindow(sql: SqlStorage, limit: number): RateLimitState {
  const t = now();
  sql.exec("DELETE FROM job_creations WHERE at <= ?", t - JOB_WINDOW_MS);
  const times = sql
    .exec<{ at: number }>("SELECT at FROM job_creations ORDER BY at")
    .toArray()
    .map((r) => r.at);
  const remaining = limit - times.length;
  // The slot that frees first is the oldest creation in the window.
  const frees = times.length >= limit ? times[times.length - limit]! + JOB_WINDOW_MS : t;
  const state: RateLimitState = { limit, remaining, reset: Math.ceil(frees / 1000) };
  if (remaining <= 0) state.retryAfter = secondsUntil(t, frees);
  return state;
}

export function unitsOn(sql: SqlStorage, day: number): number {
  return (
    sql.exec<{ units: number }>("SELECT units FROM daily_units WHERE day = ?", day).toArray()[0]
      ?.units ?? 0
  );
}

export function idempotencyRecord(sql: SqlStorage, key: string) {
  sql.exec("DELETE FROM idempotency WHERE created_at <= ?", now() - IDEMPOTENCY_TTL_MS);
  return sql
    .exec<{ body_hash: string; job_id: string }>(
      "SELECT body_hash, job_id FROM idempotency WHERE key = ?",
      key,
    )
    .toArray()[0];
}

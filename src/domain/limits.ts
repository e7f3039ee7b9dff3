/**
 * @module limits
 * A customer's limits and the pure arithmetic of its windows. The customer's
 * gate object applies them; here they are plain functions of time and counts.
 */
import { z } from "zod";

export const Limits = z.object({
  jobs_per_minute: z.number().int().min(0).max(10_000),
  max_active_jobs: z.number().int().min(0).max(10_000),
  daily_unit_quota: z.number().int().min(0).max(1_000_000),
  requests_per_minute: z.number().int().min(1).max(1_000_000),
});

export type Limits = z.infer<typeof Limits>;

/** The staging page's defaults. */
export const DEFAULT_LIMITS: Limits = {
  jobs_per_minute: 10,
  max_active_jobs: 3,
  daily_unit_quota: 200,
  requests_per_minute: 600,
};

export const JOB_WINDOW_MS = 60_000;
export const REQUEST_WINDOW_MS = 60_000;
export const DAY_MS = 86_400_000;

/** What the X-RateLimit-* headers say about the limit that applied. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Unix seconds when the window frees a slot (or resets). */
  reset: number;
  /** Seconds to wait, on a refusal. */
  retryAfter?: number;
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  const headers: Record<string, string> = {
    "X-RateLimit-Limit": String(state.limit),
    "X-RateLimit-Remaining": String(Math.max(0, state.remaining)),
    "X-RateLimit-Reset": String(state.reset),
  };
  if (state.retryAfter !== undefined) headers["Retry-After"] = String(state.retryAfter);
  return headers;
}

/** Whole seconds from `nowMs` to `untilMs`, at least one. */
export function secondsUntil(nowMs: number, untilMs: number): number {
  return Math.max(1, Math.ceil((untilMs - nowMs) / 1000));
}

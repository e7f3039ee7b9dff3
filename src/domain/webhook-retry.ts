/**
 * @module webhook-retry
 * What an attempt at a webhook delivery means and what follows it: only a
 * 2xx counts, a 3xx is a failure (never followed), 410 Gone retires the
 * endpoint, and failures are retried on the Standard Webhooks schedule
 * (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h) until it runs out.
 */
export const SEND_TIMEOUT_MS = 15_000;

/** The wait before attempt n + 1 after attempt n failed; its length is the attempt limit. */
export const RETRY_DELAYS_MS = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
] as const;

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length;

export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

export interface Decision {
  status: "pending" | "succeeded" | "failed";
  nextAttemptAt: number | null;
  errorCode: "WEBHOOK_DELIVERY_FAILED" | null;
  /** The receiver said the endpoint is gone: take no more deliveries for it. */
  disableEndpoint: boolean;
}

export function judgeResponse(status: number): AttemptOutcome {
  if (status >= 200 && status < 300) return { ok: true, statusCode: status, error: null };
  if (status >= 300 && status < 400) {
    return { ok: false, statusCode: status, error: `redirect (${status}) not followed` };
  }
  return { ok: false, statusCode: status, error: `receiver answered ${status}` };
}

/** A request that got no answer: refused, reset, or past the timeout. */
export function judgeNetworkError(err: unknown): AttemptOutcome {
  if (err instanceof Error && err.name === "TimeoutError") {
    return { ok: false, statusCode: null, error: `no answer within ${SEND_TIMEOUT_MS / 1000} s` };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, statusCode: null, error: `request failed: ${message}`.slice(0, 500) };
}

/**
 * Decides after attempt number `attempts` (1-based) at `at`. A failure on an
 * endpoint that no longer takes deliveries is final.
 */
export function decide(
  attempts: number,
  outcome: AttemptOutcome,
  endpointOpen: boolean,
  at: number,
): Decision {
  if (outcome.ok) {
    return { status: "succeeded", nextAttemptAt: null, errorCode: null, disableEndpoint: false };
  }

  const gone = outcome.statusCode === 410;
  const wait = RETRY_DELAYS_MS[attempts];
  if (gone || !endpointOpen || wait === undefined) {
    return {
      status: "failed",
      nextAttemptAt: null,
      errorCode: "WEBHOOK_DELIVERY_FAILED",
      disableEndpoint: gone,
    };
  }
  return { status: "pending", nextAttemptAt: at + wait, errorCode: null, disableEndpoint: false };
}

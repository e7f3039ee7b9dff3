/**
 * @module request-budget
 * Counts every customer request against the customer's per-minute budget, in
 * the customer's gate, and answers with the X-RateLimit-* headers. A route
 * whose own limit applies (job creation) replaces the headers with its own.
 */
import { createMiddleware } from "hono/factory";
import { ApiError } from "../domain/errors";
import { rateLimitHeaders } from "../domain/limits";
import { gateFor } from "../gate";
import type { AppEnv } from "../http";

export const requestBudget = createMiddleware<AppEnv>(async (c, next) => {
  const { customerId } = c.get("customer");
  const state = await gateFor(c.env, customerId).takeRequest(customerId);
  const headers = rateLimitHeaders(state);

  if (!state.allowed) {
    throw new ApiError(
      "RATE_LIMITED",
      `At most ${state.limit} requests per minute; retry after ${state.retryAfter} s`,
      undefined,
      headers,
    );
  }

  await next();
  for (const [name, value] of Object.entries(headers)) {
    if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  }
});

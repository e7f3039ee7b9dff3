/**
 * @module gate
 * How the Worker reaches a customer's gate object, and how the gate's
 * refusals become API errors with their rate-limit headers.
 */
import type { GateRefusal } from "../durable-objects/customer-gate";
import { ApiError } from "./domain/errors";
import { rateLimitHeaders } from "./domain/limits";

export function gateFor(env: Env, customerId: string) {
  return env.CUSTOMER_GATE.get(env.CUSTOMER_GATE.idFromName(customerId));
}

export function refusalError(refusal: GateRefusal): ApiError {
  const headers = refusal.rateLimit ? rateLimitHeaders(refusal.rateLimit) : undefined;
  return new ApiError(refusal.code, refusal.message, refusal.details, headers);
}

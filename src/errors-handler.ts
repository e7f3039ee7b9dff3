/**
 * @module errors-handler
 * The one place that turns failures into responses: our `ApiError`s as they
 * are, Hono's own (malformed JSON, body limits) mapped onto our codes, and
 * anything else logged and answered as a bare `INTERNAL_ERROR`.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ApiError, type ErrorBody } from "./domain/errors";
import type { AppEnv } from "./http";
import { errorFields, log } from "./log";

export function toApiError(err: unknown): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new ApiError("PAYLOAD_TOO_LARGE", err.message);
    if (err.status === 415) {
      return new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json");
    }
    if (err.status === 400) {
      return new ApiError("VALIDATION_FAILED", err.message || "The request body is malformed");
    }
  }
  return undefined;
}

export function errorResponse(c: Context<AppEnv>, error: ApiError): Response {
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      request_id: c.get("requestId") ?? "unknown",
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
  const response = c.json(body, error.status);
  for (const [name, value] of Object.entries(error.headers ?? {})) {
    response.headers.set(name, value);
  }
  return response;
}

export function onError(err: unknown, c: Context<AppEnv>): Response {
  const known = toApiError(err);
  if (known) return errorResponse(c, known);

  log("error", "request failed", {
    request_id: c.get("requestId"),
    method: c.req.method,
    path: c.req.path,
    ...errorFields(err),
  });
  return errorResponse(c, new ApiError("INTERNAL_ERROR", "An unexpected error occurred"));
}

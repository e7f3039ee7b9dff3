/**
 * @module errors
 * The one error type of the API and the one table of its codes. Routes and
 * objects throw `ApiError`; only the app's error handler turns it into a
 * response, so every failure has the same envelope and a status from here.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";

export const ERROR_CODES = {
  CUSTOMER_AUTH_REQUIRED: { status: 401, description: "Sign in or supply an API key" },
  API_KEY_INVALID: { status: 401, description: "X-API-Key not recognized" },
  API_KEY_REVOKED: { status: 401, description: "API key was revoked" },
  API_KEY_SCOPE_DENIED: { status: 403, description: "Key is missing the required scope" },
  CREDIT_INSUFFICIENT: { status: 402, description: "Credit balance below projected cost" },
  RATE_LIMITED: { status: 429, description: "Too many requests or too many concurrent jobs" },
  DAILY_TASK_LIMIT_EXCEEDED: { status: 429, description: "Per-day compute-unit quota used up" },
  LEGACY_DEPRECATED: { status: 410, description: "Legacy image jobs; use training jobs" },
  JOB_NOT_FOUND: { status: 404, description: "Job absent or not yours" },
  ARTIFACT_NOT_FOUND: { status: 404, description: "Artifact absent or not yours" },
  SIGNED_URL_FAILED: { status: 502, description: "The storage backend failed" },
  IDEMPOTENCY_CONFLICT: { status: 422, description: "Same Idempotency-Key, different body" },
  IDEMPOTENCY_KEY_INVALID: { status: 400, description: "Idempotency-Key format invalid" },
  PAGINATION_INVALID_CURSOR: { status: 400, description: "Cursor malformed, tampered or expired" },
  EXPORT_RANGE_TOO_LARGE: { status: 400, description: "Export range exceeds 90 days" },
  WEBHOOK_INVALID_URL: { status: 400, description: "Webhook URL must be public HTTPS" },
  WEBHOOK_DELIVERY_FAILED: { status: 502, description: "Webhook delivery exhausted retries" },
  INTERNAL_ERROR: { status: 500, description: "Unhandled server error" },

  VALIDATION_FAILED: { status: 400, description: "The request is malformed; see details" },
  ROUTE_NOT_FOUND: { status: 404, description: "No such route" },
  METHOD_NOT_ALLOWED: { status: 405, description: "The route does not take this method" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, description: "Send the body as application/json" },
  ADMIN_AUTH_REQUIRED: { status: 401, description: "Admin bearer token missing or wrong" },
  NODE_AUTH_REQUIRED: { status: 401, description: "Node bearer secret missing or wrong" },
  NODE_SUSPENDED: { status: 403, description: "The node was suspended by an operator" },
  NODE_NOT_FOUND: { status: 404, description: "Node absent" },
  ENROLLMENT_TOKEN_INVALID: {
    status: 401,
    description: "Enrollment token unknown, used or expired",
  },
  CUSTOMER_NOT_FOUND: { status: 404, description: "Customer absent" },
  API_KEY_NOT_FOUND: { status: 404, description: "API key absent or not yours" },
  DATASET_NOT_FOUND: { status: 404, description: "Dataset absent or not yours" },
  DATASET_NOT_READY: { status: 409, description: "Dataset is not ready (finalize it first)" },
  DATASET_IN_USE: { status: 409, description: "An active job uses the dataset" },
  PACKAGE_NOT_FOUND: { status: 404, description: "Training package absent or not yours" },
  PACKAGE_NOT_READY: { status: 409, description: "Training package is not ready" },
  PACKAGE_IN_USE: { status: 409, description: "An active job uses the training package" },
  PACKAGE_INVALID: { status: 422, description: "The zip failed validation; see details" },
  PLAN_INVALID: { status: 422, description: "The package's stages do not form a valid plan" },
  UPLOAD_STATE_INVALID: { status: 409, description: "The upload is not in a state for this" },
  UPLOAD_NOT_FOUND: { status: 404, description: "Multipart upload absent" },
  CHECKSUM_MISMATCH: { status: 422, description: "Size or SHA-256 differ from declared" },
  PAYLOAD_TOO_LARGE: { status: 413, description: "Body larger than declared or allowed" },
  JOB_NOT_CANCELLABLE: { status: 409, description: "The job already ended" },
  WEBHOOK_NOT_FOUND: { status: 404, description: "Webhook endpoint absent or not yours" },
  SIGNED_URL_EXPIRED: { status: 403, description: "The signed URL expired" },
  SIGNED_URL_INVALID: { status: 403, description: "The signed URL is tampered or misused" },
} as const satisfies Record<string, { status: ContentfulStatusCode; description: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = ERROR_CODES[code].status;
  }
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}

/** The error envelope, as sent. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; request_id: string; details?: unknown };
}

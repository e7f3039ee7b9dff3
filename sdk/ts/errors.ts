/**
 * @module sdk/errors
 * What the SDK throws. `ApiError` is an answer from the platform, carrying
 * its code, status and request id (quote the id when asking for help), as a
 * subclass named for its status (`NotFoundError`, `RateLimitError`, …);
 * `NetworkError` means no answer arrived; `ChecksumError` means bytes on disk
 * or in transit are not the ones expected. An aborted call rejects with the
 * signal's own reason, untouched.
 */
import type { ErrorCode } from "./api-types.ts";

export class GpuAgentError extends Error {
  override name = "GpuAgentError";
}

export class ApiError extends GpuAgentError {
  override name = "ApiError";
  /** The platform's code, such as `RATE_LIMITED`; a string the SDK may not know yet. */
  readonly code: ErrorCode | (string & {});
  readonly status: number;
  readonly requestId: string | null;
  readonly details: unknown;
  /** Seconds the platform asked to wait (`Retry-After`), if it did. */
  readonly retryAfter: number | null;
  /** The platform's own message, without the code and request id around it. */
  readonly rawMessage: string;

  constructor(init: {
    code: string;
    message: string;
    status: number;
    requestId: string | null;
    details?: unknown;
    retryAfter?: number | null;
  }) {
    const suffix = init.requestId ? ` (request ${init.requestId})` : "";
    super(`${init.code}: ${init.message}${suffix}`);
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.details = init.details;
    this.retryAfter = init.retryAfter ?? null;
    this.rawMessage = init.message;
  }

  /** Parses an error response; anything not in the envelope becomes `HTTP_<status>`. */
  static async fromResponse(response: Response): Promise<ApiError> {
    const requestId = response.headers.get("X-Request-Id");
    const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
    const text = await response.text().catch(() => "");
    try {
      const { error } = JSON.parse(text) as {
        error: { code: string; message: string; request_id?: string; details?: unknown };
      };
      if (typeof error?.code === "string") {
        return apiError({
          code: error.code,
          message: error.message,
          status: response.status,
          requestId: error.request_id ?? requestId,
          details: error.details,
          retryAfter,
        });
      }
    } catch {
      // Not the platform's JSON (a proxy's page, an empty body): described below.
    }
    return apiError({
      code: `HTTP_${response.status}`,
      message: text.slice(0, 200) || response.statusText || "no body",
      status: response.status,
      requestId,
      retryAfter,
    });
  }
}

type ApiErrorInit = ConstructorParameters<typeof ApiError>[0];

/** 400: the request is malformed (`VALIDATION_FAILED`, `IDEMPOTENCY_KEY_INVALID`, …). */
export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}

/** 401: no API key, or one unknown or revoked. */
export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
}

/** 402: the balance is below the job's projected cost (`CREDIT_INSUFFICIENT`). */
export class InsufficientCreditsError extends ApiError {
  override name = "InsufficientCreditsError";
}

/** 403: the key lacks the scope, or a signed URL is expired or misused. */
export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
}

/** 404: absent, or not the caller's. */
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}

/** 409: the resource's state does not allow it (not ready, in use, already ended). */
export class ConflictError extends ApiError {
  override name = "ConflictError";
}

/** 422: understood but refused (`CHECKSUM_MISMATCH`, `PACKAGE_INVALID`, `IDEMPOTENCY_CONFLICT`). */
export class UnprocessableError extends ApiError {
  override name = "UnprocessableError";
}

/** 429: `RATE_LIMITED` or `DAILY_TASK_LIMIT_EXCEEDED`, after the SDK's retries. */
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
}

/** 5xx: the platform failed, after the SDK's retries where they were safe. */
export class ServerError extends ApiError {
  override name = "ServerError";
}

const BY_STATUS: Record<number, new (init: ApiErrorInit) => ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: InsufficientCreditsError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableError,
  429: RateLimitError,
};

/** The `ApiError` subclass for a status (every one is an `ApiError`). */
function apiError(init: ApiErrorInit): ApiError {
  const Kind = BY_STATUS[init.status] ?? (init.status >= 500 ? ServerError : ApiError);
  return new Kind(init);
}

/** The request never got an answer: DNS, refused or dropped connection, timeout. */
export class NetworkError extends GpuAgentError {
  override name = "NetworkError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Bytes whose size or SHA-256 differ from what was declared or served. */
export class ChecksumError extends GpuAgentError {
  override name = "ChecksumError";

  readonly expected: string;
  readonly actual: string;

  constructor(message: string, expected: string, actual: string) {
    super(message);
    this.expected = expected;
    this.actual = actual;
  }
}

/** `Retry-After` as seconds: either a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | null {
  if (value === null || value.trim() === "") return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - nowMs) / 1000);
}

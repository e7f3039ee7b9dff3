"""What the SDK raises.

``ApiError`` is an answer from the platform and carries its ``code``,
``status`` and ``request_id`` (quote the id when asking for help), as a
subclass named for its status (``NotFoundError``, ``RateLimitError``, …);
``NetworkError`` means no answer arrived; ``ChecksumError`` means bytes are not
the ones declared or served.
"""

from __future__ import annotations

import email.utils
import json
import time
from typing import Any, Mapping


class GpuAgentError(Exception):
    """The base of every error the SDK raises."""


class ApiError(GpuAgentError):
    """The platform answered with an error envelope (or a non-JSON failure)."""

    def __init__(
        self,
        code: str,
        message: str,
        status: int,
        request_id: str | None,
        details: Any = None,
        retry_after: float | None = None,
    ) -> None:
        suffix = f" (request {request_id})" if request_id else ""
        super().__init__(f"{code}: {message}{suffix}")
        self.code = code
        self.message = message
        self.status = status
        self.request_id = request_id
        self.details = details
        self.retry_after = retry_after

    @classmethod
    def from_response(cls, status: int, headers: Mapping[str, str], body: bytes) -> "ApiError":
        """Parses ``{"error": {code, message, request_id, details}}``; else ``HTTP_<status>``."""
        request_id = headers.get("X-Request-Id")
        retry_after = parse_retry_after(headers.get("Retry-After"))
        try:
            error = json.loads(body.decode("utf-8"))["error"]
            return _api_error(
                code=str(error["code"]),
                message=str(error.get("message", "")),
                status=status,
                request_id=error.get("request_id") or request_id,
                details=error.get("details"),
                retry_after=retry_after,
            )
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            text = body[:200].decode("utf-8", "replace") or "no body"
            return _api_error(f"HTTP_{status}", text, status, request_id, None, retry_after)


class BadRequestError(ApiError):
    """400: the request is malformed (``VALIDATION_FAILED``, ``IDEMPOTENCY_KEY_INVALID``, …)."""


class AuthenticationError(ApiError):
    """401: no API key, or one unknown or revoked."""


class InsufficientCreditsError(ApiError):
    """402: the balance is below the job's projected cost (``CREDIT_INSUFFICIENT``)."""


class PermissionDeniedError(ApiError):
    """403: the key lacks the scope, or a signed URL is expired or misused."""


class NotFoundError(ApiError):
    """404: absent, or not the caller's."""


class ConflictError(ApiError):
    """409: the resource's state does not allow it (not ready, in use, already ended)."""


class UnprocessableError(ApiError):
    """422: understood but refused (``CHECKSUM_MISMATCH``, ``PACKAGE_INVALID``, …)."""


class RateLimitError(ApiError):
    """429: ``RATE_LIMITED`` or ``DAILY_TASK_LIMIT_EXCEEDED``, after the SDK's retries."""


class ServerError(ApiError):
    """5xx: the platform failed, after the SDK's retries where they were safe."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: InsufficientCreditsError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableError,
    429: RateLimitError,
}


def _api_error(
    code: str,
    message: str,
    status: int,
    request_id: str | None,
    details: Any = None,
    retry_after: float | None = None,
) -> ApiError:
    """The ``ApiError`` subclass named for ``status`` (every one is an ``ApiError``)."""
    kind = _BY_STATUS.get(status) or (ServerError if status >= 500 else ApiError)
    return kind(code, message, status, request_id, details, retry_after)


class NetworkError(GpuAgentError):
    """The request got no answer: DNS, a refused or dropped connection, a timeout."""


class ChecksumError(GpuAgentError):
    """A file's size or SHA-256 differs from what was declared or served."""

    def __init__(self, message: str, expected: str, actual: str) -> None:
        super().__init__(message)
        self.expected = expected
        self.actual = actual


class WaitCancelled(GpuAgentError):
    """``wait_for_job`` was stopped through its ``stop`` event."""


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """``Retry-After`` in seconds, given as a number of seconds or an HTTP date."""
    if value is None or not value.strip():
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None
    return max(0.0, when - (time.time() if now is None else now))

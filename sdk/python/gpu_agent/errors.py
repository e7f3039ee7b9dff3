"""What the SDK raises.

``ApiError`` is an answer from the platform and carries its ``code``,
``status`` and ``request_id`` (quote the id when asking for help);
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
            return cls(
                code=str(error["code"]),
                message=str(error.get("message", "")),
                status=status,
                request_id=error.get("request_id") or request_id,
                details=error.get("details"),
                retry_after=retry_after,
            )
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            text = body[:200].decode("utf-8", "replace") or "no body"
            return cls(f"HTTP_{status}", text, status, request_id, None, retry_after)


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

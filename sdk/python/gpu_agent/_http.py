"""One HTTP call to the platform, retried when retrying is safe.

A 429 was refused before anything happened, so it is always retried after the
``Retry-After`` the platform sent (plus up to 10 % jitter, at most one second);
a 5xx, a timeout or a dropped connection is retried only for requests that are
safe to repeat (reads, uploads of the same bytes, finalize, and job creation,
which always carries an Idempotency-Key). No single wait exceeds
``max_retry_delay``. ``DAILY_TASK_LIMIT_EXCEEDED`` is not retried: its wait
lasts until midnight UTC.
"""

from __future__ import annotations

import http.client
import json
import random
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Union

from .errors import ApiError, NetworkError

DEFAULT_BASE_URL = "http://127.0.0.1:8787"
NOT_RETRIED_CODES = frozenset({"DAILY_TASK_LIMIT_EXCEEDED"})
RETRIED_STATUSES = frozenset({500, 502, 503, 504})

#: Sends one request; the default is :func:`urllib.request.urlopen`. Tests wrap it.
Opener = Callable[[urllib.request.Request, float], Any]
Body = Union[bytes, Any]


@dataclass
class RetryInfo:
    """What ``on_retry`` is told before each retry."""

    method: str
    path: str
    attempt: int
    delay: float
    error: Union[ApiError, NetworkError]


def api_base(base_url: str) -> str:
    """Normalizes ``https://host``, ``https://host/api/v1/`` to ``https://host/api/v1``."""
    trimmed = base_url.rstrip("/")
    return trimmed if trimmed.endswith("/api/v1") else f"{trimmed}/api/v1"


class Transport:
    """Sends requests with the API key, parses errors, and retries."""

    def __init__(
        self,
        api_key: str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        max_retries: int = 4,
        retry_base_delay: float = 0.5,
        max_retry_delay: float = 30.0,
        timeout: float = 60.0,
        opener: Opener | None = None,
        on_retry: Callable[[RetryInfo], None] | None = None,
    ) -> None:
        if not api_key:
            raise ValueError("api_key is required")
        self.api_key = api_key
        self.base_url = api_base(base_url)
        self.max_retries = max_retries
        self.retry_base_delay = retry_base_delay
        self.max_retry_delay = max_retry_delay
        self.timeout = timeout
        self.opener: Opener = opener or (
            lambda request, timeout: urllib.request.urlopen(request, timeout=timeout)
        )
        self.on_retry = on_retry

    def url(self, path: str, query: Mapping[str, Any] | None = None) -> str:
        """The full URL of an API path (or an absolute URL, unchanged) with its query."""
        url = path if path.startswith(("http://", "https://")) else f"{self.base_url}{path}"
        pairs = {k: v for k, v in (query or {}).items() if v is not None}
        if pairs:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(pairs)
        return url

    def json(self, method: str, path: str, **options: Any) -> Any:
        """Calls the API and parses its JSON (``None`` for 204). A body cut off
        mid-way counts as a lost response, retried like one."""

        def read(response: Any) -> Any:
            with response:
                try:
                    data = response.read()
                except (OSError, http.client.HTTPException) as error:
                    raise NetworkError(f"{method} {path}: the response broke off") from error
            return json.loads(data) if data else None

        return self.send(method, path, read=read, **options)

    def send(
        self,
        method: str,
        path: str,
        *,
        idempotent: bool,
        query: Mapping[str, Any] | None = None,
        json_body: Any = None,
        body: Callable[[], Body] | None = None,
        headers: Mapping[str, str] | None = None,
        anonymous: bool = False,
        read: Callable[[Any], Any] | None = None,
        timeout: float | None = None,
    ) -> Any:
        """Sends the request, retrying as allowed; answers the open 2xx response,
        or what ``read`` made of it.

        ``body`` makes the raw body afresh for each attempt (bytes or a file-like
        object), so a retry resends the same bytes. ``timeout`` replaces the
        client's for this call.
        """
        attempt = 0
        while True:
            try:
                response = self._attempt(
                    method, path, query, json_body, body, headers, anonymous, timeout
                )
                return read(response) if read else response
            except (ApiError, NetworkError) as failure:
                if attempt >= self.max_retries or not _retryable(failure, idempotent):
                    raise
                attempt += 1
                delay = self._delay(failure, attempt - 1)
                if self.on_retry:
                    self.on_retry(RetryInfo(method, path, attempt, delay, failure))
                time.sleep(delay)

    def _attempt(self, method, path, query, json_body, body, headers, anonymous, timeout) -> Any:
        all_headers = {"Accept": "application/json", "User-Agent": "gpu-agent-python/0.1.0"}
        all_headers.update(headers or {})
        if not anonymous:
            all_headers["X-API-Key"] = self.api_key
        data = None
        if json_body is not None:
            all_headers["Content-Type"] = "application/json"
            data = json.dumps(json_body).encode("utf-8")
        elif body is not None:
            data = body()
        request = urllib.request.Request(
            self.url(path, query), data=data, method=method, headers=all_headers
        )
        try:
            return self.opener(request, self.timeout if timeout is None else timeout)
        except urllib.error.HTTPError as error:
            with error:
                raise ApiError.from_response(error.code, error.headers, error.read()) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            reason = getattr(error, "reason", None) or error
            raise NetworkError(f"{method} {path} failed: {reason}") from error
        finally:
            close = getattr(data, "close", None)
            if close:
                close()

    def _delay(self, failure: Union[ApiError, NetworkError], attempt: int) -> float:
        asked = failure.retry_after if isinstance(failure, ApiError) else None
        if asked is not None:
            jitter = random.random() * min(1.0, asked * 0.1)
            return min(self.max_retry_delay, asked + jitter)
        exponential = self.retry_base_delay * 2**attempt
        return min(self.max_retry_delay, exponential / 2 + random.random() * exponential / 2)


def _retryable(failure: Union[ApiError, NetworkError], idempotent: bool) -> bool:
    if isinstance(failure, NetworkError):
        return idempotent
    if failure.code in NOT_RETRIED_CODES:
        return False
    if failure.status == 429:
        return True
    return idempotent and failure.status in RETRIED_STATUSES

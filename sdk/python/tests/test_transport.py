"""The Python SDK's HTTP behaviour against a scripted opener: which failures
it retries, how long it waits, what it raises. Needs no server."""

from __future__ import annotations

import email.message
import io
import json
import time
import unittest
import urllib.error
import urllib.parse

from gpu_agent import (
    ApiError,
    Client,
    NetworkError,
    NotFoundError,
    RateLimitError,
    ServerError,
    api_base,
)
from gpu_agent.errors import parse_retry_after


class FakeResponse(io.BytesIO):
    def __init__(self, body: object, status: int = 200) -> None:
        super().__init__(json.dumps(body).encode())
        self.status = status


def error(status: int, code: str, headers: dict[str, str] | None = None) -> urllib.error.HTTPError:
    message = email.message.Message()
    message["X-Request-Id"] = "req_123"
    for name, value in (headers or {}).items():
        message[name] = value
    body = json.dumps(
        {"error": {"code": code, "message": f"{code} happened", "request_id": "req_123"}}
    )
    return urllib.error.HTTPError("http://x", status, code, message, io.BytesIO(body.encode()))


class Scripted:
    """An opener that answers from a script and remembers the requests."""

    def __init__(self, script) -> None:
        self.script = script
        self.requests = []

    def __call__(self, request, timeout):
        self.requests.append(request)
        answer = self.script(request, len(self.requests))
        if isinstance(answer, BaseException):
            raise answer
        return answer


JOB = {"id": "job_1", "status": "queued"}


class TransportTest(unittest.TestCase):
    def test_honours_retry_after_on_a_429_with_at_most_ten_percent_jitter(self) -> None:
        opener = Scripted(
            lambda r, n: error(429, "RATE_LIMITED", {"Retry-After": "1"})
            if n == 1
            else FakeResponse(JOB)
        )
        retries = []
        client = Client("sk_test", "http://x", opener=opener, on_retry=retries.append)

        started = time.monotonic()
        job = client.get_training_job("job_1")

        self.assertEqual(job, JOB)
        self.assertEqual(len(opener.requests), 2)
        self.assertTrue(1.0 <= retries[0].delay <= 1.1)
        self.assertGreaterEqual(time.monotonic() - started, 0.99)

    def test_never_waits_longer_than_max_retry_delay(self) -> None:
        opener = Scripted(
            lambda r, n: error(429, "RATE_LIMITED", {"Retry-After": "30"})
            if n == 1
            else FakeResponse(JOB)
        )
        retries = []
        client = Client(
            "sk_test", "http://x", opener=opener, max_retry_delay=0.05, on_retry=retries.append
        )

        client.get_training_job("job_1")

        self.assertEqual([r.delay for r in retries], [0.05])

    def test_does_not_retry_a_5xx_on_a_request_that_is_not_safe_to_repeat(self) -> None:
        opener = Scripted(lambda r, n: error(500, "INTERNAL_ERROR"))
        client = Client("sk_test", "http://x", opener=opener, retry_base_delay=0.001)

        with self.assertRaises(ServerError) as caught:
            client.cancel_training_job("job_1")

        self.assertEqual(caught.exception.status, 500)
        self.assertEqual(len(opener.requests), 1)

    def test_does_not_retry_the_daily_quota_whose_wait_lasts_until_midnight(self) -> None:
        opener = Scripted(
            lambda r, n: error(429, "DAILY_TASK_LIMIT_EXCEEDED", {"Retry-After": "36000"})
        )
        client = Client("sk_test", "http://x", opener=opener)

        with self.assertRaises(RateLimitError) as caught:
            client.get_training_job("job_1")

        self.assertEqual(caught.exception.retry_after, 36000)
        self.assertEqual(len(opener.requests), 1)

    def test_raises_api_error_with_code_status_and_request_id(self) -> None:
        client = Client(
            "sk_test", "http://x", opener=Scripted(lambda r, n: error(404, "JOB_NOT_FOUND"))
        )

        with self.assertRaises(NotFoundError) as caught:
            client.get_training_job("nope")

        self.assertIsInstance(caught.exception, ApiError)
        self.assertEqual(caught.exception.code, "JOB_NOT_FOUND")
        self.assertEqual(caught.exception.status, 404)
        self.assertEqual(caught.exception.request_id, "req_123")

    def test_raises_network_error_after_retrying_a_refused_connection(self) -> None:
        opener = Scripted(lambda r, n: ConnectionRefusedError("connection refused"))
        client = Client("sk_test", "http://x", opener=opener, max_retries=2, retry_base_delay=0.001)

        with self.assertRaises(NetworkError):
            client.get_training_job("job_1")

        self.assertEqual(len(opener.requests), 3)

    def test_retries_a_read_whose_response_body_broke_off(self) -> None:
        class Broken(io.BytesIO):
            def read(self, size: int = -1) -> bytes:
                raise ConnectionResetError("connection reset by peer")

        opener = Scripted(lambda r, n: Broken() if n == 1 else FakeResponse(JOB))
        client = Client("sk_test", "http://x", opener=opener, retry_base_delay=0.001)

        self.assertEqual(client.get_training_job("job_1"), JOB)
        self.assertEqual(len(opener.requests), 2)

    def test_sends_one_generated_idempotency_key_on_every_attempt(self) -> None:
        opener = Scripted(
            lambda r, n: error(503, "INTERNAL_ERROR") if n == 1 else FakeResponse(JOB, 201)
        )
        client = Client("sk_test", "http://x", opener=opener, retry_base_delay=0.001)

        client.create_training_job({"name": "j"})

        keys = [r.get_header("Idempotency-key") for r in opener.requests]
        self.assertRegex(keys[0], r"^sdk-[0-9a-f-]{36}$")
        self.assertEqual(keys, [keys[0], keys[0]])
        self.assertEqual(opener.requests[0].get_header("X-api-key"), "sk_test")

    def test_follows_next_cursor_until_has_more_is_false(self) -> None:
        pages = {
            None: {
                "data": [{"id": "a"}, {"id": "b"}],
                "page": {"limit": 2, "next_cursor": "c1", "has_more": True},
            },
            "c1": {
                "data": [{"id": "c"}],
                "page": {"limit": 2, "next_cursor": None, "has_more": False},
            },
        }

        def script(request, n):
            query = urllib.parse.parse_qs(urllib.parse.urlparse(request.full_url).query)
            return FakeResponse(pages[query.get("cursor", [None])[0]])

        opener = Scripted(script)
        client = Client("sk_test", "http://x", opener=opener)

        ids = [d["id"] for d in client.list_datasets(page_size=2)]

        self.assertEqual(ids, ["a", "b", "c"])
        self.assertEqual(len(opener.requests), 2)

    def test_reads_retry_after_as_seconds_or_a_date(self) -> None:
        self.assertEqual(parse_retry_after("7"), 7)
        self.assertAlmostEqual(parse_retry_after("Thu, 01 Jan 1970 00:01:40 GMT", now=90), 10)
        self.assertIsNone(parse_retry_after("soon"))

    def test_accepts_a_base_url_with_or_without_api_v1(self) -> None:
        self.assertEqual(api_base("https://h"), "https://h/api/v1")
        self.assertEqual(api_base("https://h/api/v1/"), "https://h/api/v1")


if __name__ == "__main__":
    unittest.main()

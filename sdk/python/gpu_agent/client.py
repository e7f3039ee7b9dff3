"""``Client``: datasets and training packages (streamed upload with digest,
single PUT or multipart), training jobs (create with an Idempotency-Key, read,
list, wait, cancel), artifacts (list, verified download) and usage.

Every list method is a generator that fetches page after page as it is
consumed; the resources are the JSON objects the API documents in its OpenAPI
document (``GET /api/v1/openapi.json``), as dictionaries typed by the
``TypedDict`` classes that ``gpu_agent.types`` generates from that document.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from typing import Any, Callable, Iterator, Mapping
from urllib.parse import quote

from ._files import write_stream
from ._http import DEFAULT_BASE_URL, Opener, RetryInfo, Transport
from ._pagination import list_all
from .account import ApiKeys, Webhooks
from ._uploads import Progress, upload_file
from .errors import WaitCancelled
from .types import (
    Artifact,
    ComputeUnit,
    CreateTrainingJob,
    Dataset,
    JobEvent,
    LedgerEntry,
    TrainingJob,
    TrainingPackage,
    UsageDay,
    UsageSummary,
)

Resource = dict[str, Any]

TERMINAL_JOB_STATUSES = frozenset({"completed", "failed", "cancelled"})


def _q(segment: str) -> str:
    return quote(segment, safe="")


class Client:
    """A customer's client of the GPU-Agent API.

    >>> client = Client(api_key=os.environ["GPU_AGENT_API_KEY"])  # doctest: +SKIP
    """

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        max_retries: int = 4,
        retry_base_delay: float = 0.5,
        max_retry_delay: float = 30.0,
        timeout: float = 60.0,
        opener: Opener | None = None,
        on_retry: Callable[[RetryInfo], None] | None = None,
    ) -> None:
        """``api_key`` and ``base_url`` default to ``GPU_AGENT_API_KEY`` and
        ``GPU_AGENT_BASE_URL``. ``opener`` replaces ``urllib.request.urlopen``."""
        self.transport = Transport(
            api_key or os.environ.get("GPU_AGENT_API_KEY", ""),
            base_url or os.environ.get("GPU_AGENT_BASE_URL") or DEFAULT_BASE_URL,
            max_retries=max_retries,
            retry_base_delay=retry_base_delay,
            max_retry_delay=max_retry_delay,
            timeout=timeout,
            opener=opener,
            on_retry=on_retry,
        )
        #: The customer's API keys: list, create (shown once), revoke.
        self.api_keys = ApiKeys(self.transport)
        #: Webhook endpoints and their deliveries.
        self.webhooks = Webhooks(self.transport)

    # ── Datasets and training packages ──────────────────────────────────

    def upload_dataset(
        self,
        path: str | os.PathLike[str],
        *,
        name: str | None = None,
        description: str | None = None,
        format: str | None = None,
        multipart_threshold: int | None = None,
        part_size: int | None = None,
        on_progress: Progress | None = None,
    ) -> Dataset:
        """Streams a file up as a dataset and answers it ``ready``.

        The file is hashed, the record created with its size and SHA-256, the
        bytes sent in one PUT or, above ``multipart_threshold`` (default: the
        platform's 100 MiB single-request limit), in parts of ``part_size``
        (default 64 MiB), then finalized. ``on_progress(sent, total)`` follows it.
        """
        return upload_file(
            self.transport,
            "datasets",
            path,
            name=name,
            description=description,
            format=format,
            multipart_threshold=multipart_threshold,
            part_size=part_size,
            on_progress=on_progress,
        )

    def upload_training_package(
        self,
        path: str | os.PathLike[str],
        *,
        name: str | None = None,
        description: str | None = None,
        multipart_threshold: int | None = None,
        part_size: int | None = None,
        on_progress: Progress | None = None,
    ) -> TrainingPackage:
        """Streams a zip up as a training package, as :meth:`upload_dataset` does;
        finalize also validates the zip (``PACKAGE_INVALID`` lists every reason)."""
        return upload_file(
            self.transport,
            "training-packages",
            path,
            name=name,
            description=description,
            multipart_threshold=multipart_threshold,
            part_size=part_size,
            on_progress=on_progress,
        )

    def get_dataset(self, dataset_id: str) -> Dataset:
        """A dataset by id (``NotFoundError`` if absent or not yours)."""
        return self._get(f"/customer/datasets/{_q(dataset_id)}")

    def get_training_package(self, package_id: str) -> TrainingPackage:
        """A training package by id (``NotFoundError`` if absent or not yours)."""
        return self._get(f"/customer/training-packages/{_q(package_id)}")

    def list_datasets(self, page_size: int = 100) -> Iterator[Dataset]:
        """Every dataset, newest first, fetched ``page_size`` at a time as consumed."""
        return self._list("/customer/datasets", {}, page_size)

    def list_training_packages(self, page_size: int = 100) -> Iterator[TrainingPackage]:
        """Every training package, newest first, fetched page by page."""
        return self._list("/customer/training-packages", {}, page_size)

    def delete_dataset(self, dataset_id: str) -> None:
        """Deletes a dataset and its bytes (``ConflictError`` while an active job uses it)."""
        self.transport.json("DELETE", f"/customer/datasets/{_q(dataset_id)}", idempotent=True)

    def delete_training_package(self, package_id: str) -> None:
        """Deletes a package and its bytes (``ConflictError`` while an active job uses it)."""
        path = f"/customer/training-packages/{_q(package_id)}"
        self.transport.json("DELETE", path, idempotent=True)

    # ── Training jobs ───────────────────────────────────────────────────

    def create_training_job(
        self, params: CreateTrainingJob, *, idempotency_key: str | None = None
    ) -> TrainingJob:
        """Creates a training job from the page's fields (``name``, ``dataset_id``,
        ``training_package_id``, ``required_vram_mb``, ``required_disk_mb``,
        ``max_runtime_seconds``, ``sensitivity``, optional ``hyperparameters``).

        An Idempotency-Key is always sent (a new one unless given), so retries
        after a lost response or a 5xx never create a second job.
        """
        key = idempotency_key or f"sdk-{uuid.uuid4()}"
        return self.transport.json(
            "POST",
            "/customer/training-jobs",
            json_body=dict(params),  # a copy the caller cannot change mid-retry
            headers={"Idempotency-Key": key},
            idempotent=True,
        )

    def get_training_job(self, job_id: str) -> TrainingJob:
        """A training job with its status, progress and credits."""
        return self._get(f"/customer/training-jobs/{_q(job_id)}")

    def list_training_jobs(
        self, status: str | None = None, page_size: int = 100
    ) -> Iterator[TrainingJob]:
        """Every training job, newest first, optionally only those with ``status``."""
        return self._list("/customer/training-jobs", {"status": status}, page_size)

    def cancel_training_job(self, job_id: str) -> TrainingJob:
        """Cancels a job: running units stop, its reservation is released."""
        return self.transport.json(
            "POST", f"/customer/training-jobs/{_q(job_id)}/cancel", idempotent=False
        )

    def wait_for_job(
        self,
        job_id: str,
        *,
        interval: float = 5.0,
        timeout: float | None = None,
        stop: threading.Event | None = None,
        on_poll: Callable[[TrainingJob], None] | None = None,
    ) -> TrainingJob:
        """Polls every ``interval`` seconds until the job is completed, failed or
        cancelled, and answers that state (a failed job is returned, not raised).

        Raises ``TimeoutError`` after ``timeout`` seconds, ``WaitCancelled`` once
        ``stop`` is set.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            job = self.get_training_job(job_id)
            if on_poll:
                on_poll(job)
            if job["status"] in TERMINAL_JOB_STATUSES:
                return job
            pause = interval
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"job {job_id} still {job['status']} after {timeout} s")
                pause = min(pause, left)
            if stop is not None:
                if stop.wait(pause):
                    raise WaitCancelled(f"stopped waiting for job {job_id}")
            else:
                time.sleep(pause)

    def list_compute_units(self, job_id: str) -> list[ComputeUnit]:
        """The job's compute units in plan order, each with its attempts."""
        return self._get(f"/customer/training-jobs/{_q(job_id)}/compute-units")["data"]

    def get_unit_output(self, job_id: str, unit_id: str, lines: int = 200) -> Resource:
        """``{"logs": [...], "metrics": [...]}``: a unit's last log lines and its metric points."""
        path = f"/customer/training-jobs/{_q(job_id)}/compute-units/{_q(unit_id)}/output"
        return self._get(path, {"lines": lines})

    def list_job_events(self, job_id: str, page_size: int = 100) -> Iterator[JobEvent]:
        """The job's timeline, newest first, fetched page by page."""
        return self._list(f"/customer/training-jobs/{_q(job_id)}/events", {}, page_size)

    # ── Artifacts ───────────────────────────────────────────────────────

    def list_artifacts(
        self, job_id: str, kind: str | None = None, page_size: int = 100
    ) -> Iterator[Artifact]:
        """The job's checkpoints, metrics and logs, optionally of one ``kind``."""
        return self._list(
            f"/customer/training-jobs/{_q(job_id)}/artifacts", {"kind": kind}, page_size
        )

    def create_download_url(self, job_id: str, artifact_id: str) -> Resource:
        """``{"download_url", "expires_at"}``: a signed URL valid for 900 s."""
        path = f"/customer/training-jobs/{_q(job_id)}/artifacts/{_q(artifact_id)}/download-url"
        return self.transport.json("POST", path, idempotent=True)

    def download_artifact(self, artifact: Artifact, to: str | os.PathLike[str]) -> str:
        """Downloads an artifact through a freshly minted signed URL to ``to`` (a
        file, or an existing directory), checking its size and SHA-256 before it
        takes its name. Answers the file's path."""
        target = os.fspath(to)
        if os.path.isdir(target):
            name = os.path.basename(str(artifact["name"]).replace("\\", "/")) or artifact["id"]
            target = os.path.join(target, name if name not in (".", "..") else artifact["id"])
        url = self.create_download_url(artifact["job_id"], artifact["id"])["download_url"]
        # The signed URL is the credential: the API key is not sent along.
        response = self.transport.send("GET", url, idempotent=True, anonymous=True)
        with response:
            write_stream(response, target, artifact["sha256"], artifact["size_bytes"])
        return target

    # ── Usage ───────────────────────────────────────────────────────────

    def get_usage_summary(self) -> UsageSummary:
        """The balance, what is reserved, this UTC month's usage and jobs by status."""
        return self._get("/customer/usage/summary")

    def get_daily_usage(self, days: int = 30) -> list[UsageDay]:
        """Usage per UTC day for the last ``days`` days (1–90), oldest first."""
        return self._get("/customer/usage/daily", {"days": days})["data"]

    def export_usage(self, date_from: str, date_to: str, to: str | os.PathLike[str]) -> str:
        """Streams the CSV of charged units between two UTC dates (both included) to a file."""
        query = {"date_from": date_from, "date_to": date_to}
        response = self.transport.send(
            "GET", "/customer/usage/export.csv", query=query, idempotent=True
        )
        with response, open(to, "wb") as out:
            while chunk := response.read(1024 * 1024):
                out.write(chunk)
        return os.fspath(to)

    def list_credits_ledger(self, page_size: int = 100) -> Iterator[LedgerEntry]:
        """Grants, reservations, releases, charges and refunds, newest first."""
        return self._list("/customer/credits/ledger", {}, page_size)

    # ── Plumbing ────────────────────────────────────────────────────────

    def _get(self, path: str, query: Mapping[str, Any] | None = None) -> Any:
        return self.transport.json("GET", path, query=query, idempotent=True)

    def _list(self, path: str, query: Mapping[str, Any], page_size: int) -> Iterator[Any]:
        return list_all(self.transport, path, query, page_size)

"""The Python SDK against a real local platform with simulated nodes.

Run by ``test/sdk/python.test.ts``, which starts the platform and passes
``GPU_AGENT_TEST_BASE_URL`` and ``GPU_AGENT_TEST_ADMIN_TOKEN``; skipped without them.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import unittest
import urllib.request
import zipfile

from gpu_agent import ApiError, Client

BASE_URL = os.environ.get("GPU_AGENT_TEST_BASE_URL")
ADMIN_TOKEN = os.environ.get("GPU_AGENT_TEST_ADMIN_TOKEN")


def new_customer(limits: dict[str, int] | None = None) -> str:
    """Creates a customer through the admin API; answers its API key."""
    body = {"name": "python-sdk-test", "credits": 1_000_000}
    if limits:
        body["limits"] = limits
    request = urllib.request.Request(
        f"{BASE_URL}/api/v1/admin/customers",
        data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {ADMIN_TOKEN}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request) as response:
        return json.load(response)["api_key"]["key"]


def job_body(
    dataset_id: str, package_id: str, name: str = "tiny-mlp-fine-tune", **overrides
) -> dict:
    return {
        "name": name,
        "dataset_id": dataset_id,
        "training_package_id": package_id,
        "required_vram_mb": 8000,
        "required_disk_mb": 1024,
        "max_runtime_seconds": 600,
        "sensitivity": "low_sensitive",
        **overrides,
    }


@unittest.skipUnless(
    BASE_URL and ADMIN_TOKEN, "needs GPU_AGENT_TEST_BASE_URL and GPU_AGENT_TEST_ADMIN_TOKEN"
)
class PlatformTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.dir = tempfile.mkdtemp(prefix="gpu-agent-py-")
        cls.dataset_path = os.path.join(cls.dir, "data.csv")
        with open(cls.dataset_path, "w") as file:
            file.write("x,y\n" + "1,2\n" * 500)
        cls.zip_path = os.path.join(cls.dir, "package.zip")
        with zipfile.ZipFile(cls.zip_path, "w") as archive:
            archive.writestr("train.py", "print('training')\n")

    def ready_files(self, client: Client) -> tuple[str, str]:
        dataset = client.upload_dataset(self.dataset_path)
        package = client.upload_training_package(self.zip_path)
        return dataset["id"], package["id"]

    def test_uploads_trains_waits_and_downloads_artifacts_whose_digests_match(self) -> None:
        client = Client(new_customer(), BASE_URL)

        dataset = client.upload_dataset(self.dataset_path, format="csv")
        package = client.upload_training_package(self.zip_path, name="tiny-mlp")
        created = client.create_training_job(job_body(dataset["id"], package["id"]))
        job = client.wait_for_job(created["id"], interval=0.25, timeout=60)
        artifacts = list(client.list_artifacts(job["id"]))
        out = tempfile.mkdtemp(dir=self.dir)
        saved = [
            client.download_artifact(a, os.path.join(out, f"{a['id']}-{a['name']}"))
            for a in artifacts
        ]

        self.assertEqual(dataset["status"], "ready")
        self.assertEqual(package["entrypoint"], "train.py")
        self.assertEqual(job["status"], "completed")
        self.assertTrue({"checkpoint", "metrics"} <= {a["kind"] for a in artifacts})
        for path, artifact in zip(saved, artifacts):
            with open(path, "rb") as file:
                self.assertEqual(hashlib.sha256(file.read()).hexdigest(), artifact["sha256"])

    def test_uploads_a_file_in_parts_past_the_multipart_threshold(self) -> None:
        client = Client(new_customer(), BASE_URL)
        path = os.path.join(self.dir, "big.bin")
        with open(path, "wb") as file:
            file.write(b"\x2a" * (11 * 1024 * 1024))
        progress = []

        dataset = client.upload_dataset(
            path,
            multipart_threshold=1,
            part_size=5 * 1024 * 1024,
            on_progress=lambda s, t: progress.append(s),
        )

        self.assertEqual(dataset["status"], "ready")
        self.assertEqual(progress, [5 * 1024 * 1024, 10 * 1024 * 1024, 11 * 1024 * 1024])

    def test_retries_a_429_after_retry_after_and_then_creates_the_job(self) -> None:
        key = new_customer({"max_active_jobs": 1})
        client = Client(key, BASE_URL)
        dataset_id, package_id = self.ready_files(client)
        # No node is cleared for high_sensitive work, so this job stays active.
        first = client.create_training_job(
            job_body(dataset_id, package_id, "holds", sensitivity="high_sensitive")
        )
        retries = []

        def on_retry(info) -> None:
            retries.append(info)
            if len(retries) == 1:
                client.cancel_training_job(first["id"])

        retrying = Client(key, BASE_URL, max_retry_delay=0.2, on_retry=on_retry)
        second = retrying.create_training_job(
            job_body(dataset_id, package_id, "waits", sensitivity="high_sensitive")
        )

        self.assertEqual(second["status"], "queued")
        self.assertEqual(retries[0].error.code, "RATE_LIMITED")
        self.assertGreater(retries[0].error.retry_after, 0)
        client.cancel_training_job(second["id"])

    def test_creates_one_job_when_the_creation_response_is_lost_and_retried(self) -> None:
        key = new_customer()
        dataset_id, package_id = self.ready_files(Client(key, BASE_URL))
        dropped = []

        def dropping(request, timeout):
            response = urllib.request.urlopen(request, timeout=timeout)
            if (
                request.get_method() == "POST"
                and request.full_url.endswith("/training-jobs")
                and not dropped
            ):
                dropped.append(request)
                response.close()
                raise ConnectionResetError("connection reset by peer")
            return response

        client = Client(key, BASE_URL, opener=dropping, retry_base_delay=0.01)
        job = client.create_training_job(job_body(dataset_id, package_id, "exactly once"))
        jobs = list(client.list_training_jobs())

        self.assertEqual(len(dropped), 1)
        self.assertEqual([j["id"] for j in jobs], [job["id"]])

    def test_visits_every_item_of_a_paginated_list_exactly_once(self) -> None:
        client = Client(new_customer(), BASE_URL)
        for i in range(7):
            client.transport.json(
                "POST",
                "/customer/datasets",
                json_body={"name": f"d{i}", "size_bytes": 10, "sha256": "0" * 64},
                idempotent=False,
            )

        names = [d["name"] for d in client.list_datasets(page_size=2)]

        self.assertEqual(sorted(names), [f"d{i}" for i in range(7)])

    def test_creates_lists_and_revokes_api_keys_and_manages_webhook_endpoints(self) -> None:
        client = Client(new_customer(), BASE_URL)

        key = client.api_keys.create("ci", scopes=["jobs:read"])
        keys = list(client.api_keys.list(page_size=1))
        revoked = client.api_keys.revoke(key["id"])
        endpoint = client.webhooks.create("https://hooks.example.com/gpu", ["training_job.failed"])
        listed = list(client.webhooks.list())
        client.webhooks.delete(endpoint["id"])

        self.assertTrue(key["key"].startswith("sk_alpha_"))
        self.assertIn(key["id"], [k["id"] for k in keys])
        self.assertIsNotNone(revoked["revoked_at"])
        self.assertTrue(endpoint["secret"].startswith("whsec_"))
        self.assertEqual([w["id"] for w in listed], [endpoint["id"]])
        with self.assertRaises(ApiError) as caught:
            client.webhooks.get(endpoint["id"])
        self.assertEqual(caught.exception.code, "WEBHOOK_NOT_FOUND")

    def test_raises_api_error_for_a_job_that_is_not_the_callers(self) -> None:
        client = Client(new_customer(), BASE_URL)

        with self.assertRaises(ApiError) as caught:
            client.get_training_job("no-such-job")

        self.assertEqual((caught.exception.code, caught.exception.status), ("JOB_NOT_FOUND", 404))
        self.assertTrue(caught.exception.request_id)


if __name__ == "__main__":
    unittest.main()

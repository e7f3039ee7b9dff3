"""The API's resources as ``TypedDict`` classes, generated from its OpenAPI
document by ``sdk/python/scripts/generate_types.py``: do not edit by hand.

Python 3.10 has no ``NotRequired``, so a schema with optional fields is two
classes: ``_<Name>Required`` with the required ones, and ``<Name>`` adding the
rest with ``total=False``.
"""

from __future__ import annotations

from typing import Any, List, Literal, Optional, TypedDict


class ApiKey(TypedDict):
    """The API's ``ApiKey`` object."""

    id: str
    name: str
    prefix: str
    """The key's first characters, to tell keys apart"""
    scopes: List[Literal[
        "datasets:read",
        "datasets:write",
        "packages:read",
        "packages:write",
        "jobs:read",
        "jobs:write",
        "usage:read",
        "webhooks:write",
        "keys:write",
    ]]
    created_at: str
    revoked_at: Optional[str]
    last_used_at: Optional[str]


class PageInfo(TypedDict):
    """The API's ``PageInfo`` object."""

    limit: int
    next_cursor: Optional[str]
    has_more: bool


class _ErrorErrorRequired(TypedDict):
    code: Literal[
        "CUSTOMER_AUTH_REQUIRED",
        "API_KEY_INVALID",
        "API_KEY_REVOKED",
        "API_KEY_SCOPE_DENIED",
        "CREDIT_INSUFFICIENT",
        "RATE_LIMITED",
        "DAILY_TASK_LIMIT_EXCEEDED",
        "LEGACY_DEPRECATED",
        "JOB_NOT_FOUND",
        "ARTIFACT_NOT_FOUND",
        "SIGNED_URL_FAILED",
        "IDEMPOTENCY_CONFLICT",
        "IDEMPOTENCY_KEY_INVALID",
        "PAGINATION_INVALID_CURSOR",
        "EXPORT_RANGE_TOO_LARGE",
        "WEBHOOK_INVALID_URL",
        "WEBHOOK_DELIVERY_FAILED",
        "INTERNAL_ERROR",
        "VALIDATION_FAILED",
        "ROUTE_NOT_FOUND",
        "METHOD_NOT_ALLOWED",
        "UNSUPPORTED_MEDIA_TYPE",
        "ADMIN_AUTH_REQUIRED",
        "NODE_AUTH_REQUIRED",
        "NODE_SUSPENDED",
        "NODE_NOT_FOUND",
        "ENROLLMENT_TOKEN_INVALID",
        "CUSTOMER_NOT_FOUND",
        "API_KEY_NOT_FOUND",
        "DATASET_NOT_FOUND",
        "DATASET_NOT_READY",
        "DATASET_IN_USE",
        "PACKAGE_NOT_FOUND",
        "PACKAGE_NOT_READY",
        "PACKAGE_IN_USE",
        "PACKAGE_INVALID",
        "PLAN_INVALID",
        "UPLOAD_STATE_INVALID",
        "UPLOAD_NOT_FOUND",
        "CHECKSUM_MISMATCH",
        "PAYLOAD_TOO_LARGE",
        "JOB_NOT_CANCELLABLE",
        "WEBHOOK_NOT_FOUND",
        "SIGNED_URL_EXPIRED",
        "SIGNED_URL_INVALID",
    ]
    message: str
    request_id: str


class ErrorError(_ErrorErrorRequired, total=False):
    """The API's ``ErrorError`` object."""

    details: Any


class Error(TypedDict):
    """The API's ``Error`` object."""

    error: ErrorError


class NewApiKey(ApiKey):
    """The API's ``NewApiKey`` object."""

    key: str
    """The full key. Shown once; store it now."""


class WebhookEndpoint(TypedDict):
    """The API's ``WebhookEndpoint`` object."""

    id: str
    url: str
    events: List[Literal["training_job.completed", "training_job.failed", "training_job.cancelled"]]
    status: Literal["enabled", "disabled"]
    disabled_reason: Optional[str]
    created_at: str


class CreatedWebhookEndpoint(WebhookEndpoint):
    """The API's ``CreatedWebhookEndpoint`` object."""

    secret: str
    """The signing secret; shown only in this response"""


class WebhookDelivery(TypedDict):
    """The API's ``WebhookDelivery`` object."""

    id: str
    """Also the webhook-id header of every attempt"""
    endpoint_id: str
    event_type: str
    payload: dict[str, Any]
    status: Literal["pending", "succeeded", "failed"]
    attempts: int
    last_status_code: Optional[int]
    last_error: Optional[str]
    next_attempt_at: Optional[str]
    error_code: Optional[Literal["WEBHOOK_DELIVERY_FAILED"]]
    created_at: str
    updated_at: str


class Dataset(TypedDict):
    """The API's ``Dataset`` object."""

    id: str
    name: str
    description: Optional[str]
    size_bytes: int
    sha256: str
    status: Literal["pending_upload", "uploaded", "ready", "failed", "invalid"]
    failure: UploadFailure
    upload: UploadInstructions
    created_at: str
    updated_at: str
    ready_at: Optional[str]
    format: Optional[str]


class _UploadFailureRequired(TypedDict):
    code: str
    message: str


class UploadFailure(_UploadFailureRequired, total=False):
    """Why it ended failed or invalid"""

    details: Any


class UploadInstructionsMultipart(TypedDict):
    """The API's ``UploadInstructionsMultipart`` object."""

    create_url: str
    part_url: str
    """Template: fill {upload_id}, {part_number}"""
    complete_url: str
    min_part_bytes: int
    """Every part but the last"""
    max_part_bytes: int
    max_parts: int


class UploadInstructions(TypedDict):
    """Present until finalized"""

    method: Literal["PUT"]
    url: str
    """Send the whole file here as the raw body"""
    content_type: Literal["application/octet-stream"]
    max_single_put_bytes: int
    single_put_allowed: bool
    multipart: UploadInstructionsMultipart
    finalize_url: str


class _CreateDatasetRequired(TypedDict):
    name: str
    size_bytes: int
    """Exact size of the file, at most 53687091200 bytes"""
    sha256: str
    """SHA-256 of the whole file, lowercase hex"""


class CreateDataset(_CreateDatasetRequired, total=False):
    """The API's ``CreateDataset`` object."""

    description: str
    format: str


class MultipartUpload(TypedDict):
    """The API's ``MultipartUpload`` object."""

    upload_id: str
    part_url: str
    complete_url: str
    min_part_bytes: int
    max_part_bytes: int
    max_parts: int


class UploadedPart(TypedDict):
    """The API's ``UploadedPart`` object."""

    part_number: int
    etag: str
    """Pass it back to complete the upload"""
    size_bytes: int
    sha256: str


class CompleteMultipartUploadPartsItem(TypedDict):
    """The API's ``CompleteMultipartUploadPartsItem`` object."""

    part_number: int
    etag: str


class CompleteMultipartUpload(TypedDict):
    """The API's ``CompleteMultipartUpload`` object."""

    parts: List[CompleteMultipartUploadPartsItem]


class _TrainingPackageManifestStagesItemRequired(TypedDict):
    name: str
    kind: Literal["cpu", "gpu"]
    entrypoint: str


class TrainingPackageManifestStagesItem(_TrainingPackageManifestStagesItemRequired, total=False):
    """The API's ``TrainingPackageManifestStagesItem`` object."""

    depends_on: List[str]
    parallel: int


class TrainingPackageManifest(TypedDict, total=False):
    """gpu-agent.json, when the zip has one"""

    entrypoint: str
    stages: List[TrainingPackageManifestStagesItem]


class TrainingPackage(TypedDict):
    """The API's ``TrainingPackage`` object."""

    id: str
    name: str
    description: Optional[str]
    size_bytes: int
    sha256: str
    status: Literal["pending_upload", "uploaded", "ready", "failed", "invalid"]
    failure: UploadFailure
    upload: UploadInstructions
    created_at: str
    updated_at: str
    ready_at: Optional[str]
    entrypoint: Optional[str]
    """Set once ready"""
    manifest: Optional[TrainingPackageManifest]
    """gpu-agent.json, when the zip has one"""
    entry_count: Optional[int]
    uncompressed_bytes: Optional[int]


class _CreateTrainingPackageRequired(TypedDict):
    name: str
    size_bytes: int
    """Exact size of the file, at most 2147483648 bytes"""
    sha256: str
    """SHA-256 of the whole file, lowercase hex"""


class CreateTrainingPackage(_CreateTrainingPackageRequired, total=False):
    """The API's ``CreateTrainingPackage`` object."""

    description: str


class TrainingJobError(TypedDict):
    """The API's ``TrainingJobError`` object."""

    code: str
    message: str


class TrainingJob(TypedDict):
    """The API's ``TrainingJob`` object."""

    id: str
    object: Literal["training_job"]
    name: str
    status: Literal["queued", "running", "completed", "failed", "cancelled"]
    dataset_id: str
    training_package_id: str
    required_vram_mb: int
    required_disk_mb: int
    max_runtime_seconds: int
    sensitivity: Literal["public", "low_sensitive", "high_sensitive"]
    hyperparameters: dict[str, Any]
    progress: dict[str, int]
    """Compute units by status, and `total`"""
    projected_credits: int
    charged_credits: int
    error: Optional[TrainingJobError]
    created_at: str
    updated_at: str
    started_at: Optional[str]
    finished_at: Optional[str]


class _CreateTrainingJobRequired(TypedDict):
    name: str
    dataset_id: str
    training_package_id: str
    required_vram_mb: int
    """VRAM the train stage needs, 0–196608 MB"""
    required_disk_mb: int
    """Disk each unit may use, 1 MB–1 TiB"""
    max_runtime_seconds: int
    """Longest a unit may run, 1 s–24 h"""
    sensitivity: Literal["public", "low_sensitive", "high_sensitive"]


class CreateTrainingJob(_CreateTrainingJobRequired, total=False):
    """The API's ``CreateTrainingJob`` object."""

    hyperparameters: dict[str, Any]
    """A JSON object handed to the entry point"""


class ComputeUnitRequirements(TypedDict):
    """The API's ``ComputeUnitRequirements`` object."""

    vram_mb: int
    disk_mb: int


class ComputeUnitError(TypedDict):
    """The API's ``ComputeUnitError`` object."""

    code: str
    message: str


class ComputeUnit(TypedDict):
    """The API's ``ComputeUnit`` object."""

    id: str
    object: Literal["compute_unit"]
    job_id: str
    stage: str
    kind: Literal["cpu", "gpu"]
    shard_index: int
    shard_count: int
    status: Literal[
        "blocked",
        "ready",
        "assigned",
        "running",
        "verifying",
        "completed",
        "failed",
        "rejected",
        "verification_failed",
        "cancelled",
    ]
    depends_on: List[str]
    requirements: ComputeUnitRequirements
    node_id: Optional[str]
    attempt_count: int
    attempts: List[Attempt]
    runtime_seconds: Optional[float]
    credits_charged: int
    error: Optional[ComputeUnitError]
    created_at: str
    started_at: Optional[str]
    finished_at: Optional[str]


class AttemptVerdict(TypedDict):
    """The API's ``AttemptVerdict`` object."""

    ok: bool
    reasons: List[str]


class Attempt(TypedDict):
    """The API's ``Attempt`` object."""

    id: str
    number: int
    node_id: str
    status: str
    outcome: Optional[str]
    verdict: Optional[AttemptVerdict]
    started_at: str
    ended_at: Optional[str]


class JobEvent(TypedDict):
    """The API's ``JobEvent`` object."""

    id: str
    type: str
    compute_unit_id: Optional[str]
    node_id: Optional[str]
    data: Optional[dict[str, Any]]
    created_at: str


class Artifact(TypedDict):
    """The API's ``Artifact`` object."""

    id: str
    object: Literal["artifact"]
    job_id: str
    compute_unit_id: str
    kind: Literal["checkpoint", "metrics", "logs", "other"]
    name: str
    size_bytes: int
    sha256: str
    created_at: str


class LedgerEntry(TypedDict):
    """The API's ``LedgerEntry`` object."""

    id: str
    object: Literal["ledger_entry"]
    type: Literal["grant", "reservation", "release", "charge", "refund"]
    amount: int
    """Grants and refunds add to the balance; a charge is negative. A reservation moves credits into
    `reserved`, a release moves them out; neither changes the balance.
    """
    balance_after: int
    reserved_after: int
    job_id: Optional[str]
    compute_unit_id: Optional[str]
    description: Optional[str]
    created_at: str


class UsageSummaryMonth(TypedDict):
    """The API's ``UsageSummaryMonth`` object."""

    start_date: str
    credits_charged: int
    credits_refunded: int
    units_completed: int
    units_failed: int
    cpu_seconds: float
    """Runtime of completed units, in seconds"""
    gpu_seconds: float
    """Runtime of completed units, in seconds"""


class UsageSummaryJobs(TypedDict):
    """The API's ``UsageSummaryJobs`` object."""

    queued: int
    running: int
    completed: int
    failed: int
    cancelled: int


class UsageSummary(TypedDict):
    """The API's ``UsageSummary`` object."""

    object: Literal["usage_summary"]
    balance: int
    reserved: int
    """Held for running and queued jobs"""
    available: int
    """balance − reserved"""
    month: UsageSummaryMonth
    jobs: UsageSummaryJobs


class UsageDay(TypedDict):
    """The API's ``UsageDay`` object."""

    date: str
    credits_charged: int
    units_completed: int
    units_failed: int
    cpu_seconds: float
    """Runtime of completed units, in seconds"""
    gpu_seconds: float
    """Runtime of completed units, in seconds"""


class Customer(TypedDict):
    """The API's ``Customer`` object."""

    id: str
    name: str
    credit_balance: int
    credit_reserved: int
    limits: Limits
    created_at: str


class Limits(TypedDict):
    """The API's ``Limits`` object."""

    jobs_per_minute: int
    max_active_jobs: int
    daily_unit_quota: int
    requests_per_minute: int


class Node(TypedDict):
    """The API's ``Node`` object."""

    id: str
    name: str
    status: Literal["active", "suspended"]
    state: Literal["connected", "disconnected", "suspended"]
    clearance: Literal["public", "low_sensitive", "high_sensitive"]
    capabilities: dict[str, Any]
    reliability: float
    running_units: int
    units_completed: int
    units_failed: int
    last_heartbeat_at: Optional[str]
    created_at: str

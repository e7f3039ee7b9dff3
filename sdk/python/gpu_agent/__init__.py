"""GPU-Agent's Python SDK: upload a dataset and a training package, create a
training job, wait for it and download its artifacts, with retries that are
safe to repeat, cursor pagination as iterators, and verified digests.

>>> from gpu_agent import Client  # doctest: +SKIP
>>> client = Client()  # GPU_AGENT_API_KEY, GPU_AGENT_BASE_URL  # doctest: +SKIP
"""

from . import types
from ._http import RetryInfo, api_base
from .client import TERMINAL_JOB_STATUSES, Client
from .errors import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    ChecksumError,
    ConflictError,
    GpuAgentError,
    InsufficientCreditsError,
    NetworkError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    UnprocessableError,
    WaitCancelled,
)

__all__ = [
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "ChecksumError",
    "Client",
    "ConflictError",
    "GpuAgentError",
    "InsufficientCreditsError",
    "NetworkError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerError",
    "UnprocessableError",
    "RetryInfo",
    "TERMINAL_JOB_STATUSES",
    "WaitCancelled",
    "api_base",
    "types",
]
__version__ = "0.1.0"

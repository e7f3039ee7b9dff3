"""The upload lifecycle datasets and training packages share: hash the file
(streamed), create the record with its size and SHA-256, send the bytes in
one PUT or, past the single-request limit, as a multipart upload, then
finalize, which makes the record ``ready`` once the platform verified the
digest. Each body is made afresh from the file, so a retried PUT resends the
same bytes; each part's digest as received is compared with what was sent."""

from __future__ import annotations

import os
from typing import Any, Callable
from urllib.parse import quote

from ._files import FileSlice, hash_file
from ._http import Transport
from .errors import ChecksumError

#: ``on_progress(sent_bytes, total_bytes)``.
Progress = Callable[[int, int], None]

DEFAULT_PART_BYTES = 64 * 1024 * 1024
SINGLE_PUT_BYTES = 100 * 1024 * 1024
#: Finalize hashes the stored file before it answers: about a second per GiB.
FINALIZE_TIMEOUT = 15 * 60.0


def _q(segment: str) -> str:
    return quote(segment, safe="")


def upload_file(
    transport: Transport,
    kind: str,
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    description: str | None = None,
    format: str | None = None,
    multipart_threshold: int | None = None,
    part_size: int | None = None,
    on_progress: Progress | None = None,
) -> dict[str, Any]:
    """Hash, create ``{name, size_bytes, sha256}``, send the bytes, finalize.

    Files above ``multipart_threshold`` (default: the platform's 100 MiB
    single-request limit) go up in parts of ``part_size`` bytes (default
    64 MiB, within the platform's bounds); each part's digest as received
    is compared with the digest of what was sent.
    """
    sha256, size = hash_file(path)
    if size == 0:
        raise ValueError(f"{path} is empty; the platform stores no empty files")
    body: dict[str, Any] = {
        "name": name or os.path.basename(path),
        "size_bytes": size,
        "sha256": sha256,
    }
    if description is not None:
        body["description"] = description
    if format is not None and kind == "datasets":
        body["format"] = format
    created = transport.json("POST", f"/customer/{kind}", json_body=body, idempotent=False)
    base = f"/customer/{kind}/{_q(created['id'])}"

    single = (created.get("upload") or {}).get("max_single_put_bytes") or SINGLE_PUT_BYTES
    threshold = min(multipart_threshold if multipart_threshold is not None else single, single)
    if size <= threshold:
        transport.json(
            "PUT",
            f"{base}/content",
            headers={"Content-Type": "application/octet-stream", "Content-Length": str(size)},
            body=lambda: FileSlice(path, 0, size),
            idempotent=True,
        )
        if on_progress:
            on_progress(size, size)
    else:
        _upload_parts(transport, base, path, size, part_size, on_progress)
    return transport.json("POST", f"{base}/finalize", idempotent=True, timeout=FINALIZE_TIMEOUT)


def _upload_parts(
    transport: Transport,
    base: str,
    path: Any,
    size: int,
    wanted: int | None,
    on_progress: Progress | None,
) -> None:
    upload = transport.json("POST", f"{base}/uploads", idempotent=True)
    fewest = -(-size // upload["max_parts"])
    part_bytes = min(
        max(wanted or DEFAULT_PART_BYTES, upload["min_part_bytes"], fewest),
        upload["max_part_bytes"],
    )
    uploads = f"{base}/uploads/{_q(upload['upload_id'])}"
    parts = []
    for index, offset in enumerate(range(0, size, part_bytes)):
        length = min(part_bytes, size - offset)
        sent: list[FileSlice] = []

        def body(offset: int = offset, length: int = length) -> FileSlice:
            sent.append(FileSlice(path, offset, length))
            return sent[-1]

        receipt = transport.json(
            "PUT",
            f"{uploads}/parts/{index + 1}",
            headers={"Content-Type": "application/octet-stream", "Content-Length": str(length)},
            body=body,
            idempotent=True,
        )
        digest = sent[-1].digest.hexdigest()
        if receipt["sha256"] != digest:
            raise ChecksumError(
                f"Part {index + 1} arrived with SHA-256 {receipt['sha256']}; {digest} was sent",
                digest,
                receipt["sha256"],
            )
        parts.append({"part_number": receipt["part_number"], "etag": receipt["etag"]})
        if on_progress:
            on_progress(offset + length, size)
    transport.json("POST", f"{uploads}/complete", json_body={"parts": parts}, idempotent=False)

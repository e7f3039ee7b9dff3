"""Local files as streams: hashing one without loading it, a byte range as an
upload body that hashes what it sends, and downloads written to a temporary
name, checked, then renamed into place."""

from __future__ import annotations

import hashlib
import os
import secrets
from typing import BinaryIO

from .errors import ChecksumError

CHUNK = 1024 * 1024


def hash_file(path: str | os.PathLike[str]) -> tuple[str, int]:
    """SHA-256 (lowercase hex) and size of a file, read a megabyte at a time."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


class FileSlice:
    """``length`` bytes of a file from ``offset``, read as a stream and hashed on the way."""

    def __init__(self, path: str | os.PathLike[str], offset: int, length: int) -> None:
        self._file: BinaryIO = open(path, "rb")
        self._file.seek(offset)
        self._left = length
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        if self._left <= 0:
            return b""
        wanted = self._left if size is None or size < 0 else min(size, self._left)
        chunk = self._file.read(wanted)
        self._left -= len(chunk)
        self.digest.update(chunk)
        return chunk

    def close(self) -> None:
        self._file.close()


def write_stream(response: BinaryIO, path: str, expected_sha256: str, expected_size: int) -> None:
    """Streams ``response`` to ``path`` through a temporary file; keeps it only if it verifies."""
    partial = f"{path}.{secrets.token_hex(4)}.part"
    digest = hashlib.sha256()
    size = 0
    try:
        with open(partial, "wb") as out:
            while chunk := response.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        actual = digest.hexdigest()
        if actual != expected_sha256 or size != expected_size:
            raise ChecksumError(
                f"Downloaded {size} bytes hashing to {actual}; expected {expected_size} bytes "
                f"hashing to {expected_sha256}",
                expected_sha256,
                actual,
            )
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)

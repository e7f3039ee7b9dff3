"""Cursor pagination as generators: every list answers
``{"data": [...], "page": {"limit", "next_cursor", "has_more"}}``; the next
page is fetched only when the caller has used up the current one."""

from __future__ import annotations

from typing import Any, Iterator, Mapping

from ._http import Transport


def list_all(
    transport: Transport, path: str, query: Mapping[str, Any] | None = None, page_size: int = 100
) -> Iterator[Any]:
    """Yields every item of every page of the list at ``path``, in its order (newest first)."""
    cursor = None
    while True:
        page_query = {**(query or {}), "limit": page_size, "cursor": cursor}
        page = transport.json("GET", path, query=page_query, idempotent=True)
        yield from page["data"]
        info = page["page"]
        if not info["has_more"] or not info.get("next_cursor"):
            return
        cursor = info["next_cursor"]

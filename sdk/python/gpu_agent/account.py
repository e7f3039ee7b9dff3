"""The customer's account settings: API keys (``client.api_keys``) and webhook
endpoints with their deliveries (``client.webhooks``). A new key's secret and a
new endpoint's signing secret are in the creation's answer only."""

from __future__ import annotations

from typing import Iterator, Sequence
from urllib.parse import quote

from ._http import Transport
from ._pagination import list_all
from .types import ApiKey, CreatedWebhookEndpoint, NewApiKey, WebhookDelivery, WebhookEndpoint


class ApiKeys:
    """``/customer/api-keys``."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def list(self, page_size: int = 100) -> Iterator[ApiKey]:
        """Every API key, newest first (never their secret part)."""
        return list_all(self._transport, "/customer/api-keys", {}, page_size)

    def create(self, name: str, scopes: Sequence[str] | None = None) -> NewApiKey:
        """A new key with the calling key's scopes, or fewer; ``key`` is shown this once."""
        body: dict = {"name": name}
        if scopes is not None:
            body["scopes"] = list(scopes)
        return self._transport.json("POST", "/customer/api-keys", json_body=body, idempotent=False)

    def revoke(self, key_id: str) -> ApiKey:
        """Revokes a key; it fails with ``API_KEY_REVOKED`` from then on."""
        path = f"/customer/api-keys/{quote(key_id, safe='')}/revoke"
        return self._transport.json("POST", path, idempotent=True)


class Webhooks:
    """``/customer/webhooks``."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def list(self, page_size: int = 100) -> Iterator[WebhookEndpoint]:
        """Every webhook endpoint, newest first."""
        return list_all(self._transport, "/customer/webhooks", {}, page_size)

    def get(self, endpoint_id: str) -> WebhookEndpoint:
        """One webhook endpoint (its secret is not shown again)."""
        path = f"/customer/webhooks/{quote(endpoint_id, safe='')}"
        return self._transport.json("GET", path, idempotent=True)

    def create(self, url: str, events: Sequence[str]) -> CreatedWebhookEndpoint:
        """Registers a public HTTPS endpoint; its ``secret`` (``whsec_…``) is shown this once."""
        body = {"url": url, "events": list(events)}
        return self._transport.json("POST", "/customer/webhooks", json_body=body, idempotent=False)

    def delete(self, endpoint_id: str) -> None:
        """Deletes an endpoint; no more deliveries go to it."""
        path = f"/customer/webhooks/{quote(endpoint_id, safe='')}"
        self._transport.json("DELETE", path, idempotent=True)

    def list_deliveries(self, endpoint_id: str, page_size: int = 100) -> Iterator[WebhookDelivery]:
        """The endpoint's deliveries and their attempts, newest first."""
        path = f"/customer/webhooks/{quote(endpoint_id, safe='')}/deliveries"
        return list_all(self._transport, path, {}, page_size)

/**
 * @module sdk/account
 * The customer's account settings: API keys (`client.apiKeys`) and webhook
 * endpoints with their deliveries (`client.webhooks`). A new key's secret and
 * a new endpoint's signing secret are in the creation's answer only.
 */
import type {
  ApiKey,
  CreateApiKeyParams,
  CreatedWebhookEndpoint,
  CreateWebhookParams,
  NewApiKey,
  WebhookDelivery,
  WebhookEndpoint,
} from "./api-types.ts";
import type { Transport } from "./http.ts";
import { listAll } from "./pagination.ts";

type ListOptions = { pageSize?: number; signal?: AbortSignal };

export class ApiKeys {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** Every API key, newest first (never their secret part). */
  list(options?: ListOptions): AsyncGenerator<ApiKey, void> {
    return listAll(this.#transport, "/customer/api-keys", {}, options);
  }

  /** A new key with all the scopes of the calling key, or fewer; `key` is shown this once. */
  create(params: CreateApiKeyParams, signal?: AbortSignal): Promise<NewApiKey> {
    const call = { method: "POST", path: "/customer/api-keys", json: params, signal } as const;
    return this.#transport.json({ ...call, idempotent: false });
  }

  /** Revokes a key; it fails with `API_KEY_REVOKED` from then on. */
  revoke(id: string, signal?: AbortSignal): Promise<ApiKey> {
    const path = `/customer/api-keys/${encodeURIComponent(id)}/revoke`;
    return this.#transport.json({ method: "POST", path, idempotent: true, signal });
  }
}

export class Webhooks {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** Every webhook endpoint, newest first. */
  list(options?: ListOptions): AsyncGenerator<WebhookEndpoint, void> {
    return listAll(this.#transport, "/customer/webhooks", {}, options);
  }

  /** One webhook endpoint (its secret is not shown again). */
  get(id: string, signal?: AbortSignal): Promise<WebhookEndpoint> {
    const path = `/customer/webhooks/${encodeURIComponent(id)}`;
    return this.#transport.json({ method: "GET", path, idempotent: true, signal });
  }

  /** Registers an endpoint; its `secret` (`whsec_…`) is shown this once. */
  create(params: CreateWebhookParams, signal?: AbortSignal): Promise<CreatedWebhookEndpoint> {
    const call = { method: "POST", path: "/customer/webhooks", json: params, signal } as const;
    return this.#transport.json({ ...call, idempotent: false });
  }

  /** Deletes an endpoint; no more deliveries go to it. */
  async delete(id: string, signal?: AbortSignal): Promise<void> {
    const path = `/customer/webhooks/${encodeURIComponent(id)}`;
    await this.#transport.send({ method: "DELETE", path, idempotent: true, signal });
  }

  /** The endpoint's deliveries and their attempts, newest first. */
  listDeliveries(id: string, options?: ListOptions): AsyncGenerator<WebhookDelivery, void> {
    const path = `/customer/webhooks/${encodeURIComponent(id)}/deliveries`;
    return listAll(this.#transport, path, {}, options);
  }
}

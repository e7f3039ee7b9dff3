/**
 * @module sdk/http
 * One HTTP call to the platform, retried when retrying is safe. A 429 was
 * refused before anything happened, so it is always retried after the
 * `Retry-After` the platform sent; a 5xx, a timeout or a dropped connection is
 * retried only for requests that are safe to repeat (reads, uploads of the
 * same bytes, finalize, and job creation, which always carries an
 * Idempotency-Key). Waits carry jitter, so many clients refused together do
 * not return together, and never exceed `maxRetryDelayMs`.
 */
import { ApiError, NetworkError } from "./errors.ts";

export interface TransportOptions {
  /** A customer API key (`sk_alpha_…`), sent as `X-API-Key`. */
  apiKey: string;
  /** The platform's origin, with or without `/api/v1`. @default "http://127.0.0.1:8787" */
  baseUrl?: string;
  /** Retries after the first attempt. @default 4 */
  maxRetries?: number;
  /** First backoff when the platform names no wait. @default 500 */
  retryBaseDelayMs?: number;
  /** The longest single wait between attempts. @default 30000 */
  maxRetryDelayMs?: number;
  /** How long one attempt may wait for response headers (uploads excepted). @default 60000 */
  timeoutMs?: number;
  /** Replaces the global `fetch` (tests, proxies, instrumentation). */
  fetch?: typeof fetch;
  /** Called before each retry with the reason and the wait chosen. */
  onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  method: string;
  path: string;
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
  error: ApiError | NetworkError;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface CallOptions {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Under `/api/v1`, e.g. `/customer/datasets`; or an absolute URL. */
  path: string;
  query?: Query;
  json?: unknown;
  /** A raw body, made afresh for each attempt so a retry can resend it. */
  body?: () => NonNullable<RequestInit["body"]>;
  headers?: Record<string, string>;
  /** Whether a 5xx or a lost connection may be retried. */
  idempotent: boolean;
  /** Send no API key (a signed URL carries its own credential). */
  anonymous?: boolean;
  /** Replaces the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const DEFAULT_BASE_URL = "http://127.0.0.1:8787";
const USER_AGENT = "gpu-agent-typescript/0.1.0";
/** Codes whose Retry-After is a quota reset hours away, not a moment's congestion. */
const NOT_RETRIED_CODES = new Set(["DAILY_TASK_LIMIT_EXCEEDED"]);
const RETRIED_STATUSES = new Set([500, 502, 503, 504]);

export class Transport {
  readonly baseUrl: string;
  readonly #options: TransportOptions;
  readonly #fetch: typeof fetch;

  constructor(options: TransportOptions) {
    if (!options.apiKey) throw new TypeError("apiKey is required");
    this.#options = options;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.baseUrl = apiBase(options.baseUrl ?? DEFAULT_BASE_URL);
  }

  /**
   * Calls the API and parses its JSON (`undefined` for 204). A body cut off
   * mid-way counts as a lost response, retried like one.
   */
  json<T>(call: CallOptions): Promise<T> {
    return this.#withRetries(call, async (response) => {
      if (response.status === 204) return undefined as T;
      let text: string;
      try {
        text = await response.text();
      } catch (err) {
        if (call.signal?.aborted) throw call.signal.reason;
        throw new NetworkError(`${call.method} ${call.path}: the response broke off`, {
          cause: err,
        });
      }
      return JSON.parse(text) as T;
    });
  }

  /** Calls the API, retrying as the call allows; answers a 2xx response or throws. */
  send(call: CallOptions): Promise<Response> {
    return this.#withRetries(call, async (response) => response);
  }

  async #withRetries<T>(call: CallOptions, read: (response: Response) => Promise<T>): Promise<T> {
    const maxRetries = this.#options.maxRetries ?? 4;
    for (let attempt = 0; ; attempt++) {
      let failure: ApiError | NetworkError;
      try {
        const response = await this.#attempt(call);
        if (response.ok) return await read(response);
        failure = await ApiError.fromResponse(response);
      } catch (err) {
        if (!(err instanceof NetworkError)) throw err;
        failure = err;
      }

      if (attempt >= maxRetries || !retryable(failure, call.idempotent)) throw failure;
      const delayMs = this.#delay(failure, attempt);
      this.#options.onRetry?.({
        method: call.method,
        path: call.path,
        attempt: attempt + 1,
        delayMs,
        error: failure,
      });
      await sleep(delayMs, call.signal);
    }
  }

  /** The full URL of an API path. */
  url(path: string, query?: Query): string {
    const url = new URL(/^https?:/.test(path) ? path : `${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  async #attempt(call: CallOptions): Promise<Response> {
    const headers = new Headers(call.headers);
    if (!call.anonymous) headers.set("X-API-Key", this.#options.apiKey);
    headers.set("Accept", "application/json");
    headers.set("User-Agent", USER_AGENT);
    let body: RequestInit["body"];
    if (call.json !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(call.json);
    } else if (call.body) {
      body = call.body();
    }

    // The timeout covers waiting for headers only, so a long download keeps
    // streaming. An upload's headers come back only once all its bytes went
    // out, however slow the link: uploads get no timeout.
    const controller = new AbortController();
    const timeoutMs = call.timeoutMs ?? this.#options.timeoutMs ?? 60_000;
    const timer = call.body
      ? undefined
      : setTimeout(() => controller.abort(new TimeoutSignal()), timeoutMs);
    const signal = call.signal
      ? AbortSignal.any([call.signal, controller.signal])
      : controller.signal;
    const init: RequestInit & { duplex?: "half" } = { method: call.method, headers, body, signal };
    if (body instanceof ReadableStream) init.duplex = "half";

    try {
      return await this.#fetch(this.url(call.path, call.query), init);
    } catch (err) {
      if (call.signal?.aborted) throw call.signal.reason;
      const reason = controller.signal.aborted
        ? `no response within ${timeoutMs} ms`
        : describe(err);
      throw new NetworkError(`${call.method} ${call.path} failed: ${reason}`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  #delay(failure: ApiError | NetworkError, attempt: number): number {
    const cap = this.#options.maxRetryDelayMs ?? 30_000;
    const base = this.#options.retryBaseDelayMs ?? 500;
    const asked = failure instanceof ApiError ? failure.retryAfter : null;
    if (asked !== null) {
      // Never earlier than asked; up to 10% (at most 1 s) later, spread across clients.
      const jitter = Math.random() * Math.min(1000, asked * 100);
      return Math.min(cap, asked * 1000 + jitter);
    }
    const exponential = base * 2 ** attempt;
    return Math.min(cap, exponential / 2 + (Math.random() * exponential) / 2);
  }
}

/** Normalizes `https://host`, `https://host/`, `https://host/api/v1/` to `…/api/v1`. */
export function apiBase(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, "");
  return trimmed.endsWith("/api/v1") ? trimmed : `${trimmed}/api/v1`;
}

function retryable(failure: ApiError | NetworkError, idempotent: boolean): boolean {
  if (failure instanceof NetworkError) return idempotent;
  if (NOT_RETRIED_CODES.has(failure.code)) return false;
  if (failure.status === 429) return true;
  return idempotent && RETRIED_STATUSES.has(failure.status);
}

class TimeoutSignal extends Error {
  override name = "TimeoutError";
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : "";
  return `${err.message}${cause}`;
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * @module api
 * The console's one door to the API: adds `X-API-Key` from the session,
 * turns every error body into an `ApiError` with its code and message, and
 * signs the customer out when the key stops working (revoked or unknown).
 *
 * The key lives in sessionStorage only: never in a URL, a cookie, a log or
 * localStorage, and it is gone when the tab closes.
 */

import { t } from "./i18n.js";

const BASE = "/api/v1";
const KEY = "gpu-agent.console.apiKey";
const AUTH_LOST = new Set(["API_KEY_REVOKED", "API_KEY_INVALID", "CUSTOMER_AUTH_REQUIRED"]);

export class ApiError extends Error {
  constructor(status, code, message, details, requestId) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

const authListeners = new Set();

export const session = {
  get key() {
    return sessionStorage.getItem(KEY);
  },
  set(key) {
    sessionStorage.setItem(KEY, key);
  },
  clear() {
    sessionStorage.removeItem(KEY);
  },
};

/** Calls `listener(error)` when a request finds the key revoked or unknown. */
export function onAuthLost(listener) {
  authListeners.add(listener);
}

function url(path, query) {
  const target = new URL(BASE + path, location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") {
      target.searchParams.set(name, String(value));
    }
  }
  return target.pathname + target.search;
}

async function errorFrom(response) {
  const requestId = response.headers.get("X-Request-Id") ?? undefined;
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: a proxy or the dev server answered; keep the status.
  }
  const e = body?.error;
  return new ApiError(
    response.status,
    e?.code ?? `HTTP_${response.status}`,
    e?.message ?? response.statusText,
    e?.details,
    e?.request_id ?? requestId,
  );
}

function lose(error) {
  if (!AUTH_LOST.has(error.code)) return;
  session.clear();
  for (const listener of authListeners) listener(error);
}

/**
 * Sends a request under `/api/v1` and answers its JSON (null for 204), or
 * throws an `ApiError`. With `raw`, answers the successful Response itself.
 */
export async function api(path, options = {}) {
  const { method = "GET", body, query, headers = {}, raw = false, key, signal } = options;
  const sent = { "X-API-Key": key ?? session.key ?? "", ...headers };
  if (body !== undefined) sent["Content-Type"] = "application/json";

  let response;
  try {
    response = await fetch(url(path, query), {
      method,
      headers: sent,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: "omit",
      cache: "no-store",
    });
  } catch (cause) {
    if (cause?.name === "AbortError") throw cause;
    throw new ApiError(0, "NETWORK_ERROR", t("error.connection_failed"));
  }

  if (!response.ok) {
    const error = await errorFrom(response);
    // Only the session's own key can be lost; a sign-in attempt just fails.
    if (!key && sent["X-API-Key"]) lose(error);
    throw error;
  }
  if (raw) return response;
  if (response.status === 204) return null;
  return response.json();
}

/**
 * Sends raw bytes with upload progress (fetch cannot report it): `onProgress`
 * gets the bytes sent so far. Answers the JSON body or throws an `ApiError`
 * (`NETWORK_ERROR` when the connection failed, which callers may retry).
 */
export function sendBytes(path, blob, { method = "PUT", onProgress, signal } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, BASE + path);
    xhr.setRequestHeader("X-API-Key", session.key ?? "");
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => onProgress?.(event.loaded);
    xhr.onerror = () => reject(new ApiError(0, "NETWORK_ERROR", t("error.connection_failed")));
    xhr.onabort = () => reject(new DOMException("Upload aborted", "AbortError"));
    xhr.onload = () => {
      let body = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // Leave body null; the status decides.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body);
      const e = body?.error;
      const error = new ApiError(
        xhr.status,
        e?.code ?? `HTTP_${xhr.status}`,
        e?.message ?? xhr.statusText,
        e?.details,
        e?.request_id,
      );
      lose(error);
      reject(error);
    };
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(blob);
  });
}

/** True for failures worth retrying: the network, or the server's own 5xx / 429. */
export function isRetryable(error) {
  return (
    error instanceof ApiError && (error.status === 0 || error.status >= 500 || error.status === 429)
  );
}

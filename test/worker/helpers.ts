/**
 * Helpers for Worker tests: requests through the real Worker entry, and
 * operators' and customers' set-up done through the public API.
 */
import { exports } from "cloudflare:workers";

export const BASE = "https://gpu-agent.test/api/v1";
export const ADMIN_TOKEN = "test-admin-token";

export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${BASE}${path}`, init));
}

export function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  };
}

export function admin(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${ADMIN_TOKEN}`);
  return call(path, { ...init, headers });
}

export async function errorCode(response: Response): Promise<string> {
  const body = (await response.json()) as { error?: { code?: string } };
  return body.error?.code ?? `no error code (status ${response.status})`;
}

export interface TestCustomer {
  customerId: string;
  apiKey: string;
}

/** Creates a customer through the admin API, with its first (all-scopes) key. */
export async function createCustomer(
  options: { name?: string; credits?: number; limits?: Record<string, number> } = {},
): Promise<TestCustomer> {
  const response = await admin(
    "/admin/customers",
    json({
      name: options.name ?? "Test customer",
      credits: options.credits ?? 100_000,
      limits: options.limits,
    }),
  );
  if (response.status !== 201) {
    throw new Error(`creating a customer failed: ${response.status} ${await response.text()}`);
  }
  const body = (await response.json()) as { customer: { id: string }; api_key: { key: string } };
  return { customerId: body.customer.id, apiKey: body.api_key.key };
}

/** A request as the customer, with its API key. */
export function as(
  customer: TestCustomer,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("X-API-Key", customer.apiKey);
  return call(path, { ...init, headers });
}

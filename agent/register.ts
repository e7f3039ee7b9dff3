/**
 * @module agent/register
 * Enrollment: trades a one-time enrollment token for the node's id and
 * secret (`POST /api/v1/nodes/register`). The server's error envelope
 * (`{error: {code, message, request_id}}`) is turned into a `RegisterError`
 * that keeps the code, so the CLI can say exactly what went wrong.
 */
import { z } from "zod";
import type { Capabilities } from "../src/protocol/messages.ts";
import { apiUrl } from "./config.ts";

export const Registration = z.object({
  node_id: z.string().min(1),
  node_secret: z.string().min(1),
  environment: z.enum(["development", "production"]),
});

export type Registration = z.infer<typeof Registration>;

const ErrorEnvelope = z.object({
  error: z.object({ code: z.string(), message: z.string(), request_id: z.string().optional() }),
});

export class RegisterError extends Error {
  override name = "RegisterError";
  readonly code: string;
  readonly status: number;

  constructor(code: string, status: number, message: string) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

export async function register(input: {
  server: string;
  enrollmentToken: string;
  name: string;
  capabilities: Capabilities;
}): Promise<Registration> {
  const url = apiUrl(input.server, "nodes/register");
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({
        enrollment_token: input.enrollmentToken,
        name: input.name,
        capabilities: input.capabilities,
      }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause?.message;
    throw new RegisterError("UNREACHABLE", 0, `${url} is unreachable: ${cause ?? err}`);
  }

  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const envelope = ErrorEnvelope.safeParse(body);
    if (envelope.success) {
      const { code, message, request_id } = envelope.data.error;
      const suffix = request_id ? ` (request ${request_id})` : "";
      throw new RegisterError(code, response.status, `${code}: ${message}${suffix}`);
    }
    throw new RegisterError(
      "HTTP_ERROR",
      response.status,
      `the server answered ${response.status}`,
    );
  }

  const parsed = Registration.safeParse(body);
  if (!parsed.success) {
    throw new RegisterError(
      "BAD_RESPONSE",
      response.status,
      "the server's answer is not a registration",
    );
  }
  return parsed.data;
}

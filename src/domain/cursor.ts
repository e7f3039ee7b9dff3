/**
 * @module cursor
 * Opaque, signed, forward-only pagination cursors. A cursor names the last
 * item a page showed (its time and id) and the list it belongs to (scope);
 * the HMAC makes a tampered cursor, or one from another customer's or another
 * list, fail instead of silently paging the wrong data.
 */
import { z } from "zod";
import { base64url, fromBase64url, hmacSign, hmacVerify } from "./crypto";
import { ApiError } from "./errors";

/** Cursors last a day: long enough to page any list, short enough to rotate. */
export const CURSOR_TTL_MS = 24 * 60 * 60 * 1000;

const Payload = z.object({
  t: z.number().int(),
  id: z.string().min(1).max(200),
  s: z.string(),
  e: z.number().int(),
});

export interface CursorPosition {
  createdAt: number;
  id: string;
}

export async function encodeCursor(
  secret: string,
  scope: string,
  position: CursorPosition,
  nowMs: number,
): Promise<string> {
  const payload = { t: position.createdAt, id: position.id, s: scope, e: nowMs + CURSOR_TTL_MS };
  const body = base64url(new TextEncoder().encode(JSON.stringify(payload)));
  return `${body}.${await hmacSign(secret, `cursor:${body}`)}`;
}

export async function decodeCursor(
  secret: string,
  scope: string,
  cursor: string,
  nowMs: number,
): Promise<CursorPosition> {
  const invalid = (why: string) =>
    new ApiError("PAGINATION_INVALID_CURSOR", `The cursor is ${why}; start again without one`);

  const [body, sig, extra] = cursor.split(".");
  if (!body || !sig || extra !== undefined) throw invalid("malformed");
  if (!(await hmacVerify(secret, `cursor:${body}`, sig))) throw invalid("not valid");

  let payload: z.infer<typeof Payload>;
  try {
    payload = Payload.parse(JSON.parse(new TextDecoder().decode(fromBase64url(body))));
  } catch {
    throw invalid("malformed");
  }
  if (payload.s !== scope) throw invalid("not valid for this list");
  if (payload.e < nowMs) throw invalid("expired");
  return { createdAt: payload.t, id: payload.id };
}

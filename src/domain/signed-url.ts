/**
 * @module signed-url
 * Tokens for `/api/v1/files/<token>`: an HMAC over the object key, the method,
 * the expiry and, for uploads, the size and SHA-256 the object must have. The
 * token alone authorizes the request, so it binds everything the files route
 * needs to serve or accept exactly one object, once, in one direction.
 */
import { z } from "zod";
import { base64url, fromBase64url, hmacSign, hmacVerify } from "./crypto";
import { ApiError } from "./errors";

/** The staging page's TTL for customers' download URLs. */
export const DOWNLOAD_URL_TTL_SECONDS = 900;

const Grant = z.object({
  /** R2 object key. */
  k: z.string().min(1).max(1024),
  m: z.enum(["GET", "PUT"]),
  /** Expiry, Unix ms. */
  e: z.number().int(),
  /** PUT: the exact size in bytes. */
  s: z.number().int().min(0).optional(),
  /** PUT: the SHA-256 the bytes must have. */
  h: z.string().optional(),
  /** GET: the file name offered to browsers. */
  n: z.string().max(255).optional(),
});

export type FileGrant = z.infer<typeof Grant>;

export async function signFileGrant(secret: string, grant: FileGrant): Promise<string> {
  const body = base64url(new TextEncoder().encode(JSON.stringify(grant)));
  return `${body}.${await hmacSign(secret, `file:${body}`)}`;
}

/** Checks a token for `method` at `nowMs`; throws the matching API error. */
export async function verifyFileGrant(
  secret: string,
  token: string,
  method: string,
  nowMs: number,
): Promise<FileGrant> {
  const invalid = () => new ApiError("SIGNED_URL_INVALID", "The signed URL is not valid");

  const [body, sig, extra] = token.split(".");
  if (!body || !sig || extra !== undefined) throw invalid();
  if (!(await hmacVerify(secret, `file:${body}`, sig))) throw invalid();

  let grant: FileGrant;
  try {
    grant = Grant.parse(JSON.parse(new TextDecoder().decode(fromBase64url(body))));
  } catch {
    throw invalid();
  }
  const wanted = method === "HEAD" ? "GET" : method;
  if (grant.m !== wanted) {
    throw new ApiError("SIGNED_URL_INVALID", `This signed URL is for ${grant.m}, not ${method}`);
  }
  if (grant.e <= nowMs) {
    throw new ApiError("SIGNED_URL_EXPIRED", "The signed URL expired; ask for a new one");
  }
  return grant;
}

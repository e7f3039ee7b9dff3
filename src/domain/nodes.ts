/**
 * @module nodes (domain)
 * Node credentials: one-time enrollment tokens and node secrets, both random
 * and stored only as SHA-256.
 */
import { randomToken, sha256Hex } from "./crypto";

export const ENROLLMENT_PREFIX = "enr_";
export const NODE_SECRET_PREFIX = "ns_";
/** An enrollment token unused this long stops working. */
export const ENROLLMENT_TTL_MS = 24 * 60 * 60 * 1000;

export async function newEnrollmentToken() {
  const token = `${ENROLLMENT_PREFIX}${randomToken(24)}`;
  return { token, hash: await sha256Hex(token) };
}

export async function newNodeSecret() {
  const secret = `${NODE_SECRET_PREFIX}${randomToken(32)}`;
  return { secret, hash: await sha256Hex(secret) };
}

export function hashCredential(value: string): Promise<string> {
  return sha256Hex(value);
}

/** Set by the Worker after it authenticated the node; never by the client. */
export const NODE_HEADERS = {
  id: "X-Gpu-Agent-Node-Id",
  name: "X-Gpu-Agent-Node-Name",
  clearance: "X-Gpu-Agent-Node-Clearance",
  origin: "X-Gpu-Agent-Origin",
} as const;

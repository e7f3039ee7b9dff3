/**
 * @module api-keys
 * API keys and their scopes. A key is `sk_alpha_` and 192 random bits; only
 * its SHA-256 is stored, so a leaked database leaks no usable key.
 */
import { randomToken, sha256Hex } from "./crypto";

export const SCOPES = [
  "datasets:read",
  "datasets:write",
  "packages:read",
  "packages:write",
  "jobs:read",
  "jobs:write",
  "usage:read",
  "webhooks:write",
  "keys:write",
] as const;

export type Scope = (typeof SCOPES)[number];

export const KEY_PREFIX = "sk_alpha_";

export interface NewApiKey {
  key: string;
  hash: string;
  /** What the key's owner sees in lists: enough to tell keys apart. */
  displayPrefix: string;
}

export async function generateApiKey(): Promise<NewApiKey> {
  const key = `${KEY_PREFIX}${randomToken(24)}`;
  return { key, hash: await hashApiKey(key), displayPrefix: key.slice(0, KEY_PREFIX.length + 6) };
}

export function hashApiKey(key: string): Promise<string> {
  return sha256Hex(key);
}

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(KEY_PREFIX) && value.length <= 128;
}

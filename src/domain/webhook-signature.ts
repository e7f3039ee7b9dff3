/**
 * @module webhook-signature
 * Signing secrets and signatures of webhook deliveries, the Standard Webhooks
 * way (https://www.standardwebhooks.com), so a receiver can verify them with
 * any of that spec's libraries. A secret is `whsec_` and 32 random bytes in
 * base64; the signature is `v1,` and the base64 HMAC-SHA256, keyed by those
 * bytes, of `${webhook-id}.${webhook-timestamp}.${body}`.
 */
export const SECRET_PREFIX = "whsec_";

const SECRET_BYTES = 32;
const encoder = new TextEncoder();

export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${toBase64(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)))}`;
}

export interface SignedMessage {
  /** The delivery's id: the same on every attempt, so receivers can dedupe. */
  id: string;
  /** Unix seconds of this attempt. */
  timestamp: number;
  /** The exact bytes sent. */
  body: string;
}

/** The three headers a delivery carries. */
export async function webhookHeaders(
  secret: string,
  message: SignedMessage,
): Promise<Record<string, string>> {
  return {
    "webhook-id": message.id,
    "webhook-timestamp": String(message.timestamp),
    "webhook-signature": await signWebhook(secret, message),
  };
}

export async function signWebhook(secret: string, message: SignedMessage): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    secretBytes(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const signed = `${message.id}.${message.timestamp}.${message.body}`;
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(signed));
  return `v1,${toBase64(new Uint8Array(mac))}`;
}

function secretBytes(secret: string): Uint8Array {
  if (!secret.startsWith(SECRET_PREFIX)) {
    throw new Error(`a webhook secret starts with ${SECRET_PREFIX}`);
  }
  return Uint8Array.from(atob(secret.slice(SECRET_PREFIX.length)), (c) => c.charCodeAt(0));
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

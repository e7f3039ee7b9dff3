import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import {
  generateWebhookSecret,
  signWebhook,
  webhookHeaders,
} from "../../src/domain/webhook-signature";

const body = JSON.stringify({
  type: "training_job.completed",
  timestamp: "2026-12-03T17:00:00.000Z",
  data: { id: "job_1", status: "completed" },
});

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

describe("webhook signatures", () => {
  it("makes secrets of whsec_ and 32 random bytes", () => {
    const secret = generateWebhookSecret();

    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it("signs deliveries that the standardwebhooks package verifies", async () => {
    const secret = generateWebhookSecret();

    const headers = await webhookHeaders(secret, { id: "msg_1", timestamp: nowSeconds(), body });

    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("produces the same signature as the standardwebhooks package", async () => {
    const secret = generateWebhookSecret();
    const timestamp = 1_700_000_000;

    const ours = await signWebhook(secret, { id: "msg_2", timestamp, body });

    expect(ours).toBe(new Webhook(secret).sign("msg_2", new Date(timestamp * 1000), body));
    expect(ours).toMatch(/^v1,/);
  });

  it("fails verification when the body was altered", async () => {
    const secret = generateWebhookSecret();
    const headers = await webhookHeaders(secret, { id: "msg_3", timestamp: nowSeconds(), body });

    const tampered = body.replace("completed", "cancelled");

    expect(() => new Webhook(secret).verify(tampered, headers)).toThrow();
  });

  it("fails verification under another endpoint's secret", async () => {
    const headers = await webhookHeaders(generateWebhookSecret(), {
      id: "msg_4",
      timestamp: nowSeconds(),
      body,
    });

    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
  });

  it("refuses to sign with a secret that is not a whsec_ secret", async () => {
    await expect(signWebhook("sk_alpha_nope", { id: "msg_5", timestamp: 1, body })).rejects.toThrow(
      /whsec_/,
    );
  });
});

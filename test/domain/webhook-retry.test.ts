import { describe, expect, it } from "vitest";
import {
  decide,
  judgeNetworkError,
  judgeResponse,
  MAX_ATTEMPTS,
  RETRY_DELAYS_MS,
} from "../../src/domain/webhook-retry";

const at = 1_000_000;
const failed500 = judgeResponse(500);

describe("webhook retry policy", () => {
  it("follows the Standard Webhooks schedule: now, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h", () => {
    const minutes = RETRY_DELAYS_MS.map((ms) => ms / 60_000);

    expect(minutes).toEqual([0, 5 / 60, 5, 30, 120, 300, 600, 600]);
    expect(MAX_ATTEMPTS).toBe(8);
  });

  it("counts only a 2xx as delivered", () => {
    expect(judgeResponse(200).ok).toBe(true);
    expect(judgeResponse(299).ok).toBe(true);
    expect(judgeResponse(199).ok).toBe(false);
    expect(judgeResponse(404).ok).toBe(false);
  });

  it("counts a redirect as a failure that was not followed", () => {
    expect(judgeResponse(307)).toEqual({
      ok: false,
      statusCode: 307,
      error: "redirect (307) not followed",
    });
  });

  it("schedules the next attempt after a failed one", () => {
    expect(decide(1, failed500, true, at)).toEqual({
      status: "pending",
      nextAttemptAt: at + 5_000,
      errorCode: null,
      disableEndpoint: false,
    });
    expect(decide(7, failed500, true, at).nextAttemptAt).toBe(at + 36_000_000);
  });

  it("ends in WEBHOOK_DELIVERY_FAILED when the eighth attempt fails", () => {
    expect(decide(8, failed500, true, at)).toEqual({
      status: "failed",
      nextAttemptAt: null,
      errorCode: "WEBHOOK_DELIVERY_FAILED",
      disableEndpoint: false,
    });
  });

  it("disables the endpoint on 410 Gone and stops at once", () => {
    expect(decide(1, judgeResponse(410), true, at)).toMatchObject({
      status: "failed",
      errorCode: "WEBHOOK_DELIVERY_FAILED",
      disableEndpoint: true,
    });
  });

  it("does not retry for an endpoint that no longer takes deliveries", () => {
    expect(decide(1, failed500, false, at).status).toBe("failed");
  });

  it("describes a timeout and a refused connection for the customer", () => {
    const timeout = new DOMException("timed out", "TimeoutError");

    expect(judgeNetworkError(timeout).error).toBe("no answer within 15 s");
    expect(judgeNetworkError(new TypeError("connection refused")).error).toBe(
      "request failed: connection refused",
    );
  });
});

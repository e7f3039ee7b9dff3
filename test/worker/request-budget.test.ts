import { afterEach, describe, expect, it } from "vitest";
import { advanceClock, now, resetClock } from "../../src/domain/clock";
import { admin, as, createCustomer, errorCode } from "./helpers";

afterEach(() => resetClock());

/** Moves the clock to the start of the next minute, so a test's requests share one window. */
function atMinuteStart(): void {
  advanceClock(60_000 - (now() % 60_000) + 1);
}

describe("the request budget", () => {
  it("counts every customer request in the rate-limit headers", async () => {
    atMinuteStart();
    const customer = await createCustomer({ limits: { requests_per_minute: 5 } });

    const first = await as(customer, "/customer/pricing");
    const second = await as(customer, "/customer/api-keys");

    expect(first.headers.get("X-RateLimit-Limit")).toBe("5");
    expect(first.headers.get("X-RateLimit-Remaining")).toBe("4");
    expect(second.headers.get("X-RateLimit-Remaining")).toBe("3");
    expect(Number(first.headers.get("X-RateLimit-Reset"))).toBeGreaterThan(now() / 1000);
  });

  it("refuses the request past the budget until the minute turns", async () => {
    atMinuteStart();
    const customer = await createCustomer({ limits: { requests_per_minute: 3 } });
    for (let i = 0; i < 3; i++) expect((await as(customer, "/customer/pricing")).status).toBe(200);

    const refused = await as(customer, "/customer/pricing");
    advanceClock(60_000);
    const later = await as(customer, "/customer/pricing");

    expect(refused.status).toBe(429);
    expect(await errorCode(refused)).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("Retry-After"))).toBeLessThanOrEqual(60);
    expect(refused.headers.get("X-RateLimit-Remaining")).toBe("0");
    expect(later.status).toBe(200);
  });

  it("applies limits an operator changes at once", async () => {
    atMinuteStart();
    const customer = await createCustomer({ limits: { requests_per_minute: 100 } });
    await as(customer, "/customer/pricing");

    const patched = await admin(`/admin/customers/${customer.customerId}/limits`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ requests_per_minute: 2 }),
    });
    const second = await as(customer, "/customer/pricing");
    const third = await as(customer, "/customer/pricing");

    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { requests_per_minute: number }).requests_per_minute).toBe(2);
    expect(second.status).toBe(200);
    expect(third.status).toBe(429);
  });

  it("refuses limits out of range, naming the field", async () => {
    const customer = await createCustomer();

    const response = await admin(`/admin/customers/${customer.customerId}/limits`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ max_active_jobs: -1 }),
    });

    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe("VALIDATION_FAILED");
  });
});

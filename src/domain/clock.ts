/**
 * @module clock
 * The one clock of the platform. Production reads the runtime's time; tests
 * shift it so windows, leases and day boundaries are tested without sleeping.
 * The shift lives on `globalThis` because the Worker, its Durable Objects and
 * the tests share one isolate under the vitest integration, but not always one
 * copy of this module.
 */
const KEY = Symbol.for("gpu-agent.clock-offset-ms");

type ClockGlobal = typeof globalThis & { [KEY]?: number };

export function now(): number {
  return Date.now() + ((globalThis as ClockGlobal)[KEY] ?? 0);
}

export function nowSeconds(): number {
  return Math.floor(now() / 1000);
}

export function isoNow(): string {
  return new Date(now()).toISOString();
}

/** Moves the clock forward by `ms` (tests only). */
export function advanceClock(ms: number): void {
  const g = globalThis as ClockGlobal;
  g[KEY] = (g[KEY] ?? 0) + ms;
}

/** Puts the clock back to the runtime's time (tests only). */
export function resetClock(): void {
  (globalThis as ClockGlobal)[KEY] = 0;
}

/** Start of the UTC day that holds `ms`, in ms. */
export function utcDayStart(ms: number): number {
  return Math.floor(ms / 86_400_000) * 86_400_000;
}

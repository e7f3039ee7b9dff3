/**
 * @module usage/days
 * The calendar of usage reports: UTC days and months as Unix milliseconds,
 * and `YYYY-MM-DD` dates parsed strictly, so 2026-02-30 is refused rather
 * than rolled over into March the way `Date` would.
 */
import { utcDayStart } from "../domain/clock";
import { DAY_MS } from "../domain/limits";

export { DAY_MS };

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The start of the UTC day `YYYY-MM-DD` names, or null when no such day exists. */
export function parseDay(text: string): number | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;

  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  const exists =
    back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day;
  return exists ? ms : null;
}

/** `YYYY-MM-DD` of the UTC day holding `ms`. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Start of the UTC month holding `ms`. */
export function monthStart(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/** Days from `first` to `last` (day starts), both included. */
export function daysBetween(first: number, last: number): number {
  return Math.round((last - first) / DAY_MS) + 1;
}

/** The starts of the `count` UTC days ending with the one holding `ms`, oldest first. */
export function daysEnding(ms: number, count: number): number[] {
  const today = utcDayStart(ms);
  return Array.from({ length: count }, (_, i) => today - (count - 1 - i) * DAY_MS);
}

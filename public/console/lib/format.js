/**
 * @module format
 * Numbers, sizes and times as the customer reads them, in the console's
 * current language.
 */
import { language, t } from "./i18n.js";

function locale() {
  return language() === "zh" ? "zh-CN" : "en-US";
}

export function bytes(n) {
  if (n === null || n === undefined) return "—";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

export function number(n) {
  if (n === null || n === undefined) return "—";
  return new Intl.NumberFormat(locale()).format(n);
}

export function dateTime(iso) {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(iso),
  );
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return "—";
  const s = Math.round(seconds);
  if (s < 60) return t("format.seconds", { n: s });
  const m = Math.floor(s / 60);
  if (m < 60) return t("format.minutes", { m, s: s % 60 });
  return t("format.hours", { h: Math.floor(m / 60), m: m % 60 });
}

/** The first characters of a long id, enough to tell rows apart. */
export function shortId(id) {
  return id ? String(id).slice(0, 8) : "—";
}

/** Today (UTC) minus `days`, as YYYY-MM-DD. */
export function isoDay(daysAgo = 0) {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/**
 * @module unit-output
 * One compute unit up close: its attempts, the loss curve drawn from the
 * metrics it reported, and the tail of its logs.
 */
import { h } from "../lib/dom.js";
import { dateTime, duration, number, shortId } from "../lib/format.js";
import { has, t } from "../lib/i18n.js";
import { lineChart } from "./charts.js";
import { badge, empty } from "./feedback.js";

const X_KEYS = ["step", "epoch", "iteration"];

/** Metric points → chart series: every `*loss*` field, else every numeric one. */
export function metricSeries(metrics) {
  const points = metrics.filter((m) => m && typeof m === "object");
  if (points.length === 0) return { xKey: null, series: [] };
  const xKey = X_KEYS.find((k) => points.some((p) => typeof p[k] === "number")) ?? null;
  const numeric = new Set();
  for (const p of points) {
    for (const [k, v] of Object.entries(p)) if (typeof v === "number" && k !== xKey) numeric.add(k);
  }
  const losses = [...numeric].filter((k) => k.toLowerCase().includes("loss"));
  const names = losses.length ? losses : [...numeric].slice(0, 4);
  const series = names
    .map((name) => ({
      name,
      points: points
        .map((p, i) => ({ x: xKey && typeof p[xKey] === "number" ? p[xKey] : i + 1, y: p[name] }))
        .filter((p) => typeof p.y === "number" && Number.isFinite(p.y)),
    }))
    .filter((s) => s.points.length > 0);
  return { xKey: xKey ?? "#", series };
}

export function unitDetails(unit, output) {
  const { xKey, series } = metricSeries(output?.metrics ?? []);
  const logs = output?.logs ?? [];
  const shard = unit.shard_count > 1 ? ` ${unit.shard_index + 1}/${unit.shard_count}` : "";

  return h(
    "div",
    { class: "unit-details", id: "unit-details" },
    h(
      "div",
      { class: "unit-head" },
      h(
        "h3",
        null,
        `${unit.stage}${shard}`,
        " ",
        h("span", { class: "muted small" }, unit.kind.toUpperCase()),
      ),
      badge(unit.status),
    ),
    h(
      "dl",
      { class: "facts" },
      fact(
        t("jobs.node"),
        unit.node_id ? h("span", { class: "mono" }, shortId(unit.node_id)) : "—",
      ),
      fact(t("jobs.attempts"), number(unit.attempt_count)),
      fact(t("jobs.runtime_used"), duration(unit.runtime_seconds)),
      fact(t("jobs.credits_charged"), number(unit.credits_charged)),
    ),
    unit.error &&
      h(
        "div",
        { class: "alert alert-error" },
        h("code", null, unit.error.code),
        " ",
        unit.error.message,
      ),
    unit.attempts?.length > 0 && attemptsList(unit.attempts),
    h("h4", null, t("jobs.loss_curve")),
    series.length
      ? lineChart(series, { label: t("jobs.loss_curve"), xLabel: xKey })
      : empty(t("jobs.no_metrics")),
    h("h4", null, t("jobs.logs")),
    logs.length
      ? h("pre", { class: "logs", tabindex: 0, "aria-label": t("jobs.logs") }, logs.join("\n"))
      : empty(t("jobs.no_logs")),
  );
}

function outcomeText(outcome) {
  return has(`outcome.${outcome}`) ? t(`outcome.${outcome}`) : outcome;
}

function fact(label, value) {
  return h("div", null, h("dt", null, label), h("dd", null, value));
}

function attemptsList(attempts) {
  return h(
    "ol",
    { class: "attempts" },
    attempts.map((a) =>
      h(
        "li",
        null,
        t("jobs.attempt_line", {
          n: a.number,
          node: shortId(a.node_id),
          status: outcomeText(a.outcome ?? a.status),
          at: dateTime(a.started_at),
        }),
        a.verdict &&
          !a.verdict.ok &&
          h("div", { class: "muted small" }, a.verdict.reasons.join("; ")),
      ),
    ),
  );
}

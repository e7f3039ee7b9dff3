/**
 * @module usage (page)
 * Usage and credits: the balance, credits per day as a chart, the ledger,
 * and the CSV export for a chosen range. Each panel loads on its own, so a
 * server without one of these endpoints still shows the others.
 */

import { barChart } from "../components/charts.js";
import { empty, errorBox, notify, pageHeader } from "../components/feedback.js";
import { pager, table } from "../components/pager.js";
import { api } from "../lib/api.js";
import { h, mount } from "../lib/dom.js";
import { dateTime, duration, isoDay, number, shortId } from "../lib/format.js";
import { has, t } from "../lib/i18n.js";

/** A 404 for the route itself means this server has no such report yet. */
function unavailable(error) {
  return error?.status === 404 && error.code === "ROUTE_NOT_FOUND";
}

function failure(error) {
  return unavailable(error)
    ? h("div", { class: "alert" }, t("usage.unavailable"))
    : errorBox(error);
}

const MONTH_FIELDS = ["credits_charged", "credits_refunded", "units_completed", "units_failed"];
const SECONDS_FIELDS = ["cpu_seconds", "gpu_seconds"];

function stat(key, value, main = false) {
  return h(
    "div",
    { class: ["stat", main && "stat-main"], dataset: { key } },
    h("div", { class: "stat-label" }, t(`usage.field.${key}`)),
    h("div", { class: "stat-value" }, value),
  );
}

/** The balance first, then this month's figures, then jobs by status. */
function summaryCards(summary) {
  const month = summary.month ?? {};
  const jobs = Object.entries(summary.jobs ?? {});
  return h(
    "div",
    null,
    h(
      "div",
      { class: "stats" },
      stat("balance", number(summary.balance), true),
      stat("reserved", number(summary.reserved)),
      stat("available", number(summary.available)),
    ),
    h("h4", null, t("usage.this_month", { date: month.start_date ?? "" })),
    h(
      "div",
      { class: "stats stats-small" },
      MONTH_FIELDS.map((key) => stat(key, number(month[key] ?? 0))),
      SECONDS_FIELDS.map((key) => stat(key, duration(month[key] ?? 0))),
    ),
    jobs.length > 0 && h("h4", null, t("usage.jobs_by_status")),
    jobs.length > 0 &&
      h(
        "div",
        { class: "chips job-counts" },
        jobs.map(([status, count]) =>
          h(
            "span",
            { class: `badge badge-${status}` },
            `${t(`status.${status}`)} · ${number(count)}`,
          ),
        ),
      ),
  );
}

function dailyBars(result) {
  const days = result?.data ?? result?.days ?? [];
  return days.map((d) => ({
    label: String(d.date ?? d.day ?? "").slice(5),
    value: Number(d.credits ?? d.credits_charged ?? d.charged_credits ?? d.amount ?? 0),
  }));
}

export function usagePage(el) {
  const summary = h("div", null, h("div", { class: "loading" }, t("common.loading")));
  const daily = h("div");
  const ledger = h("div");
  const ledgerProblem = h("div");
  const exportProblem = h("div");

  const from = h("input", {
    type: "date",
    id: "export-from",
    class: "input",
    value: isoDay(29),
    required: true,
  });
  const to = h("input", {
    type: "date",
    id: "export-to",
    class: "input",
    value: isoDay(0),
    required: true,
  });
  const exportButton = h(
    "button",
    { type: "submit", class: "btn btn-primary", id: "export-csv" },
    t("usage.export"),
  );

  const exportCsv = async (event) => {
    event.preventDefault();
    mount(exportProblem);
    exportButton.disabled = true;
    try {
      const response = await api("/customer/usage/export.csv", {
        query: { date_from: from.value, date_to: to.value },
        raw: true,
      });
      const blob = await response.blob();
      const link = h("a", {
        href: URL.createObjectURL(blob),
        download: `gpu-agent-usage-${from.value}-${to.value}.csv`,
        class: "sr-only",
      });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      notify(t("usage.exported"));
    } catch (error) {
      mount(exportProblem, failure(error));
    } finally {
      exportButton.disabled = false;
    }
  };

  const ledgerPager = pager(
    async (cursor) => {
      try {
        const result = await api("/customer/credits/ledger", { query: { limit: 25, cursor } });
        mount(ledgerProblem);
        return result;
      } catch (error) {
        mount(ledgerProblem, failure(error));
        return null;
      }
    },
    ({ data }) =>
      mount(
        ledger,
        data.length
          ? table(
              [
                { label: t("common.created"), cell: (e) => dateTime(e.created_at) },
                {
                  label: t("usage.entry_type"),
                  cell: (e) => (has(`ledger.${e.type}`) ? t(`ledger.${e.type}`) : e.type),
                },
                { label: t("usage.amount"), cell: (e) => number(e.amount), class: "num" },
                {
                  label: t("usage.balance_after"),
                  cell: (e) => number(e.balance_after),
                  class: "num",
                },
                {
                  label: t("usage.reference"),
                  cell: (e) =>
                    e.job_id
                      ? h(
                          "a",
                          { href: `#/jobs/${e.job_id}`, class: "mono small" },
                          shortId(e.job_id),
                        )
                      : (e.description ?? "—"),
                },
              ],
              data,
              { caption: t("usage.ledger") },
            )
          : empty(t("usage.ledger_empty")),
      ),
  );

  mount(
    el,
    pageHeader(t("nav.usage")),
    h("section", { class: "card" }, h("h2", null, t("usage.balance")), summary),
    h("section", { class: "card" }, h("h2", null, t("usage.daily")), daily),
    h(
      "section",
      { class: "card" },
      h("h2", null, t("usage.export_title")),
      h(
        "form",
        { class: "toolbar", onSubmit: exportCsv },
        h("label", { for: "export-from", class: "label-inline" }, t("usage.from")),
        from,
        h("label", { for: "export-to", class: "label-inline" }, t("usage.to")),
        to,
        exportButton,
      ),
      h("p", { class: "hint" }, t("usage.export_hint")),
      exportProblem,
    ),
    h(
      "section",
      { class: "card" },
      h("h2", null, t("usage.ledger")),
      ledgerProblem,
      ledger,
      ledgerPager.el,
    ),
  );

  api("/customer/usage/summary")
    .then((s) => mount(summary, summaryCards(s)))
    .catch((error) => mount(summary, failure(error)));
  api("/customer/usage/daily", { query: { days: 30 } })
    .then((result) => {
      const bars = dailyBars(result);
      mount(
        daily,
        bars.length && bars.some((b) => b.value > 0)
          ? barChart(bars, { label: t("usage.daily") })
          : empty(t("usage.daily_empty")),
      );
    })
    .catch((error) => mount(daily, failure(error)));
  ledgerPager.first();
}

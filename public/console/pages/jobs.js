/**
 * @module jobs (page)
 * The training jobs list: filter by status, page through with the API's
 * cursors, open a job, or create a new one.
 */

import { badge, empty, errorBox, pageHeader } from "../components/feedback.js";
import { pager, table } from "../components/pager.js";
import { api } from "../lib/api.js";
import { h, mount } from "../lib/dom.js";
import { dateTime, number } from "../lib/format.js";
import { t } from "../lib/i18n.js";
import { navigate } from "../lib/router.js";

export const JOB_STATUSES = ["queued", "running", "completed", "failed", "cancelled"];
const TERMINAL = ["completed", "failed", "cancelled"];
const REFRESH_MS = 10_000;

export function jobsPage(el, query) {
  const status = query.get("status") ?? "";
  const list = h("div");
  const problem = h("div");
  let timer = null;

  const filter = h(
    "select",
    {
      id: "job-status-filter",
      class: "input",
      onChange: (e) => navigate(e.target.value ? `/jobs?status=${e.target.value}` : "/jobs"),
    },
    h("option", { value: "" }, t("jobs.all_statuses")),
    JOB_STATUSES.map((s) => h("option", { value: s, selected: s === status }, t(`status.${s}`))),
  );

  const paging = pager(
    async (cursor) => {
      try {
        const result = await api("/customer/training-jobs", {
          query: { limit: 20, cursor, status: status || undefined },
        });
        mount(problem);
        return result;
      } catch (error) {
        mount(problem, errorBox(error));
        return null;
      }
    },
    ({ data }) => {
      mount(list, data.length ? jobsTable(data) : empty(t("jobs.empty")));
      // While a job on this page is still moving, look again now and then.
      clearTimeout(timer);
      if (data.some((j) => !TERMINAL.includes(j.status))) {
        timer = setTimeout(() => paging.reload(), REFRESH_MS);
      }
    },
  );

  mount(
    el,
    pageHeader(
      t("nav.jobs"),
      h("a", { class: "btn btn-primary", href: "#/jobs/new", id: "new-job" }, t("jobs.new")),
    ),
    h(
      "div",
      { class: "toolbar" },
      h("label", { for: "job-status-filter", class: "label-inline" }, t("common.status")),
      filter,
    ),
    problem,
    list,
    paging.el,
  );
  paging.first();
  return () => clearTimeout(timer);
}

function progressText(job) {
  const p = job.progress ?? {};
  return t("jobs.units_done", { done: p.completed ?? 0, total: p.total ?? 0 });
}

function jobsTable(rows) {
  return table(
    [
      {
        label: t("common.name"),
        cell: (j) =>
          h(
            "div",
            null,
            h("a", { href: `#/jobs/${j.id}`, class: "strong-link" }, j.name),
            h("div", { class: "muted mono small" }, j.id),
          ),
      },
      { label: t("common.status"), cell: (j) => badge(j.status) },
      { label: t("jobs.progress"), cell: progressText },
      {
        label: t("jobs.credits"),
        cell: (j) => `${number(j.charged_credits)} / ${number(j.projected_credits)}`,
        class: "num",
      },
      { label: t("common.created"), cell: (j) => dateTime(j.created_at) },
    ],
    rows,
    { caption: t("nav.jobs") },
  );
}

/**
 * @module job (page)
 * One training job, live: its status polled every 5 s until it ends, the DAG
 * of its compute units, the chosen unit's loss curve and logs, its artifacts
 * with downloads, and cancel.
 */

import { dagView } from "../components/dag.js";
import { confirmDialog } from "../components/dialogs.js";
import { badge, empty, errorBox, notify, pageHeader } from "../components/feedback.js";
import { table } from "../components/pager.js";
import { unitDetails } from "../components/unit-output.js";
import { api } from "../lib/api.js";
import { h, mount } from "../lib/dom.js";
import { bytes, dateTime, number } from "../lib/format.js";
import { t } from "../lib/i18n.js";

const POLL_MS = 5000;
const TERMINAL = ["completed", "failed", "cancelled"];

export function jobPage(el, id) {
  const base = `/customer/training-jobs/${encodeURIComponent(id)}`;
  const header = h("div");
  const summary = h("div", { class: "card" });
  const dag = h("div", { class: "dag-wrap", tabindex: -1 });
  const unitPanel = h("div");
  const artifacts = h("div");
  const problem = h("div");
  let selected = null;
  let chosenByCustomer = false;
  let timer = null;
  let stopped = false;
  let stages = new Map();
  const names = { dataset: null, package: null };

  mount(
    el,
    h("a", { href: "#/jobs", class: "back-link" }, `← ${t("nav.jobs")}`),
    header,
    problem,
    summary,
    h("section", { class: "card" }, h("h2", null, t("jobs.dag")), dag, unitPanel),
    h("section", { class: "card" }, h("h2", null, t("jobs.artifacts")), artifacts),
  );

  const cancel = async () => {
    if (!(await confirmDialog(t("jobs.confirm_cancel"), t("jobs.cancel")))) return;
    try {
      await api(`${base}/cancel`, { method: "POST" });
      notify(t("jobs.cancelled"));
      refresh();
    } catch (error) {
      mount(problem, errorBox(error));
    }
  };

  const download = async (artifact, button) => {
    button.disabled = true;
    try {
      const { download_url } = await api(`${base}/artifacts/${artifact.id}/download-url`, {
        method: "POST",
      });
      const link = h("a", { href: download_url, download: artifact.name, class: "sr-only" });
      document.body.append(link);
      link.click();
      link.remove();
    } catch (error) {
      mount(problem, errorBox(error));
    } finally {
      button.disabled = false;
    }
  };

  const drawHeader = (job) => {
    const active = !TERMINAL.includes(job.status);
    mount(
      header,
      pageHeader(
        job.name,
        badge(job.status),
        active &&
          h(
            "button",
            { type: "button", class: "btn btn-danger", id: "cancel-job", onClick: cancel },
            t("jobs.cancel"),
          ),
      ),
    );
  };

  const drawSummary = (job) => {
    const p = job.progress ?? {};
    const total = p.total ?? 0;
    const done = p.completed ?? 0;
    mount(
      summary,
      h(
        "div",
        { class: "progress-label" },
        t("jobs.units_done", { done, total }),
        active(job) ? ` · ${t("jobs.live")}` : "",
      ),
      h("progress", { max: Math.max(1, total), value: done, "aria-label": t("jobs.progress") }),
      h(
        "dl",
        { class: "facts" },
        fact(t("jobs.id"), h("span", { class: "mono small" }, job.id)),
        fact(t("jobs.dataset"), named(names.dataset, job.dataset_id)),
        fact(t("jobs.package"), named(names.package, job.training_package_id)),
        fact(t("jobs.sensitivity"), t(`sensitivity.${job.sensitivity}`)),
        fact(t("jobs.vram"), number(job.required_vram_mb)),
        fact(t("jobs.runtime"), number(job.max_runtime_seconds)),
        fact(t("jobs.projected"), number(job.projected_credits)),
        fact(t("jobs.charged"), number(job.charged_credits)),
        fact(t("common.created"), dateTime(job.created_at)),
        fact(t("jobs.finished"), dateTime(job.finished_at)),
      ),
      job.error &&
        h(
          "div",
          { class: "alert alert-error" },
          h("code", null, job.error.code),
          " ",
          job.error.message,
        ),
    );
  };

  const drawUnits = async (units) => {
    // Until the customer picks a unit, follow the work: the training unit once
    // it started, else whatever runs now.
    if (!chosenByCustomer || !units.some((u) => u.id === selected)) {
      const busy = ["assigned", "running", "verifying"];
      const pick =
        units.find((u) => u.kind === "gpu" && !["blocked", "ready"].includes(u.status)) ??
        units.find((u) => busy.includes(u.status)) ??
        units.find((u) => u.kind === "gpu") ??
        units[0];
      selected = pick?.id ?? null;
    }
    const focused = document.activeElement?.closest?.(".dag-unit")?.dataset.unitId;
    mount(
      dag,
      units.length
        ? dagView(units, {
            selected,
            onSelect: (u) => {
              selected = u.id;
              chosenByCustomer = true;
              drawUnits(units);
            },
          })
        : empty(t("jobs.no_units")),
    );
    if (focused) dag.querySelector(`[data-unit-id="${focused}"]`)?.focus();
    const unit = units.find((u) => u.id === selected);
    if (!unit) return mount(unitPanel);
    let output = null;
    try {
      output = await api(`${base}/compute-units/${unit.id}/output`, { query: { lines: 200 } });
    } catch {
      output = null;
    }
    if (selected === unit.id) mount(unitPanel, unitDetails(unit, output));
  };

  const drawArtifacts = ({ data }) => {
    mount(
      artifacts,
      data.length
        ? table(
            [
              { label: t("common.name"), cell: (a) => h("span", { class: "mono" }, a.name) },
              { label: t("jobs.unit"), cell: (a) => stages.get(a.compute_unit_id) ?? "—" },
              { label: t("jobs.artifact_kind"), cell: (a) => t(`artifact.${a.kind}`) },
              { label: t("common.size"), cell: (a) => bytes(a.size_bytes), class: "num" },
              {
                label: t("common.actions"),
                cell: (a) => {
                  const button = h(
                    "button",
                    { type: "button", class: "btn btn-small", dataset: { artifact: a.name } },
                    t("jobs.download"),
                  );
                  button.addEventListener("click", () => download(a, button));
                  return button;
                },
              },
            ],
            data,
            { caption: t("jobs.artifacts") },
          )
        : empty(t("jobs.no_artifacts")),
    );
  };

  const loadNames = (job) => loadNamesInto(names, job);

  async function refresh() {
    clearTimeout(timer);
    try {
      const [job, units, arts] = await Promise.all([
        api(base),
        api(`${base}/compute-units`),
        api(`${base}/artifacts`, { query: { limit: 100 } }),
      ]);
      if (stopped) return;
      stages = new Map(units.data.map((u) => [u.id, unitName(u)]));
      if (names.dataset === null) await loadNames(job);
      mount(problem);
      drawHeader(job);
      drawSummary(job);
      drawArtifacts(arts);
      await drawUnits(units.data);
      if (!stopped && active(job)) timer = setTimeout(refresh, POLL_MS);
    } catch (error) {
      if (stopped) return;
      mount(problem, errorBox(error));
      if (error.status === 0 || error.status >= 500 || error.status === 429)
        timer = setTimeout(refresh, POLL_MS);
      if (error.code === "JOB_NOT_FOUND") mount(header, pageHeader(t("jobs.not_found")));
    }
  }

  mount(header, pageHeader(t("common.loading")));
  refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** The dataset's and package's names, read once; a deleted one keeps its id. */
async function loadNamesInto(names, job) {
  const read = (path) =>
    api(path)
      .then((r) => r.name)
      .catch(() => "");
  [names.dataset, names.package] = await Promise.all([
    read(`/customer/datasets/${job.dataset_id}`),
    read(`/customer/training-packages/${job.training_package_id}`),
  ]);
}

function named(name, id) {
  return h(
    "span",
    null,
    name ? h("strong", null, name) : null,
    h("div", { class: "mono small muted" }, id),
  );
}

function unitName(u) {
  return u.shard_count > 1 ? `${u.stage} ${u.shard_index + 1}/${u.shard_count}` : u.stage;
}

function active(job) {
  return !TERMINAL.includes(job.status);
}

function fact(label, value) {
  return h("div", null, h("dt", null, label), h("dd", null, value));
}

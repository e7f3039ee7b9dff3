/**
 * @module job-new (page)
 * Creating a training job with the staging page's fields. One Idempotency-Key
 * belongs to one body: a double click or a retry after a lost response sends
 * the same key and so makes one job; changing the form makes a new key.
 */

import { plannedKinds, projectedCredits } from "../components/estimate.js";
import { errorBox, pageHeader } from "../components/feedback.js";
import { api } from "../lib/api.js";
import { formValues, h, mount } from "../lib/dom.js";
import { bytes, number } from "../lib/format.js";
import { t } from "../lib/i18n.js";
import { navigate } from "../lib/router.js";

const SENSITIVITIES = ["public", "low_sensitive", "high_sensitive"];
const DEFAULTS = { required_vram_mb: 8000, required_disk_mb: 1024, max_runtime_seconds: 600 };

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

async function readyOptions(kind) {
  const { data } = await api(`/customer/${kind}`, { query: { limit: 100 } });
  return data.filter((r) => r.status === "ready");
}

export function jobNewPage(el) {
  const problem = h("div");
  const form = h("form", { class: "card form", id: "job-form", novalidate: true });
  let last = { body: null, key: null };
  let sending = null;

  const field = (name, labelKey, input, hintKey) =>
    h(
      "div",
      { class: "field" },
      h("label", { for: `job-${name}`, class: "label" }, t(labelKey)),
      input,
      hintKey && h("div", { class: "hint", id: `job-${name}-hint` }, t(hintKey)),
    );
  const numberInput = (name, min, max) =>
    h("input", {
      id: `job-${name}`,
      name,
      class: "input",
      type: "number",
      inputmode: "numeric",
      min,
      max,
      step: 1,
      required: true,
      value: DEFAULTS[name],
      "aria-describedby": `job-${name}-hint`,
    });
  const select = (name, items, label) =>
    h(
      "select",
      { id: `job-${name}`, name, class: "input", required: true },
      items.length === 0 && h("option", { value: "" }, t("jobs.none_ready")),
      items.map((r) => h("option", { value: r.id }, label(r))),
    );

  const body = () => {
    const v = formValues(form);
    const out = {
      name: v.name.trim(),
      dataset_id: v.dataset_id,
      training_package_id: v.training_package_id,
      required_vram_mb: Number(v.required_vram_mb),
      required_disk_mb: Number(v.required_disk_mb),
      max_runtime_seconds: Number(v.max_runtime_seconds),
      sensitivity: v.sensitivity,
    };
    if (v.hyperparameters.trim()) {
      let parsed;
      try {
        parsed = JSON.parse(v.hyperparameters);
      } catch {
        parsed = null;
      }
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw { code: "HYPERPARAMETERS_INVALID", message: t("jobs.hyperparameters_invalid") };
      }
      out.hyperparameters = parsed;
    }
    return out;
  };

  const submit = async (event) => {
    event.preventDefault();
    if (sending) return sending;
    mount(problem);
    let payload;
    try {
      payload = body();
    } catch (error) {
      mount(problem, errorBox(error));
      return;
    }
    if (!form.reportValidity()) return;

    const text = JSON.stringify(payload);
    if (last.body !== text) last = { body: text, key: uuid() };
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    sending = api("/customer/training-jobs", {
      method: "POST",
      body: payload,
      headers: { "Idempotency-Key": last.key },
    })
      .then((job) => navigate(`/jobs/${job.id}`))
      .catch((error) => mount(problem, errorBox(error)))
      .finally(() => {
        sending = null;
        button.disabled = false;
      });
    return sending;
  };
  form.addEventListener("submit", submit);

  mount(el, pageHeader(t("jobs.new")), h("div", { class: "loading" }, t("common.loading")));

  const estimate = h("p", { class: "estimate", id: "job-estimate", "aria-live": "polite" });
  let pricing = null;
  let packages = [];
  const updateEstimate = () => {
    const v = formValues(form);
    const pkg = packages.find((p) => p.id === v.training_package_id);
    const kinds = plannedKinds(pkg);
    const credits = projectedCredits(
      pricing,
      kinds,
      Number(v.required_vram_mb),
      Number(v.max_runtime_seconds),
    );
    estimate.textContent =
      credits === null ? "" : t("jobs.estimate", { credits: number(credits), units: kinds.length });
  };
  form.addEventListener("input", updateEstimate);
  form.addEventListener("change", updateEstimate);

  Promise.all([
    readyOptions("datasets"),
    readyOptions("training-packages"),
    api("/customer/pricing").catch(() => null),
  ])
    .then(([datasets, readyPackages, rates]) => {
      packages = readyPackages;
      pricing = rates;
      mount(
        form,
        field(
          "name",
          "common.name",
          h("input", {
            id: "job-name",
            name: "name",
            class: "input",
            required: true,
            maxlength: 200,
            value: "tiny-mlp-fine-tune",
          }),
        ),
        h(
          "div",
          { class: "grid-2" },
          field(
            "dataset_id",
            "jobs.dataset",
            select("dataset_id", datasets, (r) => `${r.name} · ${bytes(r.size_bytes)}`),
          ),
          field(
            "training_package_id",
            "jobs.package",
            select("training_package_id", packages, (r) => `${r.name} · ${r.entrypoint ?? ""}`),
          ),
        ),
        h(
          "div",
          { class: "grid-3" },
          field(
            "required_vram_mb",
            "jobs.vram",
            numberInput("required_vram_mb", 0, 196608),
            "jobs.vram_hint",
          ),
          field(
            "required_disk_mb",
            "jobs.disk",
            numberInput("required_disk_mb", 1, 1048576),
            "jobs.disk_hint",
          ),
          field(
            "max_runtime_seconds",
            "jobs.runtime",
            numberInput("max_runtime_seconds", 1, 86400),
            "jobs.runtime_hint",
          ),
        ),
        field(
          "sensitivity",
          "jobs.sensitivity",
          h(
            "select",
            { id: "job-sensitivity", name: "sensitivity", class: "input" },
            SENSITIVITIES.map((s) =>
              h("option", { value: s, selected: s === "low_sensitive" }, t(`sensitivity.${s}`)),
            ),
          ),
          "jobs.sensitivity_hint",
        ),
        field(
          "hyperparameters",
          "jobs.hyperparameters",
          h("textarea", {
            id: "job-hyperparameters",
            name: "hyperparameters",
            class: "input mono",
            rows: 4,
            placeholder: '{"epochs": 20, "lr": 0.01}',
            "aria-describedby": "job-hyperparameters-hint",
          }),
          "jobs.hyperparameters_hint",
        ),
        estimate,
        problem,
        h(
          "div",
          { class: "row" },
          h(
            "button",
            { type: "submit", class: "btn btn-primary", id: "create-job" },
            t("jobs.create"),
          ),
          h("a", { href: "#/jobs", class: "btn" }, t("common.cancel")),
        ),
      );
      mount(el, pageHeader(t("jobs.new")), h("p", { class: "muted" }, t("jobs.new_intro")), form);
      updateEstimate();
    })
    .catch((error) => mount(el, pageHeader(t("jobs.new")), errorBox(error)));
}

/**
 * @module webhooks (page)
 * Webhook endpoints: register one for chosen events (its signing secret is
 * shown once), send a test ping, read its deliveries, delete it.
 */

import { confirmDialog, secretOnce } from "../components/dialogs.js";
import { badge, empty, errorBox, notify, pageHeader } from "../components/feedback.js";
import { pager, table } from "../components/pager.js";
import { api } from "../lib/api.js";
import { formValues, h, mount } from "../lib/dom.js";
import { dateTime } from "../lib/format.js";
import { t } from "../lib/i18n.js";

const EVENTS = ["training_job.completed", "training_job.failed", "training_job.cancelled"];

function deliveries(endpoint) {
  const box = h("div", { class: "deliveries" });
  const paging = pager(
    async (cursor) => {
      try {
        return await api(`/customer/webhooks/${endpoint.id}/deliveries`, {
          query: { limit: 20, cursor },
        });
      } catch (error) {
        mount(box, errorBox(error));
        return null;
      }
    },
    ({ data }) =>
      mount(
        box,
        data.length
          ? table(
              [
                { label: t("common.created"), cell: (d) => dateTime(d.created_at) },
                {
                  label: t("webhooks.event"),
                  cell: (d) => h("span", { class: "mono" }, d.event_type),
                },
                { label: t("common.status"), cell: (d) => badge(d.status) },
                { label: t("webhooks.attempts"), cell: (d) => String(d.attempts), class: "num" },
                {
                  label: t("webhooks.last_result"),
                  cell: (d) => d.error_code ?? d.last_status_code ?? d.last_error ?? "—",
                },
              ],
              data,
              { caption: t("webhooks.deliveries") },
            )
          : empty(t("webhooks.no_deliveries")),
      ),
  );
  paging.first();
  return h("div", null, box, paging.el);
}

export function webhooksPage(el) {
  const list = h("div");
  const problem = h("div");
  const created = h("div");

  const paging = pager(
    async (cursor) => {
      try {
        const result = await api("/customer/webhooks", { query: { limit: 50, cursor } });
        mount(problem);
        return result;
      } catch (error) {
        mount(problem, errorBox(error));
        return null;
      }
    },
    ({ data }) =>
      mount(
        list,
        data.length
          ? h("div", { class: "stack" }, data.map(endpointCard))
          : empty(t("webhooks.empty")),
      ),
  );

  const remove = async (endpoint) => {
    if (
      !(await confirmDialog(
        t("webhooks.confirm_delete", { url: endpoint.url }),
        t("common.delete"),
      ))
    )
      return;
    try {
      await api(`/customer/webhooks/${endpoint.id}`, { method: "DELETE" });
      notify(t("common.deleted"));
      paging.reload();
    } catch (error) {
      mount(problem, errorBox(error));
    }
  };

  /** Sends a ping; the API answers after its first attempt, so say how that went. */
  const ping = async (endpoint, showDeliveries) => {
    try {
      const delivery = await api(`/customer/webhooks/${endpoint.id}/test`, { method: "POST" });
      const result = delivery.last_status_code ?? delivery.last_error ?? "—";
      notify(t("webhooks.test_result", { status: t(`status.${delivery.status}`), result }));
      showDeliveries();
    } catch (error) {
      mount(problem, errorBox(error));
    }
  };

  function endpointCard(endpoint) {
    const details = h("div");
    const toggle = h(
      "button",
      { type: "button", class: "btn btn-small", "aria-expanded": "false" },
      t("webhooks.show_deliveries"),
    );
    const show = (open) => {
      toggle.setAttribute("aria-expanded", String(open));
      mount(details, open ? deliveries(endpoint) : null);
    };
    toggle.addEventListener("click", () => show(toggle.getAttribute("aria-expanded") !== "true"));
    return h(
      "article",
      { class: "card endpoint" },
      h(
        "div",
        { class: "endpoint-head" },
        h(
          "div",
          null,
          h("div", { class: "mono strong" }, endpoint.url),
          h(
            "div",
            { class: "chips" },
            endpoint.events.map((e) => h("span", { class: "chip" }, e)),
          ),
        ),
        badge(endpoint.status),
      ),
      endpoint.disabled_reason && h("p", { class: "muted" }, endpoint.disabled_reason),
      h(
        "div",
        { class: "row" },
        toggle,
        h(
          "button",
          {
            type: "button",
            class: "btn btn-small",
            onClick: () => ping(endpoint, () => show(true)),
          },
          t("webhooks.send_test"),
        ),
        h(
          "button",
          { type: "button", class: "btn btn-small btn-danger", onClick: () => remove(endpoint) },
          t("common.delete"),
        ),
      ),
      details,
    );
  }

  const form = h(
    "form",
    { class: "card form", id: "webhook-form" },
    h("h2", null, t("webhooks.create_title")),
    h(
      "div",
      { class: "field" },
      h("label", { for: "webhook-url", class: "label" }, t("webhooks.url")),
      h("input", {
        id: "webhook-url",
        name: "url",
        type: "url",
        class: "input",
        required: true,
        placeholder: t("webhooks.url_placeholder"),
      }),
      h("div", { class: "hint" }, t("webhooks.url_hint")),
    ),
    h(
      "fieldset",
      { class: "field" },
      h("legend", { class: "label" }, t("webhooks.events")),
      h(
        "div",
        { class: "checks" },
        EVENTS.map((e) =>
          h(
            "label",
            { class: "check" },
            h("input", { type: "checkbox", name: "events", value: e, checked: true }),
            h("span", { class: "mono" }, e),
          ),
        ),
      ),
    ),
    h(
      "div",
      { class: "row" },
      h(
        "button",
        { type: "submit", class: "btn btn-primary", id: "create-webhook" },
        t("webhooks.create"),
      ),
    ),
    created,
  );

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = formValues(form);
    mount(created);
    try {
      const endpoint = await api("/customer/webhooks", {
        method: "POST",
        body: { url: values.url.trim(), events: values.events ?? [] },
      });
      form.reset();
      mount(created, secretOnce(t("webhooks.secret"), endpoint.secret));
      paging.first();
    } catch (error) {
      mount(created, errorBox(error));
    }
  });

  mount(
    el,
    pageHeader(t("nav.webhooks")),
    h("p", { class: "muted" }, t("webhooks.intro")),
    form,
    h("h2", null, t("webhooks.list_title")),
    problem,
    list,
    paging.el,
  );
  paging.first();
}

/**
 * @module api-keys (page)
 * The customer's API keys: create one with chosen scopes (shown once, with a
 * copy button), see when each was last used, and revoke.
 */

import { confirmDialog, secretOnce } from "../components/dialogs.js";
import { badge, empty, errorBox, notify, pageHeader } from "../components/feedback.js";
import { pager, table } from "../components/pager.js";
import { api, session } from "../lib/api.js";
import { formValues, h, mount } from "../lib/dom.js";
import { dateTime } from "../lib/format.js";
import { t } from "../lib/i18n.js";

export const SCOPES = [
  "datasets:read",
  "datasets:write",
  "packages:read",
  "packages:write",
  "jobs:read",
  "jobs:write",
  "usage:read",
  "webhooks:write",
  "keys:write",
];

export function apiKeysPage(el) {
  const list = h("div");
  const problem = h("div");
  const created = h("div");

  const paging = pager(
    async (cursor) => {
      try {
        const result = await api("/customer/api-keys", { query: { limit: 50, cursor } });
        mount(problem);
        return result;
      } catch (error) {
        mount(problem, errorBox(error));
        return null;
      }
    },
    ({ data }) => mount(list, data.length ? keysTable(data) : empty(t("keys.empty"))),
  );

  const current = (key) => Boolean(session.key?.startsWith(key.prefix));

  const revoke = async (key) => {
    const question = current(key)
      ? t("keys.confirm_revoke_current", { name: key.name })
      : t("keys.confirm_revoke", { name: key.name });
    if (!(await confirmDialog(question, t("keys.revoke")))) return;
    try {
      await api(`/customer/api-keys/${key.id}/revoke`, { method: "POST" });
      notify(t("keys.revoked"));
      paging.reload();
    } catch (error) {
      mount(problem, errorBox(error));
    }
  };

  const keysTable = (rows) =>
    table(
      [
        {
          label: t("common.name"),
          cell: (k) =>
            h(
              "div",
              null,
              h("strong", null, k.name),
              current(k) && h("span", { class: "chip chip-current" }, t("keys.this_session")),
              h("div", { class: "mono small muted" }, `${k.prefix}…`),
            ),
        },
        {
          label: t("keys.scopes"),
          cell: (k) =>
            h(
              "div",
              { class: "chips" },
              k.scopes.map((s) => h("span", { class: "chip" }, s)),
            ),
        },
        { label: t("common.status"), cell: (k) => badge(k.revoked_at ? "revoked" : "active") },
        { label: t("keys.last_used"), cell: (k) => dateTime(k.last_used_at) },
        { label: t("common.created"), cell: (k) => dateTime(k.created_at) },
        {
          label: t("common.actions"),
          cell: (k) =>
            k.revoked_at
              ? dateTime(k.revoked_at)
              : h(
                  "button",
                  { type: "button", class: "btn btn-small btn-danger", onClick: () => revoke(k) },
                  t("keys.revoke"),
                ),
        },
      ],
      rows,
      { caption: t("nav.api_keys"), rowProps: (k) => ({ dataset: { keyName: k.name } }) },
    );

  const form = h(
    "form",
    { class: "card form", id: "key-form" },
    h("h2", null, t("keys.create_title")),
    h(
      "div",
      { class: "field" },
      h("label", { for: "key-name", class: "label" }, t("common.name")),
      h("input", {
        id: "key-name",
        name: "name",
        class: "input",
        required: true,
        maxlength: 100,
        placeholder: t("keys.name_placeholder"),
      }),
    ),
    h(
      "fieldset",
      { class: "field scopes" },
      h("legend", { class: "label" }, t("keys.scopes")),
      h(
        "div",
        { class: "checks" },
        SCOPES.map((s) =>
          h(
            "label",
            { class: "check" },
            h("input", { type: "checkbox", name: "scopes", value: s, checked: true }),
            h("span", { class: "mono" }, s),
          ),
        ),
      ),
      h("div", { class: "hint" }, t("keys.scopes_hint")),
    ),
    h(
      "div",
      { class: "row" },
      h("button", { type: "submit", class: "btn btn-primary", id: "create-key" }, t("keys.create")),
    ),
    created,
  );

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = formValues(form);
    const scopes = values.scopes ?? [];
    mount(created);
    if (scopes.length === 0)
      return mount(created, errorBox({ code: "VALIDATION_FAILED", message: t("keys.pick_scope") }));
    try {
      const key = await api("/customer/api-keys", {
        method: "POST",
        body: { name: values.name.trim(), scopes },
      });
      form.elements.namedItem("name").value = "";
      mount(created, secretOnce(t("keys.new_key"), key.key));
      paging.first();
    } catch (error) {
      mount(created, errorBox(error));
    }
  });

  mount(
    el,
    pageHeader(t("nav.api_keys")),
    h("p", { class: "muted" }, t("keys.intro")),
    form,
    h("h2", null, t("keys.list_title")),
    problem,
    list,
    paging.el,
  );
  paging.first();
}

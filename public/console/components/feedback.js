/**
 * @module feedback
 * How the console tells the customer what happened: API errors with their
 * code and message (and a hint for the codes a person can act on), status
 * badges, empty states, and a transient notice.
 */
import { h } from "../lib/dom.js";
import { has, t } from "../lib/i18n.js";

/** An error box: the code, the server's message, a hint, and the request id. */
export function errorBox(error) {
  if (!error) return null;
  const code = error.code ?? "ERROR";
  const hint = has(`error.${code}`) ? t(`error.${code}`) : null;
  const reasons = error.details?.reasons;
  return h(
    "div",
    { class: "alert alert-error", role: "alert" },
    h("div", { class: "alert-title" }, h("code", null, code), " ", error.message ?? ""),
    hint && h("div", { class: "alert-hint" }, hint),
    Array.isArray(reasons) && reasonList(reasons, error.details.reasons_omitted),
    error.requestId &&
      h("div", { class: "alert-meta" }, t("error.request_id", { id: error.requestId })),
  );
}

/** A package's validation reasons, one line each. */
export function reasonList(reasons, omitted = 0) {
  return h(
    "ul",
    { class: "reasons" },
    reasons.map((r) =>
      h(
        "li",
        null,
        h("code", null, r.code ?? ""),
        " ",
        r.path ? h("span", { class: "mono" }, `${r.path}: `) : null,
        r.message ?? String(r),
      ),
    ),
    omitted > 0 && h("li", null, t("packages.reasons_omitted", { n: omitted })),
  );
}

export function badge(status) {
  const key = `status.${status}`;
  return h("span", { class: `badge badge-${status}` }, has(key) ? t(key) : status);
}

export function empty(text) {
  return h("div", { class: "empty" }, text);
}

export function loading() {
  return h("div", { class: "loading", role: "status" }, t("common.loading"));
}

/** A short-lived message at the bottom of the screen. */
export function notify(text) {
  for (const earlier of document.querySelectorAll(".toast")) earlier.remove();
  const note = h("div", { class: "toast", role: "status" }, text);
  document.body.append(note);
  setTimeout(() => note.remove(), 3500);
}

/** A section heading row: the title and its actions. */
export function pageHeader(title, ...actions) {
  return h(
    "header",
    { class: "page-header" },
    h("h1", { tabindex: "-1" }, title),
    h("div", { class: "actions" }, actions),
  );
}

/**
 * @module dialogs
 * Modal confirmation in the console's own words and a copy-to-clipboard
 * field for secrets shown once. Built on `<dialog>`, which traps focus and
 * closes on Escape without any code of ours.
 */
import { h } from "../lib/dom.js";
import { t } from "../lib/i18n.js";
import { notify } from "./feedback.js";

/** Asks `question`; resolves true when the customer confirms. */
export function confirmDialog(question, confirmLabel = t("common.confirm")) {
  return new Promise((resolve) => {
    const dialog = h(
      "dialog",
      { class: "dialog", "aria-label": question },
      h(
        "form",
        { method: "dialog" },
        h("p", null, question),
        h(
          "div",
          { class: "dialog-actions" },
          h("button", { value: "cancel", class: "btn" }, t("common.cancel")),
          h("button", { value: "ok", class: "btn btn-danger" }, confirmLabel),
        ),
      ),
    );
    dialog.addEventListener("close", () => {
      resolve(dialog.returnValue === "ok");
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A read-only field holding `secret`, with a copy button and a warning. */
export function secretOnce(title, secret) {
  const field = h("input", {
    class: "input mono",
    readonly: true,
    value: secret,
    "aria-label": title,
    onFocus: (e) => e.target.select(),
  });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
    } catch {
      field.select();
      document.execCommand("copy");
    }
    notify(t("common.copied"));
  };
  return h(
    "div",
    { class: "secret-once", role: "region", "aria-label": title },
    h("strong", null, title),
    h("p", { class: "muted" }, t("common.shown_once")),
    h(
      "div",
      { class: "row" },
      field,
      h("button", { type: "button", class: "btn", onClick: copy }, t("common.copy")),
    ),
  );
}

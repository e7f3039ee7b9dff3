/**
 * @module signin
 * Signing in with an API key. The key is checked against the API before it
 * is kept (in sessionStorage only), and a revoked, unknown or narrowed key is
 * explained in words a customer can act on.
 */

import { errorBox } from "../components/feedback.js";
import { api, session } from "../lib/api.js";
import { h, mount } from "../lib/dom.js";
import { otherLanguage, setLanguage, t } from "../lib/i18n.js";

export function renderSignIn(root, reason, onSignedIn) {
  const input = h("input", {
    id: "api-key",
    name: "api_key",
    class: "input mono",
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
    required: true,
    placeholder: "sk_alpha_…",
  });
  const message = h("div", { class: "signin-message" }, reason ? errorBox(reason) : null);
  const submit = h("button", { class: "btn btn-primary", type: "submit" }, t("auth.sign_in"));

  const onSubmit = async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    submit.disabled = true;
    mount(message);
    try {
      // Pricing needs a valid key and no scope, so even a narrowed key signs in.
      await api("/customer/pricing", { key });
      session.set(key);
      onSignedIn();
    } catch (error) {
      mount(message, errorBox(error));
      submit.disabled = false;
      input.focus();
    }
  };

  mount(
    root,
    h(
      "div",
      { class: "signin" },
      h(
        "form",
        { class: "card signin-card", onSubmit },
        h("div", { class: "brand brand-large" }, h("span", { class: "logo" }), t("app.title")),
        h("h1", null, t("auth.title")),
        h("p", { class: "muted" }, t("auth.intro")),
        h("label", { for: "api-key", class: "label" }, t("auth.api_key")),
        input,
        h("p", { class: "hint" }, t("auth.storage_note")),
        message,
        h("div", { class: "row" }, submit),
        h(
          "button",
          {
            type: "button",
            class: "btn btn-link",
            id: "language-switch",
            onClick: async () => {
              await setLanguage(otherLanguage(), true);
              renderSignIn(root, reason, onSignedIn);
            },
          },
          t("app.switch_language"),
        ),
      ),
    ),
  );
  input.focus();
}

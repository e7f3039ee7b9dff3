/**
 * @module shell
 * The signed-in frame: a top bar (product name, language switch, sign-out),
 * the left sidebar with every page, and the slot where pages draw. On a phone
 * the sidebar folds behind a menu button.
 */
import { session } from "../lib/api.js";
import { h, mount, svg } from "../lib/dom.js";
import { otherLanguage, t } from "../lib/i18n.js";
import { currentPath } from "../lib/router.js";

/** Sidebar entries: path, message key, and a 24×24 line icon's path data. */
const NAV = [
  [
    "/datasets",
    "nav.datasets",
    "M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zm0 0v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3",
  ],
  ["/packages", "nav.packages", "M3 7l9-4 9 4-9 4-9-4zm0 0v10l9 4 9-4V7M12 11v10"],
  ["/jobs", "nav.jobs", "M5 4h4v4H5zM15 10h4v4h-4zM5 16h4v4H5zM9 6h3v12H9m3-6h3"],
  ["/usage", "nav.usage", "M4 20V10m6 10V4m6 16v-7m4 7H2"],
  ["/api-keys", "nav.api_keys", "M14 10a4 4 0 1 0-3.5 4L9 16H7v2H5v2H3v-3l6.9-6.9M15.5 7.5h.01"],
  ["/webhooks", "nav.webhooks", "M4 8h13l-3-3m6 11H7l3 3"],
];

function icon(d) {
  return svg("svg", { viewBox: "0 0 24 24", "aria-hidden": "true" }, svg("path", { d }));
}

export function renderShell(root, { onSignOut, onLanguage }) {
  const main = h("main", { id: "main", class: "main", tabindex: "-1" });
  const links = NAV.map(([path, key, iconPath]) =>
    h(
      "a",
      { href: `#${path}`, class: "nav-link", dataset: { path } },
      h("span", { class: "nav-icon" }, icon(iconPath)),
      t(key),
    ),
  );
  const nav = h("nav", { class: "sidebar", id: "sidebar", "aria-label": t("nav.label") }, links);
  const menu = h(
    "button",
    {
      class: "btn btn-ghost menu-button",
      "aria-controls": "sidebar",
      "aria-expanded": "false",
      onClick: () => {
        const open = nav.classList.toggle("open");
        menu.setAttribute("aria-expanded", String(open));
      },
    },
    icon("M4 6h16M4 12h16M4 18h16"),
    t("nav.menu"),
  );
  const signOut = () => {
    session.clear();
    onSignOut();
  };

  mount(
    root,
    h("a", { href: "#main", class: "skip-link" }, t("nav.skip")),
    h(
      "div",
      { class: "layout" },
      h(
        "header",
        { class: "topbar" },
        menu,
        h(
          "a",
          { class: "brand", href: "#/jobs", "aria-label": t("app.title") },
          h("span", { class: "logo" }),
          h("span", { class: "brand-text" }, t("app.title")),
        ),
        h("span", { class: "spacer" }),
        h(
          "button",
          {
            class: "btn btn-ghost",
            id: "language-switch",
            lang: otherLanguage() === "zh" ? "zh-CN" : "en",
            onClick: () => onLanguage(otherLanguage()),
          },
          t("app.switch_language"),
        ),
        h(
          "button",
          { class: "btn btn-ghost", id: "sign-out", onClick: signOut },
          t("auth.sign_out"),
        ),
      ),
      nav,
      main,
    ),
  );

  return {
    /** A fresh section for the page at `pattern`; marks its sidebar entry. */
    page(pattern) {
      const path = currentPath();
      for (const link of links) {
        const mine = path === link.dataset.path || path.startsWith(`${link.dataset.path}/`);
        link.classList.toggle("active", mine);
        if (mine) link.setAttribute("aria-current", "page");
        else link.removeAttribute("aria-current");
      }
      nav.classList.remove("open");
      menu.setAttribute("aria-expanded", "false");
      const section = h("section", { class: "page", dataset: { page: pattern } });
      // Someone who chose a page from the sidebar continues in its content.
      const fromNav = nav.contains(document.activeElement);
      mount(main, section);
      if (fromNav) main.focus({ preventScroll: true });
      return section;
    },
  };
}

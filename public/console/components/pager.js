/**
 * @module pager
 * Forward-only cursor paging as the API offers it, with a "previous" that
 * remembers the cursors already seen. `load(cursor)` answers `{data, page}`.
 */
import { h } from "../lib/dom.js";
import { t } from "../lib/i18n.js";

export function pager(load, render) {
  const seen = [null];
  let index = 0;
  const prev = h(
    "button",
    { type: "button", class: "btn", onClick: () => go(index - 1) },
    t("common.previous"),
  );
  const next = h(
    "button",
    { type: "button", class: "btn", onClick: () => go(index + 1) },
    t("common.next"),
  );
  const info = h("span", { class: "muted" });
  const el = h("div", { class: "pager", hidden: true }, prev, info, next);

  async function go(to) {
    prev.disabled = true;
    next.disabled = true;
    const result = await load(seen[to]);
    if (!result) return;
    index = to;
    if (result.page?.has_more && result.page.next_cursor) seen[index + 1] = result.page.next_cursor;
    else seen.length = index + 1;
    prev.disabled = index === 0;
    next.disabled = seen.length <= index + 1;
    info.textContent = t("common.page_n", { n: index + 1 });
    el.hidden = index === 0 && next.disabled;
    render(result);
  }

  return { el, first: () => go(0), reload: () => go(index) };
}

/**
 * A table from column definitions `[{label, cell(row)}]`; `afterRow(row)` may
 * add a full-width row below a row (an error, details).
 */
export function table(columns, rows, { caption, rowProps, afterRow } = {}) {
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "table" },
      caption && h("caption", { class: "sr-only" }, caption),
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          columns.map((c) => h("th", { scope: "col", class: c.class }, c.label)),
        ),
      ),
      h(
        "tbody",
        null,
        rows.map((row) => {
          const extra = afterRow?.(row);
          return [
            h(
              "tr",
              { ...rowProps?.(row), class: extra ? "has-after" : undefined },
              columns.map((c) => h("td", { class: c.class, "data-label": c.label }, c.cell(row))),
            ),
            extra && h("tr", { class: "after-row" }, h("td", { colspan: columns.length }, extra)),
          ];
        }),
      ),
    ),
  );
}

/**
 * @module uploads (page)
 * The Datasets and Training packages pages: one list with status, size and
 * digest, the upload form, resuming a record still waiting for its bytes, the
 * reasons a package was refused, and delete.
 */

import { confirmDialog } from "../components/dialogs.js";
import { badge, empty, errorBox, notify, pageHeader } from "../components/feedback.js";
import { pager, table } from "../components/pager.js";
import { uploadForm, uploadProgress } from "../components/upload-form.js";
import { api } from "../lib/api.js";
import { h, mount } from "../lib/dom.js";
import { bytes, dateTime } from "../lib/format.js";
import { t } from "../lib/i18n.js";
import { Upload } from "../upload/uploader.js";

export function datasetsPage(el) {
  return uploadsPage(el, "datasets", "datasets");
}

export function packagesPage(el) {
  return uploadsPage(el, "training-packages", "packages");
}

function uploadsPage(el, kind, prefix) {
  const list = h("div", { class: "list" });
  const status = h("div");
  const paging = pager(
    async (cursor) => {
      try {
        const result = await api(`/customer/${kind}`, { query: { limit: 20, cursor } });
        mount(status);
        return result;
      } catch (error) {
        mount(status, errorBox(error));
        return null;
      }
    },
    ({ data }) => mount(list, data.length ? listTable(data) : empty(t(`${prefix}.empty`))),
  );

  const remove = async (row) => {
    if (
      !(await confirmDialog(t(`${prefix}.confirm_delete`, { name: row.name }), t("common.delete")))
    )
      return;
    try {
      await api(`/customer/${kind}/${row.id}`, { method: "DELETE" });
      notify(t("common.deleted"));
      paging.reload();
    } catch (error) {
      mount(status, errorBox(error));
    }
  };

  /** "Upload file" for a record still waiting: the same file, checked, then sent. */
  const resume = (row) => {
    const status = h("div", { class: "cell-status" });
    const input = h("input", {
      type: "file",
      class: "sr-only",
      "aria-label": t("upload.pick_again"),
    });
    input.addEventListener("change", async () => {
      const file = input.files?.[0];
      input.value = "";
      if (!file) return;
      if (file.size !== row.size_bytes) {
        mount(status, errorBox({ code: "FILE_MISMATCH", message: t("upload.file_mismatch") }));
        return;
      }
      const upload = new Upload(kind, file, {}, { record: row });
      upload.sha256 = null;
      const view = uploadProgress(upload, (record) => record && paging.reload());
      mount(status, view.el);
      await view.start();
    });
    const button = h(
      "button",
      { type: "button", class: "btn btn-small", onClick: () => input.click() },
      t("upload.continue"),
    );
    return [input, button, status];
  };

  const listTable = (rows) =>
    table(
      [
        {
          label: t("common.name"),
          cell: (r) =>
            h(
              "div",
              null,
              h("strong", null, r.name),
              h("div", { class: "muted mono small" }, r.id),
            ),
        },
        { label: t("common.status"), cell: (r) => badge(r.status) },
        { label: t("common.size"), cell: (r) => bytes(r.size_bytes), class: "num" },
        {
          label: t("common.sha256"),
          cell: (r) =>
            h("span", { class: "mono small", title: r.sha256 }, `${r.sha256.slice(0, 12)}…`),
        },
        { label: t("common.created"), cell: (r) => dateTime(r.created_at) },
        {
          label: t("common.actions"),
          cell: (r) => {
            const cell = h("div", { class: "cell-actions" });
            const waiting = r.status === "pending_upload" ? resume(r) : [];
            cell.append(...waiting.slice(0, 2));
            cell.append(
              h(
                "button",
                { type: "button", class: "btn btn-small btn-danger", onClick: () => remove(r) },
                t("common.delete"),
              ),
            );
            if (waiting[2]) cell.append(waiting[2]);
            return cell;
          },
        },
      ],
      rows,
      {
        caption: t(`nav.${prefix}`),
        rowProps: (r) => ({ dataset: { name: r.name } }),
        afterRow: (r) => r.failure && errorBox(r.failure),
      },
    );

  mount(
    el,
    pageHeader(t(`nav.${prefix}`)),
    h("p", { class: "muted" }, t(`${prefix}.intro`)),
    uploadForm(kind, () => paging.first()),
    h("h2", null, t(`${prefix}.list_title`)),
    status,
    list,
    paging.el,
  );
  paging.first();
}

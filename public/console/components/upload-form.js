/**
 * @module upload-form
 * The "upload a file" panel shared by datasets and training packages: pick a
 * file, name it, watch the SHA-256 and the upload progress, resume after a
 * network failure, and read why finalize refused it (a package's reasons,
 * line by line).
 */
import { h, mount } from "../lib/dom.js";
import { bytes } from "../lib/format.js";
import { t } from "../lib/i18n.js";
import { Upload } from "../upload/uploader.js";
import { errorBox } from "./feedback.js";

/**
 * A progress area driving one `Upload`. Answers `{el, start()}`; `start`
 * resolves with the ready record, or null when it stopped on an error (the
 * area then offers to resume).
 */
export function uploadProgress(upload, onDone) {
  const label = h("div", { class: "progress-label" });
  const bar = h("progress", { max: 100, value: 0, "aria-label": t("upload.progress") });
  const message = h("div");
  const actions = h("div", { class: "row" });
  const el = h("div", { class: "upload-progress", role: "group" }, label, bar, message, actions);
  let phase = "hashing";

  upload.options.onPhase = (next) => {
    phase = next;
    label.textContent = t(`upload.phase.${next}`);
    if (next === "finalizing") bar.removeAttribute("value");
    if (next === "done") bar.value = 100;
  };
  upload.options.onProgress = (done, total) => {
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    bar.value = percent;
    label.textContent = `${t(`upload.phase.${phase}`)} ${percent}% · ${bytes(done)} / ${bytes(total)}`;
  };

  const start = async () => {
    mount(message);
    mount(actions);
    bar.hidden = false;
    try {
      const record = await upload.run();
      mount(message, h("div", { class: "alert alert-ok" }, t("upload.ready")));
      onDone?.(record);
      return record;
    } catch (error) {
      if (error?.name === "AbortError") {
        mount(message, h("div", { class: "alert" }, t("upload.cancelled")));
        return null;
      }
      const shown =
        error.code === "FILE_MISMATCH"
          ? { code: "FILE_MISMATCH", message: t("upload.file_mismatch") }
          : error;
      mount(message, errorBox(shown));
      label.textContent = t("upload.stopped");
      const resumable = error.status === 0 || error.status >= 500 || error.status === 429;
      if (!resumable || phase === "finalizing") bar.hidden = true;
      if (resumable) {
        mount(
          actions,
          h(
            "button",
            { type: "button", class: "btn btn-primary", onClick: start },
            t("upload.resume"),
          ),
        );
      }
      onDone?.(null, error);
      return null;
    }
  };
  return { el, start };
}

/** The form that starts a new upload of `kind` ("datasets" | "training-packages"). */
export function uploadForm(kind, onUploaded) {
  const isDataset = kind === "datasets";
  const file = h("input", { type: "file", id: `${kind}-file`, name: "file", required: true });
  const name = h("input", { class: "input", id: `${kind}-name`, name: "name", maxlength: 200 });
  const format = isDataset
    ? h("input", { class: "input", id: `${kind}-format`, name: "format", placeholder: "csv" })
    : null;
  const description = h("input", {
    class: "input",
    id: `${kind}-description`,
    name: "description",
    maxlength: 2000,
  });
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("upload.start"));
  const progress = h("div");

  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    if (!name.value) name.value = chosen.name.replace(/\.[^.]+$/, "") || chosen.name;
    const ext = chosen.name.includes(".") ? chosen.name.split(".").pop().toLowerCase() : "";
    if (format && !format.value && /^[a-z0-9]{1,10}$/.test(ext)) format.value = ext;
  });

  const onSubmit = async (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return;
    const fields = { name: name.value.trim() || chosen.name };
    if (description.value.trim()) fields.description = description.value.trim();
    if (format?.value.trim()) fields.format = format.value.trim().toLowerCase();

    submit.disabled = true;
    const upload = new Upload(kind, chosen, fields);
    const view = uploadProgress(upload, (record) => {
      if (record) form.reset();
      onUploaded?.(record);
    });
    mount(progress, view.el);
    await view.start();
    submit.disabled = false;
  };

  const field = (id, labelKey, input, hintKey) =>
    h(
      "div",
      { class: "field" },
      h("label", { for: id, class: "label" }, t(labelKey)),
      input,
      hintKey && h("div", { class: "hint" }, t(hintKey)),
    );
  const form = h(
    "form",
    {
      class: "card form",
      onSubmit,
      "aria-label": t(`${isDataset ? "datasets" : "packages"}.upload_title`),
    },
    h("h2", null, t(`${isDataset ? "datasets" : "packages"}.upload_title`)),
    field(file.id, "upload.file", file, isDataset ? "datasets.file_hint" : "packages.file_hint"),
    h(
      "div",
      { class: "grid-2" },
      field(name.id, "upload.name", name),
      format
        ? field(format.id, "datasets.format", format)
        : field(description.id, "upload.description", description),
    ),
    format && field(description.id, "upload.description", description),
    h("div", { class: "row" }, submit),
    progress,
  );
  return form;
}

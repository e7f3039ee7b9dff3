/**
 * @module sdk/cli/uploads
 * `datasets upload|list` and `packages upload|list`. A package given as a
 * directory is zipped to a temporary file first (see `package-dir.ts`).
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import type { Dataset, TrainingPackage } from "../api-types.ts";
import { collect } from "../pagination.ts";
import {
  type Command,
  type Context,
  intFlag,
  noPositionals,
  onePositional,
  progressPrinter,
  stringFlag,
} from "./context.ts";
import { t } from "./i18n.ts";
import { result, table, UsageError } from "./output.ts";
import { zipDirectory } from "./package-dir.ts";

async function existing(path: string) {
  const info = await stat(path).catch(() => null);
  if (!info) throw new UsageError(t("file_missing", { path }));
  return info;
}

export const datasetsUpload: Command = {
  options: {
    name: { type: "string" },
    format: { type: "string" },
    description: { type: "string" },
  },
  async run(context) {
    const path = onePositional(context, "FILE");
    await existing(path);
    if (!context.output.json) context.output.err(t("hashing", { path }));

    const dataset = await context.client.uploadDataset(path, {
      name: stringFlag(context, "name"),
      format: stringFlag(context, "format"),
      description: stringFlag(context, "description"),
      onProgress: progressPrinter(context),
      signal: context.signal,
    });
    result(context.output, dataset, () =>
      t("dataset_ready", { id: dataset.id, size: dataset.size_bytes, sha256: dataset.sha256 }),
    );
    return 0;
  },
};

export const packagesUpload: Command = {
  options: { name: { type: "string" }, description: { type: "string" } },
  async run(context) {
    const path = resolve(onePositional(context, "DIR|ZIP"));
    const info = await existing(path);
    let zip = path;
    let scratch: string | null = null;
    try {
      if (info.isDirectory()) {
        scratch = await mkdtemp(join(tmpdir(), "gpu-agent-package-"));
        zip = join(scratch, `${basename(path)}.zip`);
        const files = await zipDirectory(path, zip);
        if (!context.output.json)
          context.output.err(t("zipping", { dir: path, count: files.length }));
      }

      const pkg = await context.client.uploadTrainingPackage(zip, {
        name: stringFlag(context, "name") ?? basename(path),
        description: stringFlag(context, "description"),
        onProgress: progressPrinter(context),
        signal: context.signal,
      });
      result(context.output, pkg, () =>
        t("package_ready", { id: pkg.id, entrypoint: pkg.entrypoint ?? "-" }),
      );
      return 0;
    } finally {
      if (scratch) await rm(scratch, { recursive: true, force: true });
    }
  },
};

const listOptions = { limit: { type: "string" } } as const;

function uploadsTable(rows: (Dataset | TrainingPackage)[]): string {
  const header = ["ID", "NAME", "STATUS", "SIZE", "CREATED"];
  const body = rows.map((r) => [r.id, r.name, r.status, String(r.size_bytes), r.created_at]);
  return table(body, header);
}

async function listCommand(context: Context, kind: "datasets" | "packages"): Promise<number> {
  noPositionals(context);
  const limit = intFlag(context, "limit", 50);
  const iterator =
    kind === "datasets"
      ? context.client.listDatasets({ signal: context.signal })
      : context.client.listTrainingPackages({ signal: context.signal });
  const rows = await collect<Dataset | TrainingPackage>(iterator, limit);
  result(context.output, { data: rows }, () => uploadsTable(rows));
  return 0;
}

export const datasetsList: Command = {
  options: listOptions,
  run: (context) => listCommand(context, "datasets"),
};

export const packagesList: Command = {
  options: listOptions,
  run: (context) => listCommand(context, "packages"),
};

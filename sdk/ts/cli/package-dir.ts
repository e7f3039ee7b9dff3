/**
 * @module sdk/cli/package-dir
 * Turns a directory into a training-package zip on disk, streamed entry by
 * entry. The `gpu-agent.json` manifest, when present, is read first and
 * checked against the directory (it must be a JSON object, and its entry
 * point and every stage's entry point must be files in it), so a mistake
 * shows before anything is uploaded; the platform validates the rest at
 * finalize. Entries are sorted and dated 2000-01-01, so the same files give
 * the same bytes and digest; dotfiles, links and Python caches stay out.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { configure, ZipWriter } from "@zip.js/zip.js";
import type { TrainingPackage } from "../api-types.ts";
import { t } from "./i18n.ts";
import { UsageError } from "./output.ts";

configure({ useWebWorkers: false });

type Manifest = NonNullable<TrainingPackage["manifest"]>;

export const MANIFEST_FILE = "gpu-agent.json";
const DEFAULT_ENTRYPOINT = "train.py";
const FIXED_DATE = new Date("2000-01-01T00:00:00Z");

/** Lists the directory's files (relative, `/`-separated, sorted). */
export async function listPackageFiles(root: string, prefix = ""): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(join(root, prefix), { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "__pycache__") continue;
    if (entry.name.endsWith(".pyc")) continue;
    const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await listPackageFiles(root, relative)));
    else if (entry.isFile()) found.push(relative);
  }
  return found.sort();
}

/** Reads and checks `gpu-agent.json` against the files; null when there is none. */
export async function checkManifest(dir: string, files: string[]): Promise<Manifest | null> {
  const present = new Set(files);
  let manifest: Manifest | null = null;
  if (present.has(MANIFEST_FILE)) {
    const text = await readFile(join(dir, MANIFEST_FILE), "utf8");
    try {
      manifest = JSON.parse(text) as Manifest;
    } catch (err) {
      throw new UsageError(t("manifest_invalid", { reason: (err as Error).message }));
    }
    if (!manifest || typeof manifest !== "object" || Array.isArray(manifest)) {
      throw new UsageError(t("manifest_invalid", { reason: "not a JSON object" }));
    }
  }

  const entrypoints = [manifest?.entrypoint ?? DEFAULT_ENTRYPOINT];
  for (const stage of manifest?.stages ?? []) entrypoints.push(stage.entrypoint);
  for (const path of entrypoints) {
    if (typeof path !== "string" || !present.has(path)) {
      throw new UsageError(t("entrypoint_missing", { path: String(path), dir }));
    }
  }
  return manifest;
}

/** Writes the directory's zip to `out`; answers the files it holds. */
export async function zipDirectory(dir: string, out: string): Promise<string[]> {
  const files = await listPackageFiles(dir);
  await checkManifest(dir, files);

  const sink = Writable.toWeb(createWriteStream(out)) as WritableStream<Uint8Array>;
  const writer = new ZipWriter(sink, { lastModDate: FIXED_DATE });
  for (const relative of files) {
    const source = Readable.toWeb(createReadStream(join(dir, relative)));
    await writer.add(relative, source as unknown as ReadableStream<Uint8Array>, {
      lastModDate: FIXED_DATE,
    });
  }
  await writer.close();
  return files;
}

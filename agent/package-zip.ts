/**
 * @module agent/package-zip
 * Builds a training-package zip from one or more directories (a file in a
 * later directory replaces the same path in an earlier one). Entries are
 * sorted and carry a fixed date, so the same files always give the same
 * bytes and the same SHA-256. Links, dotfiles and Python caches are left
 * out. Used by the demo and the tests; customers may zip however they like.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from "@zip.js/zip.js";

configure({ useWebWorkers: false });

const FIXED_DATE = new Date("2000-01-01T00:00:00Z");

export async function zipPackage(dirs: readonly string[]): Promise<Uint8Array> {
  const files = new Map<string, string>();
  for (const dir of dirs) {
    for (const relative of await listFiles(dir, "")) files.set(relative, join(dir, relative));
  }

  const writer = new ZipWriter(new Uint8ArrayWriter(), { lastModDate: FIXED_DATE });
  for (const relative of [...files.keys()].sort()) {
    const bytes = await readFile(files.get(relative)!);
    await writer.add(relative, new Uint8ArrayReader(bytes), { lastModDate: FIXED_DATE });
  }
  return writer.close();
}

async function listFiles(root: string, prefix: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(join(root, prefix), { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "__pycache__") continue;
    if (entry.name.endsWith(".pyc")) continue;
    const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await listFiles(root, relative)));
    else if (entry.isFile()) found.push(relative);
  }
  return found;
}

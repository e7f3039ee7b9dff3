/**
 * @module agent/unzip
 * Unpacks a zip (a training package, or a zipped dataset) under the rules of
 * `archive.ts`, reading the file from disk through zip.js without loading it
 * into memory. Every entry is checked before the first byte is written, so a
 * hostile archive leaves nothing behind but an empty target.
 */
import { openAsBlob } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { BlobReader, configure, type Entry, ZipReader } from "@zip.js/zip.js";
import {
  type ArchiveLimits,
  Budget,
  createEntryFile,
  DEFAULT_LIMITS,
  safeSegments,
  UnsafeArchiveError,
} from "./archive.ts";

// Node has no web workers for zip.js to start; inflate on the main thread.
configure({ useWebWorkers: false });

export interface UnpackResult {
  files: number;
  bytes: number;
}

export async function unzipFile(
  zipPath: string,
  target: string,
  limits: ArchiveLimits = DEFAULT_LIMITS,
): Promise<UnpackResult> {
  const reader = new ZipReader(new BlobReader(await openAsBlob(zipPath)), {
    filenameValidation: "strict",
    strictness: "strict",
  });
  try {
    const entries = await readEntries(reader);
    const plan = checkEntries(entries, limits);

    await mkdir(target, { recursive: true });
    const budget = new Budget(limits);
    let files = 0;
    for (const { entry, segments } of plan) {
      await mkdir(join(target, ...(entry.directory ? segments : segments.slice(0, -1))), {
        recursive: true,
      });
      if (entry.directory) continue;

      await writeEntry(entry, target, segments, budget);
      files += 1;
    }
    return { files, bytes: budget.total };
  } finally {
    await reader.close();
  }
}

async function readEntries(reader: ZipReader<Blob>): Promise<Entry[]> {
  try {
    return await reader.getEntries();
  } catch (err) {
    // zip.js refuses unsafe names itself; report it as what it is.
    const message = err instanceof Error ? err.message : String(err);
    if (/unsafe filename/i.test(message)) {
      const name = (err as { filename?: unknown }).filename;
      throw new UnsafeArchiveError(`unsafe path ${JSON.stringify(name ?? "?")}`);
    }
    throw new UnsafeArchiveError(`not a readable zip: ${message}`);
  }
}

/** Validates every entry's name, type and declared size before anything is written. */
function checkEntries(entries: readonly Entry[], limits: ArchiveLimits) {
  if (entries.length > limits.maxEntries) {
    throw new UnsafeArchiveError(`more than ${limits.maxEntries} entries`);
  }

  let declared = 0;
  const seen = new Set<string>();
  const plan = entries.map((entry) => {
    const segments = safeSegments(entry.filename);
    if (segments.length === 0 && !entry.directory) {
      throw new UnsafeArchiveError(`a file without a name`);
    }
    if (entry.symlink) throw new UnsafeArchiveError(`link ${JSON.stringify(entry.filename)}`);
    if (entry.encrypted) {
      throw new UnsafeArchiveError(`encrypted entry ${JSON.stringify(entry.filename)}`);
    }
    const fileType = (entry.externalFileAttributes >>> 16) & 0o170000;
    if (fileType !== 0 && fileType !== 0o100000 && fileType !== 0o040000) {
      throw new UnsafeArchiveError(`special file ${JSON.stringify(entry.filename)}`);
    }

    const key = segments.join("/");
    if (!entry.directory && seen.has(key)) {
      throw new UnsafeArchiveError(`duplicate entry ${JSON.stringify(entry.filename)}`);
    }
    seen.add(key);

    declared += entry.uncompressedSize;
    return { entry, segments };
  });

  if (declared > limits.maxBytes) {
    throw new UnsafeArchiveError(`more than ${limits.maxBytes} bytes uncompressed`);
  }
  return plan;
}

async function writeEntry(
  entry: Entry,
  target: string,
  segments: readonly string[],
  budget: Budget,
): Promise<void> {
  if (entry.directory) return;
  budget.entry();

  const file = await createEntryFile(target, segments);
  try {
    // The declared size may lie: count what inflates, and stop at the cap.
    await entry.getData(
      new WritableStream<Uint8Array>({
        async write(chunk) {
          budget.add(chunk.byteLength);
          await file.write(chunk);
        },
      }),
      { checkCrc32: true },
    );
  } finally {
    await file.close();
  }
}

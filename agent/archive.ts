/**
 * @module agent/archive
 * The rules every archive the agent unpacks must follow, whatever its format:
 * paths stay inside the target (no absolute paths, no `..`, no backslashes or
 * drive letters), only regular files and directories (no links, devices or
 * FIFOs), a bounded number of entries and of bytes, counted while the bytes
 * are written rather than trusted from the archive's headers. A violation is
 * an `UnsafeArchiveError` and the caller throws the target away.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { createGunzip } from "node:zlib";

export interface ArchiveLimits {
  /** @default 10_000 */
  maxEntries: number;
  /** Total uncompressed bytes. @default 1 GiB */
  maxBytes: number;
}

export const DEFAULT_LIMITS: ArchiveLimits = { maxEntries: 10_000, maxBytes: 1024 ** 3 };

export class UnsafeArchiveError extends Error {
  override name = "UnsafeArchiveError";
}

export type ArchiveFormat = "zip" | "tar" | "tar.gz" | null;

/**
 * The path segments of an entry name, checked; throws on anything that could
 * land outside the target. A trailing `/` marks a directory; `./` (the
 * target itself, as `tar -C dir .` writes it) gives no segment at all.
 */
export function safeSegments(name: string): string[] {
  if (name === "" || name.includes("\0")) throw new UnsafeArchiveError(`empty or NUL name`);
  if (name.includes("\\")) throw new UnsafeArchiveError(`backslash in ${JSON.stringify(name)}`);
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) {
    throw new UnsafeArchiveError(`absolute path ${JSON.stringify(name)}`);
  }

  const segments = name.split("/").filter((segment) => segment !== "" && segment !== ".");
  if (segments.includes("..")) throw new UnsafeArchiveError(`'..' in ${JSON.stringify(name)}`);
  if (segments.length === 0 && !name.endsWith("/") && name !== ".") {
    throw new UnsafeArchiveError(`no path in ${JSON.stringify(name)}`);
  }
  return segments;
}

/** What an archive's magic bytes say it is. */
export function sniffFormat(head: Uint8Array): ArchiveFormat {
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05)) {
    return "zip";
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return "tar.gz";
  const magic = new TextDecoder().decode(head.subarray(257, 262));
  return magic === "ustar" ? "tar" : null;
}

/** Like `sniffFormat` on a file; a gzip file is a tar only if what it inflates to is one. */
export async function sniffFile(path: string): Promise<ArchiveFormat> {
  const handle = await open(path, "r");
  let head: Uint8Array;
  try {
    const buffer = new Uint8Array(512);
    const { bytesRead } = await handle.read(buffer, 0, 512, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }

  const format = sniffFormat(head);
  if (format !== "tar.gz") return format;
  return sniffFormat(await inflatedHead(path)) === "tar" ? "tar.gz" : null;
}

/** The first 512 bytes a gzip file inflates to (fewer if it is shorter or broken). */
async function inflatedHead(path: string): Promise<Uint8Array> {
  const file = createReadStream(path);
  const stream = file.pipe(createGunzip());
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= 512) break;
    }
  } catch {
    // A broken gzip stream is simply not a tar.
  } finally {
    stream.destroy();
    file.destroy();
  }
  return Buffer.concat(chunks).subarray(0, 512);
}

/** Counts entries and bytes against the limits while an archive is unpacked. */
export class Budget {
  private entries = 0;
  private bytes = 0;
  private readonly limits: ArchiveLimits;

  constructor(limits: ArchiveLimits) {
    this.limits = limits;
  }

  entry(): void {
    this.entries += 1;
    if (this.entries > this.limits.maxEntries) {
      throw new UnsafeArchiveError(`more than ${this.limits.maxEntries} entries`);
    }
  }

  add(bytes: number): void {
    this.bytes += bytes;
    if (this.bytes > this.limits.maxBytes) {
      throw new UnsafeArchiveError(`more than ${this.limits.maxBytes} bytes uncompressed`);
    }
  }

  get total(): number {
    return this.bytes;
  }
}

/**
 * Opens `target/segments` for writing. `wx` refuses an existing path, so a
 * duplicate entry cannot overwrite an earlier file, and since the agent never
 * creates links nothing can redirect the write outside `target`.
 */
export async function createEntryFile(target: string, segments: readonly string[]) {
  return open(join(target, ...segments), "wx", 0o644);
}

/**
 * @module agent/untar
 * Unpacks a tar or gzip-compressed tar dataset under the rules of
 * `archive.ts`. A small streaming reader of the POSIX ustar format with the
 * pax and GNU long-name extensions: regular files and directories only (a
 * link, device or FIFO refuses the archive), checksums checked, sizes counted
 * as bytes are written. A tar has no central directory, so unlike a zip a bad
 * entry is found part-way; the caller removes the partial target.
 */
import { createReadStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { createGunzip } from "node:zlib";
import {
  type ArchiveLimits,
  Budget,
  createEntryFile,
  DEFAULT_LIMITS,
  safeSegments,
  UnsafeArchiveError,
} from "./archive.ts";
import type { UnpackResult } from "./unzip.ts";

const BLOCK = 512;

export async function untarFile(
  tarPath: string,
  target: string,
  options: { gzip: boolean; limits?: ArchiveLimits },
): Promise<UnpackResult> {
  const file = createReadStream(tarPath);
  const source = options.gzip ? file.pipe(createGunzip()) : file;
  const reader = new BlockReader(source[Symbol.asyncIterator]());
  const budget = new Budget(options.limits ?? DEFAULT_LIMITS);
  await mkdir(target, { recursive: true });

  let files = 0;
  let longName: string | null = null;
  try {
    for (;;) {
      const header = await reader.read(BLOCK);
      if (header === null || header.every((byte) => byte === 0)) break;
      checkChecksum(header);

      const type = String.fromCharCode(header[156] ?? 0);
      const size = readSize(header);
      const padded = Math.ceil(size / BLOCK) * BLOCK;

      if (type === "x" || type === "L") {
        if (size > 1024 * 1024) throw new UnsafeArchiveError("oversized extended header");
        const body = (await reader.read(padded)) ?? truncated();
        const text = body.subarray(0, size).toString("utf8");
        longName = type === "L" ? text.replace(/\0.*$/s, "") : (paxPath(text) ?? longName);
        continue;
      }
      if (type === "g") {
        await reader.skip(padded);
        continue;
      }

      const name = longName ?? headerName(header);
      longName = null;
      budget.entry();
      const segments = safeSegments(name);

      if (type === "5") {
        await mkdir(join(target, ...segments), { recursive: true });
        await reader.skip(padded);
        continue;
      }
      if (type !== "0" && type !== "\0" && type !== "7") {
        throw new UnsafeArchiveError(`link or special file ${JSON.stringify(name)}`);
      }
      if (segments.length === 0) throw new UnsafeArchiveError(`a file without a name`);

      await mkdir(join(target, ...segments.slice(0, -1)), { recursive: true });
      const out = await createEntryFile(target, segments);
      try {
        for await (const piece of reader.pieces(size)) {
          budget.add(piece.byteLength);
          await out.write(piece);
        }
      } finally {
        await out.close();
      }
      await reader.skip(padded - size);
      files += 1;
    }
  } finally {
    file.destroy();
  }
  return { files, bytes: budget.total };
}

/** Reads exact byte counts from a stream of chunks. */
class BlockReader {
  private readonly chunks: AsyncIterator<Buffer>;
  private buffer = Buffer.alloc(0);
  private ended = false;

  constructor(chunks: AsyncIterator<Buffer>) {
    this.chunks = chunks;
  }

  /** Exactly `n` bytes, or null at a clean end of stream. */
  async read(n: number): Promise<Buffer | null> {
    while (this.buffer.length < n && !this.ended) await this.pull();
    if (this.buffer.length === 0 && this.ended) return null;
    if (this.buffer.length < n) truncated();
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    return out;
  }

  /** `n` bytes as they arrive, without holding them all. */
  async *pieces(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      while (this.buffer.length === 0 && !this.ended) await this.pull();
      if (this.buffer.length === 0) truncated();
      const piece = this.buffer.subarray(0, Math.min(left, this.buffer.length));
      this.buffer = this.buffer.subarray(piece.length);
      left -= piece.length;
      yield piece;
    }
  }

  async skip(n: number): Promise<void> {
    for await (const _ of this.pieces(n)) {
      // Discarded: padding or a header the agent does not use.
    }
  }

  private async pull(): Promise<void> {
    if (this.ended) return;
    const next = await this.chunks.next();
    if (next.done) this.ended = true;
    else this.buffer = Buffer.concat([this.buffer, next.value]);
  }
}

function headerName(header: Buffer): string {
  const name = cString(header.subarray(0, 100));
  const magic = header.subarray(257, 263).toString("latin1");
  const prefix = magic === "ustar\u000000" ? cString(header.subarray(345, 500)) : "";
  return prefix === "" ? name : `${prefix}/${name}`;
}

function readSize(header: Buffer): number {
  const field = header.subarray(124, 136);
  if ((field[0]! & 0x80) !== 0) throw new UnsafeArchiveError("entry too large");
  const text = cString(field).trim();
  if (!/^[0-7]*$/.test(text)) throw new UnsafeArchiveError("not a tar archive (size field)");
  return text === "" ? 0 : Number.parseInt(text, 8);
}

function checkChecksum(header: Buffer): void {
  const stored = Number.parseInt(cString(header.subarray(148, 156)).trim(), 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i += 1) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  if (sum !== stored) throw new UnsafeArchiveError("not a tar archive (bad header checksum)");
}

/** The `path` record of a pax extended header (`<len> path=<value>\n` records). */
function paxPath(text: string): string | null {
  for (const record of text.split("\n")) {
    const match = /^\d+ path=(.*)$/s.exec(record);
    if (match) return match[1]!;
  }
  return null;
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString("utf8");
}

function truncated(): never {
  throw new UnsafeArchiveError("the archive is truncated");
}

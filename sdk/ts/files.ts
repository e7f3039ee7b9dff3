/**
 * @module sdk/files
 * Local files as streams: hashing one without loading it, reading a byte
 * range as a web stream for an upload body, and writing a download to disk
 * while hashing it, renamed into place only once complete.
 */
import { createHash, type Hash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ChecksumError } from "./errors.ts";

/** SHA-256 (lowercase hex) and length of a file, read as a stream. */
export async function hashFile(
  path: string,
  signal?: AbortSignal,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  await pipeline(
    createReadStream(path),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done();
      },
    }),
    { signal },
  );
  return { sha256: hash.digest("hex"), size };
}

/**
 * Bytes `start` to `end` (inclusive) of a file as a web stream, fed through
 * `hash` on the way out, so the caller learns the digest of what it sent.
 */
export function fileStream(
  path: string,
  range?: { start: number; end: number },
  hash?: Hash,
): ReadableStream<Uint8Array> {
  const source = Readable.toWeb(
    createReadStream(path, range),
  ) as unknown as ReadableStream<Uint8Array>;
  if (!hash) return source;
  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        hash.update(chunk);
        controller.enqueue(chunk);
      },
    }),
  );
}

/**
 * Writes a response body to `path` through `<path>.<random>.part`, hashing it; the
 * file appears under its name only when every byte arrived and, given
 * `expected`, its size and SHA-256 match (else `ChecksumError`, nothing kept).
 */
export async function writeStream(
  body: ReadableStream<Uint8Array>,
  path: string,
  options: { signal?: AbortSignal; expected?: { sha256: string; size: number } } = {},
): Promise<{ sha256: string; size: number }> {
  const partial = `${path}.${randomBytes(4).toString("hex")}.part`;
  const hash = createHash("sha256");
  let size = 0;
  const tap = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      hash.update(chunk);
      size += chunk.length;
      controller.enqueue(chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body.pipeThrough(tap) as never), createWriteStream(partial), {
      signal: options.signal,
    });
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }

  const got = { sha256: hash.digest("hex"), size };
  const { expected } = options;
  if (expected && (expected.sha256 !== got.sha256 || expected.size !== got.size)) {
    await rm(partial, { force: true });
    throw new ChecksumError(
      `Downloaded ${got.size} bytes hashing to ${got.sha256}; expected ${expected.size} ` +
        `bytes hashing to ${expected.sha256}`,
      expected.sha256,
      got.sha256,
    );
  }
  await rename(partial, path);
  return got;
}

/**
 * @module streams
 * Moving uploaded bytes without holding them: a request body is counted and
 * hashed chunk by chunk on its way to R2, and a stored object is hashed by
 * streaming it through workerd's `crypto.DigestStream`. A body that runs past
 * its limit is stopped at the chunk that crosses it, so nothing over the cap
 * is ever read, let alone stored.
 */
import { hex } from "../domain/crypto";
import { ApiError } from "../domain/errors";

export interface MeterLimits {
  /** Bytes past this are refused with `PAYLOAD_TOO_LARGE`. */
  max: number;
  /** What `max` is, for the error message ("the declared size_bytes"). */
  maxName: string;
  /** When set, a body that ends short of it fails with `CHECKSUM_MISMATCH`. */
  exact?: number;
}

export interface MeteredBody {
  /** The body, of a length R2 knows in advance (a `FixedLengthStream`). */
  readable: ReadableStream<Uint8Array>;
  /** The error that stopped the stream, when it was one of ours. */
  failure(): ApiError | undefined;
  /** After the stream ended: its SHA-256, lowercase hex. */
  sha256(): Promise<string>;
}

/**
 * Passes `body` on when it is exactly `limits.exact` bytes long, hashing it
 * on the way; a longer or shorter body errors the stream at the chunk that
 * proves it. Each chunk waits for R2 to take it, so at most one is in memory.
 */
export function meterBody(
  body: ReadableStream<Uint8Array>,
  limits: MeterLimits & { exact: number },
): MeteredBody {
  const digest = new crypto.DigestStream("SHA-256");
  const hashing = digest.getWriter();
  const fixed = new FixedLengthStream(limits.exact);
  const out = fixed.writable.getWriter();
  let failure: ApiError | undefined;

  // Pumped by hand rather than piped: workerd reports the internal promises
  // of a pipe into a FixedLengthStream as unhandled when the pipe errors.
  const pump = async () => {
    const reader = body.getReader();
    let bytes = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        if (bytes > limits.max) failure = tooLarge(limits);
        if (failure) throw failure;
        await hashing.write(value);
        await out.write(value);
      }
      if (bytes < limits.exact) failure = tooShort(bytes, limits.exact);
      if (failure) throw failure;
      await hashing.close();
      await out.close();
    } catch (err) {
      reader.cancel(err).catch(ignore);
      hashing.abort(err).catch(ignore);
      out.abort(err).catch(ignore);
    }
  };

  const pumped = pump();
  for (const promise of [digest.digest, hashing.closed, out.closed]) promise.catch(ignore);

  return {
    readable: fixed.readable,
    failure: () => failure,
    sha256: async () => {
      await pumped;
      return hex(await digest.digest);
    },
  };
}

function ignore(): void {}

function tooLarge(limits: MeterLimits): ApiError {
  return new ApiError(
    "PAYLOAD_TOO_LARGE",
    `The body is larger than ${limits.maxName} (${limits.max} bytes)`,
    { limit_bytes: limits.max },
  );
}

function tooShort(received: number, declared: number): ApiError {
  return new ApiError(
    "CHECKSUM_MISMATCH",
    `The body ended after ${received} bytes; size_bytes declares ${declared}`,
    { declared_size_bytes: declared, received_bytes: received },
  );
}

/**
 * The request's `Content-Length`, when it sent one. A length over `limits.max`
 * is refused before a byte is read; one short of `limits.exact` as well.
 */
export function checkContentLength(request: Request, limits: MeterLimits): number | undefined {
  const header = request.headers.get("Content-Length");
  if (header === null) return undefined;

  const length = Number(header);
  if (!/^\d+$/.test(header) || !Number.isSafeInteger(length)) {
    throw new ApiError("VALIDATION_FAILED", "Content-Length must be a whole number of bytes");
  }
  if (length > limits.max) throw tooLarge(limits);
  if (limits.exact !== undefined && length < limits.exact) throw tooShort(length, limits.exact);
  return length;
}

/** Streams a stored object through SHA-256; `undefined` when it is absent. */
export async function digestObject(bucket: R2Bucket, key: string) {
  const object = await bucket.get(key);
  if (!object) return undefined;

  const digest = new crypto.DigestStream("SHA-256");
  await object.body.pipeTo(digest);
  return { bytes: Number(digest.bytesWritten), sha256: hex(await digest.digest) };
}

/**
 * @module uploader
 * Sends a file through the upload lifecycle shared by datasets and training
 * packages: hash it in the browser → create the record (size + sha256) →
 * PUT the bytes in one request (≤ 100 MiB) or in parts → finalize.
 *
 * An `Upload` keeps what already reached the server (the record, the
 * multipart upload id, each stored part's etag), so after a network failure
 * `resume()` sends only what is missing. Each request is also retried a few
 * times with backoff before the customer is asked.
 */
import { api, isRetryable, sendBytes } from "../lib/api.js";
import { hashBlob } from "./sha256.js";

/** Files up to this size are hashed with WebCrypto in one go (faster). */
const WEBCRYPTO_MAX_BYTES = 64 * 1024 * 1024;
const PART_TARGET_BYTES = 16 * 1024 * 1024;
const PART_CONCURRENCY = 3;
const ATTEMPTS = 3;

async function sha256Of(file, onProgress, signal) {
  if (file.size <= WEBCRYPTO_MAX_BYTES && crypto.subtle) {
    const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
    onProgress(file.size, file.size);
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  }
  return hashBlob(file, { onProgress, signal });
}

/** Retries `send` on network errors and 5xx/429, waiting 1 s, 2 s, 4 s… */
async function withRetries(send, signal) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryable(error) || signal?.aborted) throw error;
      await new Promise((done) => setTimeout(done, 1000 * 2 ** (attempt - 1)));
    }
  }
}

export class Upload {
  /**
   * @param kind `"datasets"` or `"training-packages"` (the route segment)
   * @param file the File or Blob to send
   * @param fields the create body's other fields (name, description, format)
   * @param options `onPhase(phase)`, `onProgress(done, total)`, `singlePutMax`, `partBytes`
   */
  constructor(kind, file, fields, options = {}) {
    this.kind = kind;
    this.file = file;
    this.fields = fields;
    this.options = options;
    this.record = options.record ?? null;
    this.sha256 = options.record?.sha256 ?? null;
    this.multipart = null;
    this.parts = new Map();
    this.controller = new AbortController();
  }

  phase(name) {
    this.options.onPhase?.(name);
  }

  progress(done, total) {
    this.options.onProgress?.(done, total);
  }

  cancel() {
    this.controller.abort();
  }

  /** Runs (or, after a failure, continues) every step; answers the ready record. */
  async run() {
    const signal = this.controller.signal;
    const base = `/customer/${this.kind}`;

    if (!this.sha256) {
      this.phase("hashing");
      this.sha256 = await sha256Of(this.file, (d, t) => this.progress(d, t), signal);
    }
    if (this.record && this.record.sha256 !== this.sha256) {
      const error = new Error("different file");
      error.code = "FILE_MISMATCH";
      throw error;
    }
    if (!this.record) {
      const body = { ...this.fields, size_bytes: this.file.size, sha256: this.sha256 };
      this.record = await withRetries(() => api(base, { method: "POST", body }), signal);
    }

    const id = this.record.id;
    if (this.record.status === "pending_upload") {
      this.phase("uploading");
      const singleMax = this.options.singlePutMax ?? this.record.upload?.max_single_put_bytes;
      if (this.file.size <= (singleMax ?? 100 * 1024 * 1024)) await this.putWhole(`${base}/${id}`);
      else await this.putParts(`${base}/${id}`);
    }

    this.phase("finalizing");
    this.record = await withRetries(
      () => api(`${base}/${id}/finalize`, { method: "POST" }),
      signal,
    );
    this.phase("done");
    return this.record;
  }

  async putWhole(path) {
    const signal = this.controller.signal;
    const size = this.file.size;
    this.record = await withRetries(
      () =>
        sendBytes(`${path}/content`, this.file, {
          signal,
          onProgress: (sent) => this.progress(Math.min(sent, size), size),
        }),
      signal,
    );
  }

  async putParts(path) {
    const signal = this.controller.signal;
    if (!this.multipart) {
      this.multipart = await withRetries(() => api(`${path}/uploads`, { method: "POST" }), signal);
    }
    const { upload_id: uploadId, min_part_bytes: min, max_parts: maxParts } = this.multipart;
    const size = this.file.size;
    const wanted = this.options.partBytes ?? PART_TARGET_BYTES;
    const partBytes = Math.max(min, wanted, Math.ceil(size / maxParts));
    const count = Math.ceil(size / partBytes);

    const inFlight = new Map();
    const report = () => {
      let done = 0;
      for (const part of this.parts.values()) done += part.size_bytes;
      for (const sent of inFlight.values()) done += sent;
      this.progress(Math.min(done, size), size);
    };
    const missing = [];
    for (let n = 1; n <= count; n++) if (!this.parts.has(n)) missing.push(n);
    report();

    const sendPart = async (n) => {
      const slice = this.file.slice((n - 1) * partBytes, Math.min(n * partBytes, size));
      const url = `${path}/uploads/${encodeURIComponent(uploadId)}/parts/${n}`;
      const receipt = await withRetries(
        () =>
          sendBytes(url, slice, {
            signal,
            onProgress: (sent) => {
              inFlight.set(n, sent);
              report();
            },
          }),
        signal,
      );
      inFlight.delete(n);
      this.parts.set(n, receipt);
      report();
    };

    const queue = [...missing];
    const worker = async () => {
      while (queue.length > 0) await sendPart(queue.shift());
    };
    const workers = Array.from({ length: Math.min(PART_CONCURRENCY, queue.length) }, worker);
    const results = await Promise.allSettled(workers);
    const failed = results.find((r) => r.status === "rejected");
    if (failed) throw this.forgetLostUpload(failed.reason);

    const parts = [...this.parts.values()]
      .sort((a, b) => a.part_number - b.part_number)
      .map(({ part_number, etag }) => ({ part_number, etag }));
    try {
      this.record = await withRetries(
        () =>
          api(`${path}/uploads/${encodeURIComponent(uploadId)}/complete`, {
            method: "POST",
            body: { parts },
          }),
        signal,
      );
    } catch (error) {
      throw this.forgetLostUpload(error);
    }
  }

  /** When storage dropped the multipart upload, the next resume starts a new one. */
  forgetLostUpload(error) {
    if (error?.code === "UPLOAD_NOT_FOUND") {
      this.multipart = null;
      this.parts.clear();
    }
    return error;
  }
}

/**
 * @module agent/upload-requests
 * Upload-URL requests waiting for the platform's answer. A request is sent
 * once per connection: after a reconnect every unanswered one goes out again
 * (the old connection may have lost it), and it ends when its `upload_url`
 * arrives, when the platform reports an error for its attempt, when the
 * attempt stops, or when the node stops.
 */
import { randomUUID } from "node:crypto";
import type { OutputReport } from "../src/protocol/messages.ts";
import type { OutgoingMessage } from "./channel.ts";

type Request = Extract<OutgoingMessage, { type: "upload_url_request" }>;

interface Pending {
  message: Request;
  /** The connection it was last sent on. */
  sentOn: number;
  resolve(url: string): void;
  reject(err: Error): void;
}

export class UploadRequests {
  private readonly pending = new Map<string, Pending>();

  /** Registers a request; `flush` sends it. Resolves with the signed URL. */
  add(attemptId: string, output: OutputReport, signal?: AbortSignal): Promise<string> {
    const requestId = randomUUID();
    const message: Request = {
      type: "upload_url_request",
      request_id: requestId,
      attempt_id: attemptId,
      output,
    };
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => {
        const timedOut = (signal?.reason as Error | undefined)?.name === "TimeoutError";
        const reason = timedOut ? "no upload URL came in time" : "the attempt was stopped";
        this.fail(requestId, new Error(reason));
      };
      const settled = () => signal?.removeEventListener("abort", onAbort);
      signal?.addEventListener("abort", onAbort);
      this.pending.set(requestId, {
        message,
        sentOn: -1,
        resolve: (url) => {
          settled();
          resolve(url);
        },
        reject: (err) => {
          settled();
          reject(err);
        },
      });
    });
  }

  /** Sends every request not yet sent on connection number `connection`. */
  flush(connection: number, send: (message: Request) => void): void {
    for (const pending of this.pending.values()) {
      if (pending.sentOn === connection) continue;
      pending.sentOn = connection;
      send(pending.message);
    }
  }

  answer(requestId: string, url: string): void {
    this.pending.get(requestId)?.resolve(url);
    this.pending.delete(requestId);
  }

  failAttempt(attemptId: string, err: Error): void {
    for (const [id, pending] of this.pending) {
      if (pending.message.attempt_id === attemptId) this.fail(id, err);
    }
  }

  failAll(err: Error): void {
    for (const id of [...this.pending.keys()]) this.fail(id, err);
  }

  private fail(requestId: string, err: Error): void {
    this.pending.get(requestId)?.reject(err);
    this.pending.delete(requestId);
  }
}

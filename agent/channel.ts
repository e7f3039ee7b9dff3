/**
 * @module agent/channel
 * What an attempt needs from the connection to the platform, kept apart so
 * the attempt can be run against a test double and the connection replaced.
 */
import type { NodeMessage, OutputReport } from "../src/protocol/messages.ts";

/** A node message as its sender builds it: `encode` adds `v`. One per message type. */
export type OutgoingMessage = NodeMessage extends infer M
  ? M extends { v: number }
    ? Omit<M, "v">
    : never
  : never;

export interface PlatformChannel {
  /** `durable` messages wait for a connection; the others are dropped while offline. */
  send(message: OutgoingMessage, options?: { durable?: boolean }): void;
  requestUploadUrl(attemptId: string, output: OutputReport, signal?: AbortSignal): Promise<string>;
}

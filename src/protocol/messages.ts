/**
 * @module protocol
 * The node protocol: every message a home node and the platform exchange over
 * the node's WebSocket, as zod schemas. The Worker and the agent import this
 * one file (zod is its only import), so both sides parse the same contract.
 *
 * Every message is a JSON object with `v` (the protocol version) and `type`.
 * A unit's run on a node is an *attempt*; its `attempt_id` is the lease the
 * node holds and names the attempt in every later message.
 */
import { z } from "zod";

export const PROTOCOL_VERSION = 1;

/** Larger frames are refused before parsing. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

const v = z.literal(PROTOCOL_VERSION);
const id = z.string().min(1).max(100);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "64 lowercase hex characters");

export const Gpu = z.strictObject({
  index: z.number().int().min(0).max(63),
  name: z.string().min(1).max(200),
  vram_total_mb: z.number().int().min(0).max(10_000_000),
  vram_free_mb: z.number().int().min(0).max(10_000_000),
  /** True when the agent only pretends to have this GPU (development). */
  simulated: z.boolean().default(false),
});

export const Capabilities = z.strictObject({
  cpu_cores: z.number().int().min(1).max(4096),
  memory_mb: z.number().int().min(1).max(100_000_000),
  disk_free_mb: z.number().int().min(0).max(1_000_000_000),
  gpus: z.array(Gpu).max(64),
  agent_version: z.string().min(1).max(50),
  python_version: z.string().max(50).nullable(),
  os: z.string().max(100).optional(),
  /** Whether the agent runs units inside a sandbox (bubblewrap). */
  sandboxed: z.boolean().default(false),
});

export const ArtifactKind = z.enum(["checkpoint", "metrics", "logs", "other"]);

export const OutputReport = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9._-]+$/, "a plain file name"),
  kind: ArtifactKind,
  size_bytes: z
    .number()
    .int()
    .min(0)
    .max(100 * 1024 ** 3),
  sha256,
});

const LogLine = z.string().max(4000);

// -- Node → platform ---------------------------------------------------------

export const Hello = z.strictObject({
  v,
  type: z.literal("hello"),
  capabilities: Capabilities,
  /** Attempts the node is still running, e.g. after a reconnect. */
  running: z.array(id).max(256).default([]),
});

export const Heartbeat = z.strictObject({
  v,
  type: z.literal("heartbeat"),
  running: z.array(id).max(256),
  gpus: z.array(Gpu).max(64).optional(),
  disk_free_mb: z.number().int().min(0).optional(),
});

export const Accept = z.strictObject({ v, type: z.literal("accept"), attempt_id: id });

export const Reject = z.strictObject({
  v,
  type: z.literal("reject"),
  attempt_id: id,
  reason: z.string().min(1).max(1000),
});

export const Progress = z.strictObject({
  v,
  type: z.literal("progress"),
  attempt_id: id,
  lines: z.array(LogLine).max(500).default([]),
  metrics: z
    .array(z.record(z.string().max(100), z.unknown()))
    .max(200)
    .default([]),
});

export const UploadUrlRequest = z.strictObject({
  v,
  type: z.literal("upload_url_request"),
  request_id: id,
  attempt_id: id,
  output: OutputReport,
});

export const Complete = z.strictObject({
  v,
  type: z.literal("complete"),
  attempt_id: id,
  runtime_seconds: z
    .number()
    .min(0)
    .max(30 * 86_400),
  outputs: z.array(OutputReport).max(100),
});

export const Fail = z.strictObject({
  v,
  type: z.literal("fail"),
  attempt_id: id,
  reason: z.string().min(1).max(2000),
  exit_code: z.number().int().nullable().default(null),
  log_tail: z.array(LogLine).max(100).default([]),
});

/** The node stops taking work; with `release`, it hands these attempts back. */
export const Drain = z.strictObject({
  v,
  type: z.literal("drain"),
  release: z.array(id).max(256).default([]),
});

export const NodeMessage = z.discriminatedUnion("type", [
  Hello,
  Heartbeat,
  Accept,
  Reject,
  Progress,
  UploadUrlRequest,
  Complete,
  Fail,
  Drain,
]);

// -- Platform → node ---------------------------------------------------------

export const Welcome = z.strictObject({
  v,
  type: z.literal("welcome"),
  node_id: id,
  environment: z.enum(["development", "production"]),
  heartbeat_interval_ms: z.number().int().positive(),
  /** Attempts this node still holds: keep running them. */
  owned: z.array(id),
  /** Attempts the node reported but no longer holds: stop them. */
  revoked: z.array(id),
});

export const Input = z.strictObject({
  name: z.string().min(1).max(200),
  role: z.enum(["dataset", "package", "upstream"]),
  url: z.string().min(1),
  size_bytes: z.number().int().min(0),
  sha256,
  /** For upstream outputs: the stage and shard that made it. */
  from: z.string().max(200).optional(),
});

export const Assign = z.strictObject({
  v,
  type: z.literal("assign"),
  attempt_id: id,
  compute_unit_id: id,
  job_id: id,
  stage: z.string(),
  kind: z.enum(["cpu", "gpu"]),
  /** A platform stage (`prepare`, `package`) the agent runs from its own scripts. */
  builtin: z.boolean(),
  entrypoint: z.string(),
  shard_index: z.number().int().min(0),
  shard_count: z.number().int().min(1),
  max_runtime_seconds: z.number().int().positive(),
  required_vram_mb: z.number().int().min(0),
  required_disk_mb: z.number().int().min(0),
  hyperparameters: z.record(z.string(), z.unknown()),
  inputs: z.array(Input),
  /** Artifact kinds the platform requires before it accepts the unit. */
  required_outputs: z.array(ArtifactKind),
});

export const UploadUrl = z.strictObject({
  v,
  type: z.literal("upload_url"),
  request_id: id,
  url: z.string(),
  expires_at: z.string(),
});

export const Cancel = z.strictObject({
  v,
  type: z.literal("cancel"),
  attempt_id: id,
  reason: z.string(),
});

/** The platform's answer to `complete`: verified (and charged) or not. */
export const Verdict = z.strictObject({
  v,
  type: z.literal("verdict"),
  attempt_id: id,
  accepted: z.boolean(),
  reasons: z.array(z.string()),
});

export const ProtocolError = z.strictObject({
  v,
  type: z.literal("error"),
  code: z.enum([
    "MESSAGE_TOO_LARGE",
    "MESSAGE_INVALID",
    "NOT_HELLO",
    "UNKNOWN_ATTEMPT",
    "OUT_OF_ORDER",
    "NODE_SUSPENDED",
    "UNSUPPORTED_VERSION",
  ]),
  message: z.string(),
  attempt_id: id.optional(),
  /** Set when the error answers a request that carried a `request_id`. */
  request_id: id.optional(),
});

export const PlatformMessage = z.discriminatedUnion("type", [
  Welcome,
  Assign,
  UploadUrl,
  Cancel,
  Verdict,
  ProtocolError,
]);

export type Gpu = z.infer<typeof Gpu>;
export type Capabilities = z.infer<typeof Capabilities>;
export type OutputReport = z.infer<typeof OutputReport>;
export type NodeMessage = z.infer<typeof NodeMessage>;
export type PlatformMessage = z.infer<typeof PlatformMessage>;
export type Assign = z.infer<typeof Assign>;
export type Welcome = z.infer<typeof Welcome>;

/** Messages as their sender builds them: `v` is filled in by `encode`. */
export type Outgoing<T extends { v: number }> = T extends unknown ? Omit<T, "v"> : never;

export function encode<T extends { type: string }>(message: T): string {
  return JSON.stringify({ v: PROTOCOL_VERSION, ...message });
}

export type Decoded<T> =
  | { ok: true; message: T }
  | {
      ok: false;
      code: "MESSAGE_TOO_LARGE" | "MESSAGE_INVALID" | "UNSUPPORTED_VERSION";
      message: string;
    };

/** Parses one frame with `schema`, refusing oversized and malformed frames. */
export function decode<S extends z.ZodType>(
  schema: S,
  frame: string | ArrayBuffer,
): Decoded<z.infer<S>> {
  // A string's length counts UTF-16 units; the limit is on the bytes sent.
  const size =
    typeof frame === "string" ? new TextEncoder().encode(frame).byteLength : frame.byteLength;
  if (size > MAX_MESSAGE_BYTES) {
    return {
      ok: false,
      code: "MESSAGE_TOO_LARGE",
      message: `frames are at most ${MAX_MESSAGE_BYTES} bytes`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(typeof frame === "string" ? frame : new TextDecoder().decode(frame));
  } catch {
    return { ok: false, code: "MESSAGE_INVALID", message: "frame is not JSON" };
  }
  if (typeof data === "object" && data !== null && "v" in data && data.v !== PROTOCOL_VERSION) {
    return {
      ok: false,
      code: "UNSUPPORTED_VERSION",
      message:
        `protocol version ${String(data.v)} is not supported; ` +
        `this side speaks ${PROTOCOL_VERSION}`,
    };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "message"}: ${i.message}`);
    return { ok: false, code: "MESSAGE_INVALID", message: issues.join("; ").slice(0, 1000) };
  }
  return { ok: true, message: parsed.data };
}

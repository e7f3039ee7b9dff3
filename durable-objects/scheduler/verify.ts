/**
 * @module scheduler/verify
 * Verification of a completed attempt before anything counts: every reported
 * output was announced, exists in R2 with the reported size and the SHA-256
 * that R2 itself checked on upload, the stage's required outputs are there,
 * and the runtime is within the job's limit.
 */
import type { OutputReport } from "../../src/protocol/messages";
import type { OutputRow } from "./store";

/** Time allowed past `max_runtime_seconds` for uploading and reporting. */
export const COMPLETION_GRACE_MS = 120_000;

export interface VerificationInput {
  reported: OutputReport[];
  announced: OutputRow[];
  requiredKinds: readonly string[];
  runtimeSeconds: number;
  observedMs: number;
  maxRuntimeSeconds: number;
}

export async function verifyAttempt(bucket: R2Bucket, input: VerificationInput): Promise<string[]> {
  const reasons: string[] = [];
  const announced = new Map(input.announced.map((o) => [o.name, o]));

  const checks = input.reported.map(async (output) => {
    const known = announced.get(output.name);
    if (!known) return `output ${output.name} was never uploaded through the platform`;
    if (known.size_bytes !== output.size_bytes || known.sha256 !== output.sha256) {
      return `output ${output.name} differs from what was announced for upload`;
    }
    const head = await bucket.head(known.object_key);
    if (!head) return `output ${output.name} is missing from storage`;
    if (head.size !== output.size_bytes) {
      return `output ${output.name} has ${head.size} bytes, not the reported ${output.size_bytes}`;
    }
    const stored = head.checksums.sha256;
    const digest = stored ? hexOf(stored) : null;
    if (digest !== output.sha256) return `output ${output.name} does not match its SHA-256`;
    return null;
  });
  for (const reason of await Promise.all(checks)) if (reason) reasons.push(reason);

  const kinds = new Set<string>(input.reported.map((o) => o.kind));
  for (const kind of input.requiredKinds) {
    if (!kinds.has(kind)) reasons.push(`the stage must produce a ${kind} output`);
  }

  if (input.runtimeSeconds > input.maxRuntimeSeconds) {
    reasons.push(
      `runtime ${input.runtimeSeconds} s exceeds max_runtime_seconds ${input.maxRuntimeSeconds}`,
    );
  }
  if (input.observedMs > input.maxRuntimeSeconds * 1000 + COMPLETION_GRACE_MS) {
    reasons.push("the attempt ran past max_runtime_seconds");
  }
  return reasons;
}

function hexOf(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * @module scheduler/assignment
 * What a node is sent for an attempt, and the signed URLs it moves bytes
 * through: GET URLs for its inputs (the dataset, the customer's package, the
 * verified outputs of the units it depends on) and a PUT URL per output, bound
 * to the output's announced size and SHA-256.
 */
import { now } from "../../src/domain/clock";
import { signFileGrant } from "../../src/domain/signed-url";
import type { OutputReport } from "../../src/protocol/messages";
import type { Assignment, SchedulerStart } from "../contracts";
import type { AttemptRow, SchedulerStore, UnitRow } from "./store";

const INPUT_URL_TTL_MS = 2 * 60 * 60 * 1000;
const UPLOAD_URL_TTL_MS = 30 * 60 * 1000;

/** Training stages must leave a checkpoint and metrics; other stages need nothing. */
export function requiredOutputs(unit: UnitRow): ("checkpoint" | "metrics")[] {
  return unit.kind === "gpu" && unit.builtin === 0 ? ["checkpoint", "metrics"] : [];
}

export async function buildAssignment(options: {
  store: SchedulerStore;
  start: SchedulerStart;
  unit: UnitRow;
  attemptId: string;
  origin: string;
  secret: string;
}): Promise<Assignment> {
  const { store, start, unit, origin, secret } = options;
  const expires = now() + INPUT_URL_TTL_MS;
  const url = async (key: string, name: string) =>
    fileUrl(origin, await signFileGrant(secret, { k: key, m: "GET", e: expires, n: name }));

  // The platform's own stages run their own scripts: they need the dataset
  // and what came before (logs too, for `package` to collect), not the zip.
  const builtin = unit.builtin === 1;
  const inputs: Assignment["inputs"] = [
    {
      name: start.dataset.name,
      role: "dataset",
      url: await url(start.dataset.objectKey, start.dataset.name),
      size_bytes: start.dataset.sizeBytes,
      sha256: start.dataset.sha256,
    },
  ];
  if (!builtin) {
    inputs.push({
      name: "package.zip",
      role: "package",
      url: await url(start.trainingPackage.objectKey, "package.zip"),
      size_bytes: start.trainingPackage.sizeBytes,
      sha256: start.trainingPackage.sha256,
    });
  }
  const units = store.units();
  for (const key of JSON.parse(unit.depends_on) as string[]) {
    const upstream = units.find((u) => u.key === key)!;
    for (const output of store.verifiedOutputs(upstream.id)) {
      if (output.kind === "logs" && !builtin) continue;
      inputs.push({
        name: output.name,
        role: "upstream",
        from: upstream.key,
        url: await url(output.object_key, output.name),
        size_bytes: output.size_bytes,
        sha256: output.sha256,
      });
    }
  }

  return {
    attempt_id: options.attemptId,
    compute_unit_id: unit.id,
    job_id: start.jobId,
    stage: unit.stage,
    kind: unit.kind,
    builtin,
    entrypoint: unit.entrypoint,
    shard_index: unit.shard_index,
    shard_count: unit.shard_count,
    max_runtime_seconds: start.maxRuntimeSeconds,
    required_vram_mb: unit.required_vram_mb,
    required_disk_mb: unit.required_disk_mb,
    hyperparameters: start.hyperparameters,
    inputs,
    required_outputs: requiredOutputs(unit),
  };
}

/**
 * Announces an output of a running attempt and signs its upload. The
 * announcement is what verification later holds the stored object to.
 */
export async function announceOutput(options: {
  store: SchedulerStore;
  attempt: AttemptRow;
  output: OutputReport;
  origin: string;
  secret: string;
}): Promise<{ url: string; expiresAt: number }> {
  const { store, attempt, output } = options;
  const job = store.job()!;
  const key = [
    "artifacts",
    job.customer_id,
    job.job_id,
    attempt.unit_id,
    attempt.id,
    output.name,
  ].join("/");

  store.sql.exec(
    `INSERT OR REPLACE INTO outputs (attempt_id, unit_id, name, kind, object_key, size_bytes,
       sha256) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    attempt.id,
    attempt.unit_id,
    output.name,
    output.kind,
    key,
    output.size_bytes,
    output.sha256,
  );
  const expiresAt = now() + UPLOAD_URL_TTL_MS;
  const token = await signFileGrant(options.secret, {
    k: key,
    m: "PUT",
    e: expiresAt,
    s: output.size_bytes,
    h: output.sha256,
  });
  return { url: fileUrl(options.origin, token), expiresAt };
}

function fileUrl(origin: string, token: string): string {
  return `${origin}/api/v1/files/${token}`;
}

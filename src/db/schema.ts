/**
 * @module schema
 * The D1 schema: the customer-facing record of everything. Each Durable Object
 * is the single writer of what it decides (the gate: credits and admissions;
 * the scheduler: units, attempts, artifacts, job status; the pool: node
 * liveness) and mirrors it here idempotently. Times are Unix milliseconds.
 */
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { SENSITIVITIES } from "../domain/sensitivity";

const createdAt = () => integer("created_at").notNull();
const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();

export const customers = sqliteTable("customers", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  creditBalance: integer("credit_balance").notNull().default(0),
  creditReserved: integer("credit_reserved").notNull().default(0),
  jobsPerMinute: integer("jobs_per_minute").notNull().default(10),
  maxActiveJobs: integer("max_active_jobs").notNull().default(3),
  dailyUnitQuota: integer("daily_unit_quota").notNull().default(200),
  requestsPerMinute: integer("requests_per_minute").notNull().default(600),
  createdAt: createdAt(),
});

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    scopes: json<string[]>("scopes").notNull(),
    createdAt: createdAt(),
    revokedAt: integer("revoked_at"),
    lastUsedAt: integer("last_used_at"),
  },
  (t) => [
    uniqueIndex("api_keys_hash").on(t.keyHash),
    index("api_keys_customer").on(t.customerId, t.createdAt),
  ],
);

/** Datasets and training packages share one lifecycle and one shape. */
const uploadColumns = () => ({
  id: text("id").primaryKey(),
  customerId: text("customer_id")
    .notNull()
    .references(() => customers.id),
  name: text("name").notNull(),
  description: text("description"),
  sizeBytes: integer("size_bytes").notNull(),
  sha256: text("sha256").notNull(),
  status: text("status", {
    enum: ["pending_upload", "uploaded", "ready", "failed", "invalid"],
  }).notNull(),
  objectKey: text("object_key").notNull(),
  multipartUploadId: text("multipart_upload_id"),
  failure: json<{ code: string; message: string; details?: unknown }>("failure"),
  createdAt: createdAt(),
  updatedAt: integer("updated_at").notNull(),
  readyAt: integer("ready_at"),
});

export const datasets = sqliteTable(
  "datasets",
  { ...uploadColumns(), format: text("format") },
  (t) => [index("datasets_customer").on(t.customerId, t.createdAt, t.id)],
);

export const trainingPackages = sqliteTable(
  "training_packages",
  {
    ...uploadColumns(),
    entrypoint: text("entrypoint"),
    manifest: json<unknown>("manifest"),
    entryCount: integer("entry_count"),
    uncompressedBytes: integer("uncompressed_bytes"),
  },
  (t) => [index("training_packages_customer").on(t.customerId, t.createdAt, t.id)],
);

export const JOB_STATUSES = ["queued", "running", "completed", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const trainingJobs = sqliteTable(
  "training_jobs",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    name: text("name").notNull(),
    datasetId: text("dataset_id").notNull(),
    trainingPackageId: text("training_package_id").notNull(),
    requiredVramMb: integer("required_vram_mb").notNull(),
    requiredDiskMb: integer("required_disk_mb").notNull(),
    maxRuntimeSeconds: integer("max_runtime_seconds").notNull(),
    sensitivity: text("sensitivity", { enum: SENSITIVITIES }).notNull(),
    hyperparameters: json<Record<string, unknown>>("hyperparameters"),
    status: text("status", { enum: JOB_STATUSES }).notNull(),
    progress: json<Record<string, number>>("progress").notNull(),
    unitCount: integer("unit_count").notNull(),
    projectedCredits: integer("projected_credits").notNull(),
    chargedCredits: integer("charged_credits").notNull().default(0),
    error: json<{ code: string; message: string }>("error"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
    startedAt: integer("started_at"),
    finishedAt: integer("finished_at"),
  },
  (t) => [
    index("training_jobs_customer").on(t.customerId, t.createdAt, t.id),
    index("training_jobs_customer_status").on(t.customerId, t.status, t.createdAt, t.id),
    index("training_jobs_dataset").on(t.datasetId, t.status),
    index("training_jobs_package").on(t.trainingPackageId, t.status),
  ],
);

export const UNIT_STATUSES = [
  "blocked",
  "ready",
  "assigned",
  "running",
  "verifying",
  "completed",
  "failed",
  "rejected",
  "verification_failed",
  "cancelled",
] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const computeUnits = sqliteTable(
  "compute_units",
  {
    id: text("id").primaryKey(),
    jobId: text("job_id")
      .notNull()
      .references(() => trainingJobs.id),
    customerId: text("customer_id").notNull(),
    /** The unit's place in the plan's topological order. */
    position: integer("position").notNull(),
    stage: text("stage").notNull(),
    kind: text("kind", { enum: ["cpu", "gpu"] }).notNull(),
    shardIndex: integer("shard_index").notNull(),
    shardCount: integer("shard_count").notNull(),
    entrypoint: text("entrypoint").notNull(),
    dependsOn: json<string[]>("depends_on").notNull(),
    requiredVramMb: integer("required_vram_mb").notNull(),
    requiredDiskMb: integer("required_disk_mb").notNull(),
    status: text("status", { enum: UNIT_STATUSES }).notNull(),
    attemptCount: integer("attempt_count").notNull().default(0),
    nodeId: text("node_id"),
    runtimeSeconds: real("runtime_seconds"),
    creditsCharged: integer("credits_charged").notNull().default(0),
    error: json<{ code: string; message: string }>("error"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
    startedAt: integer("started_at"),
    finishedAt: integer("finished_at"),
  },
  (t) => [index("compute_units_job").on(t.jobId, t.createdAt, t.id)],
);

export const unitAttempts = sqliteTable(
  "unit_attempts",
  {
    id: text("id").primaryKey(),
    computeUnitId: text("compute_unit_id").notNull(),
    jobId: text("job_id").notNull(),
    nodeId: text("node_id").notNull(),
    number: integer("number").notNull(),
    status: text("status", {
      enum: ["assigned", "running", "verifying", "succeeded", "failed"],
    }).notNull(),
    outcome: text("outcome"),
    verdict: json<{ ok: boolean; reasons: string[] }>("verdict"),
    outputs: json<{ name: string; kind: string; size_bytes: number; sha256: string }[]>("outputs"),
    exitCode: integer("exit_code"),
    error: text("error"),
    startedAt: integer("started_at").notNull(),
    endedAt: integer("ended_at"),
  },
  (t) => [
    index("unit_attempts_unit").on(t.computeUnitId, t.number),
    uniqueIndex("unit_attempts_unit_number").on(t.computeUnitId, t.number),
  ],
);

export const ARTIFACT_KINDS = ["checkpoint", "metrics", "logs", "other"] as const;

export const artifacts = sqliteTable(
  "artifacts",
  {
    id: text("id").primaryKey(),
    jobId: text("job_id").notNull(),
    customerId: text("customer_id").notNull(),
    computeUnitId: text("compute_unit_id").notNull(),
    attemptId: text("attempt_id").notNull(),
    kind: text("kind", { enum: ARTIFACT_KINDS }).notNull(),
    name: text("name").notNull(),
    objectKey: text("object_key").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("artifacts_job").on(t.jobId, t.createdAt, t.id),
    uniqueIndex("artifacts_unit_name").on(t.computeUnitId, t.name),
  ],
);

export const jobEvents = sqliteTable(
  "job_events",
  {
    id: text("id").primaryKey(),
    jobId: text("job_id").notNull(),
    type: text("type").notNull(),
    computeUnitId: text("compute_unit_id"),
    nodeId: text("node_id"),
    data: json<Record<string, unknown>>("data"),
    createdAt: createdAt(),
  },
  (t) => [index("job_events_job").on(t.jobId, t.createdAt, t.id)],
);

export const LEDGER_TYPES = ["grant", "reservation", "release", "charge", "refund"] as const;

export const ledgerEntries = sqliteTable(
  "ledger_entries",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id").notNull(),
    type: text("type", { enum: LEDGER_TYPES }).notNull(),
    amount: integer("amount").notNull(),
    balanceAfter: integer("balance_after").notNull(),
    reservedAfter: integer("reserved_after").notNull(),
    jobId: text("job_id"),
    computeUnitId: text("compute_unit_id"),
    /** One entry per business fact: `charge:<unit id>`, `reservation:<job id>`... */
    dedupeKey: text("dedupe_key").notNull(),
    description: text("description"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("ledger_entries_dedupe").on(t.customerId, t.dedupeKey),
    index("ledger_entries_customer").on(t.customerId, t.createdAt, t.id),
  ],
);

export const nodes = sqliteTable(
  "nodes",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    secretHash: text("secret_hash").notNull(),
    status: text("status", { enum: ["active", "suspended"] }).notNull(),
    clearance: text("clearance", { enum: SENSITIVITIES }).notNull(),
    capabilities: json<Record<string, unknown>>("capabilities").notNull(),
    reliability: real("reliability").notNull().default(1),
    connected: integer("connected", { mode: "boolean" }).notNull().default(false),
    lastHeartbeatAt: integer("last_heartbeat_at"),
    unitsCompleted: integer("units_completed").notNull().default(0),
    unitsFailed: integer("units_failed").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("nodes_secret").on(t.secretHash),
    index("nodes_created").on(t.createdAt, t.id),
  ],
);

export const nodeEnrollments = sqliteTable("node_enrollments", {
  id: text("id").primaryKey(),
  tokenHash: text("token_hash").notNull().unique(),
  clearance: text("clearance", { enum: SENSITIVITIES }).notNull(),
  expiresAt: integer("expires_at").notNull(),
  usedAt: integer("used_at"),
  nodeId: text("node_id"),
  createdAt: createdAt(),
});

export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id").notNull(),
    url: text("url").notNull(),
    events: json<string[]>("events").notNull(),
    secret: text("secret").notNull(),
    status: text("status", { enum: ["enabled", "disabled"] }).notNull(),
    disabledReason: text("disabled_reason"),
    createdAt: createdAt(),
    deletedAt: integer("deleted_at"),
  },
  (t) => [index("webhook_endpoints_customer").on(t.customerId, t.createdAt, t.id)],
);

export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    endpointId: text("endpoint_id").notNull(),
    customerId: text("customer_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: json<Record<string, unknown>>("payload").notNull(),
    status: text("status", { enum: ["pending", "succeeded", "failed"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    nextAttemptAt: integer("next_attempt_at"),
    errorCode: text("error_code"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("webhook_deliveries_endpoint").on(t.endpointId, t.createdAt, t.id)],
);

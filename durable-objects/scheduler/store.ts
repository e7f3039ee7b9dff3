/**
 * @module scheduler/store
 * The job scheduler's own SQLite tables and the typed reads over them. The
 * scheduler is the single writer of its job's units and attempts; D1 holds a
 * mirror for listing.
 */
import type { UnitStatus } from "../../src/db/schema";

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS job (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  job_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued','running','completed','failed','cancelled')),
  start TEXT NOT NULL,
  charged INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  started_at INTEGER,
  finished_at INTEGER
);
CREATE TABLE IF NOT EXISTS units (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  ord INTEGER NOT NULL,
  stage TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('cpu','gpu')),
  builtin INTEGER NOT NULL,
  shard_index INTEGER NOT NULL,
  shard_count INTEGER NOT NULL,
  entrypoint TEXT NOT NULL,
  depends_on TEXT NOT NULL,
  required_vram_mb INTEGER NOT NULL,
  required_disk_mb INTEGER NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  node_id TEXT,
  runtime_seconds REAL,
  credits INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  started_at INTEGER,
  finished_at INTEGER
);
CREATE TABLE IF NOT EXISTS attempts (
  id TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES units(id),
  number INTEGER NOT NULL,
  node_id TEXT NOT NULL,
  status TEXT NOT NULL
    CHECK (status IN ('assigned','running','verifying','succeeded','failed')),
  outcome TEXT,
  reasons TEXT,
  accept_by INTEGER,
  deadline_at INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  accepted_at INTEGER,
  ended_at INTEGER,
  runtime_seconds REAL,
  UNIQUE (unit_id, number)
);
CREATE INDEX IF NOT EXISTS attempts_open ON attempts (status, deadline_at);
CREATE TABLE IF NOT EXISTS outputs (
  attempt_id TEXT NOT NULL REFERENCES attempts(id),
  unit_id TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  object_key TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  PRIMARY KEY (attempt_id, name)
);
CREATE TABLE IF NOT EXISTS logs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id TEXT NOT NULL,
  attempt_id TEXT NOT NULL,
  line TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS logs_unit ON logs (unit_id, seq);
CREATE TABLE IF NOT EXISTS metrics (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id TEXT NOT NULL,
  attempt_id TEXT NOT NULL,
  data TEXT NOT NULL
);
`;

export interface JobRow extends Record<string, SqlStorageValue> {
  job_id: string;
  customer_id: string;
  name: string;
  status: "queued" | "running" | "completed" | "failed" | "cancelled";
  start: string;
  charged: number;
  error: string | null;
  started_at: number | null;
  finished_at: number | null;
}

export interface UnitRow extends Record<string, SqlStorageValue> {
  id: string;
  key: string;
  ord: number;
  stage: string;
  kind: "cpu" | "gpu";
  builtin: number;
  shard_index: number;
  shard_count: number;
  entrypoint: string;
  depends_on: string;
  required_vram_mb: number;
  required_disk_mb: number;
  status: UnitStatus;
  attempts: number;
  node_id: string | null;
  runtime_seconds: number | null;
  credits: number;
  error: string | null;
  started_at: number | null;
  finished_at: number | null;
}

export interface AttemptRow extends Record<string, SqlStorageValue> {
  id: string;
  unit_id: string;
  number: number;
  node_id: string;
  status: "assigned" | "running" | "verifying" | "succeeded" | "failed";
  outcome: string | null;
  reasons: string | null;
  accept_by: number | null;
  deadline_at: number;
  started_at: number;
  accepted_at: number | null;
  ended_at: number | null;
  runtime_seconds: number | null;
}

export interface OutputRow extends Record<string, SqlStorageValue> {
  attempt_id: string;
  unit_id: string;
  name: string;
  kind: string;
  object_key: string;
  size_bytes: number;
  sha256: string;
}

export const TERMINAL_UNIT: readonly UnitStatus[] = [
  "completed",
  "failed",
  "rejected",
  "verification_failed",
  "cancelled",
];

export const OPEN_ATTEMPT = ["assigned", "running", "verifying"] as const;

export class SchedulerStore {
  /**
   * Units (and whether the job) changed since the last mirror to D1. In
   * memory: every change is mirrored within the event that made it.
   */
  private readonly changedUnits = new Set<string>();
  private jobChanged = false;

  constructor(readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
  }

  /** What changed since the last call: the units to mirror, and whether the job did. */
  takeChanges(): { units: UnitRow[]; job: boolean } {
    const units = [...this.changedUnits]
      .map((id) => this.unit(id))
      .filter((u): u is UnitRow => u !== undefined);
    const job = this.jobChanged || units.length > 0;
    this.changedUnits.clear();
    this.jobChanged = false;
    return { units, job };
  }

  job(): JobRow | undefined {
    return this.sql.exec<JobRow>("SELECT * FROM job").toArray()[0];
  }

  units(): UnitRow[] {
    return this.sql.exec<UnitRow>("SELECT * FROM units ORDER BY ord").toArray();
  }

  unit(id: string): UnitRow | undefined {
    return this.sql.exec<UnitRow>("SELECT * FROM units WHERE id = ?", id).toArray()[0];
  }

  attempt(id: string): AttemptRow | undefined {
    return this.sql.exec<AttemptRow>("SELECT * FROM attempts WHERE id = ?", id).toArray()[0];
  }

  openAttempts(): AttemptRow[] {
    return this.sql
      .exec<AttemptRow>("SELECT * FROM attempts WHERE status IN ('assigned','running','verifying')")
      .toArray();
  }

  attemptsOf(unitId: string): AttemptRow[] {
    return this.sql
      .exec<AttemptRow>("SELECT * FROM attempts WHERE unit_id = ? ORDER BY number", unitId)
      .toArray();
  }

  outputsOf(attemptId: string): OutputRow[] {
    return this.sql
      .exec<OutputRow>("SELECT * FROM outputs WHERE attempt_id = ? ORDER BY name", attemptId)
      .toArray();
  }

  /** The verified outputs of a completed unit: those of its succeeded attempt. */
  verifiedOutputs(unitId: string): OutputRow[] {
    return this.sql
      .exec<OutputRow>(
        `SELECT o.* FROM outputs o JOIN attempts a ON a.id = o.attempt_id
         WHERE o.unit_id = ? AND a.status = 'succeeded' ORDER BY o.name`,
        unitId,
      )
      .toArray();
  }

  setUnit(id: string, changes: Partial<UnitRow>): void {
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    this.changedUnits.add(id);
    const assignments = entries.map(([column]) => `${column} = ?`).join(", ");
    this.sql.exec(
      `UPDATE units SET ${assignments} WHERE id = ?`,
      ...entries.map(([, value]) => value as SqlStorageValue),
      id,
    );
  }

  setAttempt(id: string, changes: Partial<AttemptRow>): void {
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    const assignments = entries.map(([column]) => `${column} = ?`).join(", ");
    this.sql.exec(
      `UPDATE attempts SET ${assignments} WHERE id = ?`,
      ...entries.map(([, value]) => value as SqlStorageValue),
      id,
    );
  }

  setJob(changes: Partial<JobRow>): void {
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    this.jobChanged = true;
    const assignments = entries.map(([column]) => `${column} = ?`).join(", ");
    this.sql.exec(
      `UPDATE job SET ${assignments}`,
      ...entries.map(([, value]) => value as SqlStorageValue),
    );
  }

  /** Counts of units by status, plus `total`: the job's progress. */
  progress(): Record<string, number> {
    const counts: Record<string, number> = { total: 0 };
    const rows = this.sql.exec<{ status: string; n: number }>(
      "SELECT status, COUNT(*) AS n FROM units GROUP BY status",
    );
    for (const row of rows) {
      counts[row.status] = row.n;
      counts.total = (counts.total ?? 0) + row.n;
    }
    return counts;
  }

  /** The earliest time something is due: an acceptance or a deadline. */
  nextDue(): number | null {
    const row = this.sql
      .exec<{ due: number | null }>(
        `SELECT MIN(CASE WHEN status = 'assigned' AND accept_by < deadline_at
                         THEN accept_by ELSE deadline_at END) AS due
         FROM attempts WHERE status IN ('assigned','running','verifying')`,
      )
      .one();
    return row.due;
  }
}

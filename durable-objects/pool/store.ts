/**
 * @module pool/store
 * The node pool's SQLite tables: the node registry with each node's free
 * capacity, the GPUs and which attempt holds each, the attempts each node
 * runs, and the queue of ready units waiting for a node. Indexes keep
 * matching a lookup, not a scan of the queue.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS nodes (
  node_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  clearance INTEGER NOT NULL CHECK (clearance BETWEEN 0 AND 2),
  suspended INTEGER NOT NULL DEFAULT 0,
  capabilities TEXT NOT NULL,
  reliability REAL NOT NULL DEFAULT 1 CHECK (reliability BETWEEN 0 AND 1),
  cpu_slots INTEGER NOT NULL,
  cpu_busy INTEGER NOT NULL DEFAULT 0 CHECK (cpu_busy >= 0),
  disk_free_mb INTEGER NOT NULL,
  connected INTEGER NOT NULL DEFAULT 0,
  draining INTEGER NOT NULL DEFAULT 0,
  disconnected_at INTEGER,
  last_seen INTEGER NOT NULL,
  completed INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS nodes_match
  ON nodes (connected, suspended, draining, clearance, reliability);
CREATE TABLE IF NOT EXISTS gpus (
  node_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  vram_free_mb INTEGER NOT NULL,
  attempt_id TEXT,
  PRIMARY KEY (node_id, idx)
);
CREATE INDEX IF NOT EXISTS gpus_free ON gpus (attempt_id, vram_free_mb);
CREATE TABLE IF NOT EXISTS node_attempts (
  attempt_id TEXT PRIMARY KEY,
  node_id TEXT NOT NULL,
  job_id TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('cpu','gpu')),
  gpu_idx INTEGER
);
CREATE INDEX IF NOT EXISTS node_attempts_node ON node_attempts (node_id);
CREATE TABLE IF NOT EXISTS queue (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id TEXT NOT NULL UNIQUE,
  job_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('cpu','gpu')),
  required_vram_mb INTEGER NOT NULL,
  required_disk_mb INTEGER NOT NULL,
  sensitivity INTEGER NOT NULL,
  exclude TEXT NOT NULL,
  queued_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS queue_match ON queue (kind, sensitivity, seq);
`;

export interface PoolNodeRow extends Record<string, SqlStorageValue> {
  node_id: string;
  name: string;
  clearance: number;
  suspended: number;
  capabilities: string;
  reliability: number;
  cpu_slots: number;
  cpu_busy: number;
  disk_free_mb: number;
  connected: number;
  draining: number;
  disconnected_at: number | null;
  last_seen: number;
  completed: number;
  failed: number;
}

export interface NodeAttemptRow extends Record<string, SqlStorageValue> {
  attempt_id: string;
  node_id: string;
  job_id: string;
  unit_id: string;
  kind: "cpu" | "gpu";
  gpu_idx: number | null;
}

export interface QueueRow extends Record<string, SqlStorageValue> {
  seq: number;
  unit_id: string;
  job_id: string;
  kind: "cpu" | "gpu";
  required_vram_mb: number;
  required_disk_mb: number;
  sensitivity: number;
  exclude: string;
  queued_at: number;
}

/** CPU units a node runs at once: half its cores, between one and eight. */
export function cpuSlots(cores: number): number {
  return Math.max(1, Math.min(8, Math.floor(cores / 2)));
}

/**
 * @module pool/capacity
 * The pool's matching over its SQLite tables, synchronous: which idle node
 * fits a unit, which queued unit fits a node, and the reservations that hold
 * a node's CPU slot or GPU for an attempt. Both lookups go through indexes and
 * read a bounded number of rows, so matching does not scan the queue.
 */
import { now } from "../../src/domain/clock";
import type { UnitOffer } from "../contracts";
import { level } from "./registry";
import type { NodeAttemptRow, PoolNodeRow, QueueRow } from "./store";

/** How many of the oldest fitting units a free node looks at for one it may take. */
const CANDIDATES = 32;

export class Capacity {
  constructor(private readonly sql: SqlStorage) {}

  /** Queues ready units; a unit already queued keeps its place. */
  enqueue(offers: UnitOffer[]): void {
    const t = now();
    for (const offer of offers) {
      this.sql.exec(
        `INSERT OR IGNORE INTO queue (unit_id, job_id, kind, required_vram_mb, required_disk_mb,
           sensitivity, exclude, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        offer.computeUnitId,
        offer.jobId,
        offer.kind,
        offer.requiredVramMb,
        offer.requiredDiskMb,
        level(offer.sensitivity),
        JSON.stringify(offer.excludeNodes),
        t,
      );
    }
  }

  queued(unitId: string): QueueRow | undefined {
    return this.sql.exec<QueueRow>("SELECT * FROM queue WHERE unit_id = ?", unitId).toArray()[0];
  }

  dequeue(unitIds: string[]): void {
    for (const id of unitIds) this.sql.exec("DELETE FROM queue WHERE unit_id = ?", id);
  }

  /** The most reliable idle node that fits `unit`, or none. */
  nodeFor(unit: QueueRow): string | undefined {
    const exclude = JSON.parse(unit.exclude) as string[];
    const base = `SELECT n.node_id FROM nodes n
      WHERE n.connected = 1 AND n.suspended = 0 AND n.draining = 0
        AND n.clearance >= ? AND n.disk_free_mb >= ?`;
    const rows =
      unit.kind === "cpu"
        ? this.sql.exec<{ node_id: string }>(
            `${base} AND n.cpu_busy < n.cpu_slots
             ORDER BY n.reliability DESC, n.cpu_busy LIMIT ?`,
            unit.sensitivity,
            unit.required_disk_mb,
            exclude.length + 1,
          )
        : this.sql.exec<{ node_id: string }>(
            `${base} AND EXISTS (SELECT 1 FROM gpus g WHERE g.node_id = n.node_id
               AND g.attempt_id IS NULL AND g.vram_free_mb >= ?)
             ORDER BY n.reliability DESC LIMIT ?`,
            unit.sensitivity,
            unit.required_disk_mb,
            unit.required_vram_mb,
            exclude.length + 1,
          );
    return rows.toArray().find((r) => !exclude.includes(r.node_id))?.node_id;
  }

  /** The oldest queued unit the node fits and has not tried, if it has room. */
  unitFor(nodeId: string): QueueRow | undefined {
    const node = this.node(nodeId);
    if (!node || node.connected === 0 || node.suspended || node.draining) return undefined;
    const freeVram =
      this.sql
        .exec<{ v: number | null }>(
          "SELECT MAX(vram_free_mb) AS v FROM gpus WHERE node_id = ? AND attempt_id IS NULL",
          nodeId,
        )
        .one().v ?? -1;
    const cpuFree = node.cpu_busy < node.cpu_slots;
    const candidates = this.sql
      .exec<QueueRow>(
        `SELECT * FROM queue WHERE sensitivity <= ? AND required_disk_mb <= ?
           AND ((kind = 'cpu' AND ?) OR (kind = 'gpu' AND required_vram_mb <= ?))
         ORDER BY seq LIMIT ?`,
        node.clearance,
        node.disk_free_mb,
        cpuFree ? 1 : 0,
        freeVram,
        CANDIDATES,
      )
      .toArray();
    return candidates.find((q) => !(JSON.parse(q.exclude) as string[]).includes(nodeId));
  }

  /** Takes the unit off the queue and holds the node's capacity for it. */
  reserve(nodeId: string, unit: QueueRow, attemptId: string): number | null {
    this.sql.exec("DELETE FROM queue WHERE unit_id = ?", unit.unit_id);
    let gpu: number | null = null;
    if (unit.kind === "gpu") {
      gpu = this.sql
        .exec<{ idx: number }>(
          `SELECT idx FROM gpus WHERE node_id = ? AND attempt_id IS NULL AND vram_free_mb >= ?
           ORDER BY vram_free_mb LIMIT 1`,
          nodeId,
          unit.required_vram_mb,
        )
        .one().idx;
      this.sql.exec(
        "UPDATE gpus SET attempt_id = ? WHERE node_id = ? AND idx = ?",
        attemptId,
        nodeId,
        gpu,
      );
    } else {
      this.sql.exec("UPDATE nodes SET cpu_busy = cpu_busy + 1 WHERE node_id = ?", nodeId);
    }
    this.sql.exec(
      `INSERT INTO node_attempts (attempt_id, node_id, job_id, unit_id, kind, gpu_idx)
       VALUES (?, ?, ?, ?, ?, ?)`,
      attemptId,
      nodeId,
      unit.job_id,
      unit.unit_id,
      unit.kind,
      gpu,
    );
    return gpu;
  }

  /** Releases what an attempt held on its node. */
  freeAttempt(attemptId: string): void {
    const row = this.sql
      .exec<NodeAttemptRow>("SELECT * FROM node_attempts WHERE attempt_id = ?", attemptId)
      .toArray()[0];
    if (!row) return;
    this.sql.exec("DELETE FROM node_attempts WHERE attempt_id = ?", attemptId);
    if (row.kind === "gpu") {
      this.sql.exec("UPDATE gpus SET attempt_id = NULL WHERE attempt_id = ?", attemptId);
    } else {
      this.sql.exec(
        "UPDATE nodes SET cpu_busy = MAX(0, cpu_busy - 1) WHERE node_id = ?",
        row.node_id,
      );
    }
  }

  /** The placeholder reservation becomes the scheduler's attempt. */
  bind(placeholder: string, attemptId: string): void {
    this.sql.exec(
      "UPDATE node_attempts SET attempt_id = ? WHERE attempt_id = ?",
      attemptId,
      placeholder,
    );
    this.sql.exec("UPDATE gpus SET attempt_id = ? WHERE attempt_id = ?", attemptId, placeholder);
  }

  node(nodeId: string): PoolNodeRow | undefined {
    return this.sql.exec<PoolNodeRow>("SELECT * FROM nodes WHERE node_id = ?", nodeId).toArray()[0];
  }

  attemptsOf(nodeId: string): NodeAttemptRow[] {
    return this.sql
      .exec<NodeAttemptRow>("SELECT * FROM node_attempts WHERE node_id = ?", nodeId)
      .toArray();
  }

  attemptOf(nodeId: string, attemptId: string): NodeAttemptRow | undefined {
    const row = this.sql
      .exec<NodeAttemptRow>(
        "SELECT * FROM node_attempts WHERE attempt_id = ? AND node_id = ?",
        attemptId,
        nodeId,
      )
      .toArray()[0];
    return row;
  }

  /** Nodes that hold attempts: the ones whose liveness matters. */
  holders(): PoolNodeRow[] {
    return this.sql
      .exec<PoolNodeRow>(
        `SELECT n.* FROM nodes n
         WHERE EXISTS (SELECT 1 FROM node_attempts a WHERE a.node_id = n.node_id)`,
      )
      .toArray();
  }
}

/**
 * @module pool/registry
 * The pool's record of each node: identity and clearance from the Worker,
 * capabilities and GPUs from its hello and heartbeats, and its reliability,
 * which rises with verified units and falls with failures. Reliability and
 * capabilities are mirrored to D1 for operators.
 */
import { now } from "../../src/domain/clock";
import { NODE_HEADERS } from "../../src/domain/nodes";
import { SENSITIVITIES, type Sensitivity } from "../../src/domain/sensitivity";
import { log } from "../../src/log";
import type { Capabilities } from "../../src/protocol/messages";
import { cpuSlots, type PoolNodeRow } from "./store";

export class Registry {
  constructor(
    private readonly sql: SqlStorage,
    private readonly database: D1Database,
  ) {}

  upsertNode(nodeId: string, request: Request): void {
    const clearance = request.headers.get(NODE_HEADERS.clearance) as Sensitivity | null;
    this.sql.exec(
      `INSERT INTO nodes (node_id, name, clearance, capabilities, cpu_slots, disk_free_mb,
         connected, last_seen)
       VALUES (?, ?, ?, '{}', 0, 0, 0, ?)
       ON CONFLICT (node_id) DO UPDATE SET name = excluded.name, clearance = excluded.clearance,
         suspended = 0, draining = 0`,
      nodeId,
      request.headers.get(NODE_HEADERS.name) ?? nodeId,
      level(clearance ?? "public"),
      now(),
    );
  }

  applyCapabilities(nodeId: string, capabilities: Capabilities): void {
    this.sql.exec(
      `UPDATE nodes SET capabilities = ?, cpu_slots = ?, disk_free_mb = ?, connected = 1,
         disconnected_at = NULL, last_seen = ? WHERE node_id = ?`,
      JSON.stringify(capabilities),
      cpuSlots(capabilities.cpu_cores),
      capabilities.disk_free_mb,
      now(),
      nodeId,
    );
    this.updateGpus(nodeId, capabilities.gpus);
    this.database
      .prepare(
        "UPDATE nodes SET capabilities = ?, connected = 1, last_heartbeat_at = ? WHERE id = ?",
      )
      .bind(JSON.stringify(capabilities), now(), nodeId)
      .run()
      .catch((err) => log("warn", "node mirror failed", { node_id: nodeId, error: String(err) }));
  }

  updateGpus(nodeId: string, gpus: Capabilities["gpus"]): void {
    const held = new Map(
      this.sql
        .exec<{ idx: number; attempt_id: string | null }>(
          "SELECT idx, attempt_id FROM gpus WHERE node_id = ?",
          nodeId,
        )
        .toArray()
        .map((g) => [g.idx, g.attempt_id]),
    );
    this.sql.exec("DELETE FROM gpus WHERE node_id = ?", nodeId);
    for (const gpu of gpus) {
      this.sql.exec(
        "INSERT INTO gpus (node_id, idx, vram_free_mb, attempt_id) VALUES (?, ?, ?, ?)",
        nodeId,
        gpu.index,
        gpu.vram_free_mb,
        held.get(gpu.index) ?? null,
      );
    }
  }

  adjustReliability(nodeId: string, factor: number, success: boolean): void {
    const formula = success ? "MIN(1, reliability * 0.9 + 0.1)" : `reliability * ${factor}`;
    const counter = success ? "completed = completed + 1" : "failed = failed + 1";
    this.sql.exec(
      `UPDATE nodes SET reliability = ${formula}, ${counter} WHERE node_id = ?`,
      nodeId,
    );
    const node = this.sql
      .exec<PoolNodeRow>("SELECT * FROM nodes WHERE node_id = ?", nodeId)
      .toArray()[0];
    if (!node) return;
    this.database
      .prepare(
        `UPDATE nodes SET reliability = ?, units_completed = ?, units_failed = ?,
         last_heartbeat_at = ? WHERE id = ?`,
      )
      .bind(node.reliability, node.completed, node.failed, now(), nodeId)
      .run()
      .catch((err) => log("warn", "node mirror failed", { node_id: nodeId, error: String(err) }));
  }

  setClearance(nodeId: string, clearance: Sensitivity): void {
    this.sql.exec("UPDATE nodes SET clearance = ? WHERE node_id = ?", level(clearance), nodeId);
  }
}

/** A sensitivity as the number the pool's indexes compare. */
export function level(sensitivity: Sensitivity): number {
  return SENSITIVITIES.indexOf(sensitivity);
}

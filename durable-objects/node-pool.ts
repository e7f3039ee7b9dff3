/**
 * @module node-pool
 * Holds the home nodes' WebSockets through the hibernation API and matches
 * ready compute units to nodes. Per-socket state lives in the socket's
 * attachment; the registry, capacities, running attempts and the queue live
 * in SQLite, so the object can be evicted or hibernate and lose nothing.
 * Plain `ping` frames are answered by the runtime without waking the object.
 * Node messages about an attempt are forwarded to that job's scheduler, which
 * owns the attempt; the pool owns only who runs what where.
 */
import { DurableObject } from "cloudflare:workers";
import { now } from "../src/domain/clock";
import { NODE_HEADERS } from "../src/domain/nodes";
import type { Sensitivity } from "../src/domain/sensitivity";
import { log } from "../src/log";
import {
  type Capabilities,
  decode,
  encode,
  NodeMessage,
  type PlatformMessage,
} from "../src/protocol/messages";
import type { Assignment, UnitOffer } from "./contracts";
import { Capacity } from "./pool/capacity";
import { Registry } from "./pool/registry";
import { type NodeAttemptRow, type PoolNodeRow, type QueueRow, SCHEMA } from "./pool/store";

export const HEARTBEAT_INTERVAL_MS = 10_000;
/** A node silent this long has lost its units. */
export const SILENCE_LIMIT_MS = 45_000;
/** A disconnected node may reconnect within this time and keep its units. */
export const RECONNECT_GRACE_MS = 30_000;

interface Attachment {
  nodeId: string;
  origin: string;
  hello: boolean;
}

/** A platform message as built here; `encode` adds the version. */
type Send = PlatformMessage extends infer M
  ? M extends { v: number }
    ? Omit<M, "v">
    : never
  : never;

export class NodePool extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly capacity: Capacity;
  private readonly registry: Registry;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(SCHEMA);
    this.capacity = new Capacity(this.sql);
    this.registry = new Registry(this.sql, env.DB);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  // -- Connections ---------------------------------------------------------

  override async fetch(request: Request): Promise<Response> {
    const nodeId = request.headers.get(NODE_HEADERS.id);
    if (request.headers.get("Upgrade") !== "websocket" || !nodeId) {
      return new Response("expected a node WebSocket upgrade", { status: 426 });
    }

    for (const old of this.ctx.getWebSockets(nodeId)) {
      old.close(4000, "replaced by a newer connection");
    }
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1], [nodeId]);
    const attachment: Attachment = {
      nodeId,
      origin: request.headers.get(NODE_HEADERS.origin) ?? "",
      hello: false,
    };
    pair[1].serializeAttachment(attachment);
    this.registry.upsertNode(nodeId, request);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  override async webSocketMessage(ws: WebSocket, frame: string | ArrayBuffer): Promise<void> {
    const attachment = ws.deserializeAttachment() as Attachment | null;
    if (!attachment) return;
    const decoded = decode(NodeMessage, frame);
    if (!decoded.ok) {
      this.send(ws, { type: "error", code: decoded.code, message: decoded.message });
      return;
    }
    const message = decoded.message;
    const { nodeId } = attachment;
    this.sql.exec("UPDATE nodes SET last_seen = ? WHERE node_id = ?", now(), nodeId);

    if (message.type !== "hello" && !attachment.hello) {
      this.send(ws, { type: "error", code: "NOT_HELLO", message: "send hello first" });
      return;
    }

    try {
      await this.handle(ws, attachment, message);
    } catch (err) {
      log("error", "node message failed", {
        node_id: nodeId,
        type: message.type,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }

  override async webSocketClose(ws: WebSocket): Promise<void> {
    await this.disconnected(ws);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    await this.disconnected(ws);
  }

  private async disconnected(ws: WebSocket): Promise<void> {
    const attachment = ws.deserializeAttachment() as Attachment | null;
    if (!attachment) return;
    const others = this.ctx.getWebSockets(attachment.nodeId).filter((s) => s !== ws);
    if (others.length > 0) return;

    this.sql.exec(
      "UPDATE nodes SET connected = 0, disconnected_at = ? WHERE node_id = ?",
      now(),
      attachment.nodeId,
    );
    log("info", "node disconnected", { node_id: attachment.nodeId });
    await this.rearm();
  }

  // -- Node messages -------------------------------------------------------

  private async handle(ws: WebSocket, at: Attachment, message: NodeMessage): Promise<void> {
    const { nodeId } = at;
    switch (message.type) {
      case "hello":
        return this.hello(ws, at, message.capabilities, message.running);
      case "heartbeat":
        if (message.gpus) this.registry.updateGpus(nodeId, message.gpus);
        return;
      case "accept": {
        const row = this.attemptOf(nodeId, message.attempt_id, ws);
        if (!row) return;
        const ok = await this.scheduler(row.job_id).accepted(row.attempt_id, nodeId);
        if (!ok) this.cancelOnNode(ws, row, "the attempt is no longer yours");
        return;
      }
      case "reject": {
        const row = this.attemptOf(nodeId, message.attempt_id, ws);
        if (!row) return;
        const declined = await this.scheduler(row.job_id).rejected(
          row.attempt_id,
          nodeId,
          message.reason,
        );
        // Once accepted, a unit is given up with `fail`; the lease stays as it is.
        if (!declined) {
          this.send(ws, {
            type: "error",
            code: "OUT_OF_ORDER",
            message: "the attempt was already accepted; send fail to give it up",
            attempt_id: row.attempt_id,
          });
          return;
        }
        this.capacity.freeAttempt(row.attempt_id);
        this.registry.adjustReliability(nodeId, 0.97, false);
        return this.fillNode(nodeId);
      }
      case "progress": {
        const row = this.attemptOf(nodeId, message.attempt_id, ws);
        if (!row) return;
        const scheduler = this.scheduler(row.job_id);
        return scheduler.progress(row.attempt_id, nodeId, message.lines, message.metrics);
      }
      case "upload_url_request": {
        const row = this.attemptOf(nodeId, message.attempt_id);
        if (!row) return this.unknownAttempt(ws, message.attempt_id, message.request_id);
        const answer = await this.scheduler(row.job_id).uploadUrl(
          row.attempt_id,
          { nodeId, origin: at.origin },
          message.output,
        );
        if ("error" in answer) {
          return this.unknownAttempt(ws, message.attempt_id, message.request_id);
        }
        this.send(ws, {
          type: "upload_url",
          request_id: message.request_id,
          url: answer.url,
          expires_at: new Date(answer.expiresAt).toISOString(),
        });
        return;
      }
      case "complete":
        return this.complete(ws, nodeId, message);
      case "fail": {
        const row = this.attemptOf(nodeId, message.attempt_id, ws);
        if (!row) return;
        this.capacity.freeAttempt(row.attempt_id);
        this.registry.adjustReliability(nodeId, 0.9, false);
        await this.scheduler(row.job_id).failed(
          row.attempt_id,
          nodeId,
          message.reason,
          message.log_tail,
        );
        return this.fillNode(nodeId);
      }
      case "drain": {
        this.sql.exec("UPDATE nodes SET draining = 1 WHERE node_id = ?", nodeId);
        const released = message.release
          .map((id) => this.attemptOf(nodeId, id))
          .filter((r): r is NodeAttemptRow => r !== undefined);
        await this.loseAttempts(nodeId, released, "The node drained and handed the unit back");
        return;
      }
    }
  }

  private async hello(
    ws: WebSocket,
    at: Attachment,
    capabilities: Capabilities,
    running: string[],
  ): Promise<void> {
    const { nodeId } = at;
    this.registry.applyCapabilities(nodeId, capabilities);
    at.hello = true;
    ws.serializeAttachment(at);

    // Attempts the node names or the pool holds for it: ask their schedulers.
    const held = this.capacity.attemptsOf(nodeId);
    const named = new Set([...running, ...held.map((r) => r.attempt_id)]);
    const owned = new Set<string>();
    for (const row of held) {
      const still = await this.scheduler(row.job_id).stillOwned(nodeId, [row.attempt_id]);
      if (still.length > 0) owned.add(row.attempt_id);
      else this.capacity.freeAttempt(row.attempt_id);
    }
    const revoked = [...named].filter((id) => !owned.has(id));

    this.send(ws, {
      type: "welcome",
      node_id: nodeId,
      environment: this.env.ENVIRONMENT === "production" ? "production" : "development",
      heartbeat_interval_ms: HEARTBEAT_INTERVAL_MS,
      owned: [...owned],
      revoked,
    });
    log("info", "node connected", { node_id: nodeId, owned: owned.size });
    await this.fillNode(nodeId);
    await this.rearm();
  }

  private async complete(
    ws: WebSocket,
    nodeId: string,
    message: Extract<NodeMessage, { type: "complete" }>,
  ): Promise<void> {
    const row = this.attemptOf(nodeId, message.attempt_id);
    // A replayed completion of an attempt the pool already let go still gets
    // its verdict from the scheduler, which answers without charging again.
    const jobId = row?.job_id ?? (await this.jobOfFinished(nodeId, message.attempt_id));
    if (!jobId) return this.unknownAttempt(ws, message.attempt_id);

    const verdict = await this.scheduler(jobId).completed(nodeId, {
      attemptId: message.attempt_id,
      runtimeSeconds: message.runtime_seconds,
      outputs: message.outputs,
    });
    // Only the call that still holds the attempt frees and scores it: a report
    // sent twice at once counts once.
    if (row && this.attemptOf(nodeId, row.attempt_id)) {
      this.capacity.freeAttempt(row.attempt_id);
      if (verdict.accepted) this.registry.adjustReliability(nodeId, 1, true);
      else this.registry.adjustReliability(nodeId, 0.7, false);
    }
    this.send(ws, {
      type: "verdict",
      attempt_id: message.attempt_id,
      accepted: verdict.accepted,
      reasons: verdict.reasons,
    });
    await this.fillNode(nodeId);
  }

  // -- The schedulers' calls -----------------------------------------------

  /** Ready units: each goes to a fitting idle node now, or waits in the queue. */
  async offer(offers: UnitOffer[]): Promise<void> {
    this.capacity.enqueue(offers);
    const dispatches: Promise<void>[] = [];
    for (const offer of offers) {
      const queued = this.capacity.queued(offer.computeUnitId);
      const node = queued && this.capacity.nodeFor(queued);
      if (queued && node) dispatches.push(this.dispatch(queued, node));
    }
    await Promise.all(dispatches);
  }

  async withdraw(unitIds: string[]): Promise<void> {
    this.capacity.dequeue(unitIds);
  }

  /** The scheduler ended an attempt (timeout, job ended): stop it on its node. */
  async cancelAttempt(nodeId: string, attemptId: string, reason: string): Promise<void> {
    const row = this.attemptOf(nodeId, attemptId);
    if (!row) return;
    this.capacity.freeAttempt(attemptId);
    for (const ws of this.ctx.getWebSockets(nodeId)) {
      this.send(ws, { type: "cancel", attempt_id: attemptId, reason });
    }
    await this.fillNode(nodeId);
  }

  // -- Operators' calls ----------------------------------------------------

  async suspend(nodeId: string): Promise<void> {
    this.sql.exec("UPDATE nodes SET suspended = 1 WHERE node_id = ?", nodeId);
    for (const ws of this.ctx.getWebSockets(nodeId)) ws.close(4003, "suspended by an operator");
    this.sql.exec("UPDATE nodes SET connected = 0 WHERE node_id = ?", nodeId);
    await this.loseAttempts(nodeId, this.capacity.attemptsOf(nodeId), "The node was suspended");
  }

  async setClearance(nodeId: string, clearance: Sensitivity): Promise<void> {
    this.registry.setClearance(nodeId, clearance);
    // Units waiting for a node with this clearance may go to it now.
    await this.fillNode(nodeId);
  }

  /** Live state for the operators' node list. */
  async liveState(nodeIds: string[]) {
    const out: Record<
      string,
      { connected: boolean; last_seen: number; running: number; reliability: number }
    > = {};
    for (const id of nodeIds) {
      const node = this.capacity.node(id);
      if (!node) continue;
      const sockets = this.ctx.getWebSockets(id);
      const pinged = sockets
        .map((ws) => this.ctx.getWebSocketAutoResponseTimestamp(ws)?.getTime() ?? 0)
        .reduce((a, b) => Math.max(a, b), 0);
      out[id] = {
        connected: node.connected === 1 && sockets.length > 0,
        last_seen: Math.max(node.last_seen, pinged),
        running: this.capacity.attemptsOf(id).length,
        reliability: node.reliability,
      };
    }
    return out;
  }

  async stats() {
    const one = (sql: string) => this.sql.exec<{ n: number }>(sql).one().n;
    return {
      sockets: this.ctx.getWebSockets().length,
      connected: one("SELECT COUNT(*) AS n FROM nodes WHERE connected = 1"),
      queued: one("SELECT COUNT(*) AS n FROM queue"),
      running: one("SELECT COUNT(*) AS n FROM node_attempts"),
    };
  }

  // -- Alarm: silent and departed nodes lose their units -------------------

  override async alarm(): Promise<void> {
    const t = now();
    const holders = this.capacity.holders();
    for (const node of holders) {
      const lost = this.lostReason(node, t);
      if (!lost) continue;
      for (const ws of this.ctx.getWebSockets(node.node_id)) ws.close(4008, lost);
      this.sql.exec("UPDATE nodes SET connected = 0 WHERE node_id = ?", node.node_id);
      log("warn", "node lost", { node_id: node.node_id, reason: lost });
      await this.loseAttempts(node.node_id, this.capacity.attemptsOf(node.node_id), lost);
    }
    await this.rearm();
  }

  private lostReason(node: PoolNodeRow, t: number): string | null {
    if (node.connected === 0) {
      const since = node.disconnected_at ?? 0;
      return since + RECONNECT_GRACE_MS <= t ? "The node disconnected and did not come back" : null;
    }
    return this.lastSeen(node) + SILENCE_LIMIT_MS <= t ? "The node stopped heartbeating" : null;
  }

  private lastSeen(node: PoolNodeRow): number {
    const pinged = this.ctx
      .getWebSockets(node.node_id)
      .map((ws) => this.ctx.getWebSocketAutoResponseTimestamp(ws)?.getTime() ?? 0)
      .reduce((a, b) => Math.max(a, b), 0);
    return Math.max(node.last_seen, pinged);
  }

  /**
   * A node just took an attempt: the alarm must fire by `due`. Cheaper than
   * `rearm` on every assignment, and enough, since a new holder can only make
   * the next check earlier; the alarm itself re-arms from all holders.
   */
  private async armBy(due: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > due) {
      await this.ctx.storage.setAlarm(Math.max(now() + 1_000, due));
    }
  }

  /** Where the alarm is set from every holder: the next time one could be lost. */
  private async rearm(): Promise<void> {
    const holders = this.capacity.holders();
    if (holders.length === 0) {
      await this.ctx.storage.deleteAlarm();
      return;
    }
    const due = holders.map((n) =>
      n.connected === 0
        ? (n.disconnected_at ?? 0) + RECONNECT_GRACE_MS
        : this.lastSeen(n) + SILENCE_LIMIT_MS,
    );
    await this.ctx.storage.setAlarm(Math.max(now() + 1_000, Math.min(...due)));
  }

  // -- Matching ------------------------------------------------------------

  /** Gives an idle node the oldest queued units it fits, while it has room. */
  private async fillNode(nodeId: string): Promise<void> {
    const dispatches: Promise<void>[] = [];
    for (let unit = this.capacity.unitFor(nodeId); unit; unit = this.capacity.unitFor(nodeId)) {
      dispatches.push(this.dispatch(unit, nodeId));
    }
    await Promise.all(dispatches);
  }

  /**
   * Reserves the node's capacity and takes the unit off the queue at once,
   * then asks the job's scheduler for the assignment and sends it.
   */
  private async dispatch(unit: QueueRow, nodeId: string): Promise<void> {
    const placeholder = `pending:${unit.unit_id}`;
    this.capacity.reserve(nodeId, unit, placeholder);
    const origin = this.ctx
      .getWebSockets(nodeId)
      .map((ws) => (ws.deserializeAttachment() as Attachment).origin)[0];

    // The RPC typing cannot express `unknown` hyperparameters; the shape is the scheduler's.
    const pending = this.scheduler(unit.job_id).assign(unit.unit_id, {
      nodeId,
      origin: origin ?? "",
    }) as unknown as Promise<Assignment | null>;
    const assignment = await pending.catch((err: unknown) => {
      log("error", "assignment failed", { unit_id: unit.unit_id, error: String(err) });
      return null;
    });
    if (!assignment) {
      this.capacity.freeAttempt(placeholder);
      return;
    }

    this.capacity.bind(placeholder, assignment.attempt_id);
    for (const ws of this.ctx.getWebSockets(nodeId))
      this.send(ws, { type: "assign", ...assignment });
    const node = this.capacity.node(nodeId);
    if (node) await this.armBy(this.lastSeen(node) + SILENCE_LIMIT_MS);
  }

  private async loseAttempts(nodeId: string, rows: NodeAttemptRow[], reason: string) {
    const byJob = new Map<string, string[]>();
    for (const row of rows) {
      this.capacity.freeAttempt(row.attempt_id);
      if (row.attempt_id.startsWith("pending:")) continue;
      byJob.set(row.job_id, [...(byJob.get(row.job_id) ?? []), row.attempt_id]);
    }
    if (rows.length > 0) this.registry.adjustReliability(nodeId, 0.8, false);
    await Promise.all(
      [...byJob].map(([jobId, ids]) => this.scheduler(jobId).nodeLost(nodeId, ids, reason)),
    );
    await this.rearm();
  }

  // -- Small helpers -------------------------------------------------------

  /** The node's attempt, or an UNKNOWN_ATTEMPT error frame when `ws` is given. */
  private attemptOf(nodeId: string, attemptId: string, ws?: WebSocket) {
    const row = this.capacity.attemptOf(nodeId, attemptId);
    if (!row && ws) this.unknownAttempt(ws, attemptId);
    return row;
  }

  /** The job of an attempt this node ran and the pool already let go. */
  private async jobOfFinished(nodeId: string, attemptId: string): Promise<string | undefined> {
    const row = await this.env.DB.prepare(
      "SELECT job_id FROM unit_attempts WHERE id = ? AND node_id = ?",
    )
      .bind(attemptId, nodeId)
      .first<{ job_id: string }>();
    return row?.job_id;
  }

  private unknownAttempt(ws: WebSocket, attemptId: string, requestId?: string): void {
    this.send(ws, {
      type: "error",
      code: "UNKNOWN_ATTEMPT",
      message: "this node holds no such attempt",
      attempt_id: attemptId,
      ...(requestId ? { request_id: requestId } : {}),
    });
  }

  private cancelOnNode(ws: WebSocket, row: NodeAttemptRow, reason: string): void {
    this.capacity.freeAttempt(row.attempt_id);
    this.send(ws, { type: "cancel", attempt_id: row.attempt_id, reason });
  }

  private scheduler(jobId: string) {
    return this.env.JOB_SCHEDULER.get(this.env.JOB_SCHEDULER.idFromName(jobId));
  }

  private send(ws: WebSocket, message: Send): void {
    try {
      ws.send(encode(message));
    } catch {
      // The socket closed under us; its close handler takes care of the node.
    }
  }
}

/**
 * @module bench/lib/bench-node
 * A light simulated home node for the benchmarks: a raw `ws` socket that
 * speaks the node protocol. It registers with a one-time enrollment token,
 * says hello, and either sits idle (the scale runs hold thousands of these)
 * or works: accepts each assignment at once, uploads small generated outputs
 * through the signed URLs, reports completion and waits for the verdict.
 * Every step is stamped on the wall clock in milliseconds, the clock the
 * platform's own timestamps use, so the two can be compared.
 */
import { createHash } from "node:crypto";
import WebSocket from "ws";
import { type Assign, decode, encode, PlatformMessage } from "../../src/protocol/messages.ts";
import type { DevServer } from "../../test/support/dev-server.ts";

/** Wall-clock milliseconds with sub-millisecond resolution. */
export const wallNow = () => performance.timeOrigin + performance.now();

export interface NodeShape {
  cpuCores: number;
  /** VRAM of each GPU in MB; none for a CPU-only node. */
  gpus: number[];
}

export interface UnitRecord {
  computeUnitId: string;
  jobId: string;
  stage: string;
  nodeId: string;
  /** When the `assign` frame arrived. */
  receivedAt: number;
  /** When the node sent `complete` (after its uploads). */
  completedAt: number;
  /** When the `verdict` arrived: the unit is verified and charged. */
  verdictAt: number;
  /** The node's previous verdict in this stage, or its welcome: when it last became free. */
  freeSince: number;
  accepted: boolean;
}

interface Output {
  name: string;
  kind: "checkpoint" | "metrics" | "logs";
  size_bytes: number;
  sha256: string;
  bytes: Uint8Array;
}

export class BenchNode {
  readonly records: UnitRecord[] = [];
  socket: WebSocket | null = null;
  welcomedAt = 0;
  /** By stage: when the node last finished a unit of it (or was welcomed). */
  private readonly freeSince = new Map<string, number>();
  private readonly uploads = new Map<string, (url: string) => void>();
  private readonly verdicts = new Map<string, (accepted: boolean) => void>();
  private pong: (() => void) | null = null;
  /**
   * Take this many units of `stage`, then drain: the pool sends no more work
   * and the rest stays queued for the next node.
   */
  drainAfter: { stage: string; units: number } | null = null;
  private taken = 0;

  readonly server: DevServer;
  readonly nodeId: string;
  readonly secret: string;
  readonly shape: NodeShape;
  /** Milliseconds of simulated work per unit. */
  readonly workMs: number;

  constructor(server: DevServer, nodeId: string, secret: string, shape: NodeShape, workMs = 0) {
    this.server = server;
    this.nodeId = nodeId;
    this.secret = secret;
    this.shape = shape;
    this.workMs = workMs;
  }

  /** Enrolls and registers a node; answers it unconnected. */
  static async register(server: DevServer, shape: NodeShape, name: string, workMs = 0) {
    const enroll = await fetch(`${server.url}/api/v1/admin/node-enrollments`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${server.adminToken}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ clearance: "low_sensitive" }),
    });
    if (!enroll.ok) throw new Error(`enroll: ${enroll.status} ${await enroll.text()}`);
    const { enrollment_token } = (await enroll.json()) as { enrollment_token: string };

    const response = await fetch(`${server.url}/api/v1/nodes/register`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ enrollment_token, name, capabilities: capabilities(shape) }),
    });
    if (!response.ok) throw new Error(`register: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { node_id: string; node_secret: string };
    return new BenchNode(server, body.node_id, body.node_secret, shape, workMs);
  }

  /** Opens the socket and says hello; resolves on `welcome`, fails after `timeoutMs`. */
  connect(timeoutMs = 20_000): Promise<void> {
    const url = `${this.server.url.replace(/^http/, "ws")}/api/v1/nodes/connect`;
    const socket = new WebSocket(url, {
      headers: { Authorization: `Bearer ${this.secret}` },
      perMessageDeflate: false,
    });
    this.socket = socket;
    return new Promise((done, fail) => {
      const timer = setTimeout(() => {
        socket.terminate();
        fail(new Error(`no welcome within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once("close", () => fail(new Error("closed before welcome")));
      socket.once("error", fail);
      socket.once("unexpected-response", (_req, res) =>
        fail(new Error(`connect refused: ${res.statusCode}`)),
      );
      socket.once("open", () => {
        const hello = { type: "hello", capabilities: capabilities(this.shape), running: [] };
        socket.send(encode(hello));
      });
      socket.on("message", (data) => {
        const text = data.toString();
        if (text === "pong") return this.pong?.();
        const decoded = decode(PlatformMessage, text);
        if (!decoded.ok) return;
        const message = decoded.message;
        if (message.type === "welcome") {
          this.welcomedAt = wallNow();
          clearTimeout(timer);
          done();
        } else if (message.type === "assign") {
          void this.run(message, wallNow());
        } else if (message.type === "upload_url") {
          this.uploads.get(message.request_id)?.(message.url);
        } else if (message.type === "verdict") {
          this.verdicts.get(message.attempt_id)?.(message.accepted);
        }
      });
    });
  }

  /** Round trip of a `ping` the runtime answers without waking the pool. */
  ping(): Promise<number> {
    const sent = wallNow();
    return new Promise((done) => {
      this.pong = () => done(wallNow() - sent);
      this.socket?.send("ping");
    });
  }

  /** The heartbeat the agent sends every `heartbeat_interval_ms`, as it sends it. */
  heartbeat(): void {
    const gpus = capabilities(this.shape).gpus;
    this.send({ type: "heartbeat", running: [], gpus, disk_free_mb: 100_000 });
  }

  close(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    if (!socket || socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((done) => {
      // A platform that stopped answering never sends its close frame.
      const timer = setTimeout(() => socket.terminate(), 5_000);
      socket.once("close", () => {
        clearTimeout(timer);
        done();
      });
      socket.close();
    });
  }

  private send(message: { type: string; [field: string]: unknown }): void {
    this.socket?.send(encode(message));
  }

  private async run(assign: Assign, receivedAt: number): Promise<void> {
    const freeSince = this.freeSince.get(assign.stage) ?? this.welcomedAt;
    if (this.drainAfter?.stage === assign.stage && ++this.taken === this.drainAfter.units) {
      this.send({ type: "drain", release: [] });
    }
    this.send({ type: "accept", attempt_id: assign.attempt_id });
    if (this.workMs > 0) await new Promise((done) => setTimeout(done, this.workMs));

    const outputs = outputsFor(assign);
    for (const output of outputs) {
      const url = await this.uploadUrl(assign.attempt_id, output);
      const put = await fetch(url, { method: "PUT", body: output.bytes });
      if (!put.ok) throw new Error(`upload: ${put.status} ${await put.text()}`);
    }

    const verdict = new Promise<boolean>((done) => this.verdicts.set(assign.attempt_id, done));
    const completedAt = wallNow();
    this.send({
      type: "complete",
      attempt_id: assign.attempt_id,
      runtime_seconds: Math.max(0.001, (completedAt - receivedAt) / 1000),
      outputs: outputs.map(({ bytes: _, ...report }) => report),
    });
    const accepted = await verdict;
    const verdictAt = wallNow();
    this.verdicts.delete(assign.attempt_id);
    this.freeSince.set(assign.stage, verdictAt);
    this.records.push({
      computeUnitId: assign.compute_unit_id,
      jobId: assign.job_id,
      stage: assign.stage,
      nodeId: this.nodeId,
      receivedAt,
      completedAt,
      verdictAt,
      freeSince,
      accepted,
    });
  }

  private uploadUrl(attemptId: string, output: Output): Promise<string> {
    const requestId = crypto.randomUUID();
    const answer = new Promise<string>((done) => this.uploads.set(requestId, done));
    const { bytes: _, ...report } = output;
    this.send({
      type: "upload_url_request",
      request_id: requestId,
      attempt_id: attemptId,
      output: report,
    });
    return answer.finally(() => this.uploads.delete(requestId));
  }
}

function output(name: string, kind: Output["kind"], text: string): Output {
  const bytes = new TextEncoder().encode(text);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { name, kind, size_bytes: bytes.byteLength, sha256, bytes };
}

/** A log for every unit; a checkpoint and metrics where the stage requires them. */
function outputsFor(assign: Assign): Output[] {
  const outputs = [output("logs.txt", "logs", `bench ${assign.stage} ${assign.shard_index}\n`)];
  if (assign.required_outputs.includes("checkpoint")) {
    outputs.push(output("checkpoint.json", "checkpoint", '{"weights":[0.1,0.2]}'));
  }
  if (assign.required_outputs.includes("metrics")) {
    outputs.push(output("metrics.jsonl", "metrics", '{"epoch":1,"loss":0.5}\n'));
  }
  return outputs;
}

function capabilities(shape: NodeShape) {
  return {
    cpu_cores: shape.cpuCores,
    memory_mb: 16_384,
    disk_free_mb: 100_000,
    gpus: shape.gpus.map((vram, index) => ({
      index,
      name: "Bench GPU",
      vram_total_mb: vram,
      vram_free_mb: vram,
      simulated: true,
    })),
    agent_version: "bench-1",
    python_version: null,
    sandboxed: false,
  };
}

/**
 * Registers and connects `count` nodes, `batch` at a time. A node whose
 * enrolment or connection fails (a reset under load) is tried twice more;
 * one that still fails is left out and its error added to `failures`, so
 * a large run reports what it reached instead of stopping.
 */
export async function startNodes(
  server: DevServer,
  count: number,
  shape: NodeShape,
  options: {
    batch?: number;
    workMs?: number;
    prefix?: string;
    failures?: string[];
    /** Stop adding nodes once this many failed: the platform is out of something. */
    maxFailures?: number;
  } = {},
): Promise<BenchNode[]> {
  const nodes: BenchNode[] = [];
  const batch = options.batch ?? 50;
  const start = async (name: string) => {
    let node: BenchNode | null = null;
    for (let attempt = 1; ; attempt++) {
      try {
        node ??= await BenchNode.register(server, shape, name, options.workMs);
        await node.connect();
        return node;
      } catch (err) {
        if (attempt === 3) throw err;
        await new Promise((done) => setTimeout(done, 250 * attempt));
      }
    }
  };
  for (let i = 0; i < count; i += batch) {
    if ((options.failures?.length ?? 0) >= (options.maxFailures ?? Infinity)) break;
    const size = Math.min(batch, count - i);
    const names = Array.from({ length: size }, (_, j) => `${options.prefix ?? "bench"}-${i + j}`);
    const settled = await Promise.allSettled(names.map(start));
    for (const result of settled) {
      if (result.status === "fulfilled") nodes.push(result.value);
      else if (options.failures) options.failures.push(String(result.reason));
      else throw result.reason;
    }
  }
  return nodes;
}

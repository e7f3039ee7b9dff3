/**
 * A simulated home node for tests and benchmarks on Node: it registers, holds
 * a real WebSocket to the platform and speaks the node protocol, but instead
 * of running Python it answers each assignment at once with small generated
 * outputs uploaded through the signed URLs. Timings it records let the
 * benchmarks separate the platform's overhead from the node's own time.
 */
import { createHash } from "node:crypto";
import WebSocket from "ws";
import {
  type Assign,
  type Capabilities,
  decode,
  encode,
  PlatformMessage,
} from "../../src/protocol/messages.ts";
import type { DevServer } from "./dev-server.ts";
import { enrollmentToken } from "./platform.ts";

export interface SimNodeOptions {
  name?: string;
  clearance?: "public" | "low_sensitive" | "high_sensitive";
  cpuCores?: number;
  /** VRAM of each simulated GPU, in MB; none for a CPU-only node. */
  gpus?: number[];
  /** Milliseconds the node "works" on each unit. */
  workMs?: number;
  /** Register with an existing identity instead of enrolling. */
  identity?: { nodeId: string; nodeSecret: string };
}

export interface UnitTiming {
  computeUnitId: string;
  assignedAt: number;
  completedAt: number;
  verdictAt: number;
  accepted: boolean;
}

export class SimNode {
  readonly timings: UnitTiming[] = [];
  private socket: WebSocket | null = null;
  private readonly pending = new Map<string, (url: string) => void>();
  private readonly verdicts = new Map<string, (accepted: boolean) => void>();

  private constructor(
    readonly server: DevServer,
    readonly nodeId: string,
    private readonly secret: string,
    private readonly options: SimNodeOptions,
  ) {}

  static async start(server: DevServer, options: SimNodeOptions = {}): Promise<SimNode> {
    const identity = options.identity ?? (await SimNode.register(server, options));
    const node = new SimNode(server, identity.nodeId, identity.nodeSecret, options);
    await node.connect();
    return node;
  }

  static async register(server: DevServer, options: SimNodeOptions) {
    const token = await enrollmentToken(server, options.clearance ?? "low_sensitive");
    const response = await fetch(`${server.url}/api/v1/nodes/register`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        enrollment_token: token,
        name: options.name ?? "sim-node",
        capabilities: capabilitiesOf(options),
      }),
    });
    if (!response.ok) throw new Error(`register: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { node_id: string; node_secret: string };
    return { nodeId: body.node_id, nodeSecret: body.node_secret };
  }

  get identity() {
    return { nodeId: this.nodeId, nodeSecret: this.secret };
  }

  /** Opens the socket and says hello; resolves on `welcome`. */
  connect(): Promise<void> {
    const url = `${this.server.url.replace(/^http/, "ws")}/api/v1/nodes/connect`;
    const socket = new WebSocket(url, { headers: { Authorization: `Bearer ${this.secret}` } });
    this.socket = socket;
    return new Promise((done, fail) => {
      socket.once("error", fail);
      socket.once("unexpected-response", (_req, res) =>
        fail(new Error(`connect refused: ${res.statusCode}`)),
      );
      socket.on("message", (data) => {
        const decoded = decode(PlatformMessage, data.toString());
        if (!decoded.ok) return;
        const message = decoded.message;
        if (message.type === "welcome") done();
        else this.onMessage(message);
      });
      socket.once("open", () => {
        socket.send(
          encode({ type: "hello", capabilities: capabilitiesOf(this.options), running: [] }),
        );
      });
    });
  }

  /** Closes the socket without draining (the node "disappears"). */
  async stop(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((done) => {
      socket.once("close", () => done());
      socket.close();
    });
  }

  private onMessage(message: PlatformMessage): void {
    if (message.type === "assign") void this.run(message);
    else if (message.type === "upload_url") this.pending.get(message.request_id)?.(message.url);
    else if (message.type === "verdict") this.verdicts.get(message.attempt_id)?.(message.accepted);
  }

  private send(message: { type: string; [field: string]: unknown }): void {
    this.socket?.send(encode(message));
  }

  private async run(assign: Assign): Promise<void> {
    const assignedAt = performance.now();
    this.send({ type: "accept", attempt_id: assign.attempt_id });
    if (this.options.workMs) await new Promise((done) => setTimeout(done, this.options.workMs));

    const outputs = outputsFor(assign);
    for (const output of outputs) {
      const url = await this.uploadUrl(assign.attempt_id, output);
      const put = await fetch(url, { method: "PUT", body: output.bytes });
      if (!put.ok) throw new Error(`upload: ${put.status} ${await put.text()}`);
    }

    const completedAt = performance.now();
    const verdict = new Promise<boolean>((done) => this.verdicts.set(assign.attempt_id, done));
    this.send({
      type: "complete",
      attempt_id: assign.attempt_id,
      runtime_seconds: (completedAt - assignedAt) / 1000,
      outputs: outputs.map(({ bytes: _, ...report }) => report),
    });
    const accepted = await verdict;
    this.timings.push({
      computeUnitId: assign.compute_unit_id,
      assignedAt,
      completedAt,
      verdictAt: performance.now(),
      accepted,
    });
  }

  private uploadUrl(attemptId: string, output: Output): Promise<string> {
    const requestId = crypto.randomUUID();
    const answer = new Promise<string>((done) => this.pending.set(requestId, done));
    const { bytes: _, ...report } = output;
    this.send({
      type: "upload_url_request",
      request_id: requestId,
      attempt_id: attemptId,
      output: report,
    });
    return answer;
  }
}

interface Output {
  name: string;
  kind: "checkpoint" | "metrics" | "logs" | "other";
  size_bytes: number;
  sha256: string;
  bytes: Uint8Array;
}

function output(name: string, kind: Output["kind"], text: string): Output {
  const bytes = new TextEncoder().encode(text);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { name, kind, size_bytes: bytes.byteLength, sha256, bytes };
}

function outputsFor(assign: Assign): Output[] {
  const outputs = [output("logs.txt", "logs", `simulated ${assign.stage}\n`)];
  if (assign.required_outputs.includes("checkpoint")) {
    outputs.push(output("checkpoint.json", "checkpoint", JSON.stringify({ weights: [0.1, 0.2] })));
  }
  if (assign.required_outputs.includes("metrics")) {
    const lines = [1, 2, 3].map((epoch) => JSON.stringify({ epoch, loss: 1 / epoch }));
    outputs.push(output("metrics.jsonl", "metrics", `${lines.join("\n")}\n`));
  }
  return outputs;
}

function capabilitiesOf(options: SimNodeOptions): Capabilities {
  return {
    cpu_cores: options.cpuCores ?? 4,
    memory_mb: 16_384,
    disk_free_mb: 100_000,
    gpus: (options.gpus ?? []).map((vram, index) => ({
      index,
      name: "Simulated GPU",
      vram_total_mb: vram,
      vram_free_mb: vram,
      simulated: true,
    })),
    agent_version: "sim-1",
    python_version: null,
    sandboxed: false,
  };
}

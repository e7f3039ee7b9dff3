/**
 * A simulated home node that "trains" visibly, for the console's browser
 * tests: like `test/support/sim-node.ts` it registers, holds a real WebSocket
 * and uploads small outputs through signed URLs, but before completing it
 * streams log lines and per-epoch metrics in `progress` frames, so the job
 * page has a loss curve and a log tail to draw.
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
import type { DevServer } from "../support/dev-server.ts";
import { enrollmentToken } from "../support/platform.ts";

export interface TrainingNodeOptions {
  name: string;
  /** VRAM of one simulated GPU in MB; none for a CPU-only node. */
  gpuVramMb?: number;
  /** Epochs reported by a training unit. */
  epochs?: number;
  /** Pause between epochs, so a watching page sees the job running. */
  epochMs?: number;
}

interface Output {
  name: string;
  kind: "checkpoint" | "metrics" | "logs" | "other";
  size_bytes: number;
  sha256: string;
  bytes: Uint8Array;
}

export class TrainingNode {
  private socket: WebSocket | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  private readonly running = new Set<string>();
  private readonly urls = new Map<string, (url: string) => void>();

  private constructor(
    private readonly server: DevServer,
    private readonly secret: string,
    private readonly options: TrainingNodeOptions,
  ) {}

  static async start(server: DevServer, options: TrainingNodeOptions): Promise<TrainingNode> {
    const token = await enrollmentToken(server, "low_sensitive");
    const response = await fetch(`${server.url}/api/v1/nodes/register`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        enrollment_token: token,
        name: options.name,
        capabilities: capabilitiesOf(options),
      }),
    });
    if (!response.ok) throw new Error(`register: ${response.status} ${await response.text()}`);
    const { node_secret } = (await response.json()) as { node_secret: string };

    const node = new TrainingNode(server, node_secret, options);
    await node.connect();
    return node;
  }

  /**
   * Opens the socket and says hello; resolves on `welcome`. Like the real
   * agent it comes back when the connection drops (`wrangler dev` reloads
   * the Worker whenever a source file changes, closing every socket).
   */
  private connect(): Promise<void> {
    const url = `${this.server.url.replace(/^http/, "ws")}/api/v1/nodes/connect`;
    const socket = new WebSocket(url, { headers: { Authorization: `Bearer ${this.secret}` } });
    this.socket = socket;
    return new Promise((done, fail) => {
      socket.once("error", fail);
      socket.on("message", (data) => {
        const decoded = decode(PlatformMessage, data.toString());
        if (!decoded.ok) return;
        const message = decoded.message;
        if (message.type === "welcome") {
          // A silent node is a lost node: beat as often as the platform asks.
          if (this.heartbeat) clearInterval(this.heartbeat);
          this.heartbeat = setInterval(
            () => this.send({ type: "heartbeat", running: [...this.running] }),
            message.heartbeat_interval_ms,
          );
          done();
        } else if (message.type === "assign") void this.run(message);
        else if (message.type === "upload_url") this.urls.get(message.request_id)?.(message.url);
      });
      socket.once("open", () =>
        this.send({
          type: "hello",
          capabilities: capabilitiesOf(this.options),
          running: [...this.running],
        }),
      );
      socket.once("close", () => {
        if (this.socket === socket && !this.stopped) setTimeout(() => this.reconnect(), 500);
      });
    });
  }

  private reconnect(): void {
    if (this.stopped) return;
    // A failed attempt closes its socket too, and that close tries again.
    this.connect().catch(() => {});
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    const socket = this.socket;
    this.socket = null;
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((done) => {
      socket.once("close", () => done());
      socket.close();
    });
  }

  private send(message: { type: string; [field: string]: unknown }): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(encode(message));
  }

  private async run(assign: Assign): Promise<void> {
    const started = Date.now();
    const attempt = assign.attempt_id;
    this.running.add(attempt);
    this.send({ type: "accept", attempt_id: attempt });

    const training = assign.required_outputs.includes("metrics");
    const epochs = training ? (this.options.epochs ?? 8) : 1;
    const points: Record<string, number>[] = [];
    for (let epoch = 1; epoch <= epochs; epoch++) {
      await new Promise((done) => setTimeout(done, this.options.epochMs ?? 150));
      const loss = Number((1.2 * Math.exp(-epoch / 3) + 0.05).toFixed(4));
      const point = { epoch, loss, val_loss: Number((loss * 1.15 + 0.02).toFixed(4)) };
      if (training) points.push(point);
      this.send({
        type: "progress",
        attempt_id: attempt,
        lines: [`[${assign.stage}] epoch ${epoch}/${epochs} loss=${loss}`],
        metrics: training ? [point] : [],
      });
    }

    const outputs = [output("logs.txt", "logs", `${assign.stage} finished\n`)];
    if (training) {
      outputs.push(output("model.ckpt", "checkpoint", `weights after ${epochs} epochs\n`));
      const lines = points.map((p) => JSON.stringify(p)).join("\n");
      outputs.push(output("metrics.jsonl", "metrics", `${lines}\n`));
    }
    for (const item of outputs) {
      const put = await fetch(await this.uploadUrl(attempt, item), {
        method: "PUT",
        body: item.bytes,
      });
      if (!put.ok) throw new Error(`upload: ${put.status} ${await put.text()}`);
    }
    this.running.delete(attempt);
    this.send({
      type: "complete",
      attempt_id: attempt,
      runtime_seconds: (Date.now() - started) / 1000,
      outputs: outputs.map(({ bytes: _, ...report }) => report),
    });
  }

  private uploadUrl(attemptId: string, item: Output): Promise<string> {
    const requestId = crypto.randomUUID();
    const answer = new Promise<string>((done) => this.urls.set(requestId, done));
    const { bytes: _, ...report } = item;
    this.send({
      type: "upload_url_request",
      request_id: requestId,
      attempt_id: attemptId,
      output: report,
    });
    return answer;
  }
}

function output(name: string, kind: Output["kind"], text: string): Output {
  const bytes = new TextEncoder().encode(text);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { name, kind, size_bytes: bytes.byteLength, sha256, bytes };
}

function capabilitiesOf(options: TrainingNodeOptions): Capabilities {
  const gpus = options.gpuVramMb
    ? [
        {
          index: 0,
          name: "Simulated GPU",
          vram_total_mb: options.gpuVramMb,
          vram_free_mb: options.gpuVramMb,
          simulated: true,
        },
      ]
    : [];
  return {
    cpu_cores: 4,
    memory_mb: 16_384,
    disk_free_mb: 100_000,
    gpus,
    agent_version: "console-test-1",
    python_version: null,
    sandboxed: false,
  };
}

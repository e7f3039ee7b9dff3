/**
 * @module agent/testing/fake-platform
 * A stand-in for the platform in agent tests: one HTTP server on 127.0.0.1
 * that serves signed-URL downloads (`GET /files/<name>`), takes uploads
 * (`PUT /uploads/<request id>`, checked for size and SHA-256 as the real
 * one does) and speaks the node protocol on `/api/v1/nodes/connect`. It
 * answers `hello` with `welcome`, `upload_url_request` with `upload_url` and
 * `complete` with an accepting `verdict`, and records everything it receives.
 */
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import {
  type Assign,
  decode,
  encode,
  NodeMessage,
  type OutputReport,
  type PlatformMessage,
} from "../../src/protocol/messages.ts";

type Outgoing = PlatformMessage extends infer M
  ? M extends { v: number }
    ? Omit<M, "v">
    : never
  : never;

export interface Upload {
  output: OutputReport;
  body: Buffer;
}

export class FakePlatform {
  readonly url: string;
  readonly received: NodeMessage[] = [];
  readonly uploads = new Map<string, Upload>();
  readonly authorizations: string[] = [];
  /** Attempts the next welcomes revoke (the rest of `running` is owned). */
  revoke = new Set<string>();
  /** Answer the WebSocket upgrade with this status instead (e.g. 401). */
  refuseWith: number | null = null;
  heartbeatIntervalMs = 200;
  /** Liveness pings received, answered with `pong`. */
  pings = 0;
  environment: "development" | "production" = "development";
  /** Answer `complete` with a verdict (off: the verdict is "lost"). */
  verdicts = true;
  socket: WebSocket | null = null;

  private readonly files = new Map<string, Buffer>();
  private readonly requests = new Map<string, OutputReport>();
  private readonly waiters: Array<() => void> = [];
  private readonly server: http.Server;
  private readonly wss: WebSocketServer;

  private constructor(server: http.Server, wss: WebSocketServer) {
    this.server = server;
    this.wss = wss;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  static async start(): Promise<FakePlatform> {
    const server = http.createServer();
    const wss = new WebSocketServer({ noServer: true });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const platform = new FakePlatform(server, wss);
    server.on("request", (req, res) => platform.http(req, res));
    server.on("upgrade", (req, socket, head) => {
      platform.authorizations.push(String(req.headers.authorization));
      if (platform.refuseWith !== null) {
        socket.end(`HTTP/1.1 ${platform.refuseWith} Refused\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => platform.accept(ws));
    });
    return platform;
  }

  get connectUrl(): string {
    return `${this.url.replace("http", "ws")}/api/v1/nodes/connect`;
  }

  /** Serves `bytes` at a download URL and describes it as an assign input. */
  file(name: string, bytes: Uint8Array, role: "dataset" | "package" | "upstream", from?: string) {
    this.files.set(name, Buffer.from(bytes));
    return {
      name,
      role,
      url: `${this.url}/files/${name}`,
      size_bytes: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      ...(from ? { from } : {}),
    };
  }

  send(message: Outgoing): void {
    this.socket?.send(encode(message));
  }

  sendRaw(frame: string): void {
    this.socket?.send(frame);
  }

  /** Cuts the connection without a close handshake, as a lost network does. */
  drop(): void {
    this.socket?.terminate();
  }

  messages<T extends NodeMessage["type"]>(type: T): Extract<NodeMessage, { type: T }>[] {
    return this.received.filter((m): m is Extract<NodeMessage, { type: T }> => m.type === type);
  }

  /** Resolves once `predicate` holds over what was received (checked on every message). */
  async until<R>(predicate: () => R | undefined | false, timeoutMs = 60_000): Promise<R> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      if (Date.now() > deadline) throw new Error("timed out waiting for the node");
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.socket = ws;
    ws.on("message", (data) => {
      // Like the platform's runtime: `ping` is answered at once, nothing else.
      if (data.toString() === "ping") {
        this.pings += 1;
        ws.send("pong");
        return;
      }
      const decoded = decode(NodeMessage, data.toString());
      if (!decoded.ok) throw new Error(`the node sent an invalid frame: ${decoded.message}`);
      this.received.push(decoded.message);
      this.answer(ws, decoded.message);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  private answer(ws: WebSocket, message: NodeMessage): void {
    const reply = (m: Outgoing) => ws.send(encode(m));
    if (message.type === "hello") {
      reply({
        type: "welcome",
        node_id: "node_test",
        environment: this.environment,
        heartbeat_interval_ms: this.heartbeatIntervalMs,
        owned: message.running.filter((id) => !this.revoke.has(id)),
        revoked: message.running.filter((id) => this.revoke.has(id)),
      });
    } else if (message.type === "upload_url_request") {
      this.requests.set(message.request_id, message.output);
      reply({
        type: "upload_url",
        request_id: message.request_id,
        url: `${this.url}/uploads/${message.request_id}`,
        expires_at: new Date(Date.now() + 900_000).toISOString(),
      });
    } else if (message.type === "complete" && this.verdicts) {
      reply({ type: "verdict", attempt_id: message.attempt_id, accepted: true, reasons: [] });
    }
  }

  private http(req: http.IncomingMessage, res: http.ServerResponse): void {
    const [, kind, key = ""] = (req.url ?? "").split("/");
    if (req.method === "GET" && kind === "files" && this.files.has(key)) {
      res.writeHead(200, { "content-length": this.files.get(key)!.length });
      res.end(this.files.get(key));
      return;
    }
    if (req.method === "PUT" && kind === "uploads" && this.requests.has(key)) {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const output = this.requests.get(key)!;
        const body = Buffer.concat(chunks);
        const digest = createHash("sha256").update(body).digest("hex");
        if (body.length !== output.size_bytes || digest !== output.sha256) {
          res.writeHead(422, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: { code: "CHECKSUM_MISMATCH", message: "no match" } }));
          return;
        }
        this.uploads.set(output.name, { output, body });
        res.writeHead(201).end();
      });
      return;
    }
    res.writeHead(404).end();
  }
}

/** An assign with sensible defaults for tests. */
export function assignMessage(overrides: Partial<Assign> & Pick<Assign, "attempt_id">) {
  const base: Omit<Assign, "v"> = {
    type: "assign",
    attempt_id: overrides.attempt_id,
    compute_unit_id: `cu_${overrides.attempt_id}`,
    job_id: "job_test",
    stage: "train",
    kind: "cpu",
    builtin: false,
    entrypoint: "train.py",
    shard_index: 0,
    shard_count: 1,
    max_runtime_seconds: 120,
    required_vram_mb: 0,
    required_disk_mb: 100,
    hyperparameters: {},
    inputs: [],
    required_outputs: [],
  };
  const { v: _v, ...rest } = { ...base, ...overrides } as Assign;
  return rest;
}

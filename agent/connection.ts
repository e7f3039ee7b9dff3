/**
 * @module agent/connection
 * The node's WebSocket to the platform: connect with the node secret, say
 * `hello`, wait for `welcome`, heartbeat, and reconnect with jittered
 * exponential back-off whenever the socket drops. Frames are parsed with the
 * shared protocol schemas; a malformed frame is logged and ignored.
 *
 * Messages that must not be lost (`accept`, `reject`, `complete`, `fail`,
 * `drain`) wait in an outbox while the node is offline and go out after the
 * next `welcome`, minus those of attempts the welcome revoked. Progress is
 * dropped while offline: the full log is uploaded with the unit anyway.
 * Upload-URL requests, and `complete` until its verdict, are sent again
 * after a reconnect.
 */
import WebSocket from "ws";
import {
  decode,
  encode,
  type OutputReport,
  PlatformMessage,
  type Welcome,
} from "../src/protocol/messages.ts";
import type { OutgoingMessage, PlatformChannel } from "./channel.ts";
import { t } from "./i18n.ts";
import type { Logger } from "./log.ts";
import { UploadRequests } from "./upload-requests.ts";

type Message = OutgoingMessage;

const UNCONFIRMED_TTL_MS = 15 * 60 * 1000;

export interface Backoff {
  /** @default 1000 */
  baseMs: number;
  /** @default 30_000 */
  capMs: number;
}

/**
 * Delay before reconnect number `attempt` (0-based): half of the exponential
 * ceiling plus a random half, so a fleet that lost its server does not come
 * back in lock-step.
 */
export function backoffDelay(attempt: number, backoff: Backoff, random = Math.random): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export interface ConnectionHandlers {
  /** The hello to send on each connect (capabilities, running attempts). */
  hello(): Promise<Extract<Message, { type: "hello" }>>;
  heartbeat(): Promise<Extract<Message, { type: "heartbeat" }>>;
  welcome(welcome: Welcome): void;
  message(message: PlatformMessage): void;
  /** The server refused the credentials: reconnecting would not help. */
  fatal(status: number): void;
}

/** Liveness frames the platform's runtime answers without waking the pool. */
const PING = "ping";
const PONG = "pong";
/** The JSON heartbeat goes every this many liveness ticks. */
const HEARTBEAT_EVERY = 3;

export class Connection implements PlatformChannel {
  private socket: WebSocket | null = null;
  private welcomed = false;
  private generation = 0;
  private failures = 0;
  private closing = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private outbox: Message[] = [];
  private readonly unconfirmed = new Map<string, { message: Message; since: number }>();
  private lastHeard = 0;
  private answersPings = false;
  private readonly uploads = new UploadRequests();
  private readonly url: string;
  private readonly secret: string;
  private readonly handlers: ConnectionHandlers;
  private readonly logger: Logger;
  private readonly backoff: Backoff;

  constructor(options: {
    url: string;
    secret: string;
    handlers: ConnectionHandlers;
    logger: Logger;
    backoff?: Partial<Backoff>;
  }) {
    this.url = options.url;
    this.secret = options.secret;
    this.handlers = options.handlers;
    this.logger = options.logger;
    this.backoff = { baseMs: 1000, capMs: 30_000, ...options.backoff };
  }

  get online(): boolean {
    return this.welcomed && this.socket?.readyState === WebSocket.OPEN;
  }

  start(): void {
    this.closing = false;
    this.open();
  }

  send(message: Message, options: { durable?: boolean } = {}): void {
    if (message.type === "complete") {
      this.unconfirmed.set(message.attempt_id, { message, since: Date.now() });
    }
    if (this.online) this.socket!.send(encode(message));
    else if (options.durable) this.outbox.push(message);
  }

  /** Attempts whose `complete` or `fail` waits in the outbox, or whose verdict has not come. */
  undeliveredAttempts(): string[] {
    const queued = this.outbox.flatMap((message) =>
      message.type === "complete" || message.type === "fail" ? [message.attempt_id] : [],
    );
    return [...new Set([...queued, ...this.unconfirmed.keys()])];
  }

  /** Sends now if online and resolves once written; false when offline. */
  sendNow(message: Message): Promise<boolean> {
    const socket = this.socket;
    if (!this.online || socket === null) return Promise.resolve(false);
    return new Promise((resolve) => socket.send(encode(message), (err) => resolve(!err)));
  }

  requestUploadUrl(attemptId: string, output: OutputReport, signal?: AbortSignal) {
    const url = this.uploads.add(attemptId, output, signal);
    this.sendUploadRequests();
    return url;
  }

  /** Stops reconnecting and closes the socket. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.stopHeartbeat();
    this.uploads.failAll(new Error("the node is stopping"));

    const socket = this.socket;
    if (socket === null || socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      socket.once("close", () => resolve());
      socket.close(1000, "node stopping");
      setTimeout(() => {
        socket.terminate();
        resolve();
      }, 2000).unref();
    });
  }

  private open(): void {
    const socket = new WebSocket(this.url, {
      headers: { authorization: `Bearer ${this.secret}` },
      handshakeTimeout: 15_000,
    });
    this.socket = socket;
    this.welcomed = false;

    socket.on("open", async () => {
      try {
        socket.send(encode(await this.handlers.hello()));
      } catch (err) {
        this.logger.log("error", "hello_failed", { error: (err as Error).message });
        socket.terminate();
      }
    });
    socket.on("message", (data, isBinary) => {
      if (this.socket !== socket) return;
      this.lastHeard = Date.now();
      const text = isBinary ? "" : data.toString();
      if (text === PONG) {
        this.answersPings = true;
        return;
      }
      try {
        this.receive(text);
      } catch (err) {
        // One bad message must not take the node down with it.
        this.logger.log("error", "message_failed", { error: (err as Error).message });
      }
    });
    socket.on("pong", () => {
      this.lastHeard = Date.now();
      this.answersPings = true;
    });
    socket.on("unexpected-response", (_request, response) => {
      const status = response.statusCode ?? 0;
      socket.terminate();
      if (status === 401 || status === 403) {
        this.closing = true;
        this.logger.log("error", "auth_rejected", { status }, t("auth_rejected", { status }));
        this.handlers.fatal(status);
      }
    });
    socket.on("error", (err) => {
      this.logger.log("warn", "socket_error", { error: err.message });
    });
    socket.on("close", () => {
      if (this.socket !== socket) return;
      this.welcomed = false;
      this.stopHeartbeat();
      if (!this.closing) this.scheduleReconnect();
    });
  }

  private receive(frame: string): void {
    const decoded = decode(PlatformMessage, frame);
    if (!decoded.ok) {
      this.logger.log("warn", "frame_ignored", { code: decoded.code, reason: decoded.message });
      return;
    }
    const message = decoded.message;

    if (message.type === "welcome") {
      this.onWelcome(message);
      return;
    }
    if (message.type === "verdict") this.unconfirmed.delete(message.attempt_id);
    if (message.type === "upload_url") {
      this.uploads.answer(message.request_id, message.url);
      return;
    }
    if (message.type === "error" && message.attempt_id !== undefined) {
      this.uploads.failAttempt(
        message.attempt_id,
        new Error(`${message.code}: ${message.message}`),
      );
    }
    this.handlers.message(message);
  }

  private onWelcome(welcome: Welcome): void {
    this.welcomed = true;
    this.failures = 0;
    this.generation += 1;
    this.logger.log(
      "info",
      "connected",
      { node_id: welcome.node_id, owned: welcome.owned, revoked: welcome.revoked },
      t("connected", { ms: welcome.heartbeat_interval_ms }),
    );
    this.handlers.welcome(welcome);

    const revoked = new Set(welcome.revoked);
    const queued = this.outbox;
    this.outbox = [];
    for (const message of queued) {
      const attempt = attemptOf(message);
      if (attempt === undefined || !revoked.has(attempt)) this.send(message, { durable: true });
    }
    this.resendUnconfirmed(revoked, queued);
    this.sendUploadRequests();
    this.startHeartbeat(welcome.heartbeat_interval_ms);
  }

  /**
   * A `complete` written to a socket that then died may never have arrived:
   * until its verdict comes, it is sent again after each reconnect (the
   * platform treats a repeated completion of one attempt as the same one).
   * One the platform revoked, or left unanswered for 15 minutes, is dropped.
   */
  private resendUnconfirmed(revoked: ReadonlySet<string>, justSent: readonly Message[]): void {
    const sent = new Set(justSent.map(attemptOf));
    for (const [attemptId, { message, since }] of this.unconfirmed) {
      if (revoked.has(attemptId) || Date.now() - since > UNCONFIRMED_TTL_MS) {
        this.unconfirmed.delete(attemptId);
      } else if (!sent.has(attemptId)) {
        this.socket!.send(encode(message));
      }
    }
  }

  private sendUploadRequests(): void {
    if (!this.online) return;
    this.uploads.flush(this.generation, (message) => this.socket!.send(encode(message)));
  }

  /**
   * Liveness renews the node's leases. Each tick sends the text frame `ping`,
   * which the platform's runtime answers with `pong` without waking the pool,
   * so an idle node costs the platform nothing; the JSON heartbeat (running
   * attempts, GPU memory) goes every HEARTBEAT_EVERY ticks. A home router can
   * drop a connection without either side seeing a close, so a socket that
   * answered before and has been silent for three intervals is taken as dead
   * and reopened.
   */
  private startHeartbeat(intervalMs: number): void {
    this.stopHeartbeat();
    const socket = this.socket;
    this.lastHeard = Date.now();
    this.answersPings = false;
    let ticks = 0;

    this.heartbeatTimer = setInterval(async () => {
      if (this.answersPings && Date.now() - this.lastHeard > 3 * intervalMs) {
        this.logger.log("warn", "connection_silent", { silent_ms: Date.now() - this.lastHeard });
        socket?.terminate();
        return;
      }
      try {
        socket?.send(PING);
        if (++ticks % HEARTBEAT_EVERY === 0) this.send(await this.handlers.heartbeat());
      } catch (err) {
        this.logger.log("warn", "heartbeat_failed", { error: (err as Error).message });
      }
    }, intervalMs);
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  private scheduleReconnect(): void {
    const delay = backoffDelay(this.failures, this.backoff);
    this.failures += 1;
    this.logger.log(
      "warn",
      "disconnected",
      { reconnect_in_ms: delay },
      t("disconnected", { seconds: (delay / 1000).toFixed(1) }),
    );
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.closing) this.open();
    }, delay);
  }
}

function attemptOf(message: Message): string | undefined {
  return "attempt_id" in message ? message.attempt_id : undefined;
}

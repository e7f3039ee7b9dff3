/**
 * @module agent/agent
 * The running node: it owns the connection and the attempts. It answers each
 * `assign` at once (accept when the unit fits, else reject with the reason),
 * stops attempts the platform cancels or revokes, heartbeats the attempts it
 * runs, and on shutdown drains: new work is refused, attempts that have not
 * started running are handed back, running ones get a grace period to finish
 * and are handed back when it ends.
 */
import os from "node:os";
import { fileURLToPath } from "node:url";
import type {
  Assign,
  Capabilities,
  Gpu,
  PlatformMessage,
  Welcome,
} from "../src/protocol/messages.ts";
import type { ArchiveLimits } from "./archive.ts";
import { Attempt } from "./attempt.ts";
import { type Fit, fits, type RunningUnit } from "./capacity.ts";
import type { NodeConfig } from "./config.ts";
import { type Backoff, Connection } from "./connection.ts";
import { freeDiskMb, freeMemoryMb, type PythonInfo } from "./detect.ts";
import { t } from "./i18n.ts";
import { errorMessage, type Level, type Logger } from "./log.ts";
import { attemptState, removeState, writeState } from "./state.ts";

export const STAGES_DIR = fileURLToPath(new URL("./stages/", import.meta.url));

export interface AgentOptions {
  config: NodeConfig;
  connectUrl: string;
  workDir: string;
  logger: Logger;
  python: PythonInfo | null;
  bwrap: string | null;
  /** Capabilities as detected now (hello). */
  capabilities(): Promise<Capabilities>;
  /** GPUs with their free VRAM now (accept time, heartbeats). */
  gpus(): Promise<Gpu[]>;
  /** VRAM of the GPU from `--simulate-gpu`: refused unless the server is development. */
  simulatedGpuMb?: number;
  /** @default os.availableParallelism() */
  cpuCores?: number;
  freeMemoryMb?: () => number;
  stagesDir?: string;
  backoff?: Partial<Backoff>;
  archiveLimits?: ArchiveLimits;
  killGraceMs?: number;
  flushIntervalMs?: number;
  diskCheckIntervalMs?: number;
}

export class NodeAgent {
  readonly attempts = new Map<string, Attempt>();
  /** Resolves with the process exit code once the agent has stopped. */
  readonly finished: Promise<number>;

  private readonly options: AgentOptions;
  private readonly connection: Connection;
  private readonly startedAt = new Date().toISOString();
  private draining = false;
  private assigning: Promise<void> = Promise.resolve();
  private saving: Promise<void> = Promise.resolve();
  private stopping: Promise<void> | null = null;
  private finish: (code: number) => void = () => {};

  constructor(options: AgentOptions) {
    this.options = options;
    this.finished = new Promise((resolve) => {
      this.finish = resolve;
    });
    this.connection = new Connection({
      url: options.connectUrl,
      secret: options.config.node_secret,
      logger: options.logger,
      backoff: options.backoff,
      handlers: {
        hello: async () => ({
          type: "hello",
          capabilities: await options.capabilities(),
          running: this.runningIds(),
        }),
        heartbeat: async () => {
          void this.saveState();
          return {
            type: "heartbeat",
            running: this.runningIds(),
            gpus: await options.gpus(),
            disk_free_mb: await freeDiskMb(options.workDir),
          };
        },
        welcome: (welcome) => this.onWelcome(welcome),
        message: (message) => this.onMessage(message),
        fatal: () => void this.stop(1),
      },
    });
  }

  start(): void {
    this.connection.start();
    void this.saveState();
  }

  /**
   * Leaves gracefully: refuses new work, hands back attempts not yet running,
   * waits up to `graceSeconds` for the rest, hands back what is still left.
   * A second call (a second Ctrl-C) stops at once.
   */
  async drain(graceSeconds: number): Promise<void> {
    if (this.draining) return this.stop(0);
    this.draining = true;

    const early = [...this.attempts.values()].filter((a) => a.phase === "downloading");
    const counts = { waiting: this.attempts.size - early.length, released: early.length };
    this.log(
      "info",
      "draining",
      { ...counts, grace_s: graceSeconds },
      t("draining", {
        ...counts,
        grace: graceSeconds,
      }),
    );
    await this.release(early, true);

    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise((resolve) => {
      timer = setTimeout(resolve, graceSeconds * 1000);
    });
    await Promise.race([Promise.all([...this.attempts.values()].map((a) => a.done)), graceOver]);
    clearTimeout(timer);

    await this.release([...this.attempts.values()], false);
    await this.stop(0);
  }

  /** Stops at once: attempts are killed, the connection closed. */
  stop(code: number): Promise<void> {
    this.stopping ??= this.shutDown(code);
    return this.stopping;
  }

  private async shutDown(code: number): Promise<void> {
    this.draining = true;
    for (const attempt of this.attempts.values()) attempt.stop("the node is stopping");
    await Promise.all([...this.attempts.values()].map((attempt) => attempt.done));
    await this.saving;
    await this.connection.close();
    await removeState(this.options.workDir).catch(() => {});
    this.log("info", "stopped", { code }, t("stopped"));
    this.finish(code);
  }

  /** Stops `attempts` and hands them back; `announce` sends `drain` even for none. */
  private async release(attempts: Attempt[], announce: boolean): Promise<void> {
    const live = attempts.filter((attempt) => this.attempts.has(attempt.id));
    for (const attempt of live) attempt.stop("handed back: the node is shutting down");
    if (announce || live.length > 0) {
      await this.connection.sendNow({ type: "drain", release: live.map((a) => a.id) });
    }
    await Promise.all(live.map((attempt) => attempt.done));
  }

  private onWelcome(welcome: Welcome): void {
    // The config said development at registration; the server has the last word.
    if (welcome.environment !== "development" && this.options.simulatedGpuMb !== undefined) {
      const { environment } = welcome;
      this.log(
        "error",
        "simulate_refused",
        { environment },
        t("simulate_refused", { environment }),
      );
      void this.stop(1);
      return;
    }

    for (const id of welcome.revoked) this.stopAttempt(id, "the platform revoked the lease");
    void this.saveState();
  }

  private onMessage(message: PlatformMessage): void {
    if (message.type === "assign") {
      // One at a time: two assigns racing for the last GPU must not both get it.
      this.assigning = this.assigning
        .then(() => this.onAssign(message))
        .catch((err) => {
          const fields = { attempt_id: message.attempt_id, error: errorMessage(err) };
          this.log("error", "assign_failed", fields);
        });
    } else if (message.type === "cancel") {
      this.stopAttempt(message.attempt_id, `cancelled: ${message.reason}`);
    } else if (message.type === "verdict") {
      const { attempt_id, accepted, reasons } = message;
      this.log(accepted ? "info" : "warn", "verdict", { attempt_id, accepted, reasons });
    } else if (message.type === "error") {
      const { code, message: text, attempt_id } = message;
      this.log("warn", "platform_error", { code, message: text, attempt_id });
    }
  }

  private async onAssign(assign: Assign): Promise<void> {
    const id = assign.attempt_id;
    if (this.attempts.has(id)) {
      this.connection.send({ type: "accept", attempt_id: id }, { durable: true });
      return;
    }

    const decision = await this.decide(assign);
    if (!decision.ok) {
      const { reason } = decision;
      this.connection.send({ type: "reject", attempt_id: id, reason }, { durable: true });
      this.log(
        "info",
        "unit_rejected",
        { attempt_id: id, reason },
        t("unit_rejected", {
          attempt: id,
          reason,
        }),
      );
      return;
    }

    this.connection.send({ type: "accept", attempt_id: id }, { durable: true });
    const { options } = this;
    const gpu = { index: decision.gpuIndex, simulated: options.simulatedGpuMb !== undefined };
    const attempt = new Attempt(assign, gpu, {
      workDir: options.workDir,
      stagesDir: options.stagesDir ?? STAGES_DIR,
      python: options.python!,
      bwrap: options.bwrap,
      channel: this.connection,
      logger: options.logger,
      archiveLimits: options.archiveLimits,
      killGraceMs: options.killGraceMs,
      flushIntervalMs: options.flushIntervalMs,
      diskCheckIntervalMs: options.diskCheckIntervalMs,
      onSpawn: () => void this.saveState(),
    });
    this.attempts.set(id, attempt);
    this.log(
      "info",
      "unit_accepted",
      { attempt_id: id, job_id: assign.job_id, stage: assign.stage, gpu: decision.gpuIndex },
      t("unit_accepted", { attempt: id, stage: assign.stage }),
    );
    void this.saveState();

    void attempt.done.then(() => {
      this.attempts.delete(id);
      void this.saveState();
    });
  }

  private async decide(assign: Assign): Promise<Fit> {
    try {
      const running: RunningUnit[] = [...this.attempts.values()].map((attempt) => ({
        kind: attempt.assign.kind,
        gpuIndex: attempt.gpuIndex,
        requiredDiskMb: attempt.assign.required_disk_mb,
      }));
      const resources = {
        cpuCores: this.options.cpuCores ?? os.availableParallelism(),
        gpus: assign.kind === "gpu" ? await this.options.gpus() : [],
        freeMemoryMb: (this.options.freeMemoryMb ?? freeMemoryMb)(),
        freeDiskMb: await freeDiskMb(this.options.workDir),
        pythonAvailable: this.options.python !== null,
        draining: this.draining,
      };
      return fits(assign, resources, running);
    } catch (err) {
      return { ok: false, reason: `the node could not check its resources: ${errorMessage(err)}` };
    }
  }

  private stopAttempt(id: string, reason: string): void {
    const attempt = this.attempts.get(id);
    if (attempt === undefined) return;
    attempt.stop(reason);
    this.log(
      "info",
      "unit_killed",
      { attempt_id: id, reason },
      t("unit_killed", {
        attempt: id,
        reason,
      }),
    );
  }

  /** Attempts still held: running, or finished with their report not yet delivered. */
  private runningIds(): string[] {
    return [...new Set([...this.attempts.keys(), ...this.connection.undeliveredAttempts()])];
  }

  /** One write at a time, so an older state never lands after a newer one. */
  private saveState(): Promise<void> {
    this.saving = this.saving.then(() =>
      writeState(this.options.workDir, {
        pid: process.pid,
        node_id: this.options.config.node_id,
        server: this.options.config.server,
        connected: this.connection.online,
        draining: this.draining,
        sandbox: this.options.bwrap === null ? "none" : "bubblewrap",
        simulated_gpu_mb: this.options.simulatedGpuMb ?? null,
        started_at: this.startedAt,
        updated_at: new Date().toISOString(),
        attempts: [...this.attempts.values()].map(attemptState),
      }).catch(() => {}),
    );
    return this.saving;
  }

  private log(level: Level, event: string, fields: Record<string, unknown>, msg?: string) {
    this.options.logger.log(level, event, fields, msg);
  }
}

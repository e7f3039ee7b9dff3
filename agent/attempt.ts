/**
 * @module agent/attempt
 * One accepted unit from start to report: a fresh workspace, the inputs
 * fetched and verified, the entry point run (sandboxed when possible), the
 * outputs uploaded, then `complete` or `fail`. A cancelled attempt is stopped
 * and reports nothing; the platform already knows. The workspace is removed
 * at the end either way.
 */
import { appendFile, lstat, readdir, realpath } from "node:fs/promises";
import { join } from "node:path";
import type { Assign, OutputReport } from "../src/protocol/messages.ts";
import type { ArchiveLimits } from "./archive.ts";
import type { PlatformChannel } from "./channel.ts";
import type { PythonInfo } from "./detect.ts";
import { t } from "./i18n.ts";
import { fetchInputs } from "./inputs.ts";
import { errorMessage, type Logger } from "./log.ts";
import { fitToFrames, type ProgressBatch, tailWithin } from "./progress.ts";
import { type RunResult, runUnit } from "./runner.ts";
import { pythonMounts, unitCommand, unitEnvironment } from "./sandbox.ts";
import { collectOutputs, MAX_OUTPUTS, putFile } from "./uploads.ts";
import {
  createWorkspace,
  directoryBytes,
  removeWorkspace,
  type Workspace,
  workspaceFor,
} from "./workspace.ts";

export interface AttemptContext {
  workDir: string;
  stagesDir: string;
  python: PythonInfo;
  bwrap: string | null;
  channel: PlatformChannel;
  logger: Logger;
  archiveLimits?: ArchiveLimits;
  killGraceMs?: number;
  flushIntervalMs?: number;
  diskCheckIntervalMs?: number;
  /** Told when the unit's process started (the agent records its pid). */
  onSpawn?: () => void;
}

export type Phase = "downloading" | "running" | "uploading" | "done";

export class Attempt {
  readonly assign: Assign;
  readonly gpuIndex: number | null;
  /** The GPU index given to CUDA; null for CPU units and simulated GPUs. */
  readonly cudaIndex: number | null;
  readonly acceptedAt = new Date();
  phase: Phase = "downloading";
  /** The unit's process group, while it runs. */
  pid: number | null = null;
  readonly done: Promise<void>;

  private readonly context: AttemptContext;
  private readonly controller = new AbortController();
  private readonly workspace: Workspace;

  constructor(
    assign: Assign,
    gpu: { index: number | null; simulated: boolean },
    ctx: AttemptContext,
  ) {
    this.assign = assign;
    this.gpuIndex = gpu.index;
    this.cudaIndex = gpu.simulated ? null : gpu.index;
    this.context = ctx;
    this.workspace = workspaceFor(ctx.workDir, assign.attempt_id);
    this.done = this.run().catch((err) => this.log("error", "attempt crashed", err));
  }

  get id(): string {
    return this.assign.attempt_id;
  }

  /** Stops the attempt without reporting (cancel, revoked lease, released on drain). */
  stop(reason: string): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }

  get stopped(): boolean {
    return this.controller.signal.aborted;
  }

  private async run(): Promise<void> {
    const { workspace } = this;
    try {
      await createWorkspace(workspace);
      await fetchInputs(
        this.assign.inputs,
        workspace,
        this.controller.signal,
        this.context.archiveLimits,
      );
      if (this.stopped) return;

      const script = await this.entrypoint();
      if (script === null) {
        return this.fail(`entry point ${this.assign.entrypoint} is not a file in the package`);
      }

      this.phase = "running";
      const result = await this.execute(script);
      if (this.stopped) return;
      if (result.stopped !== null || result.exitCode !== 0) return this.failRun(result);

      this.phase = "uploading";
      await this.report(result);
    } catch (err) {
      if (!this.stopped) this.fail(errorMessage(err));
    } finally {
      this.phase = "done";
      await removeWorkspace(workspace).catch(() => {});
    }
  }

  private async entrypoint(): Promise<string | null> {
    if (this.assign.builtin) return join(this.context.stagesDir, `${this.assign.stage}.py`);
    const path = join(this.workspace.package, this.assign.entrypoint);
    const stats = await lstat(path).catch(() => null);
    return stats?.isFile() ? path : null;
  }

  private async execute(script: string): Promise<RunResult> {
    const { workspace, assign, context } = this;
    const python = context.python.executable;
    const realPython = await realpath(python).catch(() => python);
    const plan = {
      python,
      script,
      cwd: workspace.work,
      readOnly: [
        workspace.data,
        workspace.input,
        workspace.package,
        context.stagesDir,
        ...pythonMounts(python),
        ...pythonMounts(realPython),
      ],
      writable: [workspace.work, workspace.output],
      devices: this.cudaIndex === null ? [] : await nvidiaDevices(this.cudaIndex),
    };
    const env = unitEnvironment({
      python,
      dataDir: workspace.data,
      inputDir: workspace.input,
      outputDir: workspace.output,
      workDir: workspace.work,
      tmpDir: workspace.tmp,
      stage: assign.stage,
      attemptId: assign.attempt_id,
      unitIndex: assign.shard_index,
      unitCount: assign.shard_count,
      hyperparameters: assign.hyperparameters,
      gpuIndex: this.cudaIndex,
    });

    const sandbox = context.bwrap === null ? "none" : "bubblewrap";
    await appendFile(
      workspace.logFile,
      `[gpu-agent] attempt ${assign.attempt_id}, stage ${assign.stage}, ` +
        `unit ${assign.shard_index + 1}/${assign.shard_count}, sandbox: ${sandbox}\n`,
    );

    const { command, args } = unitCommand(plan, context.bwrap);
    return runUnit({
      command,
      args,
      cwd: workspace.work,
      env,
      logFile: workspace.logFile,
      maxRuntimeSeconds: assign.max_runtime_seconds,
      disk: {
        dir: workspace.root,
        baselineBytes: await directoryBytes(workspace.root),
        limitBytes: assign.required_disk_mb * 1024 * 1024,
      },
      metricsFile: join(workspace.output, "metrics.jsonl"),
      onProgress: (batch) => this.progress(batch),
      onSpawn: (pid) => {
        this.pid = pid;
        this.context.onSpawn?.();
      },
      signal: this.controller.signal,
      killGraceMs: context.killGraceMs,
      flushIntervalMs: context.flushIntervalMs,
      diskCheckIntervalMs: context.diskCheckIntervalMs,
    });
  }

  private progress(batch: ProgressBatch): void {
    if (this.stopped) return;
    for (const frame of fitToFrames(batch)) {
      this.context.channel.send({ type: "progress", attempt_id: this.id, ...frame });
    }
  }

  private async report(result: RunResult): Promise<void> {
    const { outputs, skipped } = await collectOutputs(
      this.workspace.output,
      this.workspace.logFile,
    );
    if (skipped.length > 0) {
      this.progress({ lines: skipped.map((s) => `[gpu-agent] output skipped: ${s}`), metrics: [] });
    }
    if (outputs.length > MAX_OUTPUTS) {
      return this.fail(`the unit wrote ${outputs.length} outputs; at most ${MAX_OUTPUTS} allowed`);
    }

    const kinds = new Set(outputs.map((output) => output.report.kind));
    const missing = this.assign.required_outputs.filter((kind) => !kinds.has(kind));
    if (missing.length > 0) {
      return this.fail(
        `the unit did not write its required outputs: ${missing.join(", ")} ` +
          "(checkpoint*: a checkpoint, metrics.jsonl: metrics, in GPU_AGENT_OUTPUT_DIR)",
        result,
      );
    }

    for (const output of outputs) {
      if (this.stopped) return;
      await this.upload(output.path, output.report);
    }
    if (this.stopped) return;

    this.context.channel.send(
      {
        type: "complete",
        attempt_id: this.id,
        runtime_seconds: Math.round(result.runtimeSeconds * 1000) / 1000,
        outputs: outputs.map((output) => output.report),
      },
      { durable: true },
    );
    this.log("info", "complete", null, { outputs: outputs.length });
  }

  /** One retry with a fresh URL: a URL may expire while the connection was down. */
  private async upload(path: string, report: OutputReport): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        // Long enough to ride out a reconnect; short enough not to hold a unit forever.
        const signal = AbortSignal.any([this.controller.signal, AbortSignal.timeout(600_000)]);
        const url = await this.context.channel.requestUploadUrl(this.id, report, signal);
        await putFile(url, path, report.size_bytes, this.controller.signal);
        return;
      } catch (err) {
        if (attempt >= 2 || this.stopped) {
          throw new Error(`upload of ${report.name} failed: ${errorMessage(err)}`);
        }
      }
    }
  }

  private failRun(result: RunResult): void {
    const { assign } = this;
    let reason: string;
    if (result.stopped === "runtime") {
      reason = `the unit ran past its limit of ${assign.max_runtime_seconds} s and was killed`;
    } else if (result.stopped === "disk") {
      reason = `the unit wrote more than its ${assign.required_disk_mb} MB of disk and was killed`;
    } else if (result.exitCode === null) {
      reason = `the entry point was killed by ${result.signal ?? "a signal"} or could not start`;
    } else {
      reason = `the entry point exited with code ${result.exitCode}`;
    }
    this.fail(reason, result);
  }

  private fail(reason: string, result?: RunResult): void {
    if (this.stopped) return;
    this.context.channel.send(
      {
        type: "fail",
        attempt_id: this.id,
        reason: reason.slice(0, 2000),
        exit_code: result?.exitCode ?? null,
        log_tail: tailWithin(result?.logTail ?? []),
      },
      { durable: true },
    );
    this.log("warn", "fail", null, { reason });
  }

  private log(level: "info" | "warn" | "error", outcome: string, err: unknown, extra = {}) {
    this.context.logger.log(
      level,
      "attempt_finished",
      {
        attempt_id: this.id,
        job_id: this.assign.job_id,
        stage: this.assign.stage,
        outcome,
        ...(err ? { error: errorMessage(err) } : {}),
        ...extra,
      },
      t("unit_finished", { attempt: this.id, outcome }),
    );
  }
}

/** `/dev/nvidia<index>` plus the control devices every CUDA program opens. */
async function nvidiaDevices(index: number): Promise<string[]> {
  const names = await readdir("/dev").catch(() => [] as string[]);
  return names
    .filter((name) => name.startsWith("nvidia"))
    .filter((name) => !/^nvidia\d+$/.test(name) || name === `nvidia${index}`)
    .map((name) => `/dev/${name}`);
}

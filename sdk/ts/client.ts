/**
 * @module sdk/client
 * `GpuAgent`, the customer's client: datasets and training packages
 * (upload, read, list, delete), training jobs (create, read, list, wait,
 * cancel, units, events, output), artifacts (list, download) and usage.
 * Lists are async iterators that fetch page after page as they are consumed.
 */
import { randomUUID } from "node:crypto";
import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { ApiKeys, Webhooks } from "./account.ts";
import type {
  Artifact,
  ArtifactKind,
  ComputeUnit,
  CreateTrainingJobParams,
  Dataset,
  DownloadUrl,
  JobEvent,
  LedgerEntry,
  ListJobsQuery,
  TrainingJob,
  TrainingPackage,
  UnitOutput,
  UsageDaily,
  UsageSummary,
} from "./api-types.ts";
import { TERMINAL_JOB_STATUSES } from "./api-types.ts";
import { GpuAgentError } from "./errors.ts";
import { writeStream } from "./files.ts";
import { type Query, sleep, Transport, type TransportOptions } from "./http.ts";
import { listAll } from "./pagination.ts";
import { type UploadKind, type UploadOptions, uploadFile } from "./uploads.ts";

export type ClientOptions = TransportOptions;

export interface ListOptions {
  /** Items per request, 1–100. @default 100 */
  pageSize?: number;
  signal?: AbortSignal;
}

export interface WaitOptions {
  /** @default 5000 */
  intervalMs?: number;
  /** Stop waiting (rejecting with the signal's reason). */
  signal?: AbortSignal;
  /** Called with every poll's job, terminal or not. */
  onPoll?: (job: TrainingJob) => void;
}

export interface DownloadOptions {
  /** A file path, or an existing directory to save under the artifact's name. */
  to: string;
  signal?: AbortSignal;
}

export class GpuAgent {
  readonly transport: Transport;
  /** The customer's API keys: list, create (shown once), revoke. */
  readonly apiKeys: ApiKeys;
  /** Webhook endpoints and their deliveries. */
  readonly webhooks: Webhooks;

  constructor(options: ClientOptions) {
    this.transport = new Transport(options);
    this.apiKeys = new ApiKeys(this.transport);
    this.webhooks = new Webhooks(this.transport);
  }

  // ── Datasets and training packages ────────────────────────────────────

  /** Streams a file up as a dataset, verifies it and answers it `ready`. */
  uploadDataset(path: string, options?: UploadOptions): Promise<Dataset> {
    return uploadFile(this.transport, "datasets", path, options);
  }

  /** Streams a zip up as a training package; the platform validates it at finalize. */
  uploadTrainingPackage(path: string, options?: UploadOptions): Promise<TrainingPackage> {
    return uploadFile(this.transport, "training-packages", path, options);
  }

  /** A dataset by id (`NotFoundError` if absent or not yours). */
  getDataset(id: string, signal?: AbortSignal): Promise<Dataset> {
    return this.#get(`/customer/datasets/${enc(id)}`, undefined, signal);
  }

  /** A training package by id (`NotFoundError` if absent or not yours). */
  getTrainingPackage(id: string, signal?: AbortSignal): Promise<TrainingPackage> {
    return this.#get(`/customer/training-packages/${enc(id)}`, undefined, signal);
  }

  /** Every dataset, newest first, fetched page by page as consumed. */
  listDatasets(options?: ListOptions): AsyncGenerator<Dataset, void> {
    return this.#list("/customer/datasets", {}, options);
  }

  /** Every training package, newest first, fetched page by page. */
  listTrainingPackages(options?: ListOptions): AsyncGenerator<TrainingPackage, void> {
    return this.#list("/customer/training-packages", {}, options);
  }

  /** Deletes a dataset and its bytes (`ConflictError` while an active job uses it). */
  deleteDataset(id: string, signal?: AbortSignal): Promise<void> {
    return this.#delete("datasets", id, signal);
  }

  /** Deletes a package and its bytes (`ConflictError` while an active job uses it). */
  deleteTrainingPackage(id: string, signal?: AbortSignal): Promise<void> {
    return this.#delete("training-packages", id, signal);
  }

  // ── Training jobs ─────────────────────────────────────────────────────

  /**
   * Creates a training job. It always sends an Idempotency-Key (a new one
   * unless given), so the retries after a lost response or a 5xx can never
   * create a second job: the platform answers the first one again.
   */
  createTrainingJob(
    params: CreateTrainingJobParams,
    options: { idempotencyKey?: string; signal?: AbortSignal } = {},
  ): Promise<TrainingJob> {
    const key = options.idempotencyKey ?? `sdk-${randomUUID()}`;
    return this.transport.json({
      method: "POST",
      path: "/customer/training-jobs",
      json: params,
      headers: { "Idempotency-Key": key },
      idempotent: true,
      signal: options.signal,
    });
  }

  /** A training job with its status, progress and credits. */
  getTrainingJob(id: string, signal?: AbortSignal): Promise<TrainingJob> {
    return this.#get(`/customer/training-jobs/${enc(id)}`, undefined, signal);
  }

  /** Every training job, newest first, optionally only those with `status`. */
  listTrainingJobs(
    query: Omit<ListJobsQuery, "cursor" | "limit"> = {},
    options?: ListOptions,
  ): AsyncGenerator<TrainingJob, void> {
    return this.#list("/customer/training-jobs", query, options);
  }

  /** Cancels a job: running units stop, its reservation is released. */
  cancelTrainingJob(id: string, signal?: AbortSignal): Promise<TrainingJob> {
    return this.transport.json({
      method: "POST",
      path: `/customer/training-jobs/${enc(id)}/cancel`,
      idempotent: false,
      signal,
    });
  }

  /**
   * Polls the job (every 5 s by default) until it is completed, failed or
   * cancelled, and answers that last state; a failed job resolves too, with
   * its `error`. Rejects with the signal's reason when aborted.
   */
  async waitForJob(id: string, options: WaitOptions = {}): Promise<TrainingJob> {
    const interval = options.intervalMs ?? 5_000;
    for (;;) {
      const job = await this.getTrainingJob(id, options.signal);
      options.onPoll?.(job);
      if (TERMINAL_JOB_STATUSES.includes(job.status)) return job;
      await sleep(interval, options.signal);
    }
  }

  /** The job's compute units in plan order, each with its attempts. */
  async listComputeUnits(jobId: string, signal?: AbortSignal): Promise<ComputeUnit[]> {
    const page = await this.#get<{ data: ComputeUnit[] }>(
      `/customer/training-jobs/${enc(jobId)}/compute-units`,
      undefined,
      signal,
    );
    return page.data;
  }

  /** The last log lines (oldest first) and the metric points a unit reported. */
  getUnitOutput(
    jobId: string,
    unitId: string,
    options: { lines?: number; signal?: AbortSignal } = {},
  ): Promise<UnitOutput> {
    const path = `/customer/training-jobs/${enc(jobId)}/compute-units/${enc(unitId)}/output`;
    return this.#get(path, { lines: options.lines }, options.signal);
  }

  /** The job's timeline, newest first, fetched page by page. */
  listJobEvents(jobId: string, options?: ListOptions): AsyncGenerator<JobEvent, void> {
    return this.#list(`/customer/training-jobs/${enc(jobId)}/events`, {}, options);
  }

  // ── Artifacts ─────────────────────────────────────────────────────────

  /** The job's checkpoints, metrics and logs, optionally of one `kind`. */
  listArtifacts(
    jobId: string,
    query: { kind?: ArtifactKind } = {},
    options?: ListOptions,
  ): AsyncGenerator<Artifact, void> {
    return this.#list(`/customer/training-jobs/${enc(jobId)}/artifacts`, query, options);
  }

  /** Mints a signed download URL, valid for 900 s. */
  createDownloadUrl(jobId: string, artifactId: string, signal?: AbortSignal): Promise<DownloadUrl> {
    return this.transport.json({
      method: "POST",
      path: `/customer/training-jobs/${enc(jobId)}/artifacts/${enc(artifactId)}/download-url`,
      idempotent: true,
      signal,
    });
  }

  /**
   * Downloads an artifact through a freshly minted signed URL, streaming it to
   * disk and checking its size and SHA-256 before it takes its final name.
   * Answers the file's path.
   */
  async downloadArtifact(artifact: Artifact, options: DownloadOptions): Promise<string> {
    const { signal } = options;
    const target = (await isDirectory(options.to))
      ? join(options.to, safeName(artifact))
      : options.to;
    const { download_url } = await this.createDownloadUrl(artifact.job_id, artifact.id, signal);

    // The signed URL is the credential: the API key is not sent along.
    const response = await this.transport.send({
      method: "GET",
      path: download_url,
      anonymous: true,
      idempotent: true,
      signal,
    });
    if (!response.body) throw new GpuAgentError(`The download of ${artifact.id} had no body`);
    await mkdir(join(target, ".."), { recursive: true });
    await writeStream(response.body, target, {
      signal,
      expected: { sha256: artifact.sha256, size: artifact.size_bytes },
    });
    return target;
  }

  // ── Usage ─────────────────────────────────────────────────────────────

  /** The balance, what is reserved, this UTC month's usage and jobs by status. */
  getUsageSummary(signal?: AbortSignal): Promise<UsageSummary> {
    return this.#get("/customer/usage/summary", undefined, signal);
  }

  /** Usage per UTC day for the last `days` days (1–90), oldest first. */
  getDailyUsage(days = 30, signal?: AbortSignal): Promise<UsageDaily> {
    return this.#get("/customer/usage/daily", { days }, signal);
  }

  /** The CSV of charged units between two UTC dates (YYYY-MM-DD, both included), streamed. */
  async exportUsage(
    dateFrom: string,
    dateTo: string,
    signal?: AbortSignal,
  ): Promise<ReadableStream<Uint8Array>> {
    const response = await this.transport.send({
      method: "GET",
      path: "/customer/usage/export.csv",
      query: { date_from: dateFrom, date_to: dateTo },
      idempotent: true,
      signal,
    });
    return response.body ?? new Blob([]).stream();
  }

  /** Grants, reservations, releases, charges and refunds, newest first. */
  listCreditsLedger(options?: ListOptions): AsyncGenerator<LedgerEntry, void> {
    return this.#list("/customer/credits/ledger", {}, options);
  }

  // ── Plumbing ──────────────────────────────────────────────────────────

  #get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.transport.json({ method: "GET", path, query, idempotent: true, signal });
  }

  #list<T>(path: string, query: Query, options: ListOptions = {}): AsyncGenerator<T, void> {
    return listAll(this.transport, path, query, options);
  }

  async #delete(kind: UploadKind, id: string, signal?: AbortSignal): Promise<void> {
    await this.transport.send({
      method: "DELETE",
      path: `/customer/${kind}/${enc(id)}`,
      idempotent: true,
      signal,
    });
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

/** The artifact's own name without any directory part, so it cannot escape the folder. */
function safeName(artifact: Artifact): string {
  const name = artifact.name.split(/[\\/]/).pop() ?? "";
  return name === "" || name === "." || name === ".." ? artifact.id : name;
}

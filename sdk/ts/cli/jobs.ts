/**
 * @module sdk/cli/jobs
 * `jobs create|list|get|watch|cancel`. `create` takes the staging page's
 * fields as flags of the same names; `watch` polls until the job ends,
 * showing progress, each unit's state and the units' newest log lines.
 */
import type { ComputeUnit, CreateTrainingJobParams, JobStatus, TrainingJob } from "../api-types.ts";
import { TERMINAL_JOB_STATUSES } from "../api-types.ts";
import { sleep } from "../http.ts";
import { collect } from "../pagination.ts";
import {
  type Command,
  type Context,
  intFlag,
  noPositionals,
  onePositional,
  requiredFlag,
  secondsFlag,
  stringFlag,
} from "./context.ts";
import { t } from "./i18n.ts";
import { EXIT, result, table, UsageError } from "./output.ts";

const SENSITIVITIES = ["public", "low_sensitive", "high_sensitive"] as const;
const LOG_TAIL = 20;
const LIVE_UNIT_STATUSES = new Set<string>(["assigned", "running", "verifying"]);

function jobLine(job: TrainingJob): string {
  const done = job.progress.completed ?? 0;
  return t("job_line", { id: job.id, status: job.status, done, total: job.progress.total ?? 0 });
}

function parseHyperparameters(context: Context): Record<string, unknown> | undefined {
  const text = stringFlag(context, "hyperparameters");
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError(
      t("bad_json", { name: "--hyperparameters", reason: (err as Error).message }),
    );
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new UsageError(t("bad_json", { name: "--hyperparameters", reason: "not an object" }));
  }
  return value as Record<string, unknown>;
}

export const jobsCreate: Command = {
  options: {
    name: { type: "string" },
    "dataset-id": { type: "string" },
    "training-package-id": { type: "string" },
    "required-vram-mb": { type: "string" },
    "required-disk-mb": { type: "string" },
    "max-runtime-seconds": { type: "string" },
    sensitivity: { type: "string" },
    hyperparameters: { type: "string" },
    "idempotency-key": { type: "string" },
    wait: { type: "boolean" },
    interval: { type: "string" },
  },
  async run(context) {
    noPositionals(context);
    const sensitivity = requiredFlag(context, "sensitivity");
    if (!SENSITIVITIES.includes(sensitivity as never)) {
      throw new UsageError(
        t("bad_option", { reason: `--sensitivity takes ${SENSITIVITIES.join(", ")}` }),
      );
    }
    const params: CreateTrainingJobParams = {
      name: requiredFlag(context, "name"),
      dataset_id: requiredFlag(context, "dataset-id"),
      training_package_id: requiredFlag(context, "training-package-id"),
      required_vram_mb: intFlag(context, "required-vram-mb"),
      required_disk_mb: intFlag(context, "required-disk-mb"),
      max_runtime_seconds: intFlag(context, "max-runtime-seconds"),
      sensitivity: sensitivity as CreateTrainingJobParams["sensitivity"],
    };
    const hyperparameters = parseHyperparameters(context);
    if (hyperparameters) params.hyperparameters = hyperparameters;

    const job = await context.client.createTrainingJob(params, {
      idempotencyKey: stringFlag(context, "idempotency-key"),
      signal: context.signal,
    });
    if (context.values.wait) {
      if (!context.output.json) {
        const credits = job.projected_credits;
        context.output.err(t("job_created", { id: job.id, status: job.status, credits }));
      }
      return watch(context, job.id);
    }
    result(context.output, job, () =>
      t("job_created", { id: job.id, status: job.status, credits: job.projected_credits }),
    );
    return EXIT.ok;
  },
};

export const jobsList: Command = {
  options: { status: { type: "string" }, limit: { type: "string" } },
  async run(context) {
    noPositionals(context);
    const status = stringFlag(context, "status") as JobStatus | undefined;
    const limit = intFlag(context, "limit", 50);
    const jobs = await collect(
      context.client.listTrainingJobs(status ? { status } : {}, { signal: context.signal }),
      limit,
    );
    result(context.output, { data: jobs }, () => {
      if (jobs.length === 0) return t("no_jobs");
      const rows = jobs.map((j) => [
        j.id,
        j.name,
        j.status,
        `${j.progress.completed ?? 0}/${j.progress.total ?? 0}`,
        String(j.charged_credits),
        j.created_at,
      ]);
      return table(rows, ["ID", "NAME", "STATUS", "UNITS", "CREDITS", "CREATED"]);
    });
    return EXIT.ok;
  },
};

export const jobsGet: Command = {
  options: {},
  async run(context) {
    const job = await context.client.getTrainingJob(
      onePositional(context, "JOB_ID"),
      context.signal,
    );
    result(context.output, job, () => jobLine(job));
    return EXIT.ok;
  },
};

export const jobsCancel: Command = {
  options: {},
  async run(context) {
    const id = onePositional(context, "JOB_ID");
    const job = await context.client.cancelTrainingJob(id, context.signal);
    result(context.output, job, () => t("job_cancelled", { id: job.id }));
    return EXIT.ok;
  },
};

export const jobsWatch: Command = {
  options: { interval: { type: "string" } },
  run: (context) => watch(context, onePositional(context, "JOB_ID")),
};

/**
 * Polls the job, printing what changed: the job's line, each unit's state,
 * and log lines not shown before. Exit 0 when the job completed, 1 otherwise.
 */
async function watch(context: Context, id: string): Promise<number> {
  const { client, output, signal } = context;
  const intervalMs = secondsFlag(context, "interval", 5) * 1000;
  const shown = new Map<string, string[]>();
  const drained = new Set<string>();
  let previous = "";

  for (;;) {
    const job = await client.getTrainingJob(id, signal);
    const units = await client.listComputeUnits(id, signal);
    const logs: Record<string, string[]> = {};
    for (const unit of units) {
      // Read the logs of running units, and once more when a unit stops, for its last lines.
      const live = LIVE_UNIT_STATUSES.has(unit.status);
      if (live) drained.delete(unit.id);
      else if (unit.attempt_count === 0 || drained.has(unit.id)) continue;
      else drained.add(unit.id);

      const { logs: tail } = await client.getUnitOutput(id, unit.id, { lines: LOG_TAIL, signal });
      const fresh = newLines(shown.get(unit.id) ?? [], tail);
      shown.set(unit.id, tail);
      if (fresh.length > 0) logs[unit.id] = fresh;
    }

    const snapshot = JSON.stringify([job.status, job.progress, units.map((u) => u.status)]);
    const changed = snapshot !== previous || Object.keys(logs).length > 0;
    previous = snapshot;
    if (changed) print(context, job, units, logs);

    if (TERMINAL_JOB_STATUSES.includes(job.status)) {
      if (!output.json) {
        output.out(t("job_finished", { status: job.status, credits: job.charged_credits }));
        if (job.error) output.out(t("job_error", job.error));
      }
      return job.status === "completed" ? EXIT.ok : EXIT.failed;
    }
    await sleep(intervalMs, signal);
  }
}

function print(
  context: Context,
  job: TrainingJob,
  units: ComputeUnit[],
  logs: Record<string, string[]>,
): void {
  const { output } = context;
  if (output.json) {
    const brief = units.map((u) => ({
      id: u.id,
      stage: u.stage,
      shard_index: u.shard_index,
      status: u.status,
      node_id: u.node_id,
    }));
    output.out(JSON.stringify({ job, units: brief, logs }));
    return;
  }
  const label = (u: ComputeUnit) => (u.shard_count > 1 ? `${u.stage}[${u.shard_index}]` : u.stage);
  const rows = units.map((u) => [`  ${label(u)}`, u.status, u.node_id ?? ""]);
  output.out(`${jobLine(job)}\n${table(rows)}`);
  for (const unit of units) {
    for (const line of logs[unit.id] ?? []) output.out(`  [${label(unit)}] ${line}`);
  }
}

/** The lines of `tail` after the part that overlaps what was shown before. */
export function newLines(before: string[], tail: string[]): string[] {
  for (let overlap = Math.min(before.length, tail.length); overlap > 0; overlap--) {
    const end = before.slice(before.length - overlap);
    if (end.every((line, i) => line === tail[i])) return tail.slice(overlap);
  }
  return tail;
}

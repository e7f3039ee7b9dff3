/**
 * @module sdk/cli/artifacts-usage
 * `artifacts download` (every artifact of a job, or those of one kind, each
 * verified against its SHA-256) and `usage`, `usage daily`, `usage export`.
 */
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Artifact, ArtifactKind, ComputeUnit } from "../api-types.ts";
import { collect } from "../pagination.ts";
import {
  type Command,
  intFlag,
  noPositionals,
  onePositional,
  requiredFlag,
  stringFlag,
} from "./context.ts";
import { t } from "./i18n.ts";
import { EXIT, result, table, UsageError } from "./output.ts";

const KINDS: ArtifactKind[] = ["checkpoint", "metrics", "logs", "other"];

export const artifactsDownload: Command = {
  options: { kind: { type: "string" }, output: { type: "string", short: "o" } },
  async run(context) {
    const jobId = onePositional(context, "JOB_ID");
    const kind = stringFlag(context, "kind") as ArtifactKind | undefined;
    if (kind && !KINDS.includes(kind)) {
      throw new UsageError(t("bad_option", { reason: `--kind takes ${KINDS.join(", ")}` }));
    }
    const dir = resolve(stringFlag(context, "output") ?? ".");
    const { client, signal } = context;

    const artifacts = await collect(client.listArtifacts(jobId, kind ? { kind } : {}, { signal }));
    const units = artifacts.length > 0 ? await client.listComputeUnits(jobId, signal) : [];
    const names = fileNames(artifacts, units);
    await mkdir(dir, { recursive: true });

    const saved: (Artifact & { path: string })[] = [];
    for (const artifact of artifacts) {
      const path = await client.downloadArtifact(artifact, {
        to: join(dir, names.get(artifact.id)!),
        signal,
      });
      saved.push({ ...artifact, path });
      if (!context.output.json) {
        context.output.err(t("downloaded", { path, size: artifact.size_bytes }));
      }
    }
    result(context.output, { data: saved }, () =>
      saved.length === 0 ? t("no_artifacts", { id: jobId }) : saved.map((a) => a.path).join("\n"),
    );
    return EXIT.ok;
  },
};

/**
 * A file name per artifact: its own name when no other artifact shares it,
 * else prefixed with its unit's stage (and shard), e.g. `train-logs.txt`.
 */
export function fileNames(artifacts: Artifact[], units: ComputeUnit[]): Map<string, string> {
  const base = (name: string) => name.split(/[\\/]/).pop() || "artifact";
  const count = new Map<string, number>();
  for (const a of artifacts) count.set(base(a.name), (count.get(base(a.name)) ?? 0) + 1);
  const unitOf = new Map(units.map((u) => [u.id, u]));

  const names = new Map<string, string>();
  for (const a of artifacts) {
    const name = base(a.name);
    const unit = unitOf.get(a.compute_unit_id);
    const stage = unit
      ? unit.shard_count > 1
        ? `${unit.stage}-${unit.shard_index}`
        : unit.stage
      : a.compute_unit_id;
    let chosen = count.get(name)! > 1 ? `${stage}-${name}` : name;
    if ([...names.values()].includes(chosen)) chosen = `${a.id}-${name}`;
    names.set(a.id, chosen);
  }
  return names;
}

export const usageSummary: Command = {
  options: {},
  async run(context) {
    noPositionals(context);
    const summary = await context.client.getUsageSummary(context.signal);
    result(context.output, summary, () =>
      t("usage_summary", {
        balance: summary.balance,
        reserved: summary.reserved,
        available: summary.available,
        charged: summary.month.credits_charged,
      }),
    );
    return EXIT.ok;
  },
};

export const usageDaily: Command = {
  options: { days: { type: "string" } },
  async run(context) {
    noPositionals(context);
    const days = intFlag(context, "days", 30);
    const daily = await context.client.getDailyUsage(days, context.signal);
    result(context.output, daily, () =>
      table(
        daily.data.map((d) => [
          d.date,
          String(d.credits_charged),
          String(d.units_completed),
          String(d.units_failed),
        ]),
        ["DATE", "CREDITS", "COMPLETED", "FAILED"],
      ),
    );
    return EXIT.ok;
  },
};

export const usageExport: Command = {
  options: {
    from: { type: "string" },
    to: { type: "string" },
    output: { type: "string", short: "o" },
  },
  async run(context) {
    noPositionals(context);
    const from = requiredFlag(context, "from");
    const to = requiredFlag(context, "to");
    for (const [flag, value] of [
      ["--from", from],
      ["--to", to],
    ] as const) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        throw new UsageError(t("bad_option", { reason: `${flag} takes a date, YYYY-MM-DD` }));
      }
    }
    const csv = await context.client.exportUsage(from, to, context.signal);
    const file = stringFlag(context, "output");

    if (file) {
      const path = resolve(file);
      await pipeline(Readable.fromWeb(csv as never), createWriteStream(path));
      result(context.output, { path, date_from: from, date_to: to }, () => t("exported", { path }));
    } else if (context.output.json) {
      const text = await new Response(csv).text();
      result(context.output, { date_from: from, date_to: to, csv: text }, () => text);
    } else {
      const text = await new Response(csv).text();
      context.output.out(text.replace(/\r?\n$/, ""));
    }
    return EXIT.ok;
  },
};

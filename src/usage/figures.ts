/**
 * @module usage/figures
 * The sums usage reports are made of, grouped by UTC day, so the summary's
 * month and the daily series add up from the very same rows. Credits come
 * from the ledger (what the customer's gate charged and refunded); units and
 * runtime from compute units that ended, as the job schedulers mirrored them.
 * A unit counts on the day it ended; a charge on the day it was recorded.
 */
import { and, count, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { db } from "../db/client";
import {
  computeUnits,
  JOB_STATUSES,
  type JobStatus,
  ledgerEntries,
  trainingJobs,
} from "../db/schema";
import { DAY_MS } from "./days";

export interface Figures {
  creditsCharged: number;
  creditsRefunded: number;
  unitsCompleted: number;
  unitsFailed: number;
  cpuSeconds: number;
  gpuSeconds: number;
}

/** A unit that ended without success: it is never charged. */
const FAILED_UNIT_STATUSES = ["failed", "rejected", "verification_failed"] as const;

export function noFigures(): Figures {
  return {
    creditsCharged: 0,
    creditsRefunded: 0,
    unitsCompleted: 0,
    unitsFailed: 0,
    cpuSeconds: 0,
    gpuSeconds: 0,
  };
}

export function sumFigures(days: Iterable<Figures>): Figures {
  const total = noFigures();
  for (const day of days) {
    for (const key of Object.keys(total) as (keyof Figures)[]) total[key] += day[key];
  }
  return total;
}

/** Runtime seconds to the millisecond, so sums of floats read cleanly. */
export function roundSeconds(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/**
 * Figures by the start of each UTC day with any use, for `from` (included)
 * to `until` (excluded). Days without use are absent.
 */
export async function figuresByDay(
  env: Env,
  customerId: string,
  from: number,
  until: number,
): Promise<Map<number, Figures>> {
  const [credits, units] = await Promise.all([
    creditsByDay(env, customerId, from, until),
    unitsByDay(env, customerId, from, until),
  ]);

  const days = new Map<number, Figures>();
  const dayFigures = (day: number) => {
    const figures = days.get(day) ?? noFigures();
    days.set(day, figures);
    return figures;
  };

  for (const row of credits) {
    // The ledger keeps a charge as a negative change of the balance.
    if (row.type === "charge") dayFigures(row.day).creditsCharged += -row.amount;
    else dayFigures(row.day).creditsRefunded += row.amount;
  }
  for (const row of units) {
    const figures = dayFigures(row.day);
    if (row.status !== "completed") {
      figures.unitsFailed += row.units;
      continue;
    }
    figures.unitsCompleted += row.units;
    if (row.kind === "gpu") figures.gpuSeconds += row.seconds;
    else figures.cpuSeconds += row.seconds;
  }
  return days;
}

/** How many of the customer's jobs are in each status, every status present. */
export async function jobsByStatus(env: Env, customerId: string) {
  const rows = await db(env)
    .select({ status: trainingJobs.status, jobs: count() })
    .from(trainingJobs)
    .where(eq(trainingJobs.customerId, customerId))
    .groupBy(trainingJobs.status);

  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const row of rows) counts[row.status] = row.jobs;
  return counts;
}

function dayStartOf(column: typeof ledgerEntries.createdAt | typeof computeUnits.finishedAt) {
  const day = sql.raw(String(DAY_MS));
  return sql<number>`(${column} / ${day}) * ${day}`.mapWith(Number);
}

function creditsByDay(env: Env, customerId: string, from: number, until: number) {
  const day = dayStartOf(ledgerEntries.createdAt);
  return db(env)
    .select({
      day,
      type: ledgerEntries.type,
      amount: sql<number>`sum(${ledgerEntries.amount})`.mapWith(Number),
    })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.customerId, customerId),
        gte(ledgerEntries.createdAt, from),
        lt(ledgerEntries.createdAt, until),
        inArray(ledgerEntries.type, ["charge", "refund"]),
      ),
    )
    .groupBy(day, ledgerEntries.type);
}

/**
 * Reached through the customer's jobs, whose index narrows the search to
 * jobs created before `until`; compute units are indexed by job only.
 */
function unitsByDay(env: Env, customerId: string, from: number, until: number) {
  const day = dayStartOf(computeUnits.finishedAt);
  return db(env)
    .select({
      day,
      kind: computeUnits.kind,
      status: computeUnits.status,
      units: count(),
      seconds: sql<number>`coalesce(sum(${computeUnits.runtimeSeconds}), 0)`.mapWith(Number),
    })
    .from(computeUnits)
    .innerJoin(trainingJobs, eq(trainingJobs.id, computeUnits.jobId))
    .where(
      and(
        eq(trainingJobs.customerId, customerId),
        lt(trainingJobs.createdAt, until),
        inArray(computeUnits.status, ["completed", ...FAILED_UNIT_STATUSES]),
        gte(computeUnits.finishedAt, from),
        lt(computeUnits.finishedAt, until),
      ),
    )
    .groupBy(day, computeUnits.kind, computeUnits.status);
}

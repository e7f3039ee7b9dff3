/**
 * @module usage/export
 * The usage export: one CSV record per charged compute unit, read from the
 * ledger's charges (what the customer paid) joined with the unit and its job
 * (what ran). The file is streamed: each pull reads the next chunk of charges
 * after the last one sent, in (created_at, id) order on the ledger's customer
 * index, so ninety busy days never sit in memory at once.
 */
import { and, asc, eq, gt, gte, lt, or } from "drizzle-orm";
import { db } from "../db/client";
import { computeUnits, ledgerEntries, trainingJobs } from "../db/schema";
import { errorFields, log } from "../log";
import { csvRecord } from "./csv";
import { dayOf } from "./days";

export const EXPORT_COLUMNS = [
  "date",
  "job_id",
  "job_name",
  "compute_unit_id",
  "stage",
  "kind",
  "node_id",
  "runtime_seconds",
  "credits",
  "ledger_entry_id",
] as const;

/** Charges read from D1 per pull. */
export const EXPORT_CHUNK_ROWS = 500;

interface Position {
  createdAt: number;
  id: string;
}

interface ExportRange {
  customerId: string;
  /** First millisecond included. */
  from: number;
  /** First millisecond excluded. */
  until: number;
}

/** The export as a stream of UTF-8 CSV: the header, then the charges oldest first. */
export function usageExport(
  env: Env,
  range: ExportRange,
  chunkRows = EXPORT_CHUNK_ROWS,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: Position | null = null;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRecord(EXPORT_COLUMNS)));
    },

    async pull(controller) {
      try {
        const rows = await chargesAfter(env, range, after, chunkRows);
        if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(toRecord).join("")));

        const last = rows.at(-1);
        if (rows.length < chunkRows || !last) controller.close();
        else after = { createdAt: last.createdAt, id: last.id };
      } catch (err) {
        // The status line is sent already: the client sees a cut-off file.
        log("error", "usage export failed", { customer_id: range.customerId, ...errorFields(err) });
        controller.error(err);
      }
    },
  });
}

function chargesAfter(env: Env, range: ExportRange, after: Position | null, limit: number) {
  const keyset = after
    ? or(
        gt(ledgerEntries.createdAt, after.createdAt),
        and(eq(ledgerEntries.createdAt, after.createdAt), gt(ledgerEntries.id, after.id)),
      )
    : undefined;

  return db(env)
    .select({
      id: ledgerEntries.id,
      createdAt: ledgerEntries.createdAt,
      amount: ledgerEntries.amount,
      jobId: ledgerEntries.jobId,
      computeUnitId: ledgerEntries.computeUnitId,
      jobName: trainingJobs.name,
      stage: computeUnits.stage,
      kind: computeUnits.kind,
      nodeId: computeUnits.nodeId,
      runtimeSeconds: computeUnits.runtimeSeconds,
    })
    .from(ledgerEntries)
    .leftJoin(
      computeUnits,
      and(
        eq(computeUnits.id, ledgerEntries.computeUnitId),
        eq(computeUnits.customerId, range.customerId),
      ),
    )
    .leftJoin(
      trainingJobs,
      and(eq(trainingJobs.id, ledgerEntries.jobId), eq(trainingJobs.customerId, range.customerId)),
    )
    .where(
      and(
        eq(ledgerEntries.customerId, range.customerId),
        gte(ledgerEntries.createdAt, range.from),
        lt(ledgerEntries.createdAt, range.until),
        eq(ledgerEntries.type, "charge"),
        keyset,
      ),
    )
    .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.id))
    .limit(limit);
}

type ChargeRow = Awaited<ReturnType<typeof chargesAfter>>[number];

function toRecord(row: ChargeRow): string {
  return csvRecord([
    dayOf(row.createdAt),
    row.jobId,
    row.jobName,
    row.computeUnitId,
    row.stage,
    row.kind,
    row.nodeId,
    row.runtimeSeconds,
    // The ledger stores a charge as what leaves the balance; the export shows what was paid.
    -row.amount,
    row.id,
  ]);
}

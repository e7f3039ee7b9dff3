/**
 * @module usage/ledger
 * Reading the credit ledger: every grant, reservation, release, charge and
 * refund the customer's gate recorded, newest first, a page at a time.
 * The gate gives its entries strictly increasing times, so newest first by
 * time is the order in which it made them.
 */
import { and, eq } from "drizzle-orm";
import { db } from "../db/client";
import { newestFirst, type PageQuery, paginate } from "../db/paginate";
import { LEDGER_TYPES, ledgerEntries } from "../db/schema";
import { iso } from "../schemas/common";

export type LedgerType = (typeof LEDGER_TYPES)[number];
export { LEDGER_TYPES };

type LedgerRow = typeof ledgerEntries.$inferSelect;

export function presentLedgerEntry(row: LedgerRow) {
  return {
    id: row.id,
    object: "ledger_entry" as const,
    type: row.type,
    amount: row.amount,
    balance_after: row.balanceAfter,
    reserved_after: row.reservedAfter,
    job_id: row.jobId,
    compute_unit_id: row.computeUnitId,
    description: row.description,
    created_at: iso(row.createdAt),
  };
}

export function ledgerPage(
  env: Env,
  customerId: string,
  query: PageQuery & { type?: LedgerType | undefined },
) {
  return paginate({
    env,
    scope: `ledger:${customerId}:${query.type ?? "*"}`,
    query,
    columns: ledgerEntries,
    fetch: (after, limit) =>
      db(env)
        .select()
        .from(ledgerEntries)
        .where(
          and(
            eq(ledgerEntries.customerId, customerId),
            query.type ? eq(ledgerEntries.type, query.type) : undefined,
            after,
          ),
        )
        .orderBy(...newestFirst(ledgerEntries))
        .limit(limit),
    present: presentLedgerEntry,
  });
}

/**
 * @module gate/ledger
 * The gate's ledger entries: each one recorded with the balance and the
 * reservation after it, mirrored to D1 with the customer's balance in the same
 * batch. The dedupe key is unique in D1, so a charge or reservation delivered
 * twice is one entry. Entry times strictly increase, so the ledger lists
 * entries in the order the gate made them even within one millisecond.
 */
import { now } from "../../src/domain/clock";
import type { Outbox } from "../outbox";

export interface LedgerEntry {
  type: "grant" | "reservation" | "release" | "charge" | "refund";
  amount: number;
  balanceAfter: number;
  reservedAfter: number;
  jobId?: string;
  computeUnitId?: string;
  dedupeKey: string;
  description: string;
}

export class Ledger {
  constructor(
    private readonly sql: SqlStorage,
    private readonly outbox: Outbox,
  ) {}

  /** Records an entry; answers its id. */
  record(customerId: string, entry: LedgerEntry): string {
    const id = crypto.randomUUID();
    this.outbox.push({
      kind: "d1",
      statements: [
        {
          sql: `INSERT OR IGNORE INTO ledger_entries (id, customer_id, type, amount,
                  balance_after, reserved_after, job_id, compute_unit_id, dedupe_key,
                  description, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          params: [
            id,
            customerId,
            entry.type,
            entry.amount,
            entry.balanceAfter,
            entry.reservedAfter,
            entry.jobId ?? null,
            entry.computeUnitId ?? null,
            entry.dedupeKey,
            entry.description,
            this.nextTime(),
          ],
        },
        {
          sql: "UPDATE customers SET credit_balance = ?, credit_reserved = ? WHERE id = ?",
          params: [entry.balanceAfter, entry.reservedAfter, customerId],
        },
      ],
    });
    return id;
  }

  private nextTime(): number {
    const last =
      this.sql.exec<{ last_at: number }>("SELECT last_at FROM ledger_clock").toArray()[0]
        ?.last_at ?? 0;
    const at = Math.max(now(), last + 1);
    this.sql.exec("INSERT OR REPLACE INTO ledger_clock (id, last_at) VALUES (1, ?)", at);
    return at;
  }
}

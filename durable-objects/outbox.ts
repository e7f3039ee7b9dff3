/**
 * @module outbox
 * How a Durable Object's decisions reach D1 (and other objects) exactly as
 * decided. The object records a decision in its own SQLite storage together
 * with an outbox row, synchronously; `flush` then delivers rows in order and
 * deletes each once delivered. A failed delivery stays and is retried from
 * the owner's alarm. Deliveries must be idempotent (INSERT OR IGNORE, absolute
 * values), because a row can be delivered again after a crash mid-flush.
 */
import { log } from "../src/log";

export interface Statement {
  sql: string;
  params: (string | number | null)[];
}

export type OutboxAction =
  | { kind: "d1"; statements: Statement[] }
  | { kind: "call"; target: string; method: string; args: unknown[] };

type Caller = (target: string, method: string, args: unknown[]) => Promise<void>;

export class Outbox {
  private flushing: Promise<boolean> | null = null;
  private again = false;

  constructor(
    private readonly sql: SqlStorage,
    private readonly database: D1Database,
    private readonly call: Caller,
  ) {
    sql.exec(`CREATE TABLE IF NOT EXISTS outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      action TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT
    )`);
  }

  /** Records an action to deliver; synchronous, so it commits with the decision. */
  push(action: OutboxAction): void {
    this.sql.exec("INSERT INTO outbox (action) VALUES (?)", JSON.stringify(action));
  }

  pending(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox").one().n;
  }

  /**
   * Delivers every pending action in order. One flush runs at a time; a call
   * during a flush makes it go round once more. Resolves true when the outbox
   * is empty, false when a delivery failed and the rest waits for a retry.
   */
  flush(): Promise<boolean> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async drain(): Promise<boolean> {
    do {
      this.again = false;
      const rows = this.sql
        .exec<{ seq: number; action: string }>("SELECT seq, action FROM outbox ORDER BY seq")
        .toArray()
        .map((row) => ({ seq: row.seq, action: JSON.parse(row.action) as OutboxAction }));
      for (const group of runs(rows)) {
        try {
          await this.deliver(group);
          this.sql.exec("DELETE FROM outbox WHERE seq <= ?", group.at(-1)!.seq);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          this.sql.exec(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?",
            message,
            group[0]!.seq,
          );
          log("warn", "outbox delivery failed", { seq: group[0]!.seq, error: message });
          return false;
        }
      }
    } while (this.again);
    return true;
  }

  /** Delivers one call, or consecutive D1 rows as one batch (one round trip, atomic). */
  private async deliver(group: { action: OutboxAction }[]): Promise<void> {
    const first = group[0]!.action;
    if (first.kind === "call") return this.call(first.target, first.method, first.args);
    const statements = group.flatMap(({ action }) =>
      action.kind === "d1"
        ? action.statements.map((s) => this.database.prepare(s.sql).bind(...s.params))
        : [],
    );
    if (statements.length > 0) await this.database.batch(statements);
  }
}

/** Statements in one D1 batch at most, well inside D1's limits. */
const MAX_BATCH_STATEMENTS = 200;

/** Rows in order, consecutive D1 rows grouped together and each call alone. */
function runs<T extends { action: OutboxAction }>(rows: T[]): T[][] {
  const groups: T[][] = [];
  let statements = 0;
  for (const row of rows) {
    const last = groups.at(-1);
    const size = row.action.kind === "d1" ? row.action.statements.length : 0;
    const joinable =
      row.action.kind === "d1" &&
      last?.[0]?.action.kind === "d1" &&
      statements + size <= MAX_BATCH_STATEMENTS;
    if (joinable) {
      last!.push(row);
      statements += size;
    } else {
      groups.push([row]);
      statements = size;
    }
  }
  return groups;
}

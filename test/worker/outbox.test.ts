import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Outbox } from "../../durable-objects/outbox";

const insert = (id: string) => ({
  sql: "INSERT OR IGNORE INTO job_events (id, job_id, type, created_at) VALUES (?, 'j', 't', 0)",
  params: [id],
});

async function withOutbox<T>(name: string, run: (outbox: Outbox, calls: string[]) => Promise<T>) {
  const stub = env.WEBHOOK_SENDER.get(env.WEBHOOK_SENDER.idFromName(name));
  return runInDurableObject(stub, async (_instance, state) => {
    const calls: string[] = [];
    const outbox = new Outbox(state.storage.sql, env.DB, async (target, method) => {
      calls.push(`${target}.${method}`);
    });
    return run(outbox, calls);
  });
}

async function eventIds(): Promise<string[]> {
  const rows = await env.DB.prepare("SELECT id FROM job_events ORDER BY id").all<{ id: string }>();
  return rows.results.map((r) => r.id);
}

describe("the outbox", () => {
  it("delivers D1 rows and calls in the order they were recorded", async () => {
    const order = await withOutbox("order", async (outbox, calls) => {
      outbox.push({ kind: "d1", statements: [insert("a1")] });
      outbox.push({ kind: "d1", statements: [insert("a2")] });
      outbox.push({ kind: "call", target: "pool", method: "offer", args: [] });
      outbox.push({ kind: "d1", statements: [insert("a3")] });

      const delivered = await outbox.flush();
      return { delivered, calls, pending: outbox.pending() };
    });

    expect(order).toEqual({ delivered: true, calls: ["pool.offer"], pending: 0 });
    expect(await eventIds()).toEqual(expect.arrayContaining(["a1", "a2", "a3"]));
  });

  it("keeps what failed, and everything after it, for the retry", async () => {
    const result = await withOutbox("failure", async (outbox, calls) => {
      outbox.push({ kind: "d1", statements: [insert("b1")] });
      outbox.push({
        kind: "d1",
        statements: [{ sql: "INSERT INTO no_such_table VALUES (1)", params: [] }],
      });
      outbox.push({ kind: "call", target: "gate", method: "jobEnded", args: [] });

      const delivered = await outbox.flush();
      return { delivered, calls, pending: outbox.pending() };
    });

    // The two D1 rows went as one atomic batch: neither landed, the call waits.
    expect(result).toEqual({ delivered: false, calls: [], pending: 3 });
    expect(await eventIds()).not.toContain("b1");
  });
});

/**
 * @module admin-nodes
 * Operators enroll, list, clear and suspend home nodes. Live state (connected,
 * last heartbeat, running units) comes from the node pool; the rest from D1.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { db } from "../db/client";
import { newestFirst, PageQuery, pageOf, paginate } from "../db/paginate";
import { nodeEnrollments, nodes } from "../db/schema";
import { now } from "../domain/clock";
import { ApiError } from "../domain/errors";
import { ENROLLMENT_TTL_MS, newEnrollmentToken } from "../domain/nodes";
import { DEFAULT_NODE_CLEARANCE, Sensitivity } from "../domain/sensitivity";
import { router } from "../http";
import { errors, IdParam, iso, jsonContent, Timestamp } from "../schemas/common";

const tags = ["admin"];
const security = [{ adminToken: [] }];

const NodeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(["active", "suspended"]),
    state: z.enum(["connected", "disconnected", "suspended"]),
    clearance: Sensitivity,
    capabilities: z.record(z.string(), z.unknown()),
    reliability: z.number(),
    running_units: z.number().int(),
    units_completed: z.number().int(),
    units_failed: z.number().int(),
    last_heartbeat_at: Timestamp.nullable(),
    created_at: Timestamp,
  })
  .openapi("Node");

const EnrollmentBody = z.object({ clearance: Sensitivity.default(DEFAULT_NODE_CLEARANCE) });

type NodeRow = typeof nodes.$inferSelect;
type Live = { connected: boolean; last_seen: number; running: number; reliability: number };

function presentNode(row: NodeRow, live: Live | undefined) {
  const state =
    row.status === "suspended" ? "suspended" : live?.connected ? "connected" : "disconnected";
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    state: state as "connected" | "disconnected" | "suspended",
    clearance: row.clearance,
    capabilities: row.capabilities,
    reliability: live?.reliability ?? row.reliability,
    running_units: live?.running ?? 0,
    units_completed: row.unitsCompleted,
    units_failed: row.unitsFailed,
    last_heartbeat_at: iso(live?.last_seen ?? row.lastHeartbeatAt),
    created_at: iso(row.createdAt),
  };
}

function pool(env: Env) {
  return env.NODE_POOL.get(env.NODE_POOL.idFromName("default"));
}

async function findNode(env: Env, id: string) {
  const [row] = await db(env).select().from(nodes).where(eq(nodes.id, id)).limit(1);
  if (!row) throw new ApiError("NODE_NOT_FOUND", `No node ${id}`);
  return row;
}

async function withLive(env: Env, row: NodeRow) {
  const live = (await pool(env).liveState([row.id])) as Record<string, Live>;
  return presentNode(row, live[row.id]);
}

export const adminNodes = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/node-enrollments",
      tags,
      security,
      summary: "Create a one-time enrollment token for a home node",
      request: {
        body: { content: { "application/json": { schema: EnrollmentBody } }, required: false },
      },
      responses: {
        201: jsonContent(
          z.object({ enrollment_token: z.string(), expires_at: Timestamp, clearance: Sensitivity }),
          "The token, shown once",
        ),
        ...errors(400, 401),
      },
    }),
    async (c) => {
      // The body is optional: without one the node gets the default clearance.
      const body = c.req.valid("json") as { clearance?: Sensitivity } | undefined;
      const clearance = body?.clearance ?? DEFAULT_NODE_CLEARANCE;
      const { token, hash } = await newEnrollmentToken();
      const t = now();
      const expiresAt = t + ENROLLMENT_TTL_MS;

      await db(c.env).insert(nodeEnrollments).values({
        id: crypto.randomUUID(),
        tokenHash: hash,
        clearance,
        expiresAt,
        createdAt: t,
      });
      return c.json({ enrollment_token: token, expires_at: iso(expiresAt), clearance }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/nodes",
      tags,
      security,
      summary: "List nodes with their state and last heartbeat",
      request: { query: PageQuery },
      responses: { 200: jsonContent(pageOf(NodeSchema), "A page of nodes"), ...errors(400, 401) },
    }),
    async (c) => {
      const page = await paginate({
        env: c.env,
        scope: "admin:nodes",
        query: c.req.valid("query"),
        columns: nodes,
        fetch: (after, limit) =>
          db(c.env)
            .select()
            .from(nodes)
            .where(after)
            .orderBy(...newestFirst(nodes))
            .limit(limit),
        present: (row: NodeRow) => row,
      });
      const live = (await pool(c.env).liveState(page.data.map((n) => n.id))) as Record<
        string,
        Live
      >;
      return c.json({ ...page, data: page.data.map((n) => presentNode(n, live[n.id])) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/nodes/{id}",
      tags,
      security,
      summary: "Read a node",
      request: { params: IdParam },
      responses: { 200: jsonContent(NodeSchema, "The node"), ...errors(401, 404) },
    }),
    async (c) => c.json(await withLive(c.env, await findNode(c.env, c.req.valid("param").id)), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/nodes/{id}/clearance",
      tags,
      security,
      summary: "Set a node's sensitivity clearance",
      request: {
        params: IdParam,
        body: { content: { "application/json": { schema: z.object({ clearance: Sensitivity }) } } },
      },
      responses: { 200: jsonContent(NodeSchema, "The node"), ...errors(400, 401, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { clearance } = c.req.valid("json");
      await findNode(c.env, id);
      await db(c.env).update(nodes).set({ clearance }).where(eq(nodes.id, id));
      await pool(c.env).setClearance(id, clearance);
      return c.json(await withLive(c.env, await findNode(c.env, id)), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/nodes/{id}/suspend",
      tags,
      security,
      summary: "Suspend a node: its connection closes and its units are retried elsewhere",
      request: { params: IdParam },
      responses: { 200: jsonContent(NodeSchema, "The node"), ...errors(401, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await findNode(c.env, id);
      await db(c.env)
        .update(nodes)
        .set({ status: "suspended", connected: false })
        .where(eq(nodes.id, id));
      await pool(c.env).suspend(id);
      return c.json(await withLive(c.env, await findNode(c.env, id)), 200);
    },
  );

/**
 * @module nodes (routes)
 * Home nodes' own routes: registration with a one-time enrollment token, and
 * the WebSocket connection, which the Worker authenticates before handing it
 * to the node pool with the node's identity in headers only it can set.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, gt, isNull } from "drizzle-orm";
import { db } from "../db/client";
import { nodeEnrollments, nodes } from "../db/schema";
import { now } from "../domain/clock";
import { ApiError } from "../domain/errors";
import { hashCredential, NODE_HEADERS, newNodeSecret } from "../domain/nodes";
import { settings } from "../env";
import { router } from "../http";
import { Capabilities } from "../protocol/messages";
import { errors, jsonContent } from "../schemas/common";

const Register = z.object({
  enrollment_token: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(100),
  capabilities: Capabilities,
});

const tags = ["nodes"];

export const nodeRoutes = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/nodes/register",
      tags,
      summary: "Register a home node with a one-time enrollment token",
      request: { body: { content: { "application/json": { schema: Register } } } },
      responses: {
        201: jsonContent(
          z.object({
            node_id: z.string(),
            node_secret: z.string().openapi({ description: "Shown once; the node keeps it" }),
            environment: z.enum(["development", "production"]),
          }),
          "The node's identity and secret",
        ),
        ...errors(400, 401),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const t = now();
      const d = db(c.env);
      const nodeId = crypto.randomUUID();
      const { secret, hash } = await newNodeSecret();

      // Claiming the token is one conditional UPDATE: two registrations with
      // one token cannot both win it.
      const claimed = await d
        .update(nodeEnrollments)
        .set({ usedAt: t, nodeId })
        .where(
          and(
            eq(nodeEnrollments.tokenHash, await hashCredential(body.enrollment_token)),
            isNull(nodeEnrollments.usedAt),
            gt(nodeEnrollments.expiresAt, t),
          ),
        )
        .returning({ clearance: nodeEnrollments.clearance });
      const enrollment = claimed[0];
      if (!enrollment) {
        throw new ApiError(
          "ENROLLMENT_TOKEN_INVALID",
          "The enrollment token is unknown, used or expired; ask an operator for a new one",
        );
      }

      await d.insert(nodes).values({
        id: nodeId,
        name: body.name,
        secretHash: hash,
        status: "active",
        clearance: enrollment.clearance,
        capabilities: body.capabilities,
        createdAt: t,
      });
      const environment = settings(c.env).ENVIRONMENT;
      return c.json({ node_id: nodeId, node_secret: secret, environment }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/nodes/connect",
      tags,
      summary: "The node's WebSocket (Authorization: Bearer <node_secret>)",
      responses: {
        101: { description: "Switching to the node protocol" },
        ...errors(401, 403, 426),
      },
    }),
    async (c) => {
      const header = c.req.header("Authorization") ?? "";
      const secret = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
      if (!secret)
        throw new ApiError("NODE_AUTH_REQUIRED", "Send 'Authorization: Bearer <node_secret>'");

      const [node] = await db(c.env)
        .select()
        .from(nodes)
        .where(eq(nodes.secretHash, await hashCredential(secret)))
        .limit(1);
      if (!node) throw new ApiError("NODE_AUTH_REQUIRED", "The node secret is not recognized");
      if (node.status === "suspended") {
        throw new ApiError("NODE_SUSPENDED", "An operator suspended this node");
      }
      if (c.req.header("Upgrade") !== "websocket") {
        throw new ApiError("VALIDATION_FAILED", "This route only takes a WebSocket upgrade");
      }

      // A fresh request: nothing the client sent besides the upgrade reaches the pool.
      const headers = new Headers({
        Upgrade: "websocket",
        [NODE_HEADERS.id]: node.id,
        [NODE_HEADERS.name]: node.name,
        [NODE_HEADERS.clearance]: node.clearance,
        [NODE_HEADERS.origin]: settings(c.env).PUBLIC_URL ?? new URL(c.req.url).origin,
      });
      const pool = c.env.NODE_POOL.get(c.env.NODE_POOL.idFromName("default"));
      const upgraded = await pool.fetch(new Request("https://pool.internal/connect", { headers }));
      // A response from another object has immutable headers; rewrap it so the
      // middleware can still add its own (X-Request-Id) to the 101.
      return new Response(upgraded.body, {
        status: upgraded.status,
        headers: upgraded.headers,
        webSocket: upgraded.webSocket,
      });
    },
  );

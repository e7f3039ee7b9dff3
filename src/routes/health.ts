/**
 * @module health
 * Liveness without auth: answers as long as the Worker runs.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { router } from "../http";

export const health = router().openapi(
  createRoute({
    method: "get",
    path: "/health",
    tags: ["meta"],
    summary: "Liveness check",
    responses: {
      200: {
        description: "The Worker is up",
        content: {
          "application/json": {
            schema: z.object({ status: z.literal("ok"), time: z.string() }),
          },
        },
      },
    },
  }),
  (c) => c.json({ status: "ok" as const, time: new Date().toISOString() }, 200),
);

/**
 * @module pricing (route)
 * The rate table every charge is computed from.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { RATE_TABLE } from "../domain/pricing";
import { router } from "../http";
import { errors, jsonContent } from "../schemas/common";

export const pricing = router().openapi(
  createRoute({
    method: "get",
    path: "/pricing",
    tags: ["usage"],
    summary: "Credits per second of runtime, by workload",
    responses: {
      200: jsonContent(z.record(z.string(), z.unknown()), "The rate table"),
      ...errors(401),
    },
  }),
  (c) => c.json(RATE_TABLE as unknown as Record<string, unknown>, 200),
);

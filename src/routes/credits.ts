/**
 * @module credits (route)
 * The credit ledger as the customer reads it: what moved, why, and the
 * balance and reservation after each movement.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { PageQuery, pageOf } from "../db/paginate";
import { router } from "../http";
import { requireScope } from "../middleware/customer-auth";
import { errors, jsonContent, Timestamp } from "../schemas/common";
import { LEDGER_TYPES, ledgerPage } from "../usage/ledger";

const LedgerEntrySchema = z
  .object({
    id: z.string(),
    object: z.literal("ledger_entry"),
    type: z.enum(LEDGER_TYPES),
    amount: z
      .number()
      .int()
      .openapi({
        description:
          "Grants and refunds add to the balance; a charge is negative. A reservation " +
          "moves credits into `reserved`, a release moves them out; neither changes the balance.",
      }),
    balance_after: z.number().int(),
    reserved_after: z.number().int(),
    job_id: z.string().nullable(),
    compute_unit_id: z.string().nullable(),
    description: z.string().nullable(),
    created_at: Timestamp,
  })
  .openapi("LedgerEntry");

export const credits = router().openapi(
  createRoute({
    method: "get",
    path: "/credits/ledger",
    tags: ["usage"],
    summary: "The credit ledger, newest first",
    middleware: [requireScope("usage:read")],
    request: {
      query: PageQuery.extend({
        type: z.enum(LEDGER_TYPES).optional().openapi({ description: "Only entries of this type" }),
      }),
    },
    responses: {
      200: jsonContent(pageOf(LedgerEntrySchema), "A page of ledger entries"),
      ...errors(400, 401, 403),
    },
  }),
  async (c) => {
    const page = await ledgerPage(c.env, c.get("customer").customerId, c.req.valid("query"));
    return c.json(page, 200);
  },
);

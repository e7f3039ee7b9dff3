/**
 * @module admin-customers
 * Operators' view of customers: create one with opening credits and its first
 * API key, read them, grant credits, and change a customer's limits. Money
 * and limits go through the customer's gate, their single writer.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { issueApiKey } from "../db/api-keys";
import { db } from "../db/client";
import { newestFirst, PageQuery, pageOf, paginate } from "../db/paginate";
import { customers } from "../db/schema";
import { SCOPES } from "../domain/api-keys";
import { now } from "../domain/clock";
import { ApiError } from "../domain/errors";
import { DEFAULT_LIMITS, Limits } from "../domain/limits";
import { gateFor } from "../gate";
import { router } from "../http";
import { errors, IdParam, jsonContent } from "../schemas/common";
import {
  CustomerSchema,
  LimitsSchema,
  NewApiKeySchema,
  presentApiKey,
  presentCustomer,
} from "../schemas/customers";

const CreateCustomer = z.object({
  name: z.string().trim().min(1).max(200),
  credits: z.number().int().min(0).max(1_000_000_000).default(0),
  limits: Limits.partial().optional(),
});

const Grant = z.object({
  amount: z.number().int().min(1).max(1_000_000_000),
  description: z.string().trim().min(1).max(500).default("Credits granted by an operator"),
});

const tags = ["admin"];
const security = [{ adminToken: [] }];

async function findCustomer(env: Env, id: string) {
  const [row] = await db(env).select().from(customers).where(eq(customers.id, id)).limit(1);
  if (!row) throw new ApiError("CUSTOMER_NOT_FOUND", `No customer ${id}`);
  return row;
}

export const adminCustomers = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/customers",
      tags,
      security,
      summary: "Create a customer with opening credits and its first API key",
      request: { body: { content: { "application/json": { schema: CreateCustomer } } } },
      responses: {
        201: jsonContent(
          z.object({ customer: CustomerSchema, api_key: NewApiKeySchema }),
          "The customer, and its first key (shown once)",
        ),
        ...errors(400, 401),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const limits = { ...DEFAULT_LIMITS, ...body.limits };
      const id = crypto.randomUUID();

      const key = await issueApiKey(c.env, id, "default", [...SCOPES]);
      await db(c.env).batch([
        db(c.env).insert(customers).values({
          id,
          name: body.name,
          jobsPerMinute: limits.jobs_per_minute,
          maxActiveJobs: limits.max_active_jobs,
          dailyUnitQuota: limits.daily_unit_quota,
          requestsPerMinute: limits.requests_per_minute,
          createdAt: now(),
        }),
        key.insert,
      ]);
      if (body.credits > 0) await gateFor(c.env, id).grant(id, body.credits, "Opening credits");

      const customer = presentCustomer(await findCustomer(c.env, id));
      return c.json({ customer, api_key: { ...presentApiKey(key.row), key: key.key } }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/customers",
      tags,
      security,
      summary: "List customers",
      request: { query: PageQuery },
      responses: {
        200: jsonContent(pageOf(CustomerSchema), "A page of customers"),
        ...errors(400, 401),
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const page = await paginate({
        env: c.env,
        scope: "admin:customers",
        query,
        columns: customers,
        fetch: (after, limit) =>
          db(c.env)
            .select()
            .from(customers)
            .where(after)
            .orderBy(...newestFirst(customers))
            .limit(limit),
        present: presentCustomer,
      });
      return c.json(page, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/customers/{id}",
      tags,
      security,
      summary: "Read a customer",
      request: { params: IdParam },
      responses: { 200: jsonContent(CustomerSchema, "The customer"), ...errors(401, 404) },
    }),
    async (c) => c.json(presentCustomer(await findCustomer(c.env, c.req.valid("param").id)), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/customers/{id}/credits",
      tags,
      security,
      summary: "Grant credits",
      request: {
        params: IdParam,
        body: { content: { "application/json": { schema: Grant } } },
      },
      responses: {
        201: jsonContent(
          z.object({
            balance: z.number().int(),
            reserved: z.number().int(),
            ledger_entry_id: z.string(),
          }),
          "The new balance and the ledger entry",
        ),
        ...errors(400, 401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      await findCustomer(c.env, id);

      const result = await gateFor(c.env, id).grant(id, body.amount, body.description);
      return c.json(
        {
          balance: result.balance,
          reserved: result.reserved,
          ledger_entry_id: result.ledgerEntryId,
        },
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/customers/{id}/limits",
      tags,
      security,
      summary: "Change a customer's limits",
      request: {
        params: IdParam,
        body: { content: { "application/json": { schema: Limits.partial() } } },
      },
      responses: {
        200: jsonContent(LimitsSchema, "The limits now in force"),
        ...errors(400, 401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await findCustomer(c.env, id);
      const limits = await gateFor(c.env, id).setLimits(id, c.req.valid("json"));
      return c.json(limits, 200);
    },
  );

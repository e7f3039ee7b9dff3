/**
 * @module usage (route)
 * What the customer used and paid: a summary of the balance and this UTC
 * month, a daily series, and the CSV export of every charged compute unit.
 * The balance is the customer gate's (the one writer of money); the sums are
 * D1's, over the ledger and the units the schedulers mirrored.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { JOB_STATUSES } from "../db/schema";
import { now } from "../domain/clock";
import { ApiError } from "../domain/errors";
import { gateFor } from "../gate";
import { router } from "../http";
import { requireScope } from "../middleware/customer-auth";
import { errors, jsonContent } from "../schemas/common";
import { DAY_MS, dayOf, daysBetween, daysEnding, monthStart, parseDay } from "../usage/days";
import { EXPORT_COLUMNS, usageExport } from "../usage/export";
import { figuresByDay, jobsByStatus, noFigures, roundSeconds, sumFigures } from "../usage/figures";

export const MAX_EXPORT_DAYS = 90;

const tags = ["usage"];
const read = [requireScope("usage:read")];

const Seconds = z.number().openapi({ description: "Runtime of completed units, in seconds" });

const UsageSummary = z
  .object({
    object: z.literal("usage_summary"),
    balance: z.number().int(),
    reserved: z.number().int().openapi({ description: "Held for running and queued jobs" }),
    available: z.number().int().openapi({ description: "balance − reserved" }),
    month: z.object({
      start_date: z.string().openapi({ example: "2026-12-01" }),
      credits_charged: z.number().int(),
      credits_refunded: z.number().int(),
      units_completed: z.number().int(),
      units_failed: z.number().int(),
      cpu_seconds: Seconds,
      gpu_seconds: Seconds,
    }),
    jobs: z.object(Object.fromEntries(JOB_STATUSES.map((s) => [s, z.number().int()]))),
  })
  .openapi("UsageSummary");

const UsageDay = z
  .object({
    date: z.string().openapi({ example: "2026-12-01" }),
    credits_charged: z.number().int(),
    units_completed: z.number().int(),
    units_failed: z.number().int(),
    cpu_seconds: Seconds,
    gpu_seconds: Seconds,
  })
  .openapi("UsageDay");

const Day = z
  .string()
  .refine((text) => parseDay(text) !== null, { message: "must be a real date, YYYY-MM-DD" })
  .openapi({ example: "2026-12-01" });

export const usage = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/usage/summary",
      tags,
      summary: "Balance, this UTC month's usage, and jobs by status",
      middleware: read,
      responses: { 200: jsonContent(UsageSummary, "The summary"), ...errors(401, 403) },
    }),
    async (c) => {
      const { customerId } = c.get("customer");
      const t = now();
      const start = monthStart(t);

      const [account, days, jobs] = await Promise.all([
        gateFor(c.env, customerId).describe(customerId),
        figuresByDay(c.env, customerId, start, t + 1),
        jobsByStatus(c.env, customerId),
      ]);
      const month = sumFigures(days.values());

      return c.json(
        {
          object: "usage_summary" as const,
          balance: account.balance,
          reserved: account.reserved,
          available: account.balance - account.reserved,
          month: {
            start_date: dayOf(start),
            credits_charged: month.creditsCharged,
            credits_refunded: month.creditsRefunded,
            units_completed: month.unitsCompleted,
            units_failed: month.unitsFailed,
            cpu_seconds: roundSeconds(month.cpuSeconds),
            gpu_seconds: roundSeconds(month.gpuSeconds),
          },
          jobs,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/usage/daily",
      tags,
      summary: "Usage per UTC day, ending today, days without use as zeros",
      middleware: read,
      request: {
        query: z.object({
          days: z.coerce
            .number()
            .int()
            .min(1)
            .max(90)
            .default(30)
            .openapi({ description: "How many days, 1 to 90", example: 30 }),
        }),
      },
      responses: {
        200: jsonContent(z.object({ data: z.array(UsageDay) }), "One entry per day, oldest first"),
        ...errors(400, 401, 403),
      },
    }),
    async (c) => {
      const { customerId } = c.get("customer");
      const starts = daysEnding(now(), c.req.valid("query").days);
      const first = starts[0]!;
      const byDay = await figuresByDay(c.env, customerId, first, starts.at(-1)! + DAY_MS);

      const data = starts.map((start) => {
        const day = byDay.get(start) ?? noFigures();
        return {
          date: dayOf(start),
          credits_charged: day.creditsCharged,
          units_completed: day.unitsCompleted,
          units_failed: day.unitsFailed,
          cpu_seconds: roundSeconds(day.cpuSeconds),
          gpu_seconds: roundSeconds(day.gpuSeconds),
        };
      });
      return c.json({ data }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/usage/export.csv",
      tags,
      summary: "Every charged compute unit in a date range, as CSV",
      description:
        `UTC dates, both included, at most ${MAX_EXPORT_DAYS} days. Columns: ` +
        `${EXPORT_COLUMNS.join(", ")}. Records end in CRLF and are quoted as RFC 4180 ` +
        "has it. A text cell that begins with =, +, -, @, tab or CR gets a leading " +
        "apostrophe, so a spreadsheet shows it as text instead of running it as a formula.",
      middleware: read,
      request: { query: z.object({ date_from: Day, date_to: Day }) },
      responses: {
        200: {
          description: "The CSV file, streamed",
          content: { "text/csv": { schema: z.string() } },
        },
        ...errors(400, 401, 403),
      },
    }),
    (c) => {
      const { customerId } = c.get("customer");
      const { date_from, date_to } = c.req.valid("query");
      const from = parseDay(date_from)!;
      const to = parseDay(date_to)!;

      if (to < from) {
        throw new ApiError("VALIDATION_FAILED", "date_to is before date_from", {
          fields: [{ field: "query.date_to", message: "must not be before date_from" }],
        });
      }
      const days = daysBetween(from, to);
      if (days > MAX_EXPORT_DAYS) {
        throw new ApiError(
          "EXPORT_RANGE_TOO_LARGE",
          `The range covers ${days} days; export at most ${MAX_EXPORT_DAYS} at a time`,
          { days, max_days: MAX_EXPORT_DAYS },
        );
      }

      const body = usageExport(c.env, { customerId, from, until: to + DAY_MS });
      const filename = `gpu-agent-usage-${date_from}-to-${date_to}.csv`;
      return new Response(body, {
        status: 200,
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${filename}"`,
          "Cache-Control": "private, no-store",
        },
      });
    },
  );

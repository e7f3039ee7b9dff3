/**
 * @module common
 * OpenAPI schemas used by many routes: the error envelope, ids, timestamps.
 */
import { z } from "@hono/zod-openapi";
import { ERROR_CODES, type ErrorCode } from "../domain/errors";

export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      request_id: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi("Error");

/** Response entries for the errors a route can answer with. */
export function errors(...statuses: number[]) {
  const out: Record<number, { description: string; content: Record<string, unknown> }> = {};
  for (const status of statuses) {
    const codes = Object.entries(ERROR_CODES)
      .filter(([, v]) => v.status === status)
      .map(([code]) => code);
    out[status] = {
      description: `Error: ${codes.join(", ")}`,
      content: { "application/json": { schema: ErrorEnvelope } },
    };
  }
  return out;
}

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" } }),
});

export const Timestamp = z
  .string()
  .openapi({ format: "date-time", example: "2026-12-01T00:00:00Z" });

export function iso(ms: number): string;
export function iso(ms: number | null | undefined): string | null;
export function iso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

/**
 * @module paginate
 * The one pagination helper every list uses: newest first by (created_at, id),
 * so items inserted while a client pages never shift the pages it has left.
 */
import { z } from "@hono/zod-openapi";
import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { now } from "../domain/clock";
import { decodeCursor, encodeCursor } from "../domain/cursor";
import { settings } from "../env";

export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(50)
    .openapi({ description: "Items per page, 1 to 100", example: 50 }),
  cursor: z
    .string()
    .max(1000)
    .optional()
    .openapi({ description: "The `next_cursor` of the previous page" }),
});

export type PageQuery = z.infer<typeof PageQuery>;

export const PageInfo = z
  .object({
    limit: z.number().int(),
    next_cursor: z.string().nullable(),
    has_more: z.boolean(),
  })
  .openapi("PageInfo");

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), page: PageInfo });
}

export interface Page<T> {
  data: T[];
  page: { limit: number; next_cursor: string | null; has_more: boolean };
}

interface Keyed {
  createdAt: number;
  id: string;
}

/**
 * Runs `fetch` for one page. `scope` names the list and everything that
 * filters it (customer, job, status), so a cursor only works where it was made.
 */
export async function paginate<Row extends Keyed, Out>(options: {
  env: Env;
  scope: string;
  query: PageQuery;
  columns: { createdAt: SQLiteColumn; id: SQLiteColumn };
  fetch: (after: SQL | undefined, limit: number) => Promise<Row[]>;
  present: (row: Row) => Out;
}): Promise<Page<Out>> {
  const { env, scope, query, columns } = options;
  const secret = settings(env).SIGNING_SECRET;

  let after: SQL | undefined;
  if (query.cursor) {
    const position = await decodeCursor(secret, scope, query.cursor, now());
    after = or(
      lt(columns.createdAt, position.createdAt),
      and(eq(columns.createdAt, position.createdAt), lt(columns.id, position.id)),
    );
  }

  const rows = await options.fetch(after, query.limit + 1);
  const hasMore = rows.length > query.limit;
  const pageRows = hasMore ? rows.slice(0, query.limit) : rows;
  const last = pageRows.at(-1);
  const nextCursor = hasMore && last ? await encodeCursor(secret, scope, last, now()) : null;

  return {
    data: pageRows.map(options.present),
    page: { limit: query.limit, next_cursor: nextCursor, has_more: hasMore },
  };
}

/** The order every paginated query uses. */
export function newestFirst(columns: { createdAt: SQLiteColumn; id: SQLiteColumn }) {
  return [desc(columns.createdAt), desc(columns.id)];
}

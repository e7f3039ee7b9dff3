/**
 * @module client
 * The drizzle handle over the D1 binding, with the schema for typed queries.
 */
import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

export function db(env: { DB: D1Database }) {
  return drizzle(env.DB, { schema });
}

export type Db = ReturnType<typeof db>;

/**
 * @module admin-auth
 * Operators authenticate with the `ADMIN_TOKEN` secret as a bearer token,
 * compared in constant time.
 */
import { createMiddleware } from "hono/factory";
import { timingSafeEqual } from "../domain/crypto";
import { ApiError } from "../domain/errors";
import { settings } from "../env";
import type { AppEnv } from "../http";

export const adminAuth = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("Authorization") ?? "";
  const token = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
  if (!token || !(await timingSafeEqual(token, settings(c.env).ADMIN_TOKEN))) {
    throw new ApiError(
      "ADMIN_AUTH_REQUIRED",
      "Send the admin token as 'Authorization: Bearer <ADMIN_TOKEN>'",
    );
  }
  await next();
});

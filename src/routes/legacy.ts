/**
 * @module legacy
 * The retired image-job API: every method on any path starting with
 * `/customer/jobs/image` answers 410 and names its replacement. It runs ahead
 * of authentication so old clients learn this even with an expired key.
 */
import { createMiddleware } from "hono/factory";
import { ApiError } from "../domain/errors";
import type { AppEnv } from "../http";

const LEGACY_PATH = /^\/api\/v1\/customer\/jobs\/image/;

export const legacy = createMiddleware<AppEnv>(async (c, next) => {
  if (!LEGACY_PATH.test(c.req.path)) return next();
  throw new ApiError(
    "LEGACY_DEPRECATED",
    "Image jobs were retired; create training jobs with POST /api/v1/customer/training-jobs",
    { replacement: "/api/v1/customer/training-jobs" },
  );
});

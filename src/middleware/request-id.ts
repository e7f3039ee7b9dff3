/**
 * @module request-id
 * Gives every request an id, echoed in `X-Request-Id` and in error bodies, so
 * a customer's report can be matched to the operator's logs. A client's own
 * id is kept when it is short and plain.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http";

const CLIENT_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const offered = c.req.header("X-Request-Id");
  const id = offered && CLIENT_ID.test(offered) ? offered : `req_${crypto.randomUUID()}`;
  c.set("requestId", id);
  await next();
  c.res.headers.set("X-Request-Id", id);
});

/**
 * @module app
 * The Hono app: middleware order, route mounting, the error handler and the
 * OpenAPI document. Everything under `/api/v1`; anything else is the console's
 * static assets.
 */

import { ApiError } from "./domain/errors";
import { errorResponse, onError } from "./errors-handler";
import { router } from "./http";
import { adminAuth } from "./middleware/admin-auth";
import { customerAuth } from "./middleware/customer-auth";
import { requestBudget } from "./middleware/request-budget";
import { requestId } from "./middleware/request-id";
import { openApiDocument } from "./openapi";
import { adminRouters, customerRouters, publicRouters } from "./routes";
import { legacy } from "./routes/legacy";

export function buildApp() {
  const api = router();
  api.use("/customer/*", legacy, customerAuth, requestBudget);
  api.use("/admin/*", adminAuth);
  for (const r of customerRouters) api.route("/customer", r);
  for (const r of adminRouters) api.route("/admin", r);
  for (const r of publicRouters) api.route("/", r);

  let document: ReturnType<typeof openApiDocument> | undefined;
  api.get("/openapi.json", (c) => {
    document ??= openApiDocument(api);
    return c.json(document);
  });

  const app = router();
  app.use("*", requestId);
  app.route("/api/v1", api);

  app.notFound((c) => {
    const allowed = methodsFor(app.routes, c.req.path).filter((m) => m !== c.req.method);
    if (allowed.length > 0) {
      const error = new ApiError(
        "METHOD_NOT_ALLOWED",
        `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(", ")}`,
      );
      const response = errorResponse(c, error);
      response.headers.set("Allow", allowed.join(", "));
      return response;
    }
    return errorResponse(c, new ApiError("ROUTE_NOT_FOUND", `No route for ${c.req.path}`));
  });
  app.onError(onError);
  return app;
}

/** The methods registered for a path, to tell 405 from 404. */
function methodsFor(routes: { method: string; path: string }[], path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    if (route.method === "ALL") continue;
    const pattern = route.path
      .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
      .replace(/:[A-Za-z_]+/g, "[^/]+")
      .replace(/\*/g, ".*");
    if (new RegExp(`^${pattern}$`).test(path)) methods.add(route.method);
  }
  return [...methods];
}

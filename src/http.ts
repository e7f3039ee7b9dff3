/**
 * @module http
 * The Hono types every route shares, and the one hook that turns a failed
 * zod parse into `VALIDATION_FAILED` naming each failing field.
 */

import type { Hook } from "@hono/zod-openapi";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { ZodError } from "zod";
import { ApiError } from "./domain/errors";

export interface AuthedCustomer {
  customerId: string;
  apiKeyId: string;
  scopes: readonly string[];
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    customer: AuthedCustomer;
  };
}

export function validationError(error: ZodError, where?: string): ApiError {
  const fields = error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].filter(Boolean).join("."),
    message: issue.message,
  }));
  const summary = fields.map((f) => `${f.field || "body"}: ${f.message}`).join("; ");
  return new ApiError("VALIDATION_FAILED", `Invalid request: ${summary}`, { fields });
}

// biome-ignore lint/suspicious/noExplicitAny: the hook serves every route's input type
const defaultHook: Hook<any, AppEnv, any, any> = (result, _c) => {
  if (!result.success) throw validationError(result.error as ZodError, result.target);
};

export function router(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook });
}

/**
 * @module routes
 * Every resource's router and where it is mounted under `/api/v1`. Customer
 * routers sit behind API-key auth and the request budget; admin routers
 * behind the admin token; the rest authenticate themselves.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../http";
import { adminCustomers } from "./admin-customers";
import { customerApiKeys } from "./api-keys";
import { health } from "./health";
import { webhooks } from "./webhooks";

type Router = OpenAPIHono<AppEnv>;

/** Mounted under `/api/v1/customer`. */
export const customerRouters: Router[] = [customerApiKeys, webhooks];

/** Mounted under `/api/v1/admin`. */
export const adminRouters: Router[] = [adminCustomers];

/** Mounted under `/api/v1`, each doing its own authentication. */
export const publicRouters: Router[] = [health];

/**
 * @module routes
 * Every resource's router and where it is mounted under `/api/v1`. Customer
 * routers sit behind API-key auth and the request budget; admin routers
 * behind the admin token; the rest authenticate themselves.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../http";
import { adminCustomers } from "./admin-customers";
import { adminNodes } from "./admin-nodes";
import { customerApiKeys } from "./api-keys";
import { credits } from "./credits";
import { datasets } from "./datasets";
import { files } from "./files";
import { health } from "./health";
import { nodeRoutes } from "./nodes";
import { pricing } from "./pricing";
import { trainingJobRoutes } from "./training-jobs";
import { trainingPackages } from "./training-packages";
import { usage } from "./usage";
import { webhooks } from "./webhooks";

type Router = OpenAPIHono<AppEnv>;

/** Mounted under `/api/v1/customer`. */
export const customerRouters: Router[] = [
  customerApiKeys,
  webhooks,
  datasets,
  trainingPackages,
  trainingJobRoutes,
  pricing,
  credits,
  usage,
];

/** Mounted under `/api/v1/admin`. */
export const adminRouters: Router[] = [adminCustomers, adminNodes];

/** Mounted under `/api/v1`, each doing its own authentication. */
export const publicRouters: Router[] = [health, nodeRoutes, files];

/**
 * @module index
 * The Worker's entry: the API app for requests, and the Durable Object
 * classes the runtime instantiates by the names in wrangler.toml.
 */
import { buildApp } from "./app";

export { CustomerGate } from "../durable-objects/customer-gate";
export { JobScheduler } from "../durable-objects/job-scheduler";
export { NodePool } from "../durable-objects/node-pool";
export { WebhookSender } from "../durable-objects/webhook-sender";

const app = buildApp();

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
} satisfies ExportedHandler<Env>;

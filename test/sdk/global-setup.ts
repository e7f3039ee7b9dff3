/**
 * One real platform for every SDK test: `wrangler dev` with its own state,
 * and two simulated home nodes (GPU, cleared for low-sensitive work) that
 * take every unit and complete it at once. Test files make their own
 * customers, so they share nothing else.
 */
import type { TestProject } from "vitest/node";
import { startDevServer } from "../support/dev-server.ts";
import { SimNode } from "../support/sim-node.ts";

declare module "vitest" {
  export interface ProvidedContext {
    platform: { url: string; adminToken: string };
  }
}

export default async function setup(project: TestProject) {
  const server = await startDevServer();
  const nodes = await Promise.all(
    ["sim-a", "sim-b"].map((name) =>
      SimNode.start(server, { name, gpus: [24_000], clearance: "low_sensitive" }),
    ),
  );
  project.provide("platform", { url: server.url, adminToken: server.adminToken });

  return async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    await server.stop();
  };
}

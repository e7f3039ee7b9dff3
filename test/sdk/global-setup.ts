/**
 * One real platform for every SDK test: `wrangler dev` with its own state,
 * and two simulated home nodes (GPU, cleared for low-sensitive work) that
 * take every unit and complete it at once. Test files make their own
 * customers, so they share nothing else.
 *
 * `wrangler dev` reloads the Worker when a source file changes, which closes
 * the nodes' sockets; a watchdog reconnects a node the platform lists as
 * disconnected, so editing the code while the tests run does not strand jobs.
 */
import type { TestProject } from "vitest/node";
import { type DevServer, startDevServer } from "../support/dev-server.ts";
import { adminFetch } from "../support/platform.ts";
import { SimNode } from "../support/sim-node.ts";

declare module "vitest" {
  export interface ProvidedContext {
    platform: { url: string; adminToken: string };
  }
}

const WATCH_MS = 2_000;

export default async function setup(project: TestProject) {
  const server = await startDevServer();
  const nodes = await Promise.all(
    ["sim-a", "sim-b"].map((name) =>
      SimNode.start(server, { name, gpus: [24_000], clearance: "low_sensitive" }),
    ),
  );
  const watchdog = setInterval(() => void reconnectLost(server, nodes), WATCH_MS);
  project.provide("platform", { url: server.url, adminToken: server.adminToken });

  return async () => {
    clearInterval(watchdog);
    await Promise.all(nodes.map((node) => node.stop()));
    await server.stop();
  };
}

async function reconnectLost(server: DevServer, nodes: SimNode[]): Promise<void> {
  try {
    const response = await adminFetch(server, "/admin/nodes?limit=100");
    if (!response.ok) return;
    const { data } = (await response.json()) as { data: { id: string; state: string }[] };
    const lost = new Set(data.filter((n) => n.state === "disconnected").map((n) => n.id));
    await Promise.all(
      nodes.filter((node) => lost.has(node.nodeId)).map((node) => node.connect().catch(() => {})),
    );
  } catch {
    // The platform is restarting; the next round looks again.
  }
}

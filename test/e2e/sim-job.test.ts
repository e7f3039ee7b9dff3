import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DevServer, startDevServer } from "../support/dev-server.ts";
import {
  createCustomer,
  createJob,
  customerFetch,
  uploadReady,
  waitForJob,
} from "../support/platform.ts";
import { SimNode } from "../support/sim-node.ts";
import { zipOf } from "../support/zip.ts";

let server: DevServer;

beforeAll(async () => {
  server = await startDevServer();
});

afterAll(async () => {
  await server?.stop();
});

describe("a job on a real local platform", () => {
  it("runs to completed across a CPU node and a GPU node", async () => {
    const cpu = await SimNode.start(server, { name: "cpu-only", cpuCores: 4 });
    const gpu = await SimNode.start(server, { name: "gpu", gpus: [16_000] });
    const customer = await createCustomer(server);
    const dataset = await uploadReady(
      server,
      customer,
      "datasets",
      "d.csv",
      new TextEncoder().encode("x,y\n1,2\n"),
    );
    const pkg = await uploadReady(
      server,
      customer,
      "training-packages",
      "p",
      await zipOf({ "train.py": "print(1)\n" }),
    );

    const created = await createJob(server, customer, {
      name: "tiny-mlp-fine-tune",
      dataset_id: dataset,
      training_package_id: pkg,
      required_vram_mb: 8000,
      required_disk_mb: 1024,
      max_runtime_seconds: 600,
      sensitivity: "low_sensitive",
    });
    const job = await waitForJob(server, customer, created.id, { timeoutMs: 60_000 });
    const units = (await (
      await customerFetch(server, customer, `/customer/training-jobs/${job.id}/compute-units`)
    ).json()) as {
      data: { stage: string; node_id: string }[];
    };

    expect(job.status).toBe("completed");
    expect(job.charged_credits).toBeGreaterThan(0);
    expect(units.data.find((u) => u.stage === "train")?.node_id).toBe(gpu.nodeId);
    expect(units.data.find((u) => u.stage === "prepare")?.node_id).toBe(cpu.nodeId);
    await cpu.stop();
    await gpu.stop();
  });
});

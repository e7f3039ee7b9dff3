import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zipPackage } from "../../agent/package-zip.ts";
import { type DevServer, startDevServer } from "../support/dev-server.ts";
import {
  type Customer,
  createCustomer,
  createJob,
  customerFetch,
  enrollmentToken,
  uploadReady,
  waitForJob,
} from "../support/platform.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const AGENT = join(ROOT, "agent", "bin.mjs");

let server: DevServer;
let dir: string;
const agents = new Map<string, ChildProcess>();

interface UnitView {
  stage: string;
  status: string;
  node_id: string | null;
  attempts: { node_id: string; outcome: string | null }[];
}

/** Registers a real agent advertising a simulated GPU and starts it. */
function startAgent(name: string, token: string): string {
  const config = join(dir, `${name}.json`);
  const register = ["register", "--server", server.url, "--enrollment-token", token];
  execFileSync(process.execPath, [AGENT, ...register, "--config", config, "--name", name]);
  const run = ["run", "--config", config, "--work-dir", join(dir, name), "--simulate-gpu", "16000"];
  agents.set(name, spawn(process.execPath, [AGENT, ...run], { stdio: "ignore" }));
  return (JSON.parse(readFileSync(config, "utf8")) as { node_id: string }).node_id;
}

async function unitsOf(customer: Customer, jobId: string): Promise<UnitView[]> {
  const response = await customerFetch(
    server,
    customer,
    `/customer/training-jobs/${jobId}/compute-units`,
  );
  return ((await response.json()) as { data: UnitView[] }).data;
}

beforeAll(async () => {
  server = await startDevServer();
  dir = mkdtempSync(join(tmpdir(), "gpu-agent-failover-"));
});

afterAll(async () => {
  for (const agent of agents.values()) agent.kill("SIGKILL");
  await server?.stop();
});

describe("an agent killed mid-run", () => {
  it("loses its training unit, which finishes on the other agent", async () => {
    const first = startAgent("first", await enrollmentToken(server));
    const second = startAgent("second", await enrollmentToken(server));
    const names = new Map([
      [first, "first"],
      [second, "second"],
    ]);
    const customer = await createCustomer(server);
    const csv = join(dir, "dataset.csv");
    execFileSync("python3", [join(ROOT, "examples/tiny-mlp/make_dataset.py"), csv]);
    const dataset = await uploadReady(server, customer, "datasets", "d.csv", readFileSync(csv));
    const zip = await zipPackage([join(ROOT, "examples/tiny-mlp/package")]);
    const pkg = await uploadReady(server, customer, "training-packages", "tiny-mlp", zip);

    // Enough epochs that training runs for seconds, long enough to kill it.
    const job = await createJob(server, customer, {
      name: "failover",
      dataset_id: dataset,
      training_package_id: pkg,
      required_vram_mb: 8000,
      required_disk_mb: 512,
      max_runtime_seconds: 300,
      sensitivity: "low_sensitive",
      hyperparameters: { epochs: 5000 },
    });
    let victim: string | undefined;
    for (let i = 0; i < 600 && !victim; i++) {
      const train = (await unitsOf(customer, job.id)).find((u) => u.stage === "train");
      if (train?.status === "running" && train.node_id) victim = train.node_id;
      else await new Promise((done) => setTimeout(done, 100));
    }
    agents.get(names.get(victim!)!)!.kill("SIGKILL");

    const ended = await waitForJob(server, customer, job.id, { timeoutMs: 150_000 });
    const train = (await unitsOf(customer, job.id)).find((u) => u.stage === "train")!;

    expect(victim).toBeDefined();
    expect(ended.status).toBe("completed");
    expect(train.node_id).not.toBe(victim);
    expect(train.attempts.map((a) => a.node_id)).toEqual([victim, train.node_id]);
    expect(train.attempts[0]!.outcome).toBe("failed");
  });
});

import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DevServer, startDevServer } from "../test/support/dev-server.ts";
import {
  type Customer,
  createCustomer,
  createJob,
  customerFetch,
  enrollmentToken,
  uploadReady,
  waitForJob,
} from "../test/support/platform.ts";
import { zipPackage } from "./package-zip.ts";

const run = promisify(execFile);
const CLI = fileURLToPath(new URL("./bin.mjs", import.meta.url));
const EXAMPLES = fileURLToPath(new URL("../examples/", import.meta.url));

let server: DevServer;
let node: ChildProcess;
let customer: Customer;
let dataset: string;

/**
 * The real agent, enrolled and run through its CLI, against the real
 * platform under `wrangler dev`: the two sides of the node protocol agree.
 */
beforeAll(async () => {
  server = await startDevServer();
  const dir = await mkdtemp(join(tmpdir(), "gpu-agent-e2e-"));
  const config = join(dir, "node.json");
  const workDir = join(dir, "work");
  const token = await enrollmentToken(server);
  await run(process.execPath, [
    CLI,
    "register",
    ...["--server", server.url, "--enrollment-token", token, "--config", config],
    ...["--work-dir", workDir],
  ]);
  node = spawn(
    process.execPath,
    [CLI, "run", "--config", config, "--work-dir", workDir, "--simulate-gpu", "16000"],
    { stdio: "ignore" },
  );

  customer = await createCustomer(server);
  const csv = join(dir, "dataset.csv");
  await run("python3", [join(EXAMPLES, "tiny-mlp", "make_dataset.py"), csv, "--rows", "200"]);
  dataset = await uploadReady(server, customer, "datasets", "dataset.csv", await readFile(csv));
});

afterAll(async () => {
  if (node && node.exitCode === null) {
    const exited = new Promise((resolve) => node.once("exit", resolve));
    node.kill("SIGTERM");
    await exited;
  }
  await server?.stop();
});

async function runJob(packageDirs: string[]) {
  const pkg = await uploadReady(
    server,
    customer,
    "training-packages",
    "tiny-mlp",
    await zipPackage(packageDirs),
  );
  const created = await createJob(server, customer, {
    name: "tiny-mlp",
    dataset_id: dataset,
    training_package_id: pkg,
    required_vram_mb: 8000,
    required_disk_mb: 512,
    max_runtime_seconds: 300,
    sensitivity: "low_sensitive",
    hyperparameters: { epochs: 3 },
  });
  const job = await waitForJob(server, customer, created.id, { timeoutMs: 90_000 });
  const read = async (what: string) =>
    (await (
      await customerFetch(server, customer, `/customer/training-jobs/${job.id}/${what}`)
    ).json()) as { data: Record<string, unknown>[] };
  const artifacts = (await read("artifacts")).data as { name: string; kind: string }[];
  // What a failure message needs to explain a job that did not complete.
  const units = (await read("compute-units")).data;
  const story = JSON.stringify({ job, units }, null, 1);
  return { job, artifacts, story };
}

describe("the agent on a real local platform", () => {
  it("runs the tiny-mlp job's prepare, train and package units to completed", async () => {
    const { job, artifacts, story } = await runJob([join(EXAMPLES, "tiny-mlp", "package")]);

    expect(job.status, story).toBe("completed");
    expect(job.progress).toMatchObject({ total: 3, completed: 3 });
    const names = artifacts.map((a) => `${a.kind}:${a.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        "other:train.csv",
        "checkpoint:checkpoint.json",
        "other:summary.json",
      ]),
    );
  });

  it("runs the example sweep's four shards and packages the best", async () => {
    const dirs = [join(EXAMPLES, "tiny-mlp", "package"), join(EXAMPLES, "tiny-mlp-sweep")];

    const { job, artifacts, story } = await runJob(dirs);

    expect(job.status, story).toBe("completed");
    expect(job.progress).toMatchObject({ total: 6, completed: 6 });
    expect(artifacts.filter((a) => a.kind === "checkpoint")).toHaveLength(5);
  });
});

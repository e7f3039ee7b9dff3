/**
 * `npm run demo`: the whole product on one machine. It starts the platform
 * (or uses one given with `--server URL --admin-token TOKEN`), creates a
 * customer, uploads the tiny-mlp dataset and package, registers and runs two
 * real agents (one CPU-only, one advertising a simulated GPU), creates the job
 * with the staging page's request, polls it every 5 s as the page says,
 * downloads every artifact through its signed URL, checks its SHA-256 and
 * prints the final metrics.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { zipPackage } from "../agent/package-zip.ts";
import { type DevServer, startDevServer } from "../test/support/dev-server.ts";
import {
  createCustomer,
  customerFetch,
  enrollmentToken,
  getJob,
  uploadReady,
} from "../test/support/platform.ts";

const ROOT = resolve(import.meta.dirname, "..");
const AGENT = join(ROOT, "agent", "bin.mjs");
const POLL_MS = 5_000;
const TIMEOUT_MS = 170_000;

const say = (zh: string, en: string) => console.log(`${zh} / ${en}`);

const { values: options } = parseArgs({
  options: {
    server: { type: "string" },
    "admin-token": { type: "string" },
    out: { type: "string", default: join(ROOT, "demo-output") },
  },
});

async function platform(): Promise<DevServer> {
  if (options.server && options["admin-token"]) {
    return {
      url: options.server.replace(/\/$/, ""),
      adminToken: options["admin-token"],
      process: undefined as unknown as ChildProcess,
      stop: async () => {},
    };
  }
  say("正在启动本地平台 (wrangler dev)…", "Starting the local platform (wrangler dev)…");
  return startDevServer();
}

/** Registers an agent with a fresh config and starts `run`; logs go to a file. */
function startAgent(server: DevServer, token: string, name: string, dir: string, extra: string[]) {
  const config = join(dir, `${name}.json`);
  const workDir = join(dir, `${name}-work`);
  const register = ["register", "--server", server.url, "--enrollment-token", token];
  execFileSync(process.execPath, [AGENT, ...register, "--config", config, "--name", name], {
    stdio: "ignore",
  });
  const log = join(dir, `${name}.log`);
  const args = [AGENT, "run", "--config", config, "--work-dir", workDir, ...extra];
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", openSync(log, "a"), openSync(log, "a")],
  });
  say(`已启动节点 ${name}，日志：${log}`, `Started node ${name}, log: ${log}`);
  const { node_id: nodeId } = JSON.parse(readFileSync(config, "utf8")) as { node_id: string };
  return { child, nodeId };
}

async function main(): Promise<void> {
  const started = Date.now();
  const server = await platform();
  const dir = mkdtempSync(join(tmpdir(), "gpu-agent-demo-"));
  const agents: ChildProcess[] = [];

  try {
    const customer = await createCustomer(server, { name: "Demo customer", credits: 100_000 });
    say(`已创建客户 ${customer.customerId}`, `Created customer ${customer.customerId}`);

    const csv = join(dir, "dataset.csv");
    execFileSync("python3", [join(ROOT, "examples/tiny-mlp/make_dataset.py"), csv], {
      stdio: "ignore",
    });
    const datasetId = await uploadReady(
      server,
      customer,
      "datasets",
      "dataset.csv",
      readFileSync(csv),
    );
    const zip = await zipPackage([join(ROOT, "examples/tiny-mlp/package")]);
    const packageId = await uploadReady(server, customer, "training-packages", "tiny-mlp", zip);
    say(`数据集和训练包已就绪`, `Dataset ${datasetId} and package ${packageId} are ready`);

    const names = new Map<string, string>();
    for (const [name, extra] of [
      ["cpu-node", []],
      ["gpu-node", ["--simulate-gpu", "16000"]],
    ] as const) {
      const started = startAgent(server, await enrollmentToken(server), name, dir, [...extra]);
      agents.push(started.child);
      names.set(started.nodeId, name);
    }

    const created = await customerFetch(server, customer, "/customer/training-jobs", {
      method: "POST",
      headers: { "Idempotency-Key": `demo-${crypto.randomUUID()}` },
      body: JSON.stringify({
        name: "tiny-mlp-fine-tune",
        dataset_id: datasetId,
        training_package_id: packageId,
        required_vram_mb: 8000,
        required_disk_mb: 1024,
        max_runtime_seconds: 600,
        sensitivity: "low_sensitive",
      }),
    });
    if (created.status !== 201) throw new Error(`creating the job: ${await created.text()}`);
    const jobId = ((await created.json()) as { id: string }).id;
    say(`已创建训练任务 ${jobId}`, `Created training job ${jobId}`);

    let job = await getJob(server, customer, jobId);
    while (!["completed", "failed", "cancelled"].includes(job.status)) {
      if (Date.now() - started > TIMEOUT_MS) throw new Error("the job did not end in time");
      await new Promise((done) => setTimeout(done, POLL_MS));
      job = await getJob(server, customer, jobId);
      const progress = Object.entries(job.progress)
        .filter(([status]) => status !== "total")
        .map(([status, n]) => `${status}=${n}`)
        .join(" ");
      say(`状态 ${job.status}（${progress}）`, `status ${job.status} (${progress})`);
    }
    if (job.status !== "completed")
      throw new Error(`the job ended ${job.status}: ${JSON.stringify(job.error)}`);

    const units = await customerFetch(
      server,
      customer,
      `/customer/training-jobs/${jobId}/compute-units`,
    );
    for (const unit of ((await units.json()) as { data: UnitView[] }).data) {
      const node = names.get(unit.node_id ?? "") ?? unit.node_id;
      say(
        `单元 ${unit.stage}（${unit.kind}）由 ${node} 运行`,
        `Unit ${unit.stage} (${unit.kind}) ran on ${node}`,
      );
    }
    await downloadArtifacts(server, customer, jobId, options.out!);
    say(
      `完成：用时 ${Math.round((Date.now() - started) / 1000)} 秒，扣除 ${job.charged_credits} 积分`,
      `Done in ${Math.round((Date.now() - started) / 1000)} s, ${job.charged_credits} credits charged`,
    );
  } finally {
    for (const agent of agents) agent.kill("SIGTERM");
    await server.stop();
  }
}

async function downloadArtifacts(
  server: DevServer,
  customer: Awaited<ReturnType<typeof createCustomer>>,
  jobId: string,
  out: string,
) {
  mkdirSync(out, { recursive: true });
  const listed = await customerFetch(
    server,
    customer,
    `/customer/training-jobs/${jobId}/artifacts?limit=100`,
  );
  const artifacts = ((await listed.json()) as { data: Artifact[] }).data;

  for (const artifact of artifacts) {
    const minted = await customerFetch(
      server,
      customer,
      `/customer/training-jobs/${jobId}/artifacts/${artifact.id}/download-url`,
      { method: "POST" },
    );
    const { download_url } = (await minted.json()) as { download_url: string };
    const bytes = new Uint8Array(await (await fetch(download_url)).arrayBuffer());
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (sha256 !== artifact.sha256) throw new Error(`${artifact.name}: digest differs`);
    const file = join(out, `${artifact.compute_unit_id.slice(0, 8)}-${artifact.name}`);
    writeFileSync(file, bytes);
    say(`已下载 ${artifact.kind} ${file}`, `Downloaded ${artifact.kind} ${file}`);
    if (artifact.kind === "metrics" && artifact.name.endsWith(".jsonl")) {
      const last = new TextDecoder().decode(bytes).trim().split("\n").at(-1);
      say(`最终指标 ${last}`, `Final metrics ${last}`);
    }
  }
}

interface UnitView {
  stage: string;
  kind: string;
  node_id: string | null;
}

interface Artifact {
  id: string;
  kind: string;
  name: string;
  sha256: string;
  compute_unit_id: string;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

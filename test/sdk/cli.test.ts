/**
 * The `gpu-agent` command, run as a process against the local platform with
 * simulated nodes, its `--json` output and exit codes checked.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Customer,
  clientFor,
  jobBody,
  newCustomer,
  platform,
  tempDir,
  trainingFiles,
} from "./support.ts";

const BIN = resolve(import.meta.dirname, "../../sdk/ts/bin.mjs");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(
  args: string[],
  env: Record<string, string | undefined> = {},
  input?: string,
): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      // Only what the test gives: no key or config leaks in from the machine.
      {
        env: { PATH: process.env.PATH, HOME: tempDir(), ...env } as unknown as NodeJS.ProcessEnv,
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
    child.stdin?.end(input ?? "");
  });
}

function json<T = Record<string, unknown>>(run: Run): T {
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

describe("gpu-agent CLI", () => {
  let customer: Customer;
  let env: Record<string, string>;
  let files: Awaited<ReturnType<typeof trainingFiles>>;

  beforeAll(async () => {
    customer = await newCustomer();
    env = { GPU_AGENT_API_KEY: customer.apiKey, GPU_AGENT_BASE_URL: platform().url };
    files = await trainingFiles();
  });

  it("uploads, creates, watches and downloads a job end to end with --json", async () => {
    const packageDir = join(files.dir, "pkg");
    mkdirSync(packageDir);
    writeFileSync(join(packageDir, "main.py"), "print('hi')\n");
    writeFileSync(join(packageDir, "gpu-agent.json"), JSON.stringify({ entrypoint: "main.py" }));
    const out = join(files.dir, "artifacts");

    const dataset = json(await cli(["datasets", "upload", files.dataset, "--json"], env));
    const pkg = json(await cli(["packages", "upload", packageDir, "--json"], env));
    const job = json(
      await cli(
        [
          "jobs",
          "create",
          "--json",
          ...["--name", "cli-job", "--dataset-id", String(dataset.id)],
          ...["--training-package-id", String(pkg.id), "--required-vram-mb", "8000"],
          ...["--required-disk-mb", "1024", "--max-runtime-seconds", "600"],
          ...["--sensitivity", "low_sensitive", "--hyperparameters", '{"epochs":2}'],
        ],
        env,
      ),
    );
    const watch = await cli(["jobs", "watch", String(job.id), "--interval", "0.2", "--json"], env);
    const polls = watch.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const listed = json<{ data: { id: string }[] }>(await cli(["jobs", "list", "--json"], env));
    const downloaded = json<{ data: { path: string; sha256: string; kind: string }[] }>(
      await cli(
        ["artifacts", "download", String(job.id), "--kind", "checkpoint", "-o", out, "--json"],
        env,
      ),
    );

    expect(dataset).toMatchObject({ status: "ready" });
    expect(pkg).toMatchObject({ status: "ready", entrypoint: "main.py" });
    expect(job).toMatchObject({ name: "cli-job", hyperparameters: { epochs: 2 } });
    expect(watch.code).toBe(0);
    expect(polls.at(-1).job.status).toBe("completed");
    expect(polls.at(-1).units.map((u: { stage: string }) => u.stage)).toEqual([
      "prepare",
      "train",
      "package",
    ]);
    expect(listed.data.map((j) => j.id)).toContain(job.id);
    expect(downloaded.data.length).toBeGreaterThan(0);
    for (const artifact of downloaded.data) {
      expect(artifact.kind).toBe("checkpoint");
      const sha256 = createHash("sha256").update(readFileSync(artifact.path)).digest("hex");
      expect(sha256).toBe(artifact.sha256);
    }
  });

  it("reads and cancels a job that no node can take", async () => {
    const client = clientFor(customer);
    const dataset = await client.uploadDataset(files.dataset);
    const pkg = await client.uploadTrainingPackage(files.zip);
    // No simulated node is cleared for high_sensitive work.
    const job = await client.createTrainingJob({
      ...jobBody(dataset.id, pkg.id, "never scheduled"),
      sensitivity: "high_sensitive",
    });

    const read = json(await cli(["jobs", "get", job.id, "--json"], env));
    const cancelled = json(await cli(["jobs", "cancel", job.id, "--json"], env));
    const again = await cli(["jobs", "cancel", job.id, "--json"], env);
    const watched = await cli(["jobs", "watch", job.id, "--json"], env);

    expect(read).toMatchObject({ id: job.id, status: "queued" });
    expect(cancelled).toMatchObject({ id: job.id, status: "cancelled" });
    expect(again.code).toBe(3);
    expect(JSON.parse(again.stderr).error.code).toBe("JOB_NOT_CANCELLABLE");
    expect(watched.code).toBe(1);
    expect(JSON.parse(watched.stdout.trim().split("\n").at(-1)!).job.status).toBe("cancelled");
  });

  it("shows usage and exports it as CSV", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const csvPath = join(tempDir(), "usage.csv");

    const summary = json(await cli(["usage", "--json"], env));
    const daily = json<{ data: { date: string }[] }>(
      await cli(["usage", "daily", "--days", "3", "--json"], env),
    );
    const exported = json(
      await cli(["usage", "export", "--from", today, "--to", today, "-o", csvPath, "--json"], env),
    );

    expect(summary).toMatchObject({ object: "usage_summary" });
    expect(typeof summary.balance).toBe("number");
    expect(daily.data.map((d) => d.date).at(-1)).toBe(today);
    expect(exported).toMatchObject({ path: csvPath, date_from: today, date_to: today });
    expect(readFileSync(csvPath, "utf8").split("\r\n")[0]).toContain("compute_unit_id");
  });

  it("exits 3 with the platform's error as JSON when the API refuses", async () => {
    const run = await cli(["jobs", "cancel", "no-such-job", "--json"], env);

    expect(run.code).toBe(3);
    expect(JSON.parse(run.stderr).error).toMatchObject({ code: "JOB_NOT_FOUND", status: 404 });
    expect(JSON.parse(run.stderr).error.request_id).toBeTruthy();
  });

  it("exits 2 for a missing flag, an unknown command or no API key", async () => {
    const missing = await cli(["jobs", "create", "--name", "x", "--json"], env);
    const unknown = await cli(["jobs", "explode"], env);
    const noKey = await cli(["jobs", "list"], { GPU_AGENT_BASE_URL: platform().url });

    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stderr).error.code).toBe("USAGE");
    expect(unknown.code).toBe(2);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain("GPU_AGENT_API_KEY");
  });

  it("exits 2 before uploading a package whose entry point is missing", async () => {
    const dir = join(tempDir(), "broken");
    mkdirSync(dir);
    writeFileSync(join(dir, "gpu-agent.json"), JSON.stringify({ entrypoint: "absent.py" }));

    const run = await cli(["packages", "upload", dir, "--lang", "en"], env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("absent.py");
  });

  it("exits 4 when the platform cannot be reached", async () => {
    const run = await cli(["usage", "--json", "--base-url", "http://127.0.0.1:9"], {
      ...env,
      GPU_AGENT_MAX_RETRIES: "0",
    });

    expect(run.code).toBe(4);
    expect(JSON.parse(run.stderr).error.code).toBe("NETWORK_ERROR");
  });

  it("stores the key from stdin with config set, readable by its owner only", async () => {
    const config = join(tempDir(), "nested", "config.json");
    const only = { GPU_AGENT_CONFIG: config };

    const saved = json(
      await cli(
        ["config", "set", "--api-key-stdin", "--base-url", platform().url, "--json"],
        only,
        `${customer.apiKey}\n`,
      ),
    );
    const shown = json(await cli(["config", "show", "--json"], only));
    const listed = await cli(["jobs", "list", "--json"], only);

    expect(saved).toMatchObject({ path: config, base_url: platform().url });
    expect(statSync(config).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(shown)).not.toContain(customer.apiKey);
    expect(shown).toMatchObject({ api_key_from: config, base_url: platform().url });
    expect(listed.code).toBe(0);
  });

  it("reads the API key and base URL from the config file", async () => {
    const config = join(tempDir(), "config.json");
    writeFileSync(config, JSON.stringify({ api_key: customer.apiKey, base_url: platform().url }));

    const run = await cli(["datasets", "list", "--json"], { GPU_AGENT_CONFIG: config });

    expect(Array.isArray(json<{ data: unknown[] }>(run).data)).toBe(true);
  });
});

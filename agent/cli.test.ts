import { mkdtemp, readFile, stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Capabilities } from "../src/protocol/messages.ts";
import { main } from "./cli.ts";
import { saveConfig } from "./config.ts";
import { type AgentState, writeState } from "./state.ts";

let printed: string[];
let dir: string;

beforeEach(async () => {
  printed = [];
  dir = await mkdtemp(join(tmpdir(), "gpu-agent-cli-"));
  const capture = (...args: unknown[]) => {
    printed.push(args.join(" "));
  };
  vi.spyOn(console, "log").mockImplementation(capture);
  vi.spyOn(console, "error").mockImplementation(capture);
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A registration endpoint answering `status` with `body`; records what it got. */
async function registrationServer(status: number, body: unknown) {
  const requests: unknown[] = [];
  const server = http.createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => {
      text += chunk;
    });
    req.on("end", () => {
      requests.push({ url: req.url, body: JSON.parse(text) });
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

const config = (environment: "development" | "production") => ({
  server: "http://127.0.0.1:1",
  node_id: "node_cli",
  node_secret: "ns_cli_secret",
  environment,
  name: "cli",
  registered_at: "2025-01-01T00:00:00.000Z",
});

function runningState(pid: number): AgentState {
  return {
    pid,
    node_id: "node_cli",
    server: "http://127.0.0.1:1",
    connected: true,
    draining: false,
    sandbox: "none",
    simulated_gpu_mb: null,
    started_at: "2025-01-01T00:00:00.000Z",
    updated_at: "2025-01-01T00:00:00.000Z",
    attempts: [
      {
        attempt_id: "att_7",
        job_id: "job_1",
        stage: "sweep",
        shard_index: 2,
        shard_count: 4,
        phase: "running",
        gpu_index: null,
        accepted_at: "2025-01-01T00:00:01.000Z",
        pid: null,
      },
    ],
  };
}

describe("gpu-agent-node register", () => {
  it("enrolls with the token and stores the node's identity in a 0600 file", async () => {
    const server = await registrationServer(201, {
      node_id: "node_new",
      node_secret: "ns_new_secret",
      environment: "development",
    });
    const configPath = join(dir, "cfg", "node.json");

    const code = await main([
      "register",
      "--server",
      `${server.url}/`,
      "--enrollment-token",
      "enr_token",
      "--name",
      "garage-box",
      "--config",
      configPath,
      "--work-dir",
      join(dir, "work"),
    ]);
    await server.close();

    expect(code).toBe(0);
    const [request] = server.requests as { url: string; body: Record<string, unknown> }[];
    expect(request?.url).toBe("/api/v1/nodes/register");
    expect(request?.body).toMatchObject({ enrollment_token: "enr_token", name: "garage-box" });
    expect(Capabilities.safeParse(request?.body.capabilities).success).toBe(true);
    const saved = JSON.parse(await readFile(configPath, "utf8"));
    expect(saved).toMatchObject({ node_id: "node_new", node_secret: "ns_new_secret" });
    expect(saved.server).toBe(server.url);
    expect((await stat(configPath)).mode & 0o777).toBe(0o600);
    expect(printed.join("\n")).toMatch(/已注册节点 node_new.* \/ Node registered: node_new/);
  });

  it("says why the server refused the enrollment token", async () => {
    const server = await registrationServer(401, {
      error: { code: "ENROLLMENT_TOKEN_INVALID", message: "Token used", request_id: "req_1" },
    });

    const code = await main([
      "register",
      "--lang",
      "en",
      "--server",
      server.url,
      "--enrollment-token",
      "used",
      "--config",
      join(dir, "node.json"),
      "--work-dir",
      dir,
    ]);
    await server.close();

    expect(code).toBe(1);
    expect(printed.join("\n")).toBe(
      "Registration failed: ENROLLMENT_TOKEN_INVALID: Token used (request req_1)",
    );
  });

  it("refuses to start without a server or a token", async () => {
    expect(await main(["register", "--enrollment-token", "x"])).toBe(2);
    expect(await main(["register", "--server", "ftp://x", "--enrollment-token", "x"])).toBe(2);
    expect(await main(["run", "--no-such-flag"])).toBe(2);
  });
});

describe("gpu-agent-node run", () => {
  it("refuses a simulated GPU when the node belongs to a production server", async () => {
    const configPath = join(dir, "node.json");
    await saveConfig(configPath, config("production"));

    const code = await main(["run", "--config", configPath, "--simulate-gpu", "8000"]);

    expect(code).toBe(1);
    expect(printed.join("\n")).toContain("Simulated GPUs are allowed only in development");
  });

  it("refuses a work dir another running agent uses", async () => {
    const configPath = join(dir, "node.json");
    await saveConfig(configPath, config("development"));
    await writeState(dir, { ...runningState(process.ppid), attempts: [] });

    const code = await main(["run", "--lang", "en", "--config", configPath, "--work-dir", dir]);

    expect(code).toBe(1);
    expect(printed.join("\n")).toBe(
      `Another agent (pid ${process.ppid}) is using the work dir ${dir}`,
    );
  });

  it("asks for registration first when there is no config", async () => {
    const code = await main(["run", "--lang", "zh", "--config", join(dir, "none.json")]);

    expect(code).toBe(1);
    expect(printed.join("\n")).toContain("找不到节点配置");
  });
});

describe("gpu-agent-node status", () => {
  it("shows the node and its hardware, and says when no agent runs", async () => {
    const configPath = join(dir, "node.json");
    await saveConfig(configPath, config("development"));

    const code = await main(["status", "--lang", "en", "--config", configPath, "--work-dir", dir]);

    expect(code).toBe(0);
    const text = printed.join("\n");
    expect(text).toContain("Node node_cli on http://127.0.0.1:1 (development)");
    expect(text).toMatch(/Hardware: \d+ cores/);
    expect(text).toContain("The node program is not running");
  });

  it("shows what a running agent does", async () => {
    const configPath = join(dir, "node.json");
    await saveConfig(configPath, config("development"));
    await writeState(dir, runningState(process.pid));

    await main(["status", "--lang", "en", "--config", configPath, "--work-dir", dir]);

    const text = printed.join("\n");
    expect(text).toContain(`Running (pid ${process.pid}, connected), 1 unit(s)`);
    expect(text).toContain("att_7: stage sweep#2, running");
  });
});

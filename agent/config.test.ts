import { chmod, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, connectUrl, loadConfig, type NodeConfig, saveConfig } from "./config.ts";
import { backoffDelay } from "./connection.ts";

const config: NodeConfig = {
  server: "http://127.0.0.1:8787",
  node_id: "node_1",
  node_secret: "ns_secret",
  environment: "development",
  name: "box",
  registered_at: "2025-01-01T00:00:00.000Z",
};

describe("node config", () => {
  it("is written 0600 inside a 0700 directory and read back", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "gpu-agent-cfg-")), "gpu-agent", "node.json");

    await saveConfig(path, config);

    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(path, ".."))).mode & 0o777).toBe(0o700);
    expect(await loadConfig(path)).toEqual(config);
  });

  it("tightens a file that others can read, and says so", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "gpu-agent-cfg-")), "node.json");
    await writeFile(path, JSON.stringify(config));
    await chmod(path, 0o644);
    let warned = false;

    await loadConfig(path, () => {
      warned = true;
    });

    expect(warned).toBe(true);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it("refuses a missing or malformed file with a ConfigError", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gpu-agent-cfg-"));
    await writeFile(join(dir, "bad.json"), JSON.stringify({ ...config, environment: "staging" }));

    await expect(loadConfig(join(dir, "none.json"))).rejects.toBeInstanceOf(ConfigError);
    await expect(loadConfig(join(dir, "bad.json"))).rejects.toThrow(/environment/);
    expect(await readFile(join(dir, "bad.json"), "utf8")).toContain("staging");
  });

  it("turns the server URL into the WebSocket URL", () => {
    expect(connectUrl("http://localhost:8787/")).toBe("ws://localhost:8787/api/v1/nodes/connect");
    expect(connectUrl("https://gpu.example.com")).toBe(
      "wss://gpu.example.com/api/v1/nodes/connect",
    );
  });
});

describe("reconnect back-off", () => {
  const backoff = { baseMs: 1000, capMs: 30_000 };

  it("doubles from the base and stays within half to all of its ceiling", () => {
    expect(backoffDelay(0, backoff, () => 0)).toBe(500);
    expect(backoffDelay(0, backoff, () => 1)).toBe(1000);
    expect(backoffDelay(3, backoff, () => 0)).toBe(4000);
    expect(backoffDelay(3, backoff, () => 1)).toBe(8000);
  });

  it("never waits longer than the cap, however many failures", () => {
    expect(backoffDelay(50, backoff, () => 1)).toBe(30_000);
    expect(backoffDelay(1000, backoff, () => 0.5)).toBe(22_500);
  });
});

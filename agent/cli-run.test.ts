import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { saveConfig } from "./config.ts";
import { assignMessage, FakePlatform } from "./testing/fake-platform.ts";
import { scriptPackage } from "./testing/node.ts";

const CLI = fileURLToPath(new URL("./bin.mjs", import.meta.url));

let platform: FakePlatform;

afterEach(async () => {
  await platform.close();
});

describe("gpu-agent-node run, as a process", () => {
  it("works a unit, then drains on SIGTERM and exits 0", async () => {
    platform = await FakePlatform.start();
    const dir = await mkdtemp(join(tmpdir(), "gpu-agent-cli-run-"));
    const config = join(dir, "node.json");
    await saveConfig(config, {
      server: platform.url,
      node_id: "node_cli",
      node_secret: "ns_cli_secret",
      environment: "development",
      name: "cli",
      registered_at: new Date().toISOString(),
    });
    const child = spawn(
      process.execPath,
      [CLI, "run", "--config", config, "--work-dir", join(dir, "work"), "--log-format", "json"],
      { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, GPU_AGENT_LANG: "en" } },
    );
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));

    const hello = await platform.until(() => platform.messages("hello")[0]);
    const pkg = platform.file("p.zip", await scriptPackage("print('from the unit')\n"), "package");
    platform.send(assignMessage({ attempt_id: "att_cli", inputs: [pkg] }));
    await platform.until(() => platform.messages("complete")[0]);
    child.kill("SIGTERM");

    expect(await exited).toBe(0);
    expect(hello.capabilities.python_version).toMatch(/^3\./);
    expect(platform.authorizations[0]).toBe("Bearer ns_cli_secret");
    expect(platform.messages("drain")).toEqual([{ v: 1, type: "drain", release: [] }]);
    const events = output
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).event);
    expect(events).toEqual(
      expect.arrayContaining(["starting", "connected", "unit_accepted", "draining", "stopped"]),
    );
    expect(output).not.toContain("ns_cli_secret");
  });
});

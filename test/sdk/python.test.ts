/**
 * The Python SDK's own unittest suite (`sdk/python/tests`), run against the
 * same local platform and simulated nodes as the TypeScript tests.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { platform } from "./support.ts";

const PYTHON_SDK = resolve(import.meta.dirname, "../../sdk/python");

function unittest(env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn("python3", ["-m", "unittest", "discover", "-s", "tests", "-t", ".", "-v"], {
      cwd: PYTHON_SDK,
      env: { ...process.env, PYTHONPATH: PYTHON_SDK, PYTHONDONTWRITEBYTECODE: "1", ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => done({ code: code ?? 1, output }));
  });
}

describe("Python SDK", () => {
  it("passes its unittest suite against the local platform", async () => {
    const { url, adminToken } = platform();

    const run = await unittest({
      GPU_AGENT_TEST_BASE_URL: url,
      GPU_AGENT_TEST_ADMIN_TOKEN: adminToken,
    });

    expect(run.output).toMatch(/^Ran \d+ tests/m);
    expect(run.output).not.toMatch(/skipped/);
    expect(run.code, run.output).toBe(0);
  });
});

/**
 * The two examples in `sdk/README.md`, run as written (only the SDK's import
 * path adjusted) against the local platform, in a folder holding the files
 * they name.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Customer, newCustomer, platform, trainingFiles } from "./support.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const README = readFileSync(join(ROOT, "sdk", "README.md"), "utf8");

function example(language: string): string {
  const fence = "```";
  const match = README.match(new RegExp(`${fence}${language}\\n([\\s\\S]*?)${fence}`));
  if (!match) throw new Error(`sdk/README.md has no ${language} example`);
  return match[1]!;
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      command,
      args,
      { cwd, env: { ...process.env, ...env }, timeout: 90_000 },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code) || 1 : 0, stdout, stderr }),
    );
  });
}

describe("sdk/README.md", () => {
  let customer: Customer;
  let dir: string;

  beforeAll(async () => {
    customer = await newCustomer();
    const files = await trainingFiles();
    dir = files.dir;
    writeFileSync(join(dir, "train.csv"), readFileSync(files.dataset));
    writeFileSync(join(dir, "tiny-mlp.zip"), readFileSync(files.zip));
  });

  const env = () => ({ GPU_AGENT_API_KEY: customer.apiKey, GPU_AGENT_BASE_URL: platform().url });

  it("runs the TypeScript example to a downloaded checkpoint", async () => {
    const source = example("ts").replace("./sdk/ts/index.ts", join(ROOT, "sdk/ts/index.ts"));
    writeFileSync(join(dir, "example.mts"), source);

    const result = await run(process.execPath, ["example.mts"], dir, env());

    expect(result.code, result.stderr).toBe(0);
    const saved = result.stdout.trim().split("\n");
    expect(saved.length).toBeGreaterThan(0);
    for (const path of saved) expect(existsSync(resolve(dir, path))).toBe(true);
  });

  it("runs the Python example to a downloaded checkpoint", async () => {
    writeFileSync(join(dir, "example.py"), example("python"));

    const result = await run("python3", ["example.py"], dir, {
      ...env(),
      PYTHONPATH: join(ROOT, "sdk", "python"),
      PYTHONDONTWRITEBYTECODE: "1",
    });

    expect(result.code, result.stderr).toBe(0);
    const saved = result.stdout.trim().split("\n");
    expect(saved.length).toBeGreaterThan(0);
    for (const path of saved) expect(existsSync(resolve(dir, path))).toBe(true);
  });
});

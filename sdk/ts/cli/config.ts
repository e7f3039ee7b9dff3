/**
 * @module sdk/cli/config
 * Where the CLI finds its API key and platform. The key: `GPU_AGENT_API_KEY`,
 * else the JSON config file (`GPU_AGENT_CONFIG`, or
 * `~/.config/gpu-agent/config.json`) holding `{"api_key": "…", "base_url":
 * "…"}`; never a flag, where other users of the machine could read it in the
 * process list. The address: `--base-url`, else `GPU_AGENT_BASE_URL`, else
 * the config file. `gpu-agent config set` writes the file (mode 0600).
 */
import { readFileSync } from "node:fs";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { t } from "./i18n.ts";
import { UsageError } from "./output.ts";

export interface CliConfig {
  apiKey: string;
  baseUrl: string;
  /** `GPU_AGENT_MAX_RETRIES`, when set. */
  maxRetries?: number;
}

export const DEFAULT_BASE_URL = "http://127.0.0.1:8787";

export function configPath(env: NodeJS.ProcessEnv): string {
  if (env.GPU_AGENT_CONFIG) return env.GPU_AGENT_CONFIG;
  const base = env.XDG_CONFIG_HOME || join(homedir(), ".config");
  return join(base, "gpu-agent", "config.json");
}

export function loadConfig(env: NodeJS.ProcessEnv, baseUrlFlag?: string): CliConfig {
  const path = configPath(env);
  const file = readConfigFile(path);
  const apiKey = env.GPU_AGENT_API_KEY || file.api_key;
  if (!apiKey) throw new UsageError(t("no_api_key", { path }));
  const baseUrl = baseUrlFlag || env.GPU_AGENT_BASE_URL || file.base_url || DEFAULT_BASE_URL;
  const retries = Number(env.GPU_AGENT_MAX_RETRIES);
  const maxRetries = env.GPU_AGENT_MAX_RETRIES && Number.isInteger(retries) ? retries : undefined;
  return { apiKey, baseUrl, maxRetries };
}

/** Writes the config file readable by its owner only; answers what it holds. */
export async function saveConfig(
  env: NodeJS.ProcessEnv,
  update: { api_key?: string; base_url?: string },
): Promise<{ path: string; api_key?: string; base_url?: string }> {
  const path = configPath(env);
  const merged = { ...readConfigFile(path), ...update };
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, `${JSON.stringify(merged, null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return { path, ...merged };
}

export function readConfigFile(path: string): { api_key?: string; base_url?: string } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return {};
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new Error("expected a JSON object");
    }
    const { api_key, base_url } = parsed as Record<string, unknown>;
    return {
      api_key: typeof api_key === "string" ? api_key : undefined,
      base_url: typeof base_url === "string" ? base_url : undefined,
    };
  } catch (err) {
    throw new UsageError(t("config_invalid", { path, reason: (err as Error).message }));
  }
}

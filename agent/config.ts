/**
 * @module agent/config
 * The node's identity on disk: the server it registered with, its id, its
 * secret and the server's environment. The file holds a credential, so it is
 * written atomically with mode 0600 inside a 0700 directory, and a file found
 * readable by others is tightened before it is used.
 */
import { chmod, mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { z } from "zod";

export const NodeConfig = z.object({
  server: z.url(),
  node_id: z.string().min(1),
  node_secret: z.string().min(1),
  environment: z.enum(["development", "production"]),
  name: z.string().min(1),
  registered_at: z.string(),
});

export type NodeConfig = z.infer<typeof NodeConfig>;

export class ConfigError extends Error {
  override name = "ConfigError";
  readonly key: "config_missing" | "config_invalid";

  constructor(key: "config_missing" | "config_invalid", message: string) {
    super(message);
    this.key = key;
  }
}

/** `$XDG_CONFIG_HOME/gpu-agent/node.json`, else `~/.config/gpu-agent/node.json`. */
export function defaultConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(homedir(), ".config");
  return join(base, "gpu-agent", "node.json");
}

/** `$XDG_DATA_HOME/gpu-agent/work`, else `~/.local/share/gpu-agent/work`. */
export function defaultWorkDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return join(base, "gpu-agent", "work");
}

export async function saveConfig(path: string, config: NodeConfig): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });

  // Write a sibling and rename it over the target: a crash never leaves half a
  // secret behind, and the file is 0600 from its first byte.
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}

/** Reads the config; `onLoosePermissions` is told when the file had to be tightened. */
export async function loadConfig(
  path: string,
  onLoosePermissions: () => void = () => {},
): Promise<NodeConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      throw new ConfigError("config_missing", `no node config at ${path}`);
    }
    throw err;
  }

  const mode = (await stat(path)).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    await chmod(path, 0o600);
    onLoosePermissions();
  }

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ConfigError("config_invalid", "the file is not JSON");
  }
  const parsed = NodeConfig.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError("config_invalid", issues.join("; "));
  }
  return parsed.data;
}

/** `http(s)://host/base` → `ws(s)://host/base/api/v1/nodes/connect`. */
export function connectUrl(server: string): string {
  const url = new URL(apiUrl(server, "nodes/connect"));
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

export function apiUrl(server: string, path: string): string {
  return `${server.replace(/\/+$/, "")}/api/v1/${path}`;
}

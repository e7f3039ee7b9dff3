/**
 * @module sdk/cli/config-command
 * `config set` stores the API key and address in the config file, so later
 * commands need no environment. The key is read from standard input (piped,
 * or typed at a prompt) or from `GPU_AGENT_API_KEY`, never from a flag.
 * `config show` tells where each setting comes from, the key masked.
 */
import { text } from "node:stream/consumers";
import { configPath, DEFAULT_BASE_URL, readConfigFile, saveConfig } from "./config.ts";
import { type Command, noPositionals, stringFlag } from "./context.ts";
import { t } from "./i18n.ts";
import { result, UsageError } from "./output.ts";

/** Keys are `sk_<env>_<random>`; the random part is base64url, so `-` and `_` occur. */
const KEY = /^sk_[A-Za-z0-9_-]+$/;

function mask(key: string | undefined): string | null {
  return key ? `${key.slice(0, 12)}…` : null;
}

export const configSet: Command = {
  options: { "api-key-stdin": { type: "boolean" } },
  async run(context) {
    noPositionals(context);
    const fromStdin = Boolean(context.values["api-key-stdin"]);
    const key = fromStdin ? (await text(process.stdin)).trim() : context.env.GPU_AGENT_API_KEY;
    const baseUrl = stringFlag(context, "base-url");
    if (key !== undefined && !KEY.test(key)) {
      throw new UsageError(t("bad_option", { reason: "the API key should look like sk_alpha_…" }));
    }
    if (key === undefined && baseUrl === undefined) {
      throw new UsageError(t("missing_option", { name: "--api-key-stdin | --base-url" }));
    }

    const saved = await saveConfig(context.env, {
      ...(key ? { api_key: key } : {}),
      ...(baseUrl ? { base_url: baseUrl } : {}),
    });
    const shown = { path: saved.path, api_key: mask(saved.api_key), base_url: saved.base_url };
    result(context.output, shown, () => t("config_saved", { path: saved.path }));
    return 0;
  },
};

export const configShow: Command = {
  options: {},
  async run(context) {
    noPositionals(context);
    const { env } = context;
    const path = configPath(env);
    const file = readConfigFile(path);
    const flag = stringFlag(context, "base-url");
    const shown = {
      path,
      api_key: mask(env.GPU_AGENT_API_KEY || file.api_key),
      api_key_from: env.GPU_AGENT_API_KEY ? "GPU_AGENT_API_KEY" : file.api_key ? path : null,
      base_url: flag || env.GPU_AGENT_BASE_URL || file.base_url || DEFAULT_BASE_URL,
    };
    result(context.output, shown, () =>
      [
        `config: ${shown.path}`,
        `api_key: ${shown.api_key ?? "-"} (${shown.api_key_from ?? "-"})`,
        `base_url: ${shown.base_url}`,
      ].join("\n"),
    );
    return 0;
  },
};

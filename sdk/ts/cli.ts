/**
 * @module sdk/cli
 * `gpu-agent <resource> <action>`: the customer's command line, built on the
 * TypeScript SDK. Every command takes `--json` (one JSON document on stdout;
 * `jobs watch` prints one per line), `--base-url URL` and `--lang zh|en|both`.
 * The API key comes from `GPU_AGENT_API_KEY` or the config file.
 *
 * Exit codes: 0 done, 1 failed (a job that did not complete, a download that
 * did not verify), 2 bad usage, 3 an API error, 4 a network error.
 */
import { parseArgs } from "node:util";
import { COMMANDS, type Context, HELP } from "./cli/commands.ts";
import { loadConfig } from "./cli/config.ts";
import type { OptionSpec } from "./cli/context.ts";
import { parseLang, setLang, t } from "./cli/i18n.ts";
import { EXIT, fail, type Output, UsageError } from "./cli/output.ts";
import { ApiError } from "./errors.ts";
import { GpuAgent } from "./index.ts";

const GLOBAL_OPTIONS = {
  json: { type: "boolean" },
  "base-url": { type: "string" },
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export interface MainOptions {
  env?: NodeJS.ProcessEnv;
  out?: (text: string) => void;
  err?: (text: string) => void;
  /** Replaces `fetch` (tests). */
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const output: Output = {
    json: argv.includes("--json"),
    out: options.out ?? ((text) => process.stdout.write(`${text}\n`)),
    err: options.err ?? ((text) => process.stderr.write(`${text}\n`)),
  };
  let baseUrl = "";

  try {
    const lang = parseLang(flagValue(argv, "--lang") ?? env.GPU_AGENT_LANG);
    if (!lang) throw new UsageError(t("bad_option", { reason: "--lang takes zh, en or both" }));
    setLang(lang);

    const [resource, maybeAction] = commandWords(argv);
    const wantsHelp = argv.includes("--help") || argv.includes("-h");
    if (!resource || wantsHelp) {
      (wantsHelp ? output.out : output.err)(HELP[lang]);
      return wantsHelp ? EXIT.ok : EXIT.usage;
    }
    const name = COMMANDS[`${resource} ${maybeAction}`] ? `${resource} ${maybeAction}` : resource;
    const command = COMMANDS[name];
    if (!command) throw new UsageError(t("unknown_command", { command: argv.join(" ") }));

    const parsed = parse(argv, name.split(" ").length, command.options);
    let client: GpuAgent | undefined;
    const context: Context = {
      get client() {
        if (!client) {
          const config = loadConfig(env, parsed.values["base-url"] as string | undefined);
          baseUrl = config.baseUrl;
          client = new GpuAgent({ ...config, fetch: options.fetch });
        }
        return client;
      },
      env,
      output,
      values: parsed.values,
      positionals: parsed.positionals,
      signal: options.signal,
    };
    return await command.run(context);
  } catch (err) {
    if (options.signal?.aborted && !(err instanceof ApiError)) {
      output.err(t("interrupted"));
      return 130;
    }
    return fail(output, err, baseUrl);
  }
}

function parse(argv: string[], words: number, spec: OptionSpec) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, ...spec },
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals: positionals.slice(words) };
  } catch (err) {
    throw new UsageError(t("bad_option", { reason: (err as Error).message }));
  }
}

/** The leading words that name the command (`jobs`, `watch`), skipping global flags. */
function commandWords(argv: string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const arg = argv[i]!;
    if (arg === "--base-url" || arg === "--lang") i++;
    else if (!arg.startsWith("-")) words.push(arg);
  }
  return words;
}

function flagValue(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
}

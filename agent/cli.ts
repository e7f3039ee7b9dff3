/**
 * @module agent/cli
 * `gpu-agent-node <command>`: register this machine, run it as a node, or
 * show what it is and does. Messages for people are in Chinese and English
 * (both by default, `--lang zh|en` for one); operator logs are structured
 * lines (`--log-format json|text`, text on a terminal by default).
 *
 * Exit codes: 0 done (including a drained shutdown), 1 failed, 2 bad usage.
 */
import { mkdir } from "node:fs/promises";
import os from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { NodeAgent } from "./agent.ts";
import {
  ConfigError,
  connectUrl,
  defaultConfigPath,
  defaultWorkDir,
  loadConfig,
  saveConfig,
} from "./config.ts";
import {
  detectBwrap,
  detectCapabilities,
  detectGpus,
  detectPython,
  simulatedGpu,
} from "./detect.ts";
import { printHelp } from "./help.ts";
import { parseLang, setLang, t } from "./i18n.ts";
import { createLogger, errorMessage, type LogFormat } from "./log.ts";
import { RegisterError, register } from "./register.ts";
import { readLiveState, reclaimWorkDir, WorkDirBusyError } from "./state.ts";

const COMMON = {
  config: { type: "string" },
  "work-dir": { type: "string" },
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "register") return await registerCommand(rest);
    if (command === "run") return await runCommand(rest);
    if (command === "status") return await statusCommand(rest);
    const flag = argv.indexOf("--lang");
    printHelp(parseLang(flag >= 0 ? argv[flag + 1] : process.env.GPU_AGENT_LANG) ?? "both");
    return command === undefined || command === "help" || command === "--help" ? 0 : 2;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(t("bad_arguments", { reason: err.message }));
      return 2;
    }
    console.error(errorMessage(err));
    return 1;
  }
}

async function registerCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    server: { type: "string" },
    "enrollment-token": { type: "string" },
    name: { type: "string" },
  });
  if (values.help) return printHelp();

  const server = values.server;
  const token = values["enrollment-token"] ?? process.env.GPU_AGENT_ENROLLMENT_TOKEN;
  if (!server || !/^https?:\/\//.test(server)) {
    throw new UsageError("--server http(s)://… is required");
  }
  if (!token) throw new UsageError("--enrollment-token is required");

  const configPath = values.config ?? defaultConfigPath();
  const workDir = await ensureWorkDir(values["work-dir"]);
  const bwrap = await detectBwrap();
  const capabilities = await detectCapabilities({ workDir, sandboxed: bwrap.path !== null });
  const name = values.name ?? os.hostname();

  try {
    const registration = await register({ server, enrollmentToken: token, name, capabilities });
    await saveConfig(configPath, {
      server: server.replace(/\/+$/, ""),
      node_id: registration.node_id,
      node_secret: registration.node_secret,
      environment: registration.environment,
      name,
      registered_at: new Date().toISOString(),
    });
    console.log(
      t("registered", {
        id: registration.node_id,
        environment: registration.environment,
        path: configPath,
      }),
    );
    return 0;
  } catch (err) {
    if (!(err instanceof RegisterError)) throw err;
    console.error(t("register_failed", { reason: err.message }));
    return 1;
  }
}

async function runCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    "simulate-gpu": { type: "string" },
    "drain-grace": { type: "string" },
    "require-sandbox": { type: "boolean" },
    "log-format": { type: "string" },
  });
  if (values.help) return printHelp();

  const simulateGpuMb = optionalInteger(values["simulate-gpu"], "--simulate-gpu", 1);
  const graceSeconds = optionalInteger(values["drain-grace"], "--drain-grace", 0) ?? 60;
  const format = values["log-format"] ?? (process.stdout.isTTY ? "text" : "json");
  if (format !== "json" && format !== "text") throw new UsageError("--log-format json|text");
  const logger = createLogger(format as LogFormat);

  const configPath = values.config ?? defaultConfigPath();
  const config = await loadConfigFor(configPath, () =>
    logger.log("warn", "config_permissions", {}, t("config_permissions", { path: configPath })),
  );
  if (simulateGpuMb !== undefined && config.environment !== "development") {
    console.error(t("simulate_refused", { environment: config.environment }));
    return 1;
  }

  const workDir = await ensureWorkDir(values["work-dir"]);
  const orphans = await reclaimWorkDir(workDir).catch((err) => {
    if (!(err instanceof WorkDirBusyError)) throw err;
    console.error(t("work_dir_busy", { pid: err.pid, workDir }));
    return null;
  });
  if (orphans === null) return 1;
  if (orphans.length > 0) logger.log("warn", "orphans_killed", { attempt_ids: orphans });
  const python = await detectPython();
  if (python === null) {
    console.error(t("no_python"));
    return 1;
  }
  const bwrap = await detectBwrap();
  if (bwrap.path === null) {
    if (values["require-sandbox"]) {
      console.error(`${t("sandbox_required")} (${bwrap.problem})`);
      return 1;
    }
    logger.log("warn", "no_sandbox", { problem: bwrap.problem }, t("no_sandbox"));
  }

  const gpus = async () =>
    simulateGpuMb === undefined ? await detectGpus() : [simulatedGpu(simulateGpuMb)];
  const agent = new NodeAgent({
    config,
    connectUrl: connectUrl(config.server),
    workDir,
    logger,
    python,
    bwrap: bwrap.path,
    simulatedGpuMb: simulateGpuMb,
    capabilities: () =>
      detectCapabilities({ workDir, simulateGpuMb, python, sandboxed: bwrap.path !== null }),
    gpus,
  });

  const onSignal = () => void agent.drain(graceSeconds);
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  logger.log(
    "info",
    "starting",
    { node_id: config.node_id, server: config.server, work_dir: workDir, python: python.version },
    t("starting", { id: config.node_id, server: config.server, workDir }),
  );
  const hardware = await detectCapabilities({ workDir, simulateGpuMb, python });
  logger.log(
    "info",
    "hardware",
    {
      cpu_cores: hardware.cpu_cores,
      memory_mb: hardware.memory_mb,
      disk_free_mb: hardware.disk_free_mb,
      gpus: hardware.gpus.map((gpu) => `${gpu.index}:${gpu.name}:${gpu.vram_total_mb}MB`),
    },
    hardware.gpus.length === 0 ? t("status_cpu_only") : undefined,
  );
  agent.start();
  return agent.finished;
}

async function statusCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {});
  if (values.help) return printHelp();

  const configPath = values.config ?? defaultConfigPath();
  const config = await loadConfigFor(configPath);
  const workDir = await ensureWorkDir(values["work-dir"]);
  const python = await detectPython();
  const caps = await detectCapabilities({ workDir, python });

  console.log(
    t("status_node", {
      id: config.node_id,
      server: config.server,
      environment: config.environment,
    }),
  );
  console.log(
    t("status_hardware", {
      cores: caps.cpu_cores,
      memory: caps.memory_mb,
      disk: caps.disk_free_mb,
      python: caps.python_version ?? "-",
    }),
  );
  if (caps.gpus.length === 0) console.log(t("status_cpu_only"));
  for (const gpu of caps.gpus) {
    const { index, name, vram_free_mb: free, vram_total_mb: total } = gpu;
    console.log(t("status_gpu", { index, name, free, total }));
  }

  const state = await readLiveState(workDir);
  if (state === null) {
    console.log(t("status_not_running"));
    return 0;
  }
  const connected = state.connected ? 1 : 0;
  console.log(t("status_running", { pid: state.pid, connected, count: state.attempts.length }));
  if (state.simulated_gpu_mb) console.log(t("status_simulated", { vram: state.simulated_gpu_mb }));
  for (const unit of state.attempts) {
    const stage = unit.shard_count > 1 ? `${unit.stage}#${unit.shard_index}` : unit.stage;
    const params = { attempt: unit.attempt_id, stage, phase: unit.phase, since: unit.accepted_at };
    console.log(t("status_unit", params));
  }
  return 0;
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>["options"];

function parse<O extends Options>(args: string[], options: O) {
  try {
    const parsed = parseArgs({ args, options: { ...COMMON, ...options }, strict: true });
    const given = (parsed.values as { lang?: string }).lang;
    const lang = parseLang(given ?? process.env.GPU_AGENT_LANG);
    if (lang === null) throw new UsageError("--lang zh|en|both");
    setLang(lang);
    return parsed;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(errorMessage(err));
  }
}

async function loadConfigFor(path: string, onLoose?: () => void) {
  try {
    return await loadConfig(path, onLoose);
  } catch (err) {
    if (err instanceof ConfigError) {
      throw new Error(t(err.key, { path, reason: err.message }));
    }
    throw err;
  }
}

async function ensureWorkDir(given: string | undefined): Promise<string> {
  const dir = given ?? defaultWorkDir();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return dir;
}

function optionalInteger(value: string | undefined, flag: string, min: number) {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new UsageError(`${flag} takes a whole number of at least ${min}`);
  }
  return Number(value);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(await main(process.argv.slice(2)));
}

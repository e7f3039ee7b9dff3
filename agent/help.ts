/**
 * @module agent/help
 * The usage text of `gpu-agent-node`, in Chinese and English.
 */
import { currentLang, type Lang } from "./i18n.ts";

const HELP_EN = `Usage: gpu-agent-node <command> [options]

Commands:
  register --server URL --enrollment-token TOKEN [--name NAME] [--config FILE]
      Enroll this machine; stores its id and secret in FILE (mode 0600,
      default ~/.config/gpu-agent/node.json). The token may also come from
      GPU_AGENT_ENROLLMENT_TOKEN.
  run [--config FILE] [--work-dir DIR] [--simulate-gpu VRAM_MB]
      [--drain-grace SECONDS] [--require-sandbox] [--log-format json|text]
      Connect and run units until SIGTERM or SIGINT, then drain and exit 0.
      --simulate-gpu advertises a fake GPU (development servers only).
  status [--config FILE] [--work-dir DIR]
      Show the node, its hardware and, when it runs, its units.

Every command takes --lang zh|en|both (default both, or GPU_AGENT_LANG).`;

const HELP_ZH = `用法：gpu-agent-node <命令> [选项]

命令：
  register --server URL --enrollment-token TOKEN [--name 名称] [--config 文件]
      注册本机；节点 id 和密钥保存在配置文件中（权限 0600，默认
      ~/.config/gpu-agent/node.json）。令牌也可通过 GPU_AGENT_ENROLLMENT_TOKEN 提供。
  run [--config 文件] [--work-dir 目录] [--simulate-gpu 显存MB]
      [--drain-grace 秒] [--require-sandbox] [--log-format json|text]
      连接平台并运行任务，收到 SIGTERM 或 SIGINT 后交还任务并以 0 退出。
      --simulate-gpu 模拟一块 GPU（仅限开发环境的服务器）。
  status [--config 文件] [--work-dir 目录]
      显示节点、硬件，以及运行中的任务。

所有命令都接受 --lang zh|en|both（默认 both，或环境变量 GPU_AGENT_LANG）。`;

/** Prints the usage in `lang` (the chosen language, both by default); returns 0. */
export function printHelp(lang: Lang = currentLang()): number {
  const blocks = lang === "zh" ? [HELP_ZH] : lang === "en" ? [HELP_EN] : [HELP_ZH, HELP_EN];
  console.log(blocks.join("\n\n"));
  return 0;
}

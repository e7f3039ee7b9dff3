/**
 * @module sdk/cli/commands
 * The table of `gpu-agent` commands and the help text that lists them.
 */
import { artifactsDownload, usageDaily, usageExport, usageSummary } from "./artifacts-usage.ts";
import { configSet, configShow } from "./config-command.ts";
import type { Command } from "./context.ts";
import { jobsCancel, jobsCreate, jobsGet, jobsList, jobsWatch } from "./jobs.ts";
import { datasetsList, datasetsUpload, packagesList, packagesUpload } from "./uploads.ts";

export type { Context } from "./context.ts";

export const COMMANDS: Record<string, Command> = {
  "datasets upload": datasetsUpload,
  "datasets list": datasetsList,
  "packages upload": packagesUpload,
  "packages list": packagesList,
  "jobs create": jobsCreate,
  "jobs list": jobsList,
  "jobs get": jobsGet,
  "jobs watch": jobsWatch,
  "jobs cancel": jobsCancel,
  "artifacts download": artifactsDownload,
  usage: usageSummary,
  "usage daily": usageDaily,
  "usage export": usageExport,
  "config set": configSet,
  "config show": configShow,
};

const EN = `Usage: gpu-agent <command> [options]

Commands:
  datasets upload FILE [--name N] [--format csv] [--description D]
  datasets list [--limit N]
  packages upload DIR|ZIP [--name N]     a directory is zipped (gpu-agent.json honoured)
  packages list [--limit N]
  jobs create --name N --dataset-id ID --training-package-id ID
      --required-vram-mb MB --required-disk-mb MB --max-runtime-seconds S
      --sensitivity public|low_sensitive|high_sensitive
      [--hyperparameters JSON] [--idempotency-key K] [--wait [--interval S]]
  jobs list [--status S] [--limit N]
  jobs get ID
  jobs watch ID [--interval S]           progress, unit states, newest log lines
  jobs cancel ID
  artifacts download JOB_ID [--kind checkpoint|metrics|logs|other] [-o DIR]
  usage                                  balance and this month's usage
  usage daily [--days N]
  usage export --from YYYY-MM-DD --to YYYY-MM-DD [-o FILE]
  config set [--api-key-stdin] [--base-url URL]  store the key (from stdin or
      GPU_AGENT_API_KEY) and address in the config file, mode 0600
  config show                            where the key and address come from

Options for every command:
  --json            machine-readable output on stdout (watch: one JSON object per line)
  --base-url URL    the platform (or GPU_AGENT_BASE_URL; default http://127.0.0.1:8787)
  --lang zh|en|both messages' language (or GPU_AGENT_LANG; default both)

The API key comes from GPU_AGENT_API_KEY or the config file
(GPU_AGENT_CONFIG, default ~/.config/gpu-agent/config.json: {"api_key": "…", "base_url": "…"}).

Exit codes: 0 done, 1 failed (job not completed, digest mismatch), 2 usage error,
3 API error, 4 network error.`;

const ZH = `用法：gpu-agent <命令> [选项]

命令：
  datasets upload 文件 [--name 名称] [--format csv] [--description 描述]   上传数据集
  datasets list [--limit N]                                             列出数据集
  packages upload 目录|ZIP [--name 名称]      上传训练包；目录会被打包（遵循 gpu-agent.json）
  packages list [--limit N]                                             列出训练包
  jobs create --name … --dataset-id … --training-package-id …
      --required-vram-mb … --required-disk-mb … --max-runtime-seconds …
      --sensitivity public|low_sensitive|high_sensitive
      [--hyperparameters JSON] [--idempotency-key K] [--wait [--interval 秒]]  创建训练任务
  jobs list [--status 状态] [--limit N]                                  列出训练任务
  jobs get ID                                                          查看训练任务
  jobs watch ID [--interval 秒]                 跟踪进度、计算单元状态和最新日志
  jobs cancel ID                                                       取消训练任务
  artifacts download 任务ID [--kind checkpoint|metrics|logs|other] [-o 目录]  下载产物并校验
  usage                                                    余额与本月用量
  usage daily [--days N]                                   每日用量
  usage export --from YYYY-MM-DD --to YYYY-MM-DD [-o 文件]   导出 CSV
  config set [--api-key-stdin] [--base-url URL]
      把 API Key（从标准输入或 GPU_AGENT_API_KEY 读取）和平台地址写入配置文件（权限 0600）
  config show                                              查看 API Key 与地址的来源

所有命令的选项：
  --json            在 stdout 输出 JSON（watch 每行一个 JSON 对象）
  --base-url URL    平台地址（或 GPU_AGENT_BASE_URL；默认 http://127.0.0.1:8787）
  --lang zh|en|both 提示语言（或 GPU_AGENT_LANG；默认中英双语）

API Key 来自环境变量 GPU_AGENT_API_KEY 或配置文件
（GPU_AGENT_CONFIG，默认 ~/.config/gpu-agent/config.json：{"api_key": "…", "base_url": "…"}）。

退出码：0 成功，1 失败（任务未完成、校验不符），2 用法错误，3 API 错误，4 网络错误。`;

export const HELP = { en: EN, zh: ZH, both: `${ZH}\n\n${EN}` };

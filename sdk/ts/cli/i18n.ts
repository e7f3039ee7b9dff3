/**
 * @module sdk/cli/i18n
 * Every sentence the `gpu-agent` command shows a person, in Chinese and
 * English. Both stand side by side by default (`中文 / English`); `--lang
 * zh|en` or `GPU_AGENT_LANG` keeps one. Codes, ids and `--json` output are
 * never translated.
 */
export type Lang = "zh" | "en" | "both";

type P = Record<string, string | number>;

const MESSAGES = {
  no_api_key: (p: P) => [
    `缺少 API Key：请设置 GPU_AGENT_API_KEY，或在 ${p.path} 中写入 {"api_key": "sk_alpha_…"}`,
    `No API key: set GPU_AGENT_API_KEY, or put {"api_key": "sk_alpha_…"} in ${p.path}`,
  ],
  config_invalid: (p: P) => [
    `配置文件 ${p.path} 无效：${p.reason}`,
    `Config file ${p.path} is invalid: ${p.reason}`,
  ],
  config_saved: (p: P) => [`已保存到 ${p.path}（权限 0600）`, `Saved to ${p.path} (mode 0600)`],
  unknown_command: (p: P) => [
    `未知命令：${p.command}。运行 gpu-agent --help 查看用法`,
    `Unknown command: ${p.command}. Run gpu-agent --help for usage`,
  ],
  bad_option: (p: P) => [`参数错误：${p.reason}`, `Bad arguments: ${p.reason}`],
  missing_option: (p: P) => [`缺少参数 ${p.name}`, `Missing ${p.name}`],
  not_a_number: (p: P) => [
    `${p.name} 必须是非负整数，收到 ${p.value}`,
    `${p.name} must be a whole number, got ${p.value}`,
  ],
  bad_json: (p: P) => [
    `${p.name} 不是有效的 JSON 对象：${p.reason}`,
    `${p.name} is not a JSON object: ${p.reason}`,
  ],
  file_missing: (p: P) => [`找不到文件：${p.path}`, `No such file: ${p.path}`],
  hashing: (p: P) => [`正在计算 ${p.path} 的 SHA-256…`, `Hashing ${p.path}…`],
  uploading: (p: P) => [
    `上传中 ${p.percent}%（${p.sent}/${p.total} 字节）`,
    `Uploading ${p.percent}% (${p.sent}/${p.total} bytes)`,
  ],
  dataset_ready: (p: P) => [
    `数据集已就绪：${p.id}（${p.size} 字节，sha256 ${p.sha256}）`,
    `Dataset ready: ${p.id} (${p.size} bytes, sha256 ${p.sha256})`,
  ],
  package_ready: (p: P) => [
    `训练包已就绪：${p.id}（入口 ${p.entrypoint}）`,
    `Training package ready: ${p.id} (entry point ${p.entrypoint})`,
  ],
  zipping: (p: P) => [
    `正在打包 ${p.dir}（${p.count} 个文件）`,
    `Zipping ${p.dir} (${p.count} files)`,
  ],
  manifest_invalid: (p: P) => [
    `gpu-agent.json 无效：${p.reason}`,
    `gpu-agent.json is invalid: ${p.reason}`,
  ],
  entrypoint_missing: (p: P) => [
    `入口文件 ${p.path} 不在 ${p.dir} 中`,
    `The entry point ${p.path} is not in ${p.dir}`,
  ],
  job_created: (p: P) => [
    `已创建训练任务 ${p.id}（${p.status}，预计 ${p.credits} 积分）`,
    `Training job ${p.id} created (${p.status}, projected ${p.credits} credits)`,
  ],
  job_cancelled: (p: P) => [`训练任务 ${p.id} 已取消`, `Training job ${p.id} cancelled`],
  job_line: (p: P) => [
    `任务 ${p.id} ${p.status}：${p.done}/${p.total} 个计算单元完成`,
    `Job ${p.id} ${p.status}: ${p.done}/${p.total} compute units completed`,
  ],
  job_finished: (p: P) => [
    `任务结束：${p.status}，扣除 ${p.credits} 积分`,
    `Job finished: ${p.status}, ${p.credits} credits charged`,
  ],
  job_error: (p: P) => [`错误 ${p.code}：${p.message}`, `Error ${p.code}: ${p.message}`],
  no_jobs: () => ["没有训练任务", "No training jobs"],
  no_artifacts: (p: P) => [`任务 ${p.id} 没有产物`, `Job ${p.id} has no artifacts`],
  downloaded: (p: P) => [
    `已下载 ${p.path}（${p.size} 字节，sha256 已校验）`,
    `Downloaded ${p.path} (${p.size} bytes, sha256 verified)`,
  ],
  usage_summary: (p: P) => [
    `余额 ${p.balance}，冻结 ${p.reserved}，可用 ${p.available}；本月已扣 ${p.charged} 积分`,
    `Balance ${p.balance}, reserved ${p.reserved}, available ${p.available}; ` +
      `${p.charged} credits charged this month`,
  ],
  exported: (p: P) => [`用量已导出到 ${p.path}`, `Usage exported to ${p.path}`],
  api_error: (p: P) => [
    `平台返回错误 ${p.code}（HTTP ${p.status}）：${p.message}；请求 ID ${p.requestId}`,
    `The platform answered ${p.code} (HTTP ${p.status}): ${p.message}; request id ${p.requestId}`,
  ],
  network_error: (p: P) => [
    `无法连接平台 ${p.url}：${p.reason}`,
    `Could not reach the platform at ${p.url}: ${p.reason}`,
  ],
  checksum_error: (p: P) => [`校验失败：${p.reason}`, `Checksum failed: ${p.reason}`],
  failed: (p: P) => [`失败：${p.reason}`, `Failed: ${p.reason}`],
  interrupted: () => ["已中断", "Interrupted"],
} satisfies Record<string, (p: P) => string[]>;

export type MessageKey = keyof typeof MESSAGES;

let current: Lang = "both";

export function setLang(lang: Lang): void {
  current = lang;
}

export function parseLang(value: string | undefined): Lang | null {
  if (value === undefined || value === "") return "both";
  return value === "zh" || value === "en" || value === "both" ? value : null;
}

const COLUMNS: Record<string, string> = {
  NAME: "名称",
  STATUS: "状态",
  SIZE: "字节",
  CREATED: "创建时间",
  UNITS: "计算单元",
  CREDITS: "积分",
  DATE: "日期",
  COMPLETED: "完成",
  FAILED: "失败",
};

/** A table's column title in the current language(s), e.g. `状态/STATUS`. */
export function column(title: string): string {
  const zh = COLUMNS[title];
  if (!zh || current === "en") return title;
  return current === "zh" ? zh : `${zh}/${title}`;
}

/** The message in the current language(s). */
export function t(key: MessageKey, params: P = {}): string {
  const [zh, en] = MESSAGES[key](params);
  if (current === "zh") return zh!;
  if (current === "en") return en!;
  return `${zh} / ${en}`;
}

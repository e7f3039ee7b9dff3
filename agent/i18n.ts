/**
 * @module i18n
 * Every sentence the agent shows a person, in Chinese and English. By default
 * both languages stand side by side (`中文 / English`) so an operator of either
 * language reads the same line; `--lang zh|en` (or `GPU_AGENT_LANG`) keeps one.
 * Machine-readable fields (event names, codes, ids) stay untranslated.
 */
export type Lang = "zh" | "en" | "both";

type P = Record<string, string | number>;

const PHASES_ZH: Record<string, string> = {
  downloading: "下载输入中",
  running: "运行中",
  uploading: "上传结果中",
  done: "已结束",
};

/** Each entry renders `[zh, en]` from its parameters. */
const MESSAGES = {
  registered: (p: P) => [
    `已注册节点 ${p.id}（环境：${p.environment}），配置已保存到 ${p.path}`,
    `Node registered: ${p.id} (environment: ${p.environment}); config saved to ${p.path}`,
  ],
  register_failed: (p: P) => [`注册失败：${p.reason}`, `Registration failed: ${p.reason}`],
  config_missing: (p: P) => [
    `找不到节点配置 ${p.path}；请先运行 register`,
    `No node config at ${p.path}; run register first`,
  ],
  config_invalid: (p: P) => [
    `节点配置 ${p.path} 无效：${p.reason}`,
    `Node config ${p.path} is invalid: ${p.reason}`,
  ],
  config_permissions: (p: P) => [
    `节点配置 ${p.path} 可被其他用户读取；已改为 0600`,
    `Node config ${p.path} was readable by others; changed it to 0600`,
  ],
  simulate_refused: (p: P) => [
    `只有开发环境允许模拟 GPU；此服务器的环境是 ${p.environment}`,
    `Simulated GPUs are allowed only in development; this server is ${p.environment}`,
  ],
  starting: (p: P) => [
    `节点 ${p.id} 启动，连接 ${p.server}，工作目录 ${p.workDir}`,
    `Node ${p.id} starting: server ${p.server}, work dir ${p.workDir}`,
  ],
  connected: (p: P) => [`已连接（心跳 ${p.ms} 毫秒）`, `Connected (heartbeat every ${p.ms} ms)`],
  disconnected: (p: P) => [
    `连接断开，${p.seconds} 秒后重连`,
    `Disconnected; reconnecting in ${p.seconds} s`,
  ],
  auth_rejected: (p: P) => [
    `服务器拒绝了节点密钥（HTTP ${p.status}）；节点可能已被停用，请重新注册`,
    `The server refused the node secret (HTTP ${p.status}); the node may be suspended, ` +
      "register it again",
  ],
  no_sandbox: () => [
    "未找到可用的 bubblewrap（bwrap）：任务将在普通子进程中运行，且可以访问网络。建议安装 bubblewrap",
    "No usable bubblewrap (bwrap): units run as plain subprocesses with network access. " +
      "Installing bubblewrap is recommended",
  ],
  sandbox_required: () => [
    "指定了 --require-sandbox，但 bubblewrap 不可用",
    "--require-sandbox was given but bubblewrap is not usable",
  ],
  work_dir_busy: (p: P) => [
    `另一个节点程序（进程 ${p.pid}）正在使用工作目录 ${p.workDir}`,
    `Another agent (pid ${p.pid}) is using the work dir ${p.workDir}`,
  ],
  no_python: () => [
    "未找到 python3：节点无法运行任何任务",
    "python3 not found: this node cannot run any unit",
  ],
  unit_accepted: (p: P) => [
    `接受任务 ${p.attempt}（阶段 ${p.stage}）`,
    `Accepted attempt ${p.attempt} (stage ${p.stage})`,
  ],
  unit_rejected: (p: P) => [
    `拒绝任务 ${p.attempt}：${p.reason}`,
    `Rejected attempt ${p.attempt}: ${p.reason}`,
  ],
  unit_finished: (p: P) => [
    `任务 ${p.attempt} 结束：${p.outcome}`,
    `Attempt ${p.attempt} finished: ${p.outcome}`,
  ],
  unit_killed: (p: P) => [
    `已终止任务 ${p.attempt}：${p.reason}`,
    `Stopped attempt ${p.attempt}: ${p.reason}`,
  ],
  draining: (p: P) => [
    `正在退出：等待 ${p.waiting} 个任务（最多 ${p.grace} 秒），交还 ${p.released} 个`,
    `Shutting down: waiting for ${p.waiting} unit(s) (at most ${p.grace} s), ` +
      `handing back ${p.released}`,
  ],
  stopped: () => ["节点已停止", "Node stopped"],
  status_node: (p: P) => [
    `节点 ${p.id}，服务器 ${p.server}（${p.environment}）`,
    `Node ${p.id} on ${p.server} (${p.environment})`,
  ],
  status_hardware: (p: P) => [
    `硬件：${p.cores} 核，内存 ${p.memory} MB，可用磁盘 ${p.disk} MB，Python ${p.python}`,
    `Hardware: ${p.cores} cores, ${p.memory} MB memory, ${p.disk} MB free disk, ` +
      `Python ${p.python}`,
  ],
  status_gpu: (p: P) => [
    `GPU ${p.index}：${p.name}，显存 ${p.free}/${p.total} MB 可用`,
    `GPU ${p.index}: ${p.name}, ${p.free}/${p.total} MB VRAM free`,
  ],
  status_simulated: (p: P) => [
    `运行中的节点模拟了一块 ${p.vram} MB 显存的 GPU`,
    `The running node simulates a GPU with ${p.vram} MB of VRAM`,
  ],
  status_cpu_only: () => ["未检测到 GPU：仅运行 CPU 任务", "No GPU detected: CPU units only"],
  status_running: (p: P) => [
    `运行中（进程 ${p.pid}，${p.connected ? "已连接" : "未连接"}），任务 ${p.count} 个`,
    `Running (pid ${p.pid}, ${p.connected ? "connected" : "offline"}), ${p.count} unit(s)`,
  ],
  status_unit: (p: P) => [
    `  ${p.attempt}：阶段 ${p.stage}，${PHASES_ZH[p.phase as string] ?? p.phase}，开始于 ${p.since}`,
    `  ${p.attempt}: stage ${p.stage}, ${p.phase}, since ${p.since}`,
  ],
  status_not_running: () => ["节点程序未在运行", "The node program is not running"],
  bad_arguments: (p: P) => [`参数错误：${p.reason}`, `Invalid arguments: ${p.reason}`],
} satisfies Record<string, (p: P) => string[]>;

export type MessageKey = keyof typeof MESSAGES;

let current: Lang = "both";

export function setLang(lang: Lang): void {
  current = lang;
}

export function currentLang(): Lang {
  return current;
}

export function parseLang(value: string | undefined): Lang | null {
  if (value === undefined || value === "") return "both";
  return value === "zh" || value === "en" || value === "both" ? value : null;
}

/** The sentence `key` in the chosen language(s). */
export function t(key: MessageKey, params: P = {}, lang: Lang = current): string {
  const [zh, en] = MESSAGES[key](params);
  if (lang === "zh") return zh ?? "";
  if (lang === "en") return en ?? "";
  return `${zh} / ${en}`;
}

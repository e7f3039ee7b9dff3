/**
 * @module agent/sandbox
 * How a unit's process is started: the bubblewrap argv that confines it and
 * the clean environment it sees. Both are pure so the rules can be read and
 * tested in one place.
 *
 * Inside bubblewrap the unit gets no network (`--unshare-all` includes the
 * network namespace), its own PID namespace (so killing bwrap kills every
 * process the unit started, even one that called setsid), the system's
 * programs and libraries read-only, its inputs read-only and only its work and
 * output directories writable. Nothing of the agent's home, config or
 * environment is visible. Without bubblewrap the same environment is used for
 * a plain subprocess in its own process group.
 */
import { dirname } from "node:path";

/** System paths a Python program needs; missing ones are skipped (`-try`). */
const SYSTEM_READ_ONLY = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/opt"];

/** Only the parts of /etc that programs need; never the whole of it. */
const ETC_READ_ONLY = [
  "/etc/alternatives",
  "/etc/ld.so.cache",
  "/etc/ld.so.conf",
  "/etc/ld.so.conf.d",
  "/etc/localtime",
  "/etc/nsswitch.conf",
  "/etc/passwd",
  "/etc/group",
  "/etc/ssl",
  "/etc/ca-certificates",
  "/etc/mime.types",
];

export interface SandboxPlan {
  /** The interpreter, an absolute path. */
  python: string;
  /** The entry point, an absolute path inside one of `readOnly`. */
  script: string;
  cwd: string;
  /** Inputs, the unpacked package, the platform's stage scripts, a Python prefix. */
  readOnly: string[];
  /** The unit's work and output directories. */
  writable: string[];
  /** Device nodes a GPU unit needs (`/dev/nvidia0`, `/dev/nvidiactl`, ...). */
  devices: string[];
}

/** The argv (after `bwrap`) that runs `python script` confined as described above. */
export function bwrapArgs(plan: SandboxPlan): string[] {
  const args = ["--unshare-all", "--die-with-parent", "--new-session"];

  for (const path of [...SYSTEM_READ_ONLY, ...ETC_READ_ONLY]) {
    args.push("--ro-bind-try", path, path);
  }
  args.push("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp");

  if (plan.devices.length > 0) {
    // CUDA reads the driver's state under /sys; the devices come after --dev.
    args.push("--ro-bind-try", "/sys", "/sys");
    for (const device of plan.devices) args.push("--dev-bind-try", device, device);
  }

  // Mounted after /tmp so that directories under /tmp (tests) stay reachable.
  for (const path of unique(plan.readOnly)) args.push("--ro-bind", path, path);
  for (const path of unique(plan.writable)) args.push("--bind", path, path);

  args.push("--chdir", plan.cwd, "--", plan.python, plan.script);
  return args;
}

/** The program and argv to spawn, with bubblewrap when it is available. */
export function unitCommand(
  plan: SandboxPlan,
  bwrap: string | null,
): { command: string; args: string[] } {
  if (bwrap === null) return { command: plan.python, args: [plan.script] };
  return { command: bwrap, args: bwrapArgs(plan) };
}

export interface UnitEnvironmentInput {
  python: string;
  dataDir: string;
  inputDir: string;
  outputDir: string;
  workDir: string;
  tmpDir: string;
  stage: string;
  attemptId: string;
  unitIndex: number;
  unitCount: number;
  hyperparameters: Record<string, unknown>;
  /** The GPU index for a GPU unit; null for CPU units and simulated GPUs. */
  gpuIndex: number | null;
}

/**
 * The whole environment of a unit, built from nothing: never a copy of the
 * agent's own (which may hold the node secret or the operator's tokens).
 */
export function unitEnvironment(input: UnitEnvironmentInput): Record<string, string> {
  const path = unique([dirname(input.python), "/usr/local/bin", "/usr/bin", "/bin"]);
  return {
    PATH: path.join(":"),
    HOME: input.workDir,
    LANG: "C.UTF-8",
    TMPDIR: input.tmpDir,
    PYTHONUNBUFFERED: "1",
    PYTHONDONTWRITEBYTECODE: "1",
    GPU_AGENT_DATA_DIR: input.dataDir,
    GPU_AGENT_INPUT_DIR: input.inputDir,
    GPU_AGENT_OUTPUT_DIR: input.outputDir,
    GPU_AGENT_WORK_DIR: input.workDir,
    GPU_AGENT_STAGE: input.stage,
    GPU_AGENT_ATTEMPT_ID: input.attemptId,
    GPU_AGENT_UNIT_INDEX: String(input.unitIndex),
    GPU_AGENT_UNIT_COUNT: String(input.unitCount),
    GPU_AGENT_HYPERPARAMETERS: JSON.stringify(input.hyperparameters),
    // Empty hides every GPU: CPU units must not take a GPU another unit holds.
    CUDA_VISIBLE_DEVICES: input.gpuIndex === null ? "" : String(input.gpuIndex),
  };
}

/**
 * Read-only mounts for an interpreter outside /usr (pyenv, conda, a venv):
 * its installation prefix, two levels above `bin/python3`.
 */
export function pythonMounts(pythonExecutable: string): string[] {
  if (pythonExecutable.startsWith("/usr/")) return [];
  return [dirname(dirname(pythonExecutable))];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

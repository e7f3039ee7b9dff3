/**
 * @module agent/workspace
 * Where an attempt lives on disk. Each attempt gets a fresh directory under
 * `<work-dir>/attempts/<attempt id>/`, removed when the attempt ends:
 *
 * ```
 * downloads/        inputs as downloaded (archives are removed once unpacked)
 * data/             GPU_AGENT_DATA_DIR: the dataset, unpacked or as one file
 * package/          the customer's package, unpacked (read-only to the unit)
 * input/<from>/     GPU_AGENT_INPUT_DIR: outputs of upstream units, one subdir each
 * work/             GPU_AGENT_WORK_DIR and HOME, the unit's scratch space
 * work/tmp/         TMPDIR
 * output/           GPU_AGENT_OUTPUT_DIR: every top-level file here is uploaded
 * ```
 *
 * The unit's stdout and stderr go to `attempts/<attempt id>.logs.txt`, beside
 * the directory rather than in it: the log is the agent's (capped by the
 * runner), so it does not count against the unit's disk allowance.
 */
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";

export interface Workspace {
  root: string;
  downloads: string;
  data: string;
  package: string;
  input: string;
  work: string;
  tmp: string;
  output: string;
  logFile: string;
}

export function workspaceFor(workDir: string, attemptId: string): Workspace {
  const name = plainName(attemptId);
  const root = join(workDir, "attempts", name);
  return {
    root,
    downloads: join(root, "downloads"),
    data: join(root, "data"),
    package: join(root, "package"),
    input: join(root, "input"),
    work: join(root, "work"),
    tmp: join(root, "work", "tmp"),
    output: join(root, "output"),
    logFile: join(workDir, "attempts", `${name}.logs.txt`),
  };
}

/** Creates the attempt's directories, removing whatever an earlier run left there. */
export async function createWorkspace(workspace: Workspace): Promise<void> {
  await removeWorkspace(workspace);
  for (const dir of [
    workspace.downloads,
    workspace.data,
    workspace.package,
    workspace.input,
    workspace.tmp,
    workspace.output,
  ]) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  }
}

export async function removeWorkspace(workspace: Workspace): Promise<void> {
  await rm(workspace.root, { recursive: true, force: true });
  await rm(workspace.logFile, { force: true });
}

/**
 * A server-given name made safe as one path segment: letters, digits, `.`,
 * `_`, `-` and `#` (shard keys such as `train#0`) are kept, anything else
 * becomes `_`; `.` and `..` cannot come out.
 */
export function plainName(name: string): string {
  const base = name.split("/").pop() ?? "";
  const cleaned = base.replace(/[^A-Za-z0-9._#-]/g, "_").slice(0, 200);
  if (cleaned === "" || /^\.+$/.test(cleaned)) return `_${cleaned}`;
  return cleaned;
}

/**
 * Bytes under `dir`, counting every regular file once (links are not
 * followed). Used to hold a unit to its disk allowance.
 */
export async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await directoryBytes(path);
    else if (entry.isFile()) total += await fileSize(path);
  }
  return total;
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

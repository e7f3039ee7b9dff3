import { describe, expect, it } from "vitest";
import { bwrapArgs, pythonMounts, unitCommand, unitEnvironment } from "./sandbox.ts";

const plan = {
  python: "/usr/bin/python3",
  script: "/w/a1/package/train.py",
  cwd: "/w/a1/work",
  readOnly: ["/w/a1/data", "/w/a1/input", "/w/a1/package"],
  writable: ["/w/a1/work", "/w/a1/output"],
  devices: [],
};

/** The argument pairs that follow each occurrence of `flag`. */
function bound(args: string[], flag: string): string[] {
  return args.flatMap((arg, i) => (arg === flag ? [args[i + 1]!] : []));
}

describe("bubblewrap argv", () => {
  it("cuts the network and every other namespace, and dies with the agent", () => {
    const args = bwrapArgs(plan);

    expect(args.slice(0, 3)).toEqual(["--unshare-all", "--die-with-parent", "--new-session"]);
    expect(args).not.toContain("--share-net");
  });

  it("mounts inputs read-only and only the work and output dirs writable", () => {
    const args = bwrapArgs(plan);

    expect(bound(args, "--ro-bind")).toEqual(["/w/a1/data", "/w/a1/input", "/w/a1/package"]);
    expect(bound(args, "--bind")).toEqual(["/w/a1/work", "/w/a1/output"]);
  });

  it("never exposes the home directory, the node config or the whole of /etc", () => {
    const mounted = [
      ...bound(bwrapArgs(plan), "--ro-bind-try"),
      ...bound(bwrapArgs(plan), "--bind"),
    ];

    expect(mounted).not.toContain("/etc");
    expect(mounted).not.toContain("/home");
    expect(mounted).not.toContain("/root");
    expect(mounted.some((path) => path.includes(".config"))).toBe(false);
  });

  it("mounts the unit's dirs after the fresh /tmp so dirs under /tmp stay visible", () => {
    const args = bwrapArgs(plan);

    expect(args.indexOf("/w/a1/work")).toBeGreaterThan(args.indexOf("--tmpfs"));
  });

  it("runs the entry point with the interpreter in the work dir, last", () => {
    const args = bwrapArgs(plan);

    expect(args.slice(-5)).toEqual([
      "--chdir",
      "/w/a1/work",
      "--",
      "/usr/bin/python3",
      "/w/a1/package/train.py",
    ]);
  });

  it("passes GPU device nodes and /sys only to GPU units", () => {
    const gpu = bwrapArgs({ ...plan, devices: ["/dev/nvidia0", "/dev/nvidiactl"] });

    expect(bound(gpu, "--dev-bind-try")).toEqual(["/dev/nvidia0", "/dev/nvidiactl"]);
    expect(bound(gpu, "--ro-bind-try")).toContain("/sys");
    expect(bound(bwrapArgs(plan), "--ro-bind-try")).not.toContain("/sys");
  });

  it("falls back to the bare interpreter without bubblewrap", () => {
    expect(unitCommand(plan, null)).toEqual({
      command: "/usr/bin/python3",
      args: ["/w/a1/package/train.py"],
    });
    expect(unitCommand(plan, "/usr/bin/bwrap").command).toBe("/usr/bin/bwrap");
  });

  it("mounts the prefix of an interpreter that lives outside /usr", () => {
    expect(pythonMounts("/usr/bin/python3")).toEqual([]);
    expect(pythonMounts("/opt/conda/bin/python3")).toEqual(["/opt/conda"]);
  });
});

describe("unit environment", () => {
  const input = {
    python: "/opt/py/bin/python3",
    dataDir: "/w/data",
    inputDir: "/w/input",
    outputDir: "/w/output",
    workDir: "/w/work",
    tmpDir: "/w/work/tmp",
    stage: "sweep",
    attemptId: "att_1",
    unitIndex: 2,
    unitCount: 4,
    hyperparameters: { lr: 0.1 },
    gpuIndex: null,
  };

  it("holds only the documented variables, none of the agent's own", () => {
    process.env.GPU_AGENT_TEST_SECRET = "do-not-leak";
    const env = unitEnvironment(input);

    expect(Object.values(env)).not.toContain("do-not-leak");
    expect(Object.keys(env).sort()).toEqual(
      [
        "PATH",
        "HOME",
        "LANG",
        "TMPDIR",
        "PYTHONUNBUFFERED",
        "PYTHONDONTWRITEBYTECODE",
        "GPU_AGENT_DATA_DIR",
        "GPU_AGENT_INPUT_DIR",
        "GPU_AGENT_OUTPUT_DIR",
        "GPU_AGENT_WORK_DIR",
        "GPU_AGENT_STAGE",
        "GPU_AGENT_ATTEMPT_ID",
        "GPU_AGENT_UNIT_INDEX",
        "GPU_AGENT_UNIT_COUNT",
        "GPU_AGENT_HYPERPARAMETERS",
        "CUDA_VISIBLE_DEVICES",
      ].sort(),
    );
    delete process.env.GPU_AGENT_TEST_SECRET;
  });

  it("sets HOME to the work dir and puts the interpreter's dir first on PATH", () => {
    const env = unitEnvironment(input);

    expect(env.HOME).toBe("/w/work");
    expect(env.PATH).toBe("/opt/py/bin:/usr/local/bin:/usr/bin:/bin");
    expect(env.GPU_AGENT_UNIT_INDEX).toBe("2");
    expect(JSON.parse(env.GPU_AGENT_HYPERPARAMETERS!)).toEqual({ lr: 0.1 });
  });

  it("hides every GPU from CPU units and shows a GPU unit only its own", () => {
    expect(unitEnvironment(input).CUDA_VISIBLE_DEVICES).toBe("");
    expect(unitEnvironment({ ...input, gpuIndex: 3 }).CUDA_VISIBLE_DEVICES).toBe("3");
  });
});

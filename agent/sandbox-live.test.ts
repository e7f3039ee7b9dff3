import { mkdtemp, realpath, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectBwrap, detectPython } from "./detect.ts";
import { runUnit } from "./runner.ts";
import { pythonMounts, unitCommand, unitEnvironment } from "./sandbox.ts";
import { createWorkspace, workspaceFor } from "./workspace.ts";

/**
 * Runs a probe unit the way the agent does, with bubblewrap when this
 * machine has a working one: the same test holds on machines with and
 * without it, and says which case it checked.
 */
describe("a unit's process, sandboxed when bubblewrap works here", () => {
  it("cannot reach the network, the node's files or write its inputs", async () => {
    const python = (await detectPython())!;
    const bwrap = await detectBwrap();
    const server = net.createServer((socket) => {
      socket.on("error", () => {}); // the probe hangs up without reading
      socket.end("hello");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;

    const secretDir = await mkdtemp(join(tmpdir(), "gpu-agent-secret-"));
    await writeFile(join(secretDir, "node.json"), "{}");
    const ws = workspaceFor(await mkdtemp(join(tmpdir(), "gpu-agent-live-")), "att_live");
    await createWorkspace(ws);
    const script = join(ws.package, "probe.py");
    await writeFile(
      script,
      `import os, socket
def attempt(what, action):
    try:
        action()
        print(what, "allowed")
    except Exception:
        print(what, "denied")
attempt("network", lambda: socket.create_connection(("127.0.0.1", ${port}), timeout=2))
attempt("secret", lambda: open(${JSON.stringify(join(secretDir, "node.json"))}).read())
attempt("inputs", lambda: open(os.path.join(os.environ["GPU_AGENT_DATA_DIR"], "x"), "w"))
attempt("output", lambda: open(os.path.join(os.environ["GPU_AGENT_OUTPUT_DIR"], "x"), "w"))
`,
    );
    const real = await realpath(python.executable);
    const plan = {
      python: python.executable,
      script,
      cwd: ws.work,
      readOnly: [
        ws.data,
        ws.input,
        ws.package,
        ...pythonMounts(python.executable),
        ...pythonMounts(real),
      ],
      writable: [ws.work, ws.output],
      devices: [],
    };
    const env = unitEnvironment({
      python: python.executable,
      dataDir: ws.data,
      inputDir: ws.input,
      outputDir: ws.output,
      workDir: ws.work,
      tmpDir: ws.tmp,
      stage: "probe",
      attemptId: "att_live",
      unitIndex: 0,
      unitCount: 1,
      hyperparameters: {},
      gpuIndex: null,
    });

    const { command, args } = unitCommand(plan, bwrap.path);
    const result = await runUnit({
      ...{ command, args },
      cwd: ws.work,
      env,
      logFile: ws.logFile,
      maxRuntimeSeconds: 60,
    });
    server.close();

    expect(result.exitCode).toBe(0);
    const seen = Object.fromEntries(result.logTail.map((line) => line.split(" ")));
    if (bwrap.path !== null) {
      expect(seen).toEqual({
        network: "denied",
        secret: "denied",
        inputs: "denied",
        output: "allowed",
      });
    } else {
      // Without bubblewrap only the clean environment and process group protect the node.
      expect(command).toBe(python.executable);
      expect(seen).toEqual({
        network: "allowed",
        secret: "allowed",
        inputs: "allowed",
        output: "allowed",
      });
    }
  });
});

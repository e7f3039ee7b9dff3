import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NodeAgent } from "./agent.ts";
import { assignMessage, FakePlatform } from "./testing/fake-platform.ts";
import { controlFiles, dies, scriptPackage, startNode, waitingPackage } from "./testing/node.ts";

let platform: FakePlatform;
let agent: NodeAgent;

beforeEach(async () => {
  platform = await FakePlatform.start();
  ({ agent } = await startNode(platform));
});

afterEach(async () => {
  await agent.stop(0);
  await platform.close();
});

const finished = (id: string) => () =>
  platform.received.find(
    (m) => (m.type === "complete" || m.type === "fail") && m.attempt_id === id,
  );

describe("the node's connection and lifecycle", () => {
  it("kills the unit's process group on cancel and reports nothing for it", async () => {
    const control = await controlFiles();
    const pkg = platform.file("p.zip", await waitingPackage(), "package");
    platform.send(
      assignMessage({
        attempt_id: "att_c",
        inputs: [pkg],
        hyperparameters: control.hyperparameters,
      }),
    );
    await platform.until(control.started);
    const [parent, child] = await control.pids();

    platform.send({ type: "cancel", attempt_id: "att_c", reason: "job cancelled" });
    await platform.until(() => agent.attempts.size === 0);

    expect(await dies(parent!)).toBe(true);
    expect(await dies(child!)).toBe(true);
    expect(finished("att_c")()).toBeUndefined();
  });

  it("reconnects after the connection drops and keeps running units it still owns", async () => {
    const control = await controlFiles();
    const pkg = platform.file("p.zip", await waitingPackage(), "package");
    platform.send(
      assignMessage({
        attempt_id: "att_r",
        inputs: [pkg],
        hyperparameters: control.hyperparameters,
        required_outputs: ["checkpoint"],
      }),
    );
    await platform.until(control.started);

    platform.drop();
    const hello = await platform.until(() => platform.messages("hello")[1]);
    await control.go();
    const complete = await platform.until(finished("att_r"));

    expect(hello.running).toEqual(["att_r"]);
    expect(complete.type).toBe("complete");
    expect(platform.uploads.get("checkpoint.bin")?.body.toString()).toBe("weights");
  });

  it("sends a completion again after a reconnect until its verdict arrives", async () => {
    const pkg = await scriptPackage("print('quick')\n");
    platform.verdicts = false;
    platform.send(
      assignMessage({ attempt_id: "att_q", inputs: [platform.file("p.zip", pkg, "package")] }),
    );
    await platform.until(finished("att_q"));

    platform.verdicts = true;
    platform.drop();
    const hello = await platform.until(() => platform.messages("hello")[1]);
    await platform.until(() => platform.messages("complete").length === 2);
    const sent = platform.received.length;
    await platform.until(() =>
      platform.received.slice(sent).find((m) => m.type === "heartbeat" && m.running.length === 0),
    );
    platform.drop();
    const third = await platform.until(() => platform.messages("hello")[2]);

    expect(hello.running).toEqual(["att_q"]);
    expect(platform.messages("complete")[1]).toEqual(platform.messages("complete")[0]);
    expect(third.running).toEqual([]);
  });

  it("heartbeats the attempts it runs, which renews their leases", async () => {
    const control = await controlFiles();
    const pkg = platform.file("p.zip", await waitingPackage(), "package");
    platform.send(
      assignMessage({
        attempt_id: "att_h",
        inputs: [pkg],
        hyperparameters: control.hyperparameters,
      }),
    );
    await platform.until(control.started);

    const beat = await platform.until(() =>
      platform.messages("heartbeat").find((h) => h.running.includes("att_h")),
    );
    await control.go();
    await platform.until(finished("att_h"));

    expect(beat.running).toEqual(["att_h"]);
    expect(beat.disk_free_mb).toBeGreaterThan(0);
  });

  it("proves liveness with ping frames, sending the JSON heartbeat less often", async () => {
    const start = { pings: platform.pings, beats: platform.messages("heartbeat").length };

    await platform.until(() => platform.pings - start.pings >= 6);
    const pings = platform.pings - start.pings;
    const beats = platform.messages("heartbeat").length - start.beats;

    expect(beats).toBeGreaterThan(0);
    expect(beats).toBeLessThan(pings);
  });

  it("kills units the platform revoked while the node was away", async () => {
    const control = await controlFiles();
    const pkg = platform.file("p.zip", await waitingPackage(), "package");
    platform.send(
      assignMessage({
        attempt_id: "att_v",
        inputs: [pkg],
        hyperparameters: control.hyperparameters,
      }),
    );
    await platform.until(control.started);
    const [parent, child] = await control.pids();

    platform.revoke.add("att_v");
    platform.drop();
    await platform.until(() => platform.messages("hello")[1]);
    await platform.until(() => agent.attempts.size === 0);

    expect(await dies(parent!)).toBe(true);
    expect(await dies(child!)).toBe(true);
    expect(finished("att_v")()).toBeUndefined();
  });

  it("ignores malformed frames and goes on answering valid ones", async () => {
    platform.sendRaw("not json");
    platform.sendRaw(JSON.stringify({ v: 2, type: "assign" }));
    platform.sendRaw(JSON.stringify({ v: 1, type: "teleport" }));
    platform.sendRaw(JSON.stringify({ v: 1, type: "assign", attempt_id: "half" }));
    platform.send(assignMessage({ attempt_id: "att_ok", kind: "gpu" }));

    const reject = await platform.until(() => platform.messages("reject")[0]);

    expect(reject.attempt_id).toBe("att_ok");
    expect(platform.messages("hello")).toHaveLength(1);
  });

  it("drains on shutdown: hands back its units, kills them and exits 0", async () => {
    const control = await controlFiles();
    const pkg = platform.file("p.zip", await waitingPackage(), "package");
    platform.send(
      assignMessage({
        attempt_id: "att_d",
        inputs: [pkg],
        hyperparameters: control.hyperparameters,
      }),
    );
    await platform.until(control.started);
    const [parent] = await control.pids();

    await agent.drain(0);

    expect(await agent.finished).toBe(0);
    expect(platform.messages("drain").flatMap((d) => d.release)).toEqual(["att_d"]);
    expect(await dies(parent!)).toBe(true);
    expect(finished("att_d")()).toBeUndefined();
  });

  it("waits for a unit that finishes within the drain grace period", async () => {
    const control = await controlFiles();
    const pkg = platform.file("p.zip", await waitingPackage(), "package");
    platform.send(
      assignMessage({
        attempt_id: "att_g",
        inputs: [pkg],
        hyperparameters: control.hyperparameters,
      }),
    );
    await platform.until(control.started);

    const draining = agent.drain(60);
    await control.go();
    await draining;

    expect(platform.messages("complete")[0]?.attempt_id).toBe("att_g");
    expect(platform.messages("drain").flatMap((d) => d.release)).toEqual([]);
  });
});

describe("a node the platform refuses", () => {
  it("keeps reconnecting while the server answers with an error, then says hello", async () => {
    const flaky = await FakePlatform.start();
    flaky.refuseWith = 503;
    const { agent: node } = await startNode(flaky, {}, false);
    await flaky.until(() => flaky.authorizations.length >= 3);

    flaky.refuseWith = null;
    const hello = await flaky.until(() => flaky.messages("hello")[0]);

    expect(hello.type).toBe("hello");
    await node.stop(0);
    await flaky.close();
  });

  it("stops with exit code 1 when the server refuses its secret", async () => {
    const refusing = await FakePlatform.start();
    refusing.refuseWith = 401;

    const { agent: refused } = await startNode(refusing, {}, false);

    expect(await refused.finished).toBe(1);
    expect(refusing.authorizations).toHaveLength(1);
    await refusing.close();
  });

  it("stops with exit code 1 when a simulated GPU meets a production server", async () => {
    const production = await FakePlatform.start();
    production.environment = "production";

    const { agent: refused } = await startNode(production, { simulatedGpuMb: 8000 });

    expect(await refused.finished).toBe(1);
    await production.close();
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { resetClock } from "../../src/domain/clock";
import { MAX_MESSAGE_BYTES } from "../../src/protocol/messages";
import { admin, call, createCustomer, errorCode, json } from "./helpers";
import {
  adminNode,
  adminNodeList,
  attemptState,
  CPU_ONLY,
  cleanUp,
  connectRequest,
  disconnected,
  enrollmentToken,
  eventually,
  gpuNode,
  openJob,
  register,
  TestNode,
} from "./node-helpers";

afterEach(async () => {
  resetClock();
  await cleanUp();
});

describe("enrolling and registering nodes", () => {
  it("registers a node with an operator's one-time token and gives it an id and a secret", async () => {
    const token = await enrollmentToken();

    const response = await register(token, "living-room-pc", gpuNode());
    const body = (await response.json()) as { node_id: string; node_secret: string };
    const listed = await adminNode(body.node_id);

    expect(response.status).toBe(201);
    expect(body.node_secret).toMatch(/^ns_/);
    expect(listed).toMatchObject({
      id: body.node_id,
      status: "active",
      state: "disconnected",
      clearance: "low_sensitive",
    });
  });

  it("refuses an enrollment token used a second time: 401 ENROLLMENT_TOKEN_INVALID", async () => {
    const token = await enrollmentToken();
    await register(token, "first");

    const second = await register(token, "second");

    expect(second.status).toBe(401);
    expect(await errorCode(second)).toBe("ENROLLMENT_TOKEN_INVALID");
  });

  it("refuses an enrollment token nobody issued", async () => {
    const response = await register("enr_made-up-token", "guess");

    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("ENROLLMENT_TOKEN_INVALID");
  });

  it("gives a node the clearance the operator put on its enrollment token", async () => {
    const token = await enrollmentToken("high_sensitive");

    const response = await register(token, "vetted");
    const { node_id } = (await response.json()) as { node_id: string };

    expect((await adminNode(node_id)).clearance).toBe("high_sensitive");
  });

  it("creates enrollment tokens only for the operator", async () => {
    const response = await call("/admin/node-enrollments", json({}));

    expect(response.status).toBe(401);
  });
});

describe("connecting a node", () => {
  it("refuses an unknown node secret: 401 NODE_AUTH_REQUIRED", async () => {
    const response = await connectRequest("ns_not-a-secret-anyone-was-given");

    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("NODE_AUTH_REQUIRED");
  });

  it("refuses a connection without a secret: 401 NODE_AUTH_REQUIRED", async () => {
    const response = await call("/nodes/connect", { headers: { Upgrade: "websocket" } });

    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("NODE_AUTH_REQUIRED");
  });

  it("welcomes a node that says hello and lists it as connected with its capabilities", async () => {
    const node = await TestNode.start({ hello: false, capabilities: gpuNode(12_000) });

    const welcome = await node.hello();
    const listed = (await adminNodeList()).find((n) => n.id === node.id);

    expect(welcome).toMatchObject({
      type: "welcome",
      node_id: node.id,
      environment: "development",
      owned: [],
      revoked: [],
    });
    expect(welcome.heartbeat_interval_ms).toBeGreaterThan(0);
    expect(listed).toMatchObject({ state: "connected", running_units: 0, reliability: 1 });
    expect(listed).toHaveProperty("capabilities.gpus.0.vram_total_mb", 12_000);
  });

  it("answers a plain ping with pong", async () => {
    const node = await TestNode.start();

    node.sendRaw("ping");

    await eventually("pong", () => node.garbage.includes("pong"));
  });

  it("closes a node's older socket when it connects again", async () => {
    const node = await TestNode.start();
    const old = node.ws!;
    let oldClosed: number | null = null;
    old.addEventListener("close", (event) => {
      oldClosed = event.code;
    });

    await node.connect();
    const welcome = await node.hello();

    await eventually("the old socket to close", () => oldClosed !== null);
    expect(oldClosed).toBe(4000);
    expect(welcome.node_id).toBe(node.id);
  });

  it("shows a node whose socket closed as disconnected", async () => {
    const node = await TestNode.start();

    node.close();
    await disconnected(node);

    expect((await adminNode(node.id)).state).toBe("disconnected");
  });
});

describe("bad frames from a node", () => {
  it("answers a message before hello with NOT_HELLO and keeps the connection", async () => {
    const node = await TestNode.start({ hello: false });

    node.send({ type: "heartbeat", running: [] });
    const error = await node.next("error");
    const welcome = await node.hello();

    expect(error.code).toBe("NOT_HELLO");
    expect(welcome.node_id).toBe(node.id);
  });

  it("answers malformed JSON with MESSAGE_INVALID", async () => {
    const node = await TestNode.start();

    node.sendRaw("{ this is not json");
    const error = await node.next("error");

    expect(error.code).toBe("MESSAGE_INVALID");
    expect(error.message).toBe("frame is not JSON");
  });

  it("refuses a frame over 256 KiB with MESSAGE_TOO_LARGE", async () => {
    const node = await TestNode.start();

    node.sendRaw(JSON.stringify({ v: 1, type: "heartbeat", pad: "x".repeat(MAX_MESSAGE_BYTES) }));
    const error = await node.next("error");

    expect(error.code).toBe("MESSAGE_TOO_LARGE");
  });

  it("counts a frame's size in bytes, not characters", async () => {
    const node = await TestNode.start();
    // 140 000 two-byte characters: fewer characters than the limit, more bytes.
    const lines = Array.from({ length: 35 }, () => "é".repeat(4_000));

    node.send({ type: "progress", attempt_id: "some-attempt", lines });
    const error = await node.next("error");

    expect(error.code).toBe("MESSAGE_TOO_LARGE");
  });

  it("answers an unknown message type with MESSAGE_INVALID", async () => {
    const node = await TestNode.start();

    node.send({ type: "launch", target: "everything" });
    const error = await node.next("error");

    expect(error.code).toBe("MESSAGE_INVALID");
  });

  it("answers a message with missing fields with MESSAGE_INVALID naming the field", async () => {
    const node = await TestNode.start();

    node.send({ type: "accept" });
    const error = await node.next("error");

    expect(error.code).toBe("MESSAGE_INVALID");
    expect(error.message).toContain("attempt_id");
  });

  it("answers another protocol version with UNSUPPORTED_VERSION", async () => {
    const node = await TestNode.start();

    node.sendRaw(JSON.stringify({ v: 2, type: "heartbeat", running: [] }));
    const error = await node.next("error");

    expect(error.code).toBe("UNSUPPORTED_VERSION");
  });

  it("answers messages about attempts the node does not hold with UNKNOWN_ATTEMPT", async () => {
    const customer = await createCustomer();
    const holder = await TestNode.start({ name: "holder" });
    await openJob(customer);
    const assign = await holder.acceptNext();
    const other = await TestNode.start({ name: "other" });

    const messages = [
      { type: "accept", attempt_id: assign.attempt_id },
      { type: "progress", attempt_id: assign.attempt_id, lines: ["hijack"] },
      { type: "fail", attempt_id: assign.attempt_id, reason: "sabotage" },
      { type: "complete", attempt_id: assign.attempt_id, runtime_seconds: 1, outputs: [] },
      { type: "complete", attempt_id: "never-assigned", runtime_seconds: 1, outputs: [] },
      {
        type: "upload_url_request",
        request_id: "r1",
        attempt_id: assign.attempt_id,
        output: { name: "x.bin", kind: "other", size_bytes: 1, sha256: "a".repeat(64) },
      },
    ];
    for (const message of messages) other.send(message);
    const errors = [];
    for (const _ of messages) errors.push(await other.next("error"));

    expect(errors.map((e) => e.code)).toEqual(Array(messages.length).fill("UNKNOWN_ATTEMPT"));
    expect(errors.map((e) => e.attempt_id).sort()).toEqual(
      [...Array(5).fill(assign.attempt_id), "never-assigned"].sort(),
    );
    expect((await attemptState(assign.attempt_id))?.status).toBe("running");
    expect((await holder.runUnit(assign)).accepted).toBe(true);
  });

  it("keeps matching units after a stream of bad frames", async () => {
    const customer = await createCustomer();
    const node = await TestNode.start();
    node.sendRaw("nonsense");
    node.send({ type: "launch" });
    node.sendRaw("x".repeat(MAX_MESSAGE_BYTES + 1));
    for (let i = 0; i < 3; i++) await node.next("error");

    const job = await openJob(customer);
    const assign = await node.next("assign");

    expect(assign.job_id).toBe(job.id);
    expect(node.closed).toBeNull();
  });
});

describe("operators' view of nodes", () => {
  it("lists a node's live state, running units and reliability", async () => {
    const customer = await createCustomer();
    const node = await TestNode.start({ capabilities: CPU_ONLY });
    await openJob(customer);
    await node.acceptNext();

    const listed = await adminNode(node.id);

    expect(listed).toMatchObject({ state: "connected", running_units: 1, reliability: 1 });
  });

  it("answers 404 NODE_NOT_FOUND for a node that does not exist", async () => {
    const response = await admin("/admin/nodes/no-such-node/suspend", { method: "POST" });

    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe("NODE_NOT_FOUND");
  });
});

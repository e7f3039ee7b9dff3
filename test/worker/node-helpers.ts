/**
 * Helpers for node tests: home nodes played by real WebSocket clients inside
 * workerd, enrolled and registered through the public API, speaking the
 * shared protocol module, plus small waits and reads for the objects' state.
 */
import { env, exports } from "cloudflare:workers";
import { sha256Hex } from "../../src/domain/crypto";
import type { Sensitivity } from "../../src/domain/sensitivity";
import {
  type Assign,
  type Capabilities,
  encode,
  type PlatformMessage,
} from "../../src/protocol/messages";
import { admin, BASE, json, type TestCustomer } from "./helpers";
import { createJob, type JobBody, pageBody, readyInputs } from "./job-helpers";

export type Frame = PlatformMessage;
export type FrameOf<T extends Frame["type"]> = Extract<Frame, { type: T }>;
export type Clearance = Sensitivity;

/** How long a test waits for a frame or a state before it fails. */
const WAIT_MS = 3_000;

export const CPU_ONLY: Capabilities = {
  cpu_cores: 4,
  memory_mb: 16_000,
  disk_free_mb: 100_000,
  gpus: [],
  agent_version: "0.1.0",
  python_version: "3.11.2",
  sandboxed: false,
};

export function gpuNode(vramMb = 24_000): Capabilities {
  return {
    ...CPU_ONLY,
    gpus: [
      {
        index: 0,
        name: "Test GPU",
        vram_total_mb: vramMb,
        vram_free_mb: vramMb,
        simulated: false,
      },
    ],
  };
}

export interface OutputFile {
  name: string;
  kind: "checkpoint" | "metrics" | "logs" | "other";
  bytes: Uint8Array;
  /** Announce (and report) this digest instead of the bytes' own. */
  sha256?: string;
}

/** The outputs a `train` stage must leave, small and distinct per call. */
export function trainOutputs(tag = "run"): OutputFile[] {
  return [
    { name: "model.ckpt", kind: "checkpoint", bytes: text(`checkpoint ${tag}`) },
    { name: "metrics.json", kind: "metrics", bytes: text(`{"loss":0.1,"tag":"${tag}"}`) },
  ];
}

export function text(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}

/** Waits until `read` answers something truthy, or fails with `what`. */
export async function eventually<T>(
  what: string,
  read: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** An operator's enrollment token, optionally with a clearance. */
export async function enrollmentToken(clearance?: Clearance): Promise<string> {
  const response = await admin(
    "/admin/node-enrollments",
    clearance ? json({ clearance }) : { method: "POST" },
  );
  if (response.status !== 201) {
    throw new Error(`enrollment failed: ${response.status} ${await response.text()}`);
  }
  return ((await response.json()) as { enrollment_token: string }).enrollment_token;
}

export function register(token: string, name = "test-node", capabilities = CPU_ONLY) {
  return exports.default.fetch(
    new Request(`${BASE}/nodes/register`, json({ enrollment_token: token, name, capabilities })),
  );
}

/** Opens the node WebSocket with `secret`; the raw response, for refusals. */
export function connectRequest(secret: string): Promise<Response> {
  return exports.default.fetch(
    new Request(`${BASE}/nodes/connect`, {
      headers: { Upgrade: "websocket", Authorization: `Bearer ${secret}` },
    }),
  );
}

/** Every node a test file made, so `cleanUp` can retire them. */
const live = new Set<TestNode>();

/**
 * Ends what a test left behind: storage is shared by the tests of one file,
 * and an open job or a connected node would take part in the next test.
 * Cancels every open job, suspends and disconnects every node, and waits
 * until the pool holds nothing.
 */
export async function cleanUp(): Promise<void> {
  const open = await env.DB.prepare(
    "SELECT id FROM training_jobs WHERE status IN ('queued', 'running')",
  ).all<{ id: string }>();
  for (const job of open.results) await schedulerStub(job.id).cancel("the test ended");
  for (const node of live) {
    await node.suspend();
    node.close();
  }
  live.clear();
  await eventually("an empty pool", async () => {
    const stats = await poolStub().stats();
    return stats.queued === 0 && stats.running === 0 && stats.connected === 0;
  });
}

/** Waits until one of `nodes` receives an assignment; answers which and what. */
export function assignedAmong(nodes: TestNode[]): Promise<{ node: TestNode; assign: Assign }> {
  return eventually("an assignment to one of the nodes", () => {
    for (const node of nodes) {
      const assign = node.take("assign");
      if (assign) return { node, assign };
    }
    return undefined;
  });
}

export interface StartOptions {
  name?: string;
  clearance?: Clearance;
  capabilities?: Capabilities;
  /** Connect without saying hello. */
  hello?: boolean;
}

export class TestNode {
  ws: WebSocket | null = null;
  frames: Frame[] = [];
  /** Frames that were not valid JSON (none are expected). */
  garbage: string[] = [];
  closed: { code: number; reason: string } | null = null;
  capabilities: Capabilities;

  private constructor(
    readonly id: string,
    readonly secret: string,
    capabilities: Capabilities,
  ) {
    this.capabilities = capabilities;
  }

  /** Enrolls, registers and connects a node; says hello unless told not to. */
  static async start(options: StartOptions = {}): Promise<TestNode> {
    const capabilities = options.capabilities ?? CPU_ONLY;
    const token = await enrollmentToken(options.clearance);
    const response = await register(token, options.name ?? "test-node", capabilities);
    if (response.status !== 201) {
      throw new Error(`registering failed: ${response.status} ${await response.text()}`);
    }
    const { node_id, node_secret } = (await response.json()) as {
      node_id: string;
      node_secret: string;
    };
    const node = new TestNode(node_id, node_secret, capabilities);
    live.add(node);
    await node.connect();
    if (options.hello !== false) await node.hello();
    return node;
  }

  /** Opens a (new) socket; frames received so far are kept. */
  async connect(): Promise<void> {
    const response = await connectRequest(this.secret);
    const ws = response.webSocket;
    if (response.status !== 101 || !ws) {
      throw new Error(`connecting failed: ${response.status} ${await response.text()}`);
    }
    ws.accept();
    this.closed = null;
    ws.addEventListener("message", (event) => {
      const data = typeof event.data === "string" ? event.data : "";
      try {
        this.frames.push(JSON.parse(data) as Frame);
      } catch {
        this.garbage.push(data);
      }
    });
    ws.addEventListener("close", (event) => {
      if (this.ws === ws) this.closed = { code: event.code, reason: event.reason };
    });
    this.ws = ws;
  }

  /** Says hello and answers the welcome. */
  async hello(capabilities = this.capabilities, running: string[] = []) {
    this.capabilities = capabilities;
    this.send({ type: "hello", capabilities, running });
    return this.next("welcome");
  }

  send(message: { type: string; [field: string]: unknown }): void {
    this.sendRaw(encode(message));
  }

  sendRaw(frame: string): void {
    if (!this.ws) throw new Error("the node is not connected");
    this.ws.send(frame);
  }

  /** The first frame of `type` received and not yet taken, waiting for it. */
  async next<T extends Frame["type"]>(type: T, timeoutMs = WAIT_MS): Promise<FrameOf<T>> {
    return eventually(`a ${type} frame on node ${this.id}`, () => this.take(type), timeoutMs);
  }

  /** Takes a frame of `type` if one arrived, without waiting. */
  take<T extends Frame["type"]>(type: T): FrameOf<T> | undefined {
    const index = this.frames.findIndex((f) => f.type === type);
    if (index < 0) return undefined;
    return this.frames.splice(index, 1)[0] as FrameOf<T>;
  }

  /** True when a frame of `type` has arrived (and was not taken). */
  has(type: Frame["type"]): boolean {
    return this.frames.some((f) => f.type === type);
  }

  /** Waits for an assignment and accepts it; answers it once the unit runs. */
  async acceptNext(): Promise<Assign> {
    const assign = await this.next("assign");
    await this.accept(assign);
    return assign;
  }

  async accept(assign: Assign): Promise<void> {
    this.send({ type: "accept", attempt_id: assign.attempt_id });
    await attemptReaches(assign.attempt_id, "running");
  }

  reject(assign: Assign, reason = "busy with something else"): void {
    this.send({ type: "reject", attempt_id: assign.attempt_id, reason });
  }

  /** Asks for a signed URL for `output` and PUTs its bytes there; the PUT's response. */
  async upload(assign: Assign, output: OutputFile): Promise<Response> {
    const report = await reportOf(output);
    const requestId = crypto.randomUUID();
    this.send({
      type: "upload_url_request",
      request_id: requestId,
      attempt_id: assign.attempt_id,
      output: report,
    });
    const url = await eventually(`an upload_url for ${output.name}`, () => {
      const index = this.frames.findIndex(
        (f) => f.type === "upload_url" && f.request_id === requestId,
      );
      if (index < 0) return undefined;
      return (this.frames.splice(index, 1)[0] as FrameOf<"upload_url">).url;
    });
    return exports.default.fetch(
      new Request(url, {
        method: "PUT",
        headers: { "Content-Type": "application/octet-stream" },
        body: output.bytes,
      }),
    );
  }

  /** Sends `complete` for the attempt and answers the verdict. */
  async complete(
    assign: Assign,
    outputs: OutputFile[],
    runtimeSeconds = 12,
  ): Promise<FrameOf<"verdict">> {
    this.send({
      type: "complete",
      attempt_id: assign.attempt_id,
      runtime_seconds: runtimeSeconds,
      outputs: await Promise.all(outputs.map(reportOf)),
    });
    return eventually(`a verdict for ${assign.attempt_id}`, () => {
      const index = this.frames.findIndex(
        (f) => f.type === "verdict" && f.attempt_id === assign.attempt_id,
      );
      if (index < 0) return undefined;
      return this.frames.splice(index, 1)[0] as FrameOf<"verdict">;
    });
  }

  /**
   * Runs an accepted unit the way the agent does: uploads each output through
   * its signed URL, then reports completion. Answers the verdict.
   */
  async runUnit(
    assign: Assign,
    options: { outputs?: OutputFile[]; runtimeSeconds?: number } = {},
  ): Promise<FrameOf<"verdict">> {
    const outputs = options.outputs ?? defaultOutputs(assign);
    for (const output of outputs) {
      const put = await this.upload(assign, output);
      if (put.status !== 201) {
        throw new Error(`uploading ${output.name} failed: ${put.status} ${await put.text()}`);
      }
    }
    return this.complete(assign, outputs, options.runtimeSeconds);
  }

  /** Closes the socket from the node's side (a network drop). */
  close(): void {
    const ws = this.ws;
    this.ws = null;
    try {
      ws?.close(1000, "test node closing");
    } catch {
      // Already closed by the server.
    }
  }

  async suspend(): Promise<Response> {
    return admin(`/admin/nodes/${this.id}/suspend`, { method: "POST" });
  }
}

/** What a unit of `assign`'s stage must leave: train needs a checkpoint and metrics. */
export function defaultOutputs(assign: Assign): OutputFile[] {
  if (assign.required_outputs.length > 0) return trainOutputs(assign.compute_unit_id);
  return [{ name: `${assign.stage}.txt`, kind: "other", bytes: text(`${assign.stage} done`) }];
}

async function reportOf(output: OutputFile) {
  return {
    name: output.name,
    kind: output.kind,
    size_bytes: output.bytes.byteLength,
    sha256: output.sha256 ?? (await sha256Hex(output.bytes)),
  };
}

// ── The objects' state, read the way an operator or the tests need it ─────

export function poolStub() {
  return env.NODE_POOL.get(env.NODE_POOL.idFromName("default"));
}

export function schedulerStub(jobId: string) {
  return env.JOB_SCHEDULER.get(env.JOB_SCHEDULER.idFromName(jobId));
}

interface AttemptState {
  id: string;
  status: string;
  outcome: string | null;
  node_id: string;
}

/** An attempt as the job's scheduler mirrored it to D1. */
export async function attemptState(attemptId: string) {
  const row = await env.DB.prepare(
    "SELECT id, status, outcome, node_id FROM unit_attempts WHERE id = ?",
  )
    .bind(attemptId)
    .first<AttemptState>();
  return row ?? undefined;
}

export function attemptReaches(attemptId: string, status: string) {
  return eventually(`attempt ${attemptId} to be ${status}`, async () => {
    const attempt = await attemptState(attemptId);
    return attempt?.status === status ? attempt : undefined;
  });
}

export interface LedgerRow {
  type: string;
  amount: number;
  balance_after: number;
  reserved_after: number;
  job_id: string | null;
  compute_unit_id: string | null;
}

export async function ledgerOf(customerId: string): Promise<LedgerRow[]> {
  const rows = await env.DB.prepare(
    `SELECT type, amount, balance_after, reserved_after, job_id, compute_unit_id
     FROM ledger_entries WHERE customer_id = ? ORDER BY created_at, rowid`,
  )
    .bind(customerId)
    .all<LedgerRow>();
  return rows.results;
}

export interface AdminNode {
  id: string;
  state: string;
  status: string;
  reliability: number;
  running_units: number;
  units_completed: number;
  units_failed: number;
  clearance: string;
}

export async function adminNode(id: string): Promise<AdminNode> {
  const response = await admin(`/admin/nodes/${id}`);
  return (await response.json()) as AdminNode;
}

export async function adminNodeList(): Promise<AdminNode[]> {
  const response = await admin("/admin/nodes?limit=100");
  return ((await response.json()) as { data: AdminNode[] }).data;
}

/** Waits until the pool has noticed that `node` is gone. */
export function disconnected(node: TestNode) {
  return eventually(`node ${node.id} to be disconnected`, async () => {
    const live = await poolStub().liveState([node.id]);
    return live[node.id]?.connected === false;
  });
}

export async function customerAccount(customerId: string) {
  const response = await admin(`/admin/customers/${customerId}`);
  return (await response.json()) as { credit_balance: number; credit_reserved: number };
}

/** A job of the staging page's shape for `customer`, created through the API. */
export async function openJob(
  customer: TestCustomer,
  overrides: Record<string, unknown> = {},
  manifest?: Record<string, unknown>,
): Promise<JobBody> {
  const inputs = await readyInputs(customer, manifest);
  const response = await createJob(customer, pageBody(inputs, overrides));
  if (response.status !== 201) {
    throw new Error(`creating a job failed: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as JobBody;
}

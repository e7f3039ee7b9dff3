/**
 * The customer console in a real browser against a real local platform:
 * `wrangler dev` started for this file, simulated training nodes, and Debian's
 * Chromium driven by playwright-core. The cases run in order, as one customer
 * would: sign in, upload, create a job, watch it, download, export, manage keys.
 */
import { createHash, randomBytes } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DevServer, startDevServer } from "../support/dev-server.ts";
import { type Customer, createCustomer, customerFetch, uploadReady } from "../support/platform.ts";
import { zipOf } from "../support/zip.ts";
import { launchChromium, screenshot } from "./browser.ts";
import {
  go as goTo,
  signIn as signInAs,
  startWebhookReceiver,
  type WebhookReceiver,
} from "./harness.ts";
import { TrainingNode } from "./training-node.ts";

let server: DevServer;
let browser: Browser;
let page: Page;
let customer: Customer;
const nodes: TrainingNode[] = [];
const requested: string[] = [];
/** Uncaught exceptions and Content Security Policy violations, from every page. */
const pageErrors: string[] = [];
let receiver: WebhookReceiver | undefined;
let jobId = "";

async function api<T>(path: string, init: RequestInit = {}, who = customer): Promise<T> {
  const response = await customerFetch(server, who, path, init);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function newPage(options: Parameters<Browser["newContext"]>[0] = {}) {
  const ctx = await browser.newContext({
    locale: "en-US",
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  const p = await ctx.newPage();
  p.on("request", (request) => requested.push(request.url()));
  p.on("pageerror", (error) => pageErrors.push(error.message));
  p.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) pageErrors.push(message.text());
  });
  return { ctx, page: p };
}

const signIn = (p: Page, key: string) => signInAs(p, server, key);
const go = (p: Page, path: string) => goTo(p, server, path);

beforeAll(async () => {
  // Only so the webhooks page can be tried against a receiver on this machine.
  server = await startDevServer({ vars: { WEBHOOK_ALLOW_LOCALHOST: "true" } });
  customer = await createCustomer(server, { name: "Console customer", credits: 1_000_000 });
  nodes.push(await TrainingNode.start(server, { name: "gpu-box", gpuVramMb: 24_000 }));
  nodes.push(await TrainingNode.start(server, { name: "cpu-box" }));
  browser = await launchChromium();
  ({ page } = await newPage());
});

afterAll(async () => {
  await browser?.close();
  for (const node of nodes) await node.stop();
  await server?.stop();
  receiver?.close();
});

describe("the customer console", () => {
  it("refuses an unknown key and shows its code", async () => {
    await signIn(page, "sk_alpha_not-a-real-key");

    await expect(page.locator(".signin .alert-error code").textContent()).resolves.toBe(
      "API_KEY_INVALID",
    );
    await screenshot(page, "01-sign-in-refused");
  });

  it("signs in with an API key kept only in sessionStorage", async () => {
    await signIn(page, customer.apiKey);
    await page.waitForSelector(".sidebar");

    const stored = (await page.evaluate(`({
      session: Object.values(sessionStorage),
      local: JSON.stringify(localStorage),
      cookie: document.cookie,
      url: location.href,
    })`)) as { session: string[]; local: string; cookie: string; url: string };
    expect(stored.session).toContain(customer.apiKey);
    expect(stored.local).not.toContain(customer.apiKey);
    expect(stored.cookie).toBe("");
    expect(stored.url).not.toContain(customer.apiKey);
    const navigation = await page.locator(".sidebar .nav-link").allTextContents();
    expect(navigation).toEqual([
      "Datasets",
      "Training packages",
      "Training jobs",
      "Usage",
      "API keys",
      "Webhooks",
    ]);
  });

  it("uploads a dataset with a progress bar and lists it ready", async () => {
    await go(page, "/datasets");
    const csv = Buffer.from(
      "x,y\n".concat(Array.from({ length: 500 }, (_, i) => `${i},${i * 2}\n`).join("")),
    );

    await page.setInputFiles("#datasets-file", {
      name: "points.csv",
      mimeType: "text/csv",
      buffer: csv,
    });
    await page.fill("#datasets-name", "points");
    await page.click("form[aria-label='Upload a dataset'] button[type=submit]");

    await page.waitForSelector(".upload-progress .alert-ok");
    await expect(page.locator(".upload-progress progress").getAttribute("value")).resolves.toBe(
      "100",
    );
    await page.waitForSelector("td >> text=points");
    await expect(page.locator("tbody tr").first().locator(".badge").textContent()).resolves.toBe(
      "Ready",
    );
    await screenshot(page, "02-datasets");
  });

  it("uploads a large dataset in parts and resumes after the network fails", async () => {
    const path = join(tmpdir(), `console-large-${process.pid}.bin`);
    writeFileSync(path, randomBytes(101 * 1024 * 1024));
    let refused = 0;
    await page.route("**/uploads/*/parts/2", (route) => {
      refused += 1;
      return route.abort("connectionreset");
    });

    await page.setInputFiles("#datasets-file", path);
    await page.fill("#datasets-name", "large-shards");
    await page.click("form[aria-label='Upload a dataset'] button[type=submit]");
    const resume = page.locator(".upload-progress button", { hasText: "Resume upload" });
    await resume.waitFor({ timeout: 90_000 });
    await expect(page.locator(".upload-progress .alert-error code").textContent()).resolves.toBe(
      "NETWORK_ERROR",
    );
    await screenshot(page, "03-upload-interrupted");
    await page.unroute("**/uploads/*/parts/2");
    await resume.click();

    await page.waitForSelector(".upload-progress .alert-ok", { timeout: 90_000 });
    rmSync(path, { force: true });
    expect(refused).toBe(3);
    const { data } = await api<{ data: { name: string; status: string }[] }>("/customer/datasets");
    expect(data.find((d) => d.name === "large-shards")?.status).toBe("ready");
  });

  it("finishes an upload left waiting, once the same file is chosen again", async () => {
    const bytes = Buffer.from("a,b\n1,2\n3,4\n");
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await api("/customer/datasets", {
      method: "POST",
      body: JSON.stringify({ name: "left-waiting", size_bytes: bytes.length, sha256 }),
    });
    await go(page, "/datasets");
    const row = page.locator("tr[data-name='left-waiting']");
    await expect(row.locator(".badge").textContent()).resolves.toBe("Waiting for upload");

    const other = Buffer.from("a,b\n9,9\n9,9\n");
    await row
      .locator("input[type=file]")
      .setInputFiles({ name: "x.csv", mimeType: "text/csv", buffer: other });
    await expect(row.locator(".alert-error code").textContent()).resolves.toBe("FILE_MISMATCH");
    await row
      .locator("input[type=file]")
      .setInputFiles({ name: "x.csv", mimeType: "text/csv", buffer: bytes });

    await page.locator("tr[data-name='left-waiting'] .badge >> text=Ready").waitFor();
  });

  it("uploads a training package and lists an invalid zip's reasons line by line", async () => {
    await go(page, "/packages");
    const good = await zipOf({ "train.py": "print('training')\n" });
    const bad = await zipOf({ "README.txt": "no entry point here\n", "notes/a.txt": "x" });

    await page.setInputFiles("#training-packages-file", {
      name: "tiny-mlp.zip",
      mimeType: "application/zip",
      buffer: Buffer.from(good),
    });
    await page.click("form[aria-label='Upload a training package'] button[type=submit]");
    await page.waitForSelector(".upload-progress .alert-ok");
    await page.setInputFiles("#training-packages-file", {
      name: "broken.zip",
      mimeType: "application/zip",
      buffer: Buffer.from(bad),
    });
    await page.click("form[aria-label='Upload a training package'] button[type=submit]");

    const error = page.locator("form .upload-progress .alert-error");
    await error.waitFor();
    await expect(error.locator(".alert-title code").textContent()).resolves.toBe("PACKAGE_INVALID");
    await expect(error.locator(".reasons li").count()).resolves.toBeGreaterThan(0);
    await expect(error.locator(".reasons").textContent()).resolves.toContain("ENTRYPOINT_MISSING");
    await page.waitForSelector("tbody .badge >> text=Invalid");
    await screenshot(page, "04-packages");

    await page.locator("tr[data-name='broken'] button", { hasText: "Delete" }).click();
    await page.click("dialog button[value=ok]");
    await page.waitForSelector("tr[data-name='broken']", { state: "detached" });
  });

  it("creates one job however often Create is clicked", async () => {
    const { data: datasets } = await api<{ data: { id: string; name: string }[] }>(
      "/customer/datasets",
    );
    const { data: packages } = await api<{ data: { id: string; name: string; status: string }[] }>(
      "/customer/training-packages",
    );
    await go(page, "/jobs/new");
    await page.waitForSelector("#job-form #create-job");

    await page.selectOption("#job-dataset_id", datasets.find((d) => d.name === "points")!.id);
    await page.selectOption(
      "#job-training_package_id",
      packages.find((p) => p.status === "ready")!.id,
    );
    await page.fill("#job-hyperparameters", '{"epochs": 8, "lr": 0.01}');
    await expect(page.locator("#job-estimate").textContent()).resolves.toContain("3,600");
    await screenshot(page, "05-new-job");
    await page.locator("#create-job").dblclick();
    await page.evaluate(`document.getElementById("job-form").requestSubmit()`);

    await page.waitForURL(/#\/jobs\/[0-9a-f-]{36}$/);
    jobId = page.url().split("/").pop()!;
    await page.waitForSelector(".facts >> text=3,600");
    const { data: jobs } = await api<{ data: { id: string }[] }>("/customer/training-jobs");
    expect(jobs.map((j) => j.id)).toEqual([jobId]);
  });

  it("shows the job live until it completes, with its DAG, loss curve and logs", async () => {
    try {
      await page.waitForSelector(".page-header .badge >> text=Completed", { timeout: 90_000 });
    } catch (error) {
      const units = await api(`/customer/training-jobs/${jobId}/compute-units`);
      const job = await api(`/customer/training-jobs/${jobId}`);
      throw new Error(`the job did not complete: ${JSON.stringify({ job, units })}`, {
        cause: error,
      });
    }
    await page.waitForSelector(".unit-details .chart polyline");

    const units = page.locator("svg.dag .dag-unit");
    await expect(units.count()).resolves.toBe(3);
    await expect(page.locator("svg.dag .dag-unit[data-status=completed]").count()).resolves.toBe(3);
    await expect(page.locator("svg.dag .dag-edge").count()).resolves.toBe(2);
    await expect(page.locator(".unit-details .legend").textContent()).resolves.toContain(
      "val_loss",
    );
    await expect(page.locator(".unit-details .logs").textContent()).resolves.toContain("epoch 8/8");
    await expect(page.locator("#cancel-job").count()).resolves.toBe(0);
    await screenshot(page, "06-job-completed");
  });

  it("downloads an artifact through its signed URL", async () => {
    const download = page.waitForEvent("download");
    await page.click("button[data-artifact='model.ckpt']");

    const file = await download;
    expect(file.suggestedFilename()).toBe("model.ckpt");
    expect(readFileSync((await file.path())!, "utf8")).toBe("weights after 8 epochs\n");
  });

  it("draws a sweep's fan-out and fan-in as a DAG", async () => {
    const manifest = {
      stages: [
        { name: "sweep", kind: "gpu", entrypoint: "sweep.py", depends_on: [], parallel: 3 },
        { name: "select", kind: "cpu", entrypoint: "select.py", depends_on: ["sweep"] },
      ],
    };
    const zip = await zipOf({
      "gpu-agent.json": JSON.stringify(manifest),
      "train.py": "print('unused once stages are declared')\n",
      "sweep.py": "print('sweep')\n",
      "select.py": "print('select')\n",
    });
    const packageId = await uploadReady(server, customer, "training-packages", "sweep", zip);
    const { data: datasets } = await api<{ data: { id: string; name: string }[] }>(
      "/customer/datasets",
    );
    const job = await api<{ id: string }>("/customer/training-jobs", {
      method: "POST",
      body: JSON.stringify({
        name: "lr-sweep",
        dataset_id: datasets.find((d) => d.name === "points")!.id,
        training_package_id: packageId,
        required_vram_mb: 8000,
        required_disk_mb: 1024,
        max_runtime_seconds: 600,
        sensitivity: "low_sensitive",
      }),
    });

    await go(page, `/jobs/${job.id}`);
    await page.waitForSelector(".page-header .badge >> text=Completed", { timeout: 90_000 });

    await expect(page.locator("svg.dag .dag-unit").count()).resolves.toBe(6);
    // prepare → 3 sweeps → select → package: 3 + 3 + 1 arrows.
    await expect(page.locator("svg.dag .dag-edge").count()).resolves.toBe(7);
    await expect(page.locator("svg.dag .dag-stage").allTextContents()).resolves.toContain(
      "sweep 2/3",
    );
    await screenshot(page, "06-job-sweep");
  });

  it("refuses hyperparameters that are not a JSON object, and cancels a waiting job", async () => {
    await go(page, "/jobs/new");
    await page.waitForSelector("#job-form #create-job");
    await page.fill("#job-name", "too-big-for-any-node");
    await page.fill("#job-required_vram_mb", "96000");
    await page.fill("#job-hyperparameters", "[1, 2]");
    await page.click("#create-job");
    await expect(page.locator("#job-form .alert-error code").textContent()).resolves.toBe(
      "HYPERPARAMETERS_INVALID",
    );
    await page.fill("#job-hyperparameters", "");
    await page.click("#create-job");
    await page.waitForSelector("#cancel-job");
    await screenshot(page, "07-job-waiting");

    await page.click("#cancel-job");
    await page.click("dialog button[value=ok]");

    await page.waitForSelector(".page-header .badge >> text=Cancelled");
    await expect(page.locator("#cancel-job").count()).resolves.toBe(0);
  });

  it("lists jobs with a status filter", async () => {
    await go(page, "/jobs");
    await page.waitForSelector(`a[href='#/jobs/${jobId}']`);
    await page.selectOption("#job-status-filter", "failed");
    await page.waitForSelector(".empty");
    await page.selectOption("#job-status-filter", "completed");

    await page.waitForSelector(`a[href='#/jobs/${jobId}']`);
    await expect(page.locator("tbody tr").count()).resolves.toBe(2);
    await screenshot(page, "07-jobs");
  });

  it("shows the balance and exports usage as CSV", async () => {
    await go(page, "/usage");
    await page.waitForSelector(".stat-main .stat-value");
    await page.waitForSelector(".chart .chart-svg");
    const download = page.waitForEvent("download");
    await page.click("#export-csv");

    const csv = readFileSync((await (await download).path())!, "utf8");
    expect(csv.split("\n")[0]).toContain(",");
    expect(csv).toContain(jobId);
    await page.fill("#export-from", "2026-01-01");
    await page.click("#export-csv");
    await expect(page.locator(".alert-error code").first().textContent()).resolves.toBe(
      "EXPORT_RANGE_TOO_LARGE",
    );
    await screenshot(page, "08-usage");
  });

  it("creates a narrowed API key shown once, then revokes it", async () => {
    await go(page, "/api-keys");
    await page.fill("#key-name", "ci-readonly");
    for (const box of await page.locator("#key-form input[name=scopes]").all()) {
      if ((await box.getAttribute("value")) !== "jobs:read") await box.uncheck();
    }
    await page.click("#create-key");
    const key = await page.locator(".secret-once input").inputValue();
    expect(key).toMatch(/^sk_alpha_/);
    await page.waitForSelector("tr[data-key-name='ci-readonly']");
    await screenshot(page, "09-api-keys");

    await page.locator("tr[data-key-name='ci-readonly'] button", { hasText: "Revoke" }).click();
    await page.click("dialog button[value=ok]");

    await page.waitForSelector("tr[data-key-name='ci-readonly'] .badge >> text=Revoked");
    const refused = await customerFetch(
      server,
      { ...customer, apiKey: key },
      "/customer/training-jobs",
    );
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      "API_KEY_REVOKED",
    );
  });

  it("registers a webhook and shows its secret once", async () => {
    await go(page, "/webhooks");
    await page.fill("#webhook-url", "https://hooks.example.com/gpu-agent");
    await page.click("#create-webhook");

    await expect(page.locator(".secret-once input").inputValue()).resolves.toMatch(/^whsec_/);
    await page.waitForSelector(".endpoint >> text=https://hooks.example.com/gpu-agent");
    await screenshot(page, "10-webhooks");
    await page.fill("#webhook-url", "https://10.0.0.1/hook");
    await page.click("#create-webhook");
    await expect(page.locator("#webhook-form .alert-error code").textContent()).resolves.toBe(
      "WEBHOOK_INVALID_URL",
    );
  });

  it("sends a test event to an endpoint and lists its delivery", async () => {
    receiver = await startWebhookReceiver();
    const url = receiver.url;
    await page.fill("#webhook-url", url);
    await page.click("#create-webhook");
    const endpoint = page.locator(".endpoint", { hasText: url });
    await endpoint.waitFor();

    await endpoint.locator("button", { hasText: "Send test event" }).click();

    await endpoint.locator(".deliveries td >> text=ping").waitFor();
    await expect(endpoint.locator(".deliveries .badge").first().textContent()).resolves.toBe(
      "Succeeded",
    );
    expect(receiver.received).toEqual([{ type: "ping", signed: true }]);
    await screenshot(page, "10-webhook-deliveries");
  });

  it("stops watching a job when the customer signs out", async () => {
    const { data: datasets } = await api<{ data: { id: string; status: string }[] }>(
      "/customer/datasets",
    );
    const { data: packages } = await api<{ data: { id: string; status: string }[] }>(
      "/customer/training-packages",
    );
    const waiting = await api<{ id: string }>("/customer/training-jobs", {
      method: "POST",
      body: JSON.stringify({
        name: "waits-for-a-big-gpu",
        dataset_id: datasets.find((d) => d.status === "ready")!.id,
        training_package_id: packages.find((p) => p.status === "ready")!.id,
        required_vram_mb: 96_000,
        required_disk_mb: 1024,
        max_runtime_seconds: 600,
        sensitivity: "low_sensitive",
      }),
    });
    await go(page, `/jobs/${waiting.id}`);
    await page.waitForSelector("#cancel-job");

    await page.click("#sign-out");
    await page.waitForTimeout(6_000);

    await expect(page.locator(".signin").count()).resolves.toBe(1);
    await expect(page.locator(".signin .alert-error").count()).resolves.toBe(0);
    await api(`/customer/training-jobs/${waiting.id}/cancel`, { method: "POST" });
  });

  it("explains a narrowed key's missing scope, and a key revoked mid-session", async () => {
    const narrow = await api<{ id: string; key: string }>("/customer/api-keys", {
      method: "POST",
      body: JSON.stringify({ name: "jobs-only", scopes: ["jobs:read"] }),
    });
    await signIn(page, narrow.key);
    await page.waitForSelector(".sidebar");

    await go(page, "/datasets");
    await expect(page.locator(".page .alert-error code").first().textContent()).resolves.toBe(
      "API_KEY_SCOPE_DENIED",
    );
    await screenshot(page, "11-scope-denied");
    await api(`/customer/api-keys/${narrow.id}/revoke`, { method: "POST" });
    await page.goto(`${server.url}/#/jobs`);
    await expect(page.locator(".signin .alert-error code").textContent()).resolves.toBe(
      "API_KEY_REVOKED",
    );
    expect(await page.evaluate("sessionStorage.length")).toBe(0);
    await screenshot(page, "12-key-revoked");
  });

  it("switches between English and Chinese, and starts in the browser's language", async () => {
    await signIn(page, customer.apiKey);
    await page.waitForSelector(".sidebar");
    await page.click("#language-switch");
    await page.waitForSelector(".sidebar .nav-link >> text=数据集");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
    await go(page, `/jobs/${jobId}`);
    await page.waitForSelector(".page-header .badge >> text=已完成");
    await screenshot(page, "13-job-zh");
    await page.click("#language-switch");
    await page.waitForSelector(".sidebar .nav-link >> text=Datasets");

    const chinese = await newPage({ locale: "zh-CN" });
    await chinese.page.goto(`${server.url}/`);
    await expect(chinese.page.locator(".signin h1").textContent()).resolves.toBe(
      "使用 API Key 登录",
    );
    await screenshot(chinese.page, "14-sign-in-zh");
    await chinese.ctx.close();
  });

  it("fits a phone-width screen and can be used from the keyboard", async () => {
    const phone = await newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await signIn(phone.page, customer.apiKey);
    await phone.page.waitForSelector(".topbar");
    const pages = { jobs: "/jobs", job: `/jobs/${jobId}`, usage: "/usage", datasets: "/datasets" };
    for (const [name, path] of Object.entries(pages)) {
      await go(phone.page, path);
      await phone.page.waitForTimeout(500);
      const overflow = await phone.page.evaluate(
        `document.documentElement.scrollWidth - innerWidth`,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      await screenshot(phone.page, `15-phone-${name}`);
    }
    await phone.page.click(".menu-button");
    await expect(phone.page.locator(".sidebar").isVisible()).resolves.toBe(true);
    await screenshot(phone.page, "16-phone-menu");
    await phone.ctx.close();

    await go(page, "/datasets");
    await page.keyboard.press("Tab");
    const focused: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      focused.push(await page.evaluate(`document.activeElement?.textContent?.trim() ?? ""`));
      if (focused.at(-1) === "Training jobs") break;
    }
    expect(focused).toContain("Training jobs");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/jobs$/);
    await page.waitForSelector(`a[href='#/jobs/${jobId}']`);
    await expect(page.evaluate("document.activeElement.id")).resolves.toBe("main");
  });

  it("never asks any host but its own, breaks no CSP rule and throws nothing", () => {
    const origin = new URL(server.url).origin;
    const foreign = requested.filter(
      (url) => !url.startsWith(origin) && !/^(data|blob):/.test(url),
    );

    expect(requested.length).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

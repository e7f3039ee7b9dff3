/**
 * Steps the console's browser tests repeat: signing in through the form,
 * opening a page by its hash route, and a local webhook endpoint that records
 * what the platform delivers to it.
 */
import { createServer } from "node:http";
import type { Page } from "playwright-core";
import type { DevServer } from "../support/dev-server.ts";

export async function signIn(page: Page, server: DevServer, key: string): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.fill("#api-key", key);
  await page.click("form.signin-card button[type=submit]");
}

/** Opens the console page at `path` (`/jobs`, `/jobs/<id>`) and waits for its heading. */
export async function go(page: Page, server: DevServer, path: string): Promise<void> {
  const target = `${server.url}/#${path}`;
  // The same hash again is no navigation at all: reload to draw the page afresh.
  if (page.url() === target) await page.reload();
  else await page.goto(target);
  await page.waitForSelector(".page .page-header h1");
}

export interface WebhookReceiver {
  url: string;
  /** Each delivery's event type, and whether it carried a signature. */
  received: { type: string; signed: boolean }[];
  close(): void;
}

/** An HTTP endpoint on 127.0.0.1 that answers 204 to every delivery. */
export function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: WebhookReceiver["received"] = [];
  const receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const type = (JSON.parse(body) as { type?: string }).type ?? "";
      received.push({ type, signed: Boolean(request.headers["webhook-signature"]) });
      response.writeHead(204).end();
    });
  });
  return new Promise((done) => {
    receiver.listen(0, "127.0.0.1", () => {
      const address = receiver.address();
      const port = typeof address === "object" && address ? address.port : 0;
      done({ url: `http://localhost:${port}/hook`, received, close: () => receiver.close() });
    });
  });
}

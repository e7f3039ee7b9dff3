/**
 * @module job-events
 * What happens outside the scheduler when a job ends: the customer's webhooks
 * receive the job as the API shows it.
 */
import { eq } from "drizzle-orm";
import { db } from "./db/client";
import { trainingJobs } from "./db/schema";
import { log } from "./log";
import { presentJob } from "./schemas/jobs";
import { emitWebhookEvent, WEBHOOK_EVENTS, type WebhookEventType } from "./webhooks";

export async function emitJobEnded(
  env: Env,
  customerId: string,
  type: string,
  jobId: string,
): Promise<void> {
  if (!(WEBHOOK_EVENTS as readonly string[]).includes(type)) {
    log("warn", "unknown job event", { type, job_id: jobId });
    return;
  }
  const [row] = await db(env).select().from(trainingJobs).where(eq(trainingJobs.id, jobId));
  if (!row) throw new Error(`job ${jobId} is not in D1 yet`);
  await emitWebhookEvent(env, customerId, type as WebhookEventType, presentJob(row));
}

import { DurableObject } from "cloudflare:workers";

export class WebhookSender extends DurableObject<Env> {}

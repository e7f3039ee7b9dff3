import { DurableObject } from "cloudflare:workers";

export class JobScheduler extends DurableObject<Env> {}

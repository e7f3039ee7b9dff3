import { DurableObject } from "cloudflare:workers";

export class CustomerGate extends DurableObject<Env> {}

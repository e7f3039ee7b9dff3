import { DurableObject } from "cloudflare:workers";

export class NodePool extends DurableObject<Env> {}

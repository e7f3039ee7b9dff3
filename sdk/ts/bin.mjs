#!/usr/bin/env node
// The `gpu-agent` command. Node 22.18+ runs the TypeScript sources directly
// (type stripping), so there is no build step.
import { main } from "./cli.ts";

const controller = new AbortController();
process.once("SIGINT", () => controller.abort(new Error("interrupted")));
process.exitCode = await main(process.argv.slice(2), { signal: controller.signal });

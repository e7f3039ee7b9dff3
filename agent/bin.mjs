#!/usr/bin/env node
// The `gpu-agent-node` command. Node 22.18+ runs the TypeScript sources
// directly (type stripping), so there is no build step.
import { main } from "./cli.ts";

process.exit(await main(process.argv.slice(2)));

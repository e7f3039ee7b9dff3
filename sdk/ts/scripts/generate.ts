/**
 * `npm run sdk:generate`: rewrites `sdk/ts/openapi.d.ts` from the OpenAPI
 * document the API serves, so the SDK's types are the routes' own. With a
 * URL argument it reads that server's document; without, it starts a
 * throwaway `wrangler dev` (its own state, nothing persisted) and reads that.
 * The output is formatted with the repository's Biome settings.
 */
import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../../..");
const OUT = join(ROOT, "sdk", "ts", "openapi.d.ts");

async function fetchDocument(url: string | undefined): Promise<unknown> {
  if (url) return (await fetch(`${url.replace(/\/+$/, "")}/api/v1/openapi.json`)).json();
  const { startDevServer } = await import("../../../test/support/dev-server.ts");
  const server = await startDevServer();
  try {
    return await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  } finally {
    await server.stop();
  }
}

const document = await fetchDocument(process.argv[2]);
const { default: openapiTS, astToString } = await import("openapi-typescript");
const ast = await openapiTS(document as never);
await writeFile(OUT, astToString(ast));

const biome = join(ROOT, "node_modules", ".bin", "biome");
const formatted = spawnSync(biome, ["format", "--write", OUT], { cwd: ROOT, stdio: "inherit" });
if (formatted.status !== 0) process.exit(formatted.status ?? 1);
console.log(`wrote ${OUT}`);

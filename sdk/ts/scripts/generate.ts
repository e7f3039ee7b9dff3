/**
 * `npm run sdk:generate`: rewrites `sdk/ts/openapi.d.ts` from the OpenAPI
 * document the API serves, so the SDK's types are the routes' own. With a
 * URL argument it reads that server's document; without, it starts a
 * throwaway `wrangler dev` (its own state, nothing persisted) and reads that.
 * The output is formatted with the repository's Biome settings.
 *
 * `--check` writes nothing and exits 1 when the committed file is stale.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/** The declarations for `document`, formatted as the committed file is. */
async function generate(document: unknown): Promise<string> {
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  const source = astToString(await openapiTS(document as never));

  // Biome formats files in place; format a scratch copy inside the repository
  // so that the repository's biome.json applies.
  const scratch = mkdtempSync(join(ROOT, "sdk", "ts", ".generate-"));
  const file = join(scratch, "openapi.d.ts");
  try {
    writeFileSync(file, source);
    const biome = join(ROOT, "node_modules", ".bin", "biome");
    const formatted = spawnSync(biome, ["format", "--write", file], { cwd: ROOT });
    if (formatted.status !== 0) throw new Error(`biome format failed:\n${formatted.stderr}`);
    return readFileSync(file, "utf8");
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function run(args: string[]): Promise<number> {
  const check = args.includes("--check");
  const url = args.find((a) => !a.startsWith("--"));
  const generated = await generate(await fetchDocument(url));

  if (check) {
    const committed = readFileSync(OUT, "utf8");
    if (committed === generated) return 0;
    console.error("sdk/ts/openapi.d.ts is stale; run `npm run sdk:generate` and commit it");
    return 1;
  }
  writeFileSync(OUT, generated);
  console.log(`wrote ${OUT}`);
  return 0;
}

process.exitCode = await run(process.argv.slice(2));

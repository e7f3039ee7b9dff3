/**
 * `npm run sdk:generate`: rewrites the SDKs' types from the OpenAPI document
 * the API serves, so they are the routes' own: `sdk/openapi.json` (the
 * document itself), `sdk/ts/openapi.d.ts` (through openapi-typescript, run
 * with npx, formatted with the repository's Biome settings) and
 * `sdk/python/gpu_agent/types.py` (through `generate_types.py`). With a URL
 * argument it reads that server's document; without, it starts a throwaway
 * `wrangler dev` (its own state, nothing persisted) and reads that.
 *
 * `--check` writes nothing and exits 1 when a committed file is stale.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../../..");
const OPENAPI_TYPESCRIPT = "openapi-typescript@7.13.0";
const OUTPUTS = {
  document: join(ROOT, "sdk", "openapi.json"),
  typescript: join(ROOT, "sdk", "ts", "openapi.d.ts"),
  python: join(ROOT, "sdk", "python", "gpu_agent", "types.py"),
};

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

/** Every generated file's text, as it should be committed. */
async function generate(document: unknown): Promise<Record<keyof typeof OUTPUTS, string>> {
  // Biome formats files in place; format a scratch copy inside the repository
  // so that the repository's biome.json applies.
  const scratch = mkdtempSync(join(ROOT, "sdk", "ts", ".generate-"));
  try {
    const typescript = join(scratch, "openapi.d.ts");
    const documentFile = join(scratch, "openapi.json");
    writeFileSync(documentFile, `${JSON.stringify(document, null, 2)}\n`);
    // openapi-typescript needs the TypeScript 5 compiler API, which the
    // project's TypeScript 7 does not have: npx fetches both, pinned, apart.
    run("npx", [
      "--yes",
      ...["-p", OPENAPI_TYPESCRIPT, "-p", "typescript@5.9"],
      "openapi-typescript",
      documentFile,
      "--output",
      typescript,
    ]);
    const biome = join(ROOT, "node_modules", ".bin", "biome");
    run(biome, ["format", "--write", typescript, documentFile]);

    const python = join(scratch, "types.py");
    run("python3", [
      join(ROOT, "sdk", "python", "scripts", "generate_types.py"),
      documentFile,
      python,
    ]);

    return {
      document: readFileSync(documentFile, "utf8"),
      typescript: readFileSync(typescript, "utf8"),
      python: readFileSync(python, "utf8"),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} failed:\n${result.stderr}`);
}

async function main(args: string[]): Promise<number> {
  const check = args.includes("--check");
  const url = args.find((a) => !a.startsWith("--"));
  const generated = await generate(await fetchDocument(url));

  let stale = 0;
  for (const [name, path] of Object.entries(OUTPUTS) as [keyof typeof OUTPUTS, string][]) {
    if (!check) {
      writeFileSync(path, generated[name]);
      console.log(`wrote ${path}`);
    } else if (readFileSync(path, "utf8") !== generated[name]) {
      console.error(`${path} is stale; run \`npm run sdk:generate\` and commit it`);
      stale++;
    }
  }
  return stale === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));

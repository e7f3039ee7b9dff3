/**
 * @module agent/inputs
 * Fetches an attempt's inputs through their signed URLs and lays them out in
 * the workspace: each file is streamed to disk while its SHA-256 is computed,
 * refused the moment it grows past its announced size, and checked against
 * the announced digest before anything reads it. The package zip is unpacked
 * into `package/`, the dataset into `data/` (unpacked when it is a zip or a
 * tar, else kept as one file), upstream outputs into `input/<from>/`.
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { z } from "zod";
import type { Input } from "../src/protocol/messages.ts";
import { type ArchiveLimits, DEFAULT_LIMITS, sniffFile } from "./archive.ts";
import { untarFile } from "./untar.ts";
import { unzipFile } from "./unzip.ts";
import { plainName, type Workspace } from "./workspace.ts";

type InputSpec = z.infer<typeof Input>;

/** An input that could not be fetched or failed its checks; the attempt fails with it. */
export class InputError extends Error {
  override name = "InputError";
}

export interface FetchedInputs {
  /** The dataset file when it is a single file, not an archive. */
  datasetFile: string | null;
}

export async function fetchInputs(
  inputs: readonly InputSpec[],
  workspace: Workspace,
  signal: AbortSignal,
  limits: ArchiveLimits = DEFAULT_LIMITS,
): Promise<FetchedInputs> {
  let datasetFile: string | null = null;

  for (const input of inputs) {
    const name = plainName(input.name);
    if (input.role === "upstream") {
      const dir = join(workspace.input, plainName(input.from ?? "upstream"));
      await mkdir(dir, { recursive: true });
      await download(input, join(dir, name), signal);
      continue;
    }

    const downloaded = join(workspace.downloads, name);
    await download(input, downloaded, signal);

    if (input.role === "package") {
      await unpack(downloaded, workspace.package, "package", limits, true);
      continue;
    }
    const unpacked = await unpack(downloaded, workspace.data, "dataset", limits, false);
    if (!unpacked) {
      datasetFile = join(workspace.data, name);
      await rename(downloaded, datasetFile);
    }
  }
  return { datasetFile };
}

/** Streams `url` to `path`, verifying size and SHA-256; removes the file on any failure. */
export async function download(
  input: Pick<InputSpec, "url" | "size_bytes" | "sha256" | "name">,
  path: string,
  signal: AbortSignal,
): Promise<void> {
  try {
    const response = await fetch(input.url, { signal, redirect: "follow" });
    if (!response.ok || response.body === null) {
      throw new InputError(`download of ${input.name} answered HTTP ${response.status}`);
    }

    const hash = createHash("sha256");
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > input.size_bytes) {
          done(new InputError(`${input.name} is larger than its ${input.size_bytes} bytes`));
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(response.body), meter, createWriteStream(path), { signal });

    if (bytes !== input.size_bytes) {
      throw new InputError(`${input.name} has ${bytes} bytes, expected ${input.size_bytes}`);
    }
    const digest = hash.digest("hex");
    if (digest !== input.sha256) {
      throw new InputError(`${input.name} has SHA-256 ${digest}, expected ${input.sha256}`);
    }
  } catch (err) {
    await rm(path, { force: true });
    if (err instanceof InputError || signal.aborted) throw err;
    throw new InputError(`download of ${input.name} failed: ${(err as Error).message}`);
  }
}

/**
 * Unpacks `archive` into `target` when it is one; returns false for a plain
 * file. A package must be a zip. The archive is removed once unpacked.
 */
async function unpack(
  archive: string,
  target: string,
  what: "package" | "dataset",
  limits: ArchiveLimits,
  mustBeZip: boolean,
): Promise<boolean> {
  const format = await sniffFile(archive);
  if (mustBeZip && format !== "zip") throw new InputError(`the ${what} is not a zip`);
  if (format === null) return false;

  try {
    if (format === "zip") await unzipFile(archive, target, limits);
    else await untarFile(archive, target, { gzip: format === "tar.gz", limits });
  } catch (err) {
    throw new InputError(`the ${what} cannot be unpacked safely: ${(err as Error).message}`);
  }
  await rm(archive, { force: true });
  return true;
}

/**
 * @module package-zip
 * The rules a training package's zip must follow before a node may unpack it,
 * checked from the zip's central directory through any random-access zip.js
 * `Reader`, so a large zip is never held in memory and nothing is inflated but
 * the small `gpu-agent.json` manifest.
 *
 * - The central directory must be readable.
 * - Every path is relative and stays inside the package: no leading `/` or
 *   `\`, no drive letter, no backslash, no `..` segment, no NUL.
 * - No links or special files: an entry's Unix mode (the high 16 bits of its
 *   external attributes) must be a regular file or a directory.
 * - No encrypted entries, no path twice.
 * - At most 10,000 entries and 1 GiB uncompressed. The size is the sum of the
 *   sizes the central directory declares, so a zip bomb is refused before a
 *   byte of it is inflated; a node still enforces the same cap while
 *   unpacking, in case an entry inflates past what it declares.
 * - The entry point (`train.py`, or the manifest's `entrypoint`) and every
 *   stage's entry point are regular files in the zip.
 *
 * Every problem found is reported, not only the first, so a customer can fix
 * the package in one go.
 */
import { type Entry, type FileEntry, type Reader, ZipReader } from "@zip.js/zip.js";
import { DEFAULT_ENTRYPOINT, MANIFEST_FILE, Manifest } from "./manifest";

export const PACKAGE_ZIP_LIMITS = {
  maxEntries: 10_000,
  maxUncompressedBytes: 1024 ** 3,
  maxManifestBytes: 64 * 1024,
} as const;

/** Past this many reasons the rest are only counted, to keep the error small. */
const MAX_REASONS = 50;

export type PackageProblemCode =
  | "ZIP_UNREADABLE"
  | "PATH_UNSAFE"
  | "PATH_DUPLICATE"
  | "LINK_NOT_ALLOWED"
  | "SPECIAL_FILE_NOT_ALLOWED"
  | "ENTRY_ENCRYPTED"
  | "TOO_MANY_ENTRIES"
  | "UNCOMPRESSED_TOO_LARGE"
  | "MANIFEST_INVALID"
  | "ENTRYPOINT_MISSING"
  | "STAGE_ENTRYPOINT_MISSING";

export interface PackageProblem {
  code: PackageProblemCode;
  message: string;
  path?: string;
}

/** What a valid package's zip holds, as the job planner needs it. */
export interface PackageContents {
  entrypoint: string;
  manifest: Manifest | null;
  entryCount: number;
  uncompressedBytes: number;
}

export type PackageInspection =
  | { ok: true; contents: PackageContents }
  | { ok: false; reasons: PackageProblem[]; omitted: number };

class Problems {
  readonly list: PackageProblem[] = [];
  omitted = 0;

  add(code: PackageProblemCode, message: string, path?: string): void {
    if (this.list.length >= MAX_REASONS) {
      this.omitted++;
      return;
    }
    this.list.push(path === undefined ? { code, message } : { code, message, path });
  }

  get empty(): boolean {
    return this.list.length === 0 && this.omitted === 0;
  }
}

export async function inspectPackageZip(reader: Reader<unknown>): Promise<PackageInspection> {
  const problems = new Problems();
  const zip = new ZipReader(reader, { useWebWorkers: false, filenameValidation: "tolerant" });

  const listing = await listEntries(zip, problems);
  if (!listing) return { ok: false, reasons: problems.list, omitted: problems.omitted };

  const manifest = listing.manifest ? await readManifest(listing.manifest, problems) : null;
  if (manifest !== undefined) checkEntrypoints(manifest, listing.files, problems);

  if (!problems.empty || manifest === undefined) {
    return { ok: false, reasons: problems.list, omitted: problems.omitted };
  }
  const contents: PackageContents = {
    entrypoint: manifest?.entrypoint ?? DEFAULT_ENTRYPOINT,
    manifest,
    entryCount: listing.entryCount,
    uncompressedBytes: listing.uncompressedBytes,
  };
  return { ok: true, contents };
}

interface Listing {
  /** The paths of regular files, the only ones an entry point may name. */
  files: Set<string>;
  manifest: FileEntry | undefined;
  entryCount: number;
  uncompressedBytes: number;
}

/** Walks the central directory once; `undefined` when it cannot be read. */
async function listEntries(zip: ZipReader<unknown>, problems: Problems) {
  const listing: Listing = {
    files: new Set(),
    manifest: undefined,
    entryCount: 0,
    uncompressedBytes: 0,
  };
  const seen = new Set<string>();

  try {
    for await (const entry of zip.getEntriesGenerator()) {
      listing.entryCount++;
      if (listing.entryCount > PACKAGE_ZIP_LIMITS.maxEntries) {
        const max = PACKAGE_ZIP_LIMITS.maxEntries.toLocaleString("en-US");
        problems.add("TOO_MANY_ENTRIES", `The zip has more than ${max} entries`);
        break;
      }
      listing.uncompressedBytes += entry.uncompressedSize;

      const fine = checkEntry(entry, seen, problems);
      if (fine && !entry.directory) {
        listing.files.add(entry.filename);
        if (entry.filename === MANIFEST_FILE) listing.manifest = entry;
      }
    }
  } catch (err) {
    problems.add("ZIP_UNREADABLE", `The file is not a readable zip: ${describe(err)}`);
    return undefined;
  }

  if (listing.uncompressedBytes > PACKAGE_ZIP_LIMITS.maxUncompressedBytes) {
    problems.add(
      "UNCOMPRESSED_TOO_LARGE",
      `The entries declare ${listing.uncompressedBytes} bytes uncompressed; at most ` +
        `${PACKAGE_ZIP_LIMITS.maxUncompressedBytes} (1 GiB) is allowed`,
    );
  }
  return listing;
}

/** Checks one entry; `true` when nothing is wrong with it. */
function checkEntry(entry: Entry, seen: Set<string>, problems: Problems): boolean {
  const path = entry.filename;
  const before = problems.list.length + problems.omitted;

  const unsafe = unsafePathReason(path);
  if (unsafe) problems.add("PATH_UNSAFE", `The path ${unsafe}`, path);

  const key = path.replace(/\/+$/, "");
  if (seen.has(key)) problems.add("PATH_DUPLICATE", "The path appears more than once", path);
  seen.add(key);

  const type = (entry.externalFileAttributes >>> 16) & 0o170000;
  if (type === 0o120000 || entry.symlink) {
    problems.add("LINK_NOT_ALLOWED", "Symbolic links are not allowed in a package", path);
  } else if (type !== 0 && type !== 0o100000 && type !== 0o040000) {
    const mode = `0o${type.toString(8)}`;
    problems.add("SPECIAL_FILE_NOT_ALLOWED", `Only files and directories; mode ${mode}`, path);
  }

  if (entry.encrypted) problems.add("ENTRY_ENCRYPTED", "Encrypted entries cannot be run", path);
  return problems.list.length + problems.omitted === before;
}

/** Why `path` could land outside the directory it is unpacked into, if it could. */
export function unsafePathReason(path: string): string | undefined {
  if (path.length === 0) return "is empty";
  if (path.includes("\0")) return "contains a NUL character";
  if (path.startsWith("/")) return "is absolute; use a path relative to the zip's root";
  if (/^[A-Za-z]:/.test(path)) return "starts with a drive letter; use a relative path";
  if (path.includes("\\")) return "contains a backslash; separate directories with '/'";
  if (path.split("/").includes("..")) return "contains a '..' segment that leaves the package";
  return undefined;
}

/** Reads and parses `gpu-agent.json`; `undefined` when it is invalid (the problems say why). */
async function readManifest(entry: FileEntry, problems: Problems): Promise<Manifest | undefined> {
  const limit = PACKAGE_ZIP_LIMITS.maxManifestBytes;
  if (entry.uncompressedSize > limit) {
    problems.add("MANIFEST_INVALID", `The manifest is larger than ${limit} bytes`, MANIFEST_FILE);
    return undefined;
  }

  let raw: unknown;
  try {
    const bytes = await readCapped(entry, limit);
    raw = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch (err) {
    problems.add(
      "MANIFEST_INVALID",
      `The manifest is not UTF-8 JSON: ${describe(err)}`,
      MANIFEST_FILE,
    );
    return undefined;
  }

  const parsed = Manifest.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join(".") || "(root)";
    problems.add("MANIFEST_INVALID", `${field}: ${issue.message}`, MANIFEST_FILE);
  }
  return undefined;
}

/** Inflates an entry into memory, refusing to hold more than `limit` bytes. */
async function readCapped(entry: FileEntry, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      length += chunk.byteLength;
      if (length > limit) throw new Error(`it inflates past ${limit} bytes`);
      chunks.push(chunk);
    },
  });
  await entry.getData(sink, { checkCrc32: true });

  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function checkEntrypoints(manifest: Manifest | null, files: Set<string>, problems: Problems) {
  const entrypoint = manifest?.entrypoint ?? DEFAULT_ENTRYPOINT;
  if (!files.has(entrypoint)) {
    problems.add(
      "ENTRYPOINT_MISSING",
      `The entry point '${entrypoint}' is not a file in the zip; add it at that path, ` +
        `or name another in ${MANIFEST_FILE}`,
      entrypoint,
    );
  }

  for (const stage of manifest?.stages ?? []) {
    if (files.has(stage.entrypoint)) continue;
    problems.add(
      "STAGE_ENTRYPOINT_MISSING",
      `Stage '${stage.name}' runs '${stage.entrypoint}', which is not a file in the zip`,
      stage.entrypoint,
    );
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { configure, TextReader, Uint8ArrayWriter, ZipWriter } from "@zip.js/zip.js";
import { describe, expect, it } from "vitest";
import { safeSegments, sniffFile, UnsafeArchiveError } from "./archive.ts";
import { untarFile } from "./untar.ts";
import { unzipFile } from "./unzip.ts";

configure({ useWebWorkers: false });
const run = promisify(execFile);

type Entry = { name: string; text?: string; mode?: number; directory?: boolean };

async function zipOf(entries: Entry[]): Promise<string> {
  const writer = new ZipWriter(new Uint8ArrayWriter());
  for (const entry of entries) {
    const options = { unixMode: entry.mode, directory: entry.directory };
    await writer.add(
      entry.name,
      entry.directory ? undefined : new TextReader(entry.text ?? ""),
      options,
    );
  }
  const path = join(await mkdtemp(join(tmpdir(), "gpu-agent-zip-")), "archive.zip");
  await writeFile(path, await writer.close());
  return path;
}

const target = async () => join(await mkdtemp(join(tmpdir(), "gpu-agent-out-")), "out");

describe("unzip", () => {
  it("unpacks files and directories of a well-formed zip", async () => {
    const zip = await zipOf([
      { name: "train.py", text: "print('hi')" },
      { name: "lib/", directory: true },
      { name: "lib/util.py", text: "X = 1" },
    ]);
    const out = await target();

    const result = await unzipFile(zip, out);

    expect(result).toEqual({ files: 2, bytes: 16 });
    expect(await readFile(join(out, "lib", "util.py"), "utf8")).toBe("X = 1");
  });

  it("refuses a zip-slip entry and writes nothing", async () => {
    const zip = await zipOf([
      { name: "ok.py", text: "fine" },
      { name: "../../evil.py", text: "evil" },
    ]);
    const out = await target();

    await expect(unzipFile(zip, out)).rejects.toBeInstanceOf(UnsafeArchiveError);
    await expect(readdir(out)).rejects.toThrow();
  });

  it("refuses absolute paths", async () => {
    const zip = await zipOf([{ name: "/etc/cron.d/evil", text: "evil" }]);

    await expect(unzipFile(zip, await target())).rejects.toThrow(UnsafeArchiveError);
  });

  it("refuses symbolic links", async () => {
    const zip = await zipOf([{ name: "link", text: "/etc/passwd", mode: 0o120777 }]);

    await expect(unzipFile(zip, await target())).rejects.toThrow(/link/);
  });

  it("refuses more bytes or more entries than the caps", async () => {
    const zip = await zipOf([
      { name: "a.txt", text: "x".repeat(600) },
      { name: "b.txt", text: "y".repeat(600) },
    ]);

    await expect(
      unzipFile(zip, await target(), { maxEntries: 10, maxBytes: 1000 }),
    ).rejects.toThrow(/1000 bytes/);
    await expect(unzipFile(zip, await target(), { maxEntries: 1, maxBytes: 1e6 })).rejects.toThrow(
      /1 entries/,
    );
  });

  it("refuses a file that is not a zip", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "gpu-agent-zip-")), "not.zip");
    await writeFile(path, "plain text");

    await expect(unzipFile(path, await target())).rejects.toThrow(UnsafeArchiveError);
  });
});

describe("untar", () => {
  async function tarOf(build: (dir: string) => Promise<void>, flags: string): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), "gpu-agent-tar-"));
    const src = join(root, "src");
    await mkdir(src);
    await build(src);
    const path = join(root, "archive.tar");
    await run("tar", [flags, path, "-C", src, "."]);
    return path;
  }

  it("unpacks a gzip-compressed tar", async () => {
    const tar = await tarOf(async (dir) => {
      await mkdir(join(dir, "images"));
      await writeFile(join(dir, "images", "a.txt"), "alpha");
      await writeFile(join(dir, "labels.csv"), "id,label\n1,a\n");
    }, "-czf");
    const out = await target();

    expect(await sniffFile(tar)).toBe("tar.gz");
    const result = await untarFile(tar, out, { gzip: true });

    expect(result.files).toBe(2);
    expect(await readFile(join(out, "images", "a.txt"), "utf8")).toBe("alpha");
  });

  it("unpacks long names carried in extended headers", async () => {
    const long = `${"d".repeat(120)}/${"f".repeat(120)}.txt`;
    const tar = await tarOf(async (dir) => {
      await mkdir(join(dir, "d".repeat(120)));
      await writeFile(join(dir, long), "deep");
    }, "-cf");
    const out = await target();

    await untarFile(tar, out, { gzip: false });

    expect(await readFile(join(out, long), "utf8")).toBe("deep");
  });

  it("refuses a tar holding a symbolic link", async () => {
    const tar = await tarOf(async (dir) => {
      await symlink("/etc/passwd", join(dir, "passwd"));
    }, "-cf");

    await expect(untarFile(tar, await target(), { gzip: false })).rejects.toThrow(/link/);
  });

  it("refuses a tar entry that climbs out with ..", async () => {
    const root = await mkdtemp(join(tmpdir(), "gpu-agent-tar-"));
    await mkdir(join(root, "inner"));
    await writeFile(join(root, "evil.txt"), "evil");
    const path = join(root, "slip.tar");
    await run("tar", ["-cf", path, "-C", join(root, "inner"), "--absolute-names", "../evil.txt"]);

    await expect(untarFile(path, await target(), { gzip: false })).rejects.toThrow(/'\.\.'/);
  });

  it("refuses a tar whose contents pass the byte cap", async () => {
    const tar = await tarOf(
      async (dir) => writeFile(join(dir, "big.bin"), "z".repeat(5000)),
      "-cf",
    );
    const limits = { maxEntries: 100, maxBytes: 4096 };

    await expect(untarFile(tar, await target(), { gzip: false, limits })).rejects.toThrow(/4096/);
  });

  it("treats a gzip file that is not a tar as a plain file", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "gpu-agent-gz-")), "data.csv.gz");
    await writeFile(path, gzipSync("a,b\n1,2\n"));

    expect(await sniffFile(path)).toBeNull();
  });
});

describe("entry names", () => {
  it("accepts relative paths and refuses every escape", () => {
    expect(safeSegments("a/./b/c.txt")).toEqual(["a", "b", "c.txt"]);
    expect(safeSegments("./")).toEqual([]);
    for (const name of ["../a", "a/../../b", "/abs", "C:/x", "a\\..\\b", "", "a\0b", "a/.."]) {
      expect(() => safeSegments(name)).toThrow(UnsafeArchiveError);
    }
  });
});

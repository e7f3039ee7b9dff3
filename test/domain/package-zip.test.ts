import { env } from "cloudflare:workers";
import {
  Reader,
  TextReader,
  Uint8ArrayReader,
  Uint8ArrayWriter,
  ZipWriter,
  type ZipWriterAddDataOptions,
} from "@zip.js/zip.js";
import { describe, expect, it } from "vitest";
import { inspectPackageZip, type PackageInspection } from "../../src/domain/package-zip";
import { R2RangeReader } from "../../src/storage/r2-range-reader";

type Entry = { name: string; text?: string; options?: ZipWriterAddDataOptions };

async function zipOf(entries: Entry[]): Promise<Uint8Array> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false, level: 0 });
  for (const { name, text, options } of entries) {
    await writer.add(name, text === undefined ? undefined : new TextReader(text), options);
  }
  return writer.close();
}

/** Stores the zip in R2 and reads it back only through ranged gets. */
async function inspectStored(bytes: Uint8Array): Promise<PackageInspection> {
  const key = `test/${crypto.randomUUID()}.zip`;
  await env.BUCKET.put(key, bytes);
  return inspectPackageZip(new R2RangeReader(env.BUCKET, key, bytes.byteLength));
}

function reasonsOf(inspection: PackageInspection) {
  if (inspection.ok) throw new Error("expected the package to be refused");
  return inspection.reasons;
}

const train = { name: "train.py", text: "print('training')\n" };

describe("package zip inspection", () => {
  it("accepts a zip with train.py and reports what the planner needs", async () => {
    const bytes = await zipOf([train, { name: "lib/", options: { directory: true } }]);

    const inspection = await inspectStored(bytes);

    expect(inspection).toEqual({
      ok: true,
      contents: { entrypoint: "train.py", manifest: null, entryCount: 2, uncompressedBytes: 18 },
    });
  });

  it("takes the entry point and stages from gpu-agent.json", async () => {
    const manifest = {
      entrypoint: "src/main.py",
      stages: [{ name: "sweep", kind: "gpu", entrypoint: "src/sweep.py", parallel: 2 }],
    };
    const bytes = await zipOf([
      { name: "gpu-agent.json", text: JSON.stringify(manifest) },
      { name: "src/main.py", text: "main()" },
      { name: "src/sweep.py", text: "sweep()" },
    ]);

    const inspection = await inspectStored(bytes);

    expect(inspection.ok).toBe(true);
    if (!inspection.ok) return;
    expect(inspection.contents.entrypoint).toBe("src/main.py");
    expect(inspection.contents.manifest?.stages?.[0]).toMatchObject({ name: "sweep", parallel: 2 });
  });

  it("refuses every path that could leave the package, naming each", async () => {
    const unsafe = ["../evil.py", "/etc/cron.py", "C:/win.py", "a\\..\\b.py", "lib/../../up.py"];
    const bytes = await zipOf([train, ...unsafe.map((name) => ({ name, text: "x" }))]);

    const reasons = reasonsOf(await inspectStored(bytes));

    expect(reasons.map((r) => r.code)).toEqual(unsafe.map(() => "PATH_UNSAFE"));
    expect(reasons.map((r) => r.path)).toEqual(unsafe);
  });

  it("refuses a symbolic link, told by its Unix mode", async () => {
    const link = { name: "data", text: "/etc/passwd", options: { unixMode: 0o120777 } };
    const bytes = await zipOf([train, link]);

    const reasons = reasonsOf(await inspectStored(bytes));

    expect(reasons).toEqual([expect.objectContaining({ code: "LINK_NOT_ALLOWED", path: "data" })]);
  });

  it("refuses a zip of more than 10,000 entries", async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => ({ name: `f/${i}` }));
    const bytes = await zipOf([train, ...many]);

    const reasons = reasonsOf(await inspectStored(bytes));

    expect(reasons.map((r) => r.code)).toEqual(["TOO_MANY_ENTRIES"]);
  });

  it("refuses a zip bomb from its declared sizes, without inflating it", async () => {
    // Two entries whose central directory claims 600 MiB each: the zip is tiny.
    const bomb = (name: string): Entry => ({
      name,
      options: {
        passThrough: true,
        compressionMethod: 8,
        uncompressedSize: 600 * 1024 ** 2,
        crc32: 0,
      },
    });
    const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false });
    await writer.add(train.name, new TextReader(train.text));
    for (const { name, options } of [bomb("a.bin"), bomb("b.bin")]) {
      await writer.add(name, new Uint8ArrayReader(new Uint8Array([3, 0])), options);
    }
    const bytes = await writer.close();

    const reasons = reasonsOf(await inspectStored(bytes));

    expect(bytes.byteLength).toBeLessThan(1024);
    expect(reasons).toEqual([expect.objectContaining({ code: "UNCOMPRESSED_TOO_LARGE" })]);
  });

  it("refuses a zip without its entry point", async () => {
    const bytes = await zipOf([{ name: "main.py", text: "x" }]);

    const reasons = reasonsOf(await inspectStored(bytes));

    expect(reasons).toEqual([
      expect.objectContaining({ code: "ENTRYPOINT_MISSING", path: "train.py" }),
    ]);
  });

  it("refuses a manifest whose entry points are not in the zip", async () => {
    const manifest = {
      entrypoint: "go.py",
      stages: [{ name: "prep", kind: "cpu", entrypoint: "prep.py" }],
    };
    const bytes = await zipOf([train, { name: "gpu-agent.json", text: JSON.stringify(manifest) }]);

    const reasons = reasonsOf(await inspectStored(bytes));

    expect(reasons.map((r) => [r.code, r.path])).toEqual([
      ["ENTRYPOINT_MISSING", "go.py"],
      ["STAGE_ENTRYPOINT_MISSING", "prep.py"],
    ]);
  });

  it("refuses a manifest that breaks its schema, naming each field", async () => {
    const manifest = { entrypoint: "../x.py", stages: [{ name: "Bad Name", kind: "tpu" }] };
    const bytes = await zipOf([train, { name: "gpu-agent.json", text: JSON.stringify(manifest) }]);

    const reasons = reasonsOf(await inspectStored(bytes));

    expect(reasons.every((r) => r.code === "MANIFEST_INVALID")).toBe(true);
    const fields = reasons.map((r) => r.message.split(":")[0]);
    expect(fields).toEqual(
      expect.arrayContaining([
        "entrypoint",
        "stages.0.name",
        "stages.0.kind",
        "stages.0.entrypoint",
      ]),
    );
  });

  it("refuses a manifest that is not JSON", async () => {
    const bytes = await zipOf([train, { name: "gpu-agent.json", text: "{ entrypoint: " }]);

    const reasons = reasonsOf(await inspectStored(bytes));

    expect(reasons).toEqual([
      expect.objectContaining({ code: "MANIFEST_INVALID", path: "gpu-agent.json" }),
    ]);
  });

  it("refuses a file that is not a zip", async () => {
    const bytes = new TextEncoder().encode("print('I am not a zip')\n".repeat(10));

    const reasons = reasonsOf(await inspectStored(bytes));

    expect(reasons.map((r) => r.code)).toEqual(["ZIP_UNREADABLE"]);
  });

  it("reports every problem of a zip at once", async () => {
    const bytes = await zipOf([
      { name: "../up.py", text: "x" },
      { name: "up", text: "/", options: { unixMode: 0o120777 } },
      { name: "lib", text: "a file" },
      { name: "lib/", options: { directory: true } },
    ]);

    const reasons = reasonsOf(await inspectStored(bytes));

    expect(reasons.map((r) => r.code)).toEqual([
      "PATH_UNSAFE",
      "LINK_NOT_ALLOWED",
      "PATH_DUPLICATE",
      "ENTRYPOINT_MISSING",
    ]);
  });

  it("reads only the zip's directory, not its contents", async () => {
    const payload = crypto.getRandomValues(new Uint8Array(60_000));
    const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false, level: 0 });
    await writer.add(train.name, new TextReader(train.text));
    for (let i = 0; i < 10; i++) await writer.add(`data/${i}.bin`, new Uint8ArrayReader(payload));
    const bytes = await writer.close();
    const reader = new CountingReader(bytes);

    const inspection = await inspectPackageZip(reader);

    expect(inspection.ok).toBe(true);
    expect(bytes.byteLength).toBeGreaterThan(600_000);
    expect(reader.bytesRead).toBeLessThan(70_000);
  });
});

/** An in-memory reader that counts what zip.js asks for. */
class CountingReader extends Reader<Uint8Array> {
  bytesRead = 0;

  constructor(private readonly bytes: Uint8Array) {
    super(bytes);
    this.size = bytes.byteLength;
  }

  override async readUint8Array(offset: number, length: number): Promise<Uint8Array> {
    const slice = this.bytes.slice(offset, offset + length);
    this.bytesRead += slice.byteLength;
    return slice;
  }
}

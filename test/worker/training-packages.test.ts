import { env } from "cloudflare:workers";
import {
  TextReader,
  Uint8ArrayWriter,
  ZipWriter,
  type ZipWriterAddDataOptions,
} from "@zip.js/zip.js";
import { beforeAll, describe, expect, it } from "vitest";
import { requireReady } from "../../src/storage/uploads";
import { as, createCustomer, errorCode, json, type TestCustomer } from "./helpers";
import {
  bytesOf,
  createRecord,
  insertJob,
  keyWithScopes,
  post,
  putBytes,
  readyRecord,
  type UploadBody,
} from "./upload-helpers";

type ZipEntry = [name: string, text: string, options?: ZipWriterAddDataOptions];

async function zipOf(...entries: ZipEntry[]): Promise<Uint8Array> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false });
  for (const [name, text, options] of entries)
    await writer.add(name, new TextReader(text), options);
  return writer.close();
}

/** Creates a package, uploads `bytes` and asks to finalize it. */
async function finalizePackage(customer: TestCustomer, bytes: Uint8Array) {
  const record = await createRecord(customer, "training-packages", bytes);
  await putBytes(customer, `/customer/training-packages/${record.id}/content`, bytes);
  const response = await post(customer, `/customer/training-packages/${record.id}/finalize`);
  return { id: record.id, response };
}

interface PackageError {
  error: { code: string; details: { reasons: { code: string; path?: string }[] } };
}

const SHA = "c".repeat(64);

let alice: TestCustomer;
let bob: TestCustomer;

beforeAll(async () => {
  alice = await createCustomer({ name: "Alice" });
  bob = await createCustomer({ name: "Bob" });
});

describe("finalizing a training package", () => {
  it("makes a valid zip ready, with its entry point, manifest and sizes", async () => {
    const manifest = { entrypoint: "main.py" };
    const bytes = await zipOf(["gpu-agent.json", JSON.stringify(manifest)], ["main.py", "run()"]);

    const { response } = await finalizePackage(alice, bytes);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ready",
      entrypoint: "main.py",
      manifest: { entrypoint: "main.py" },
      entry_count: 2,
      uncompressed_bytes: JSON.stringify(manifest).length + 5,
    });
  });

  it("refuses a zip that breaks the rules with every reason; it ends invalid", async () => {
    const bytes = await zipOf(
      ["../escape.py", "x"],
      ["/abs.py", "x"],
      ["link", "/etc/passwd", { unixMode: 0o120777 }],
    );

    const { id, response } = await finalizePackage(alice, bytes);
    const body = (await response.json()) as PackageError;
    const again = await post(alice, `/customer/training-packages/${id}/finalize`);
    const stored = (await (
      await as(alice, `/customer/training-packages/${id}`)
    ).json()) as UploadBody;

    expect(response.status).toBe(422);
    expect(body.error.code).toBe("PACKAGE_INVALID");
    expect(body.error.details.reasons.map((r) => [r.code, r.path])).toEqual([
      ["PATH_UNSAFE", "../escape.py"],
      ["PATH_UNSAFE", "/abs.py"],
      ["LINK_NOT_ALLOWED", "link"],
      ["ENTRYPOINT_MISSING", "train.py"],
    ]);
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ error: { code: "PACKAGE_INVALID" } });
    expect(stored).toMatchObject({ status: "invalid", failure: { code: "PACKAGE_INVALID" } });
    expect(await env.BUCKET.head(`packages/${alice.customerId}/${id}`)).toBeNull();
  });

  it("refuses a manifest that does not parse", async () => {
    const manifest = { entrypoint: "train.sh", retries: 3 };
    const bytes = await zipOf(["gpu-agent.json", JSON.stringify(manifest)], ["train.py", "x"]);

    const { response } = await finalizePackage(alice, bytes);
    const body = (await response.json()) as PackageError;

    expect(response.status).toBe(422);
    expect(body.error.details.reasons.map((r) => r.code)).toEqual([
      "MANIFEST_INVALID",
      "MANIFEST_INVALID",
    ]);
  });

  it("refuses a file that is not a zip", async () => {
    const { response } = await finalizePackage(alice, bytesOf("#!/usr/bin/env python\n"));
    const body = (await response.json()) as PackageError;

    expect(response.status).toBe(422);
    expect(body.error.details.reasons.map((r) => r.code)).toEqual(["ZIP_UNREADABLE"]);
  });

  it("checks the digest before the zip, ending failed on a mismatch", async () => {
    const bytes = await zipOf(["train.py", "x"]);
    const record = await createRecord(alice, "training-packages", bytes, { sha256: SHA });

    const put = await putBytes(alice, `/customer/training-packages/${record.id}/content`, bytes);
    const stored = (await (
      await as(alice, `/customer/training-packages/${record.id}`)
    ).json()) as UploadBody;

    expect(await errorCode(put)).toBe("CHECKSUM_MISMATCH");
    expect(stored.status).toBe("failed");
  });
});

describe("creating a training package", () => {
  it("refuses a package over 2 GiB and fields that belong to datasets", async () => {
    const tooBig = { name: "huge", size_bytes: 2 * 1024 ** 3 + 1, sha256: SHA };
    const withFormat = { name: "p", size_bytes: 10, sha256: SHA, format: "zip" };

    const responses = [
      await as(alice, "/customer/training-packages", json(tooBig)),
      await as(alice, "/customer/training-packages", json(withFormat)),
    ];

    for (const response of responses) expect(await errorCode(response)).toBe("VALIDATION_FAILED");
  });
});

describe("training package access", () => {
  it("hides another customer's package behind PACKAGE_NOT_FOUND", async () => {
    const own = await readyRecord(alice, "training-packages", await zipOf(["train.py", "x"]));

    const read = await as(bob, `/customer/training-packages/${own.id}`);
    const finalize = await post(bob, `/customer/training-packages/${own.id}/finalize`);

    expect(await errorCode(read)).toBe("PACKAGE_NOT_FOUND");
    expect(await errorCode(finalize)).toBe("PACKAGE_NOT_FOUND");
  });

  it("needs the packages scopes, not the datasets ones", async () => {
    const datasetsOnly = await keyWithScopes(alice, ["datasets:read", "datasets:write"]);
    const readOnly = await keyWithScopes(alice, ["packages:read"]);
    const body = { name: "p", size_bytes: 10, sha256: SHA };

    const list = await as(datasetsOnly, "/customer/training-packages");
    const create = await as(readOnly, "/customer/training-packages", json(body));
    const allowed = await as(readOnly, "/customer/training-packages");

    expect(await errorCode(list)).toBe("API_KEY_SCOPE_DENIED");
    expect(await errorCode(create)).toBe("API_KEY_SCOPE_DENIED");
    expect(allowed.status).toBe(200);
  });

  it("refuses to delete a package a running job uses", async () => {
    const pkg = await readyRecord(alice, "training-packages", await zipOf(["train.py", "x"]));
    await insertJob(alice.customerId, { packageId: pkg.id }, "running");

    const response = await as(alice, `/customer/training-packages/${pkg.id}`, { method: "DELETE" });

    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe("PACKAGE_IN_USE");
  });
});

describe("requireReady, for the code that starts jobs", () => {
  it("hands over a ready package with what the planner reads", async () => {
    const bytes = await zipOf(["train.py", "x"]);
    const pkg = await readyRecord(alice, "training-packages", bytes);

    const row = await requireReady(env, alice.customerId, "package", pkg.id);

    expect(row).toMatchObject({ id: pkg.id, entrypoint: "train.py", manifest: null });
  });

  it("refuses one that is not ready, and hides other customers' ones", async () => {
    const pending = await createRecord(alice, "datasets", bytesOf("later"));
    const ready = await readyRecord(alice, "datasets", bytesOf("now"));

    const notReady = requireReady(env, alice.customerId, "dataset", pending.id);
    const foreign = requireReady(env, bob.customerId, "dataset", ready.id);
    const wrongKind = requireReady(env, alice.customerId, "package", ready.id);

    await expect(notReady).rejects.toMatchObject({ code: "DATASET_NOT_READY", status: 409 });
    await expect(foreign).rejects.toMatchObject({ code: "DATASET_NOT_FOUND", status: 404 });
    await expect(wrongKind).rejects.toMatchObject({ code: "PACKAGE_NOT_FOUND" });
  });
});

import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/domain/crypto";
import { as, createCustomer, errorCode, json, type TestCustomer } from "./helpers";
import {
  bytesOf,
  createRecord,
  post,
  putBytes,
  readyRecord,
  streamOf,
  type UploadBody,
} from "./upload-helpers";

const MiB = 1024 ** 2;

let alice: TestCustomer;

beforeAll(async () => {
  alice = await createCustomer({ name: "Alice" });
});

async function status(id: string): Promise<UploadBody> {
  return (await (await as(alice, `/customer/datasets/${id}`)).json()) as UploadBody;
}

async function startUpload(base: string): Promise<string> {
  const response = await post(alice, `${base}/uploads`);
  return ((await response.json()) as { upload_id: string }).upload_id;
}

describe("uploading a dataset in one request", () => {
  it("stores the bytes, then finalize makes it ready", async () => {
    const bytes = bytesOf("label,pixels\n7,0 0 0\n");
    const dataset = await createRecord(alice, "datasets", bytes);

    const put = await putBytes(
      alice,
      `/customer/datasets/${dataset.id}/content`,
      streamOf(bytes, 5),
    );
    const finalized = await post(alice, `/customer/datasets/${dataset.id}/finalize`);

    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ status: "uploaded" });
    expect(finalized.status).toBe(200);
    expect(await finalized.json()).toMatchObject({ status: "ready", upload: null });
    const stored = await env.BUCKET.get(`datasets/${alice.customerId}/${dataset.id}`);
    expect(await stored?.text()).toBe("label,pixels\n7,0 0 0\n");
  });

  it("answers a second finalize with the same ready dataset", async () => {
    const dataset = await readyRecord(alice, "datasets", bytesOf("twice"));

    const again = await post(alice, `/customer/datasets/${dataset.id}/finalize`);

    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(dataset);
  });

  it("refuses new bytes once the dataset is ready", async () => {
    const dataset = await readyRecord(alice, "datasets", bytesOf("frozen"));

    const put = await putBytes(
      alice,
      `/customer/datasets/${dataset.id}/content`,
      bytesOf("frozen"),
    );
    const multipart = await post(alice, `/customer/datasets/${dataset.id}/uploads`);

    expect(put.status).toBe(409);
    expect(await errorCode(put)).toBe("UPLOAD_STATE_INVALID");
    expect(await errorCode(multipart)).toBe("UPLOAD_STATE_INVALID");
  });

  it("refuses to finalize before any bytes arrived", async () => {
    const dataset = await createRecord(alice, "datasets", bytesOf("nothing yet"));

    const response = await post(alice, `/customer/datasets/${dataset.id}/finalize`);

    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe("UPLOAD_STATE_INVALID");
  });

  it("stops a body longer than declared while streaming it", async () => {
    const dataset = await createRecord(alice, "datasets", bytesOf("short"));
    const longer = bytesOf("short, and then a great deal more than was declared");

    const response = await putBytes(
      alice,
      `/customer/datasets/${dataset.id}/content`,
      streamOf(longer, 8),
    );

    expect(response.status).toBe(413);
    expect(await errorCode(response)).toBe("PAYLOAD_TOO_LARGE");
    expect((await status(dataset.id)).status).toBe("pending_upload");
    expect(await env.BUCKET.head(`datasets/${alice.customerId}/${dataset.id}`)).toBeNull();
  });

  it("refuses a Content-Length over the declared size before reading the body", async () => {
    const dataset = await createRecord(alice, "datasets", bytesOf("tiny"));

    const response = await putBytes(
      alice,
      `/customer/datasets/${dataset.id}/content`,
      bytesOf("tiny!"),
    );

    expect(await errorCode(response)).toBe("PAYLOAD_TOO_LARGE");
  });

  it("sends a file over 100 MiB to multipart", async () => {
    const body = { name: "big", size_bytes: 100 * MiB + 1, sha256: "b".repeat(64) };
    const dataset = (await (
      await as(alice, "/customer/datasets", json(body))
    ).json()) as UploadBody;

    const response = await putBytes(
      alice,
      `/customer/datasets/${dataset.id}/content`,
      bytesOf("x"),
    );

    expect(dataset.upload).toMatchObject({ single_put_allowed: false });
    expect(response.status).toBe(413);
    expect(await errorCode(response)).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a body shorter than declared, keeping the dataset open", async () => {
    const dataset = await createRecord(alice, "datasets", bytesOf("the whole thing"));

    const response = await putBytes(
      alice,
      `/customer/datasets/${dataset.id}/content`,
      streamOf(bytesOf("the")),
    );

    expect(response.status).toBe(422);
    expect(await errorCode(response)).toBe("CHECKSUM_MISMATCH");
    expect((await status(dataset.id)).status).toBe("pending_upload");
  });

  it("refuses bytes whose digest differs, and the dataset ends failed, never ready", async () => {
    const dataset = await createRecord(alice, "datasets", bytesOf("declared"));

    const put = await putBytes(
      alice,
      `/customer/datasets/${dataset.id}/content`,
      bytesOf("DECLARED"),
    );
    const finalize = await post(alice, `/customer/datasets/${dataset.id}/finalize`);

    expect(put.status).toBe(422);
    expect(await errorCode(put)).toBe("CHECKSUM_MISMATCH");
    expect(finalize.status).toBe(422);
    expect(await errorCode(finalize)).toBe("CHECKSUM_MISMATCH");
    const failed = await status(dataset.id);
    expect(failed).toMatchObject({ status: "failed", failure: { code: "CHECKSUM_MISMATCH" } });
  });
});

describe("uploading a dataset in parts", () => {
  it("assembles a 5 MiB part and a small last part into a ready dataset", async () => {
    const bytes = new Uint8Array(5 * MiB + 10).map((_, i) => i % 251);
    const dataset = await createRecord(alice, "datasets", bytes);
    const base = `/customer/datasets/${dataset.id}`;

    const started = await post(alice, `${base}/uploads`);
    const { upload_id } = (await started.json()) as { upload_id: string };
    const part2 = await putBytes(
      alice,
      `${base}/uploads/${upload_id}/parts/2`,
      bytes.slice(5 * MiB),
    );
    const part1 = await putBytes(
      alice,
      `${base}/uploads/${upload_id}/parts/1`,
      bytes.slice(0, 5 * MiB),
    );
    const receipts = [
      (await part1.json()) as { etag: string },
      (await part2.json()) as { etag: string },
    ];
    const parts = receipts.map((r, i) => ({ part_number: i + 1, etag: r.etag }));
    const completed = await as(alice, `${base}/uploads/${upload_id}/complete`, json({ parts }));
    const finalized = await post(alice, `${base}/finalize`);

    expect(started.status).toBe(201);
    expect(receipts[1]).toMatchObject({ sha256: await sha256Hex(bytes.slice(5 * MiB)) });
    expect(completed.status).toBe(200);
    expect(await finalized.json()).toMatchObject({ status: "ready", size_bytes: bytes.byteLength });
  });

  it("fails the dataset when the parts add up to another size", async () => {
    const dataset = await createRecord(alice, "datasets", bytesOf("declared twenty bytes"));
    const base = `/customer/datasets/${dataset.id}`;
    const upload_id = await startUpload(base);
    const part = await putBytes(alice, `${base}/uploads/${upload_id}/parts/1`, bytesOf("fewer"));
    const { etag } = (await part.json()) as { etag: string };

    const completed = await as(
      alice,
      `${base}/uploads/${upload_id}/complete`,
      json({ parts: [{ part_number: 1, etag }] }),
    );

    expect(completed.status).toBe(422);
    expect(await errorCode(completed)).toBe("CHECKSUM_MISMATCH");
    expect((await status(dataset.id)).status).toBe("failed");
  });

  it("does not know an upload id it did not start", async () => {
    const dataset = await createRecord(alice, "datasets", bytesOf("abc"));

    const response = await putBytes(
      alice,
      `/customer/datasets/${dataset.id}/uploads/not-an-upload/parts/1`,
      bytesOf("abc"),
    );

    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe("UPLOAD_NOT_FOUND");
  });

  it("does not know an upload that R2 has dropped", async () => {
    const dataset = await createRecord(alice, "datasets", bytesOf("abc"));
    const base = `/customer/datasets/${dataset.id}`;
    const upload_id = await startUpload(base);
    const key = `datasets/${alice.customerId}/${dataset.id}`;
    await env.BUCKET.resumeMultipartUpload(key, upload_id).abort();

    const part = await putBytes(alice, `${base}/uploads/${upload_id}/parts/1`, bytesOf("abc"));
    const complete = await as(
      alice,
      `${base}/uploads/${upload_id}/complete`,
      json({ parts: [{ part_number: 1, etag: "etag" }] }),
    );

    expect(await errorCode(part)).toBe("UPLOAD_NOT_FOUND");
    expect(await errorCode(complete)).toBe("UPLOAD_NOT_FOUND");
  });

  it("asks for the Content-Length of a part and refuses a part number past 10,000", async () => {
    const dataset = await createRecord(alice, "datasets", bytesOf("abc"));
    const base = `/customer/datasets/${dataset.id}`;
    const upload_id = await startUpload(base);

    const unsized = await putBytes(
      alice,
      `${base}/uploads/${upload_id}/parts/1`,
      streamOf(bytesOf("abc")),
    );
    const tooFar = await putBytes(
      alice,
      `${base}/uploads/${upload_id}/parts/10001`,
      bytesOf("abc"),
    );

    expect(unsized.status).toBe(400);
    expect(await errorCode(unsized)).toBe("VALIDATION_FAILED");
    expect(tooFar.status).toBe(400);
  });

  it("refuses a part larger than the whole declared file", async () => {
    const dataset = await createRecord(alice, "datasets", bytesOf("abc"));
    const base = `/customer/datasets/${dataset.id}`;
    const upload_id = await startUpload(base);

    const response = await putBytes(alice, `${base}/uploads/${upload_id}/parts/1`, bytesOf("abcd"));

    expect(await errorCode(response)).toBe("PAYLOAD_TOO_LARGE");
  });
});

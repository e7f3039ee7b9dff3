import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { as, call, createCustomer, errorCode, json, type TestCustomer } from "./helpers";
import {
  bytesOf,
  createRecord,
  finishJob,
  insertJob,
  keyWithScopes,
  post,
  putBytes,
  readyRecord,
  type UploadBody,
} from "./upload-helpers";

const SHA = "a".repeat(64);

let alice: TestCustomer;
let bob: TestCustomer;

beforeAll(async () => {
  alice = await createCustomer({ name: "Alice" });
  bob = await createCustomer({ name: "Bob" });
});

describe("creating a dataset", () => {
  it("answers 201 with the record pending upload and how to upload it", async () => {
    const body = { name: "mnist", size_bytes: 1234, sha256: SHA, format: "csv" };

    const response = await as(alice, "/customer/datasets", json(body));
    const dataset = (await response.json()) as UploadBody;

    expect(response.status).toBe(201);
    expect(dataset).toMatchObject({ name: "mnist", status: "pending_upload", format: "csv" });
    expect(dataset.upload).toMatchObject({
      method: "PUT",
      url: `/api/v1/customer/datasets/${dataset.id}/content`,
      max_single_put_bytes: 100 * 1024 ** 2,
      single_put_allowed: true,
      multipart: { create_url: `/api/v1/customer/datasets/${dataset.id}/uploads` },
    });
  });

  it("names every malformed field", async () => {
    const body = { name: "", size_bytes: "12", sha256: SHA.toUpperCase(), colour: "red" };

    const response = await as(alice, "/customer/datasets", json(body));
    const error = (await response.json()) as {
      error: { code: string; details: { fields: { field: string }[] } };
    };

    expect(response.status).toBe(400);
    expect(error.error.code).toBe("VALIDATION_FAILED");
    const fields = error.error.details.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["json.name", "json.size_bytes", "json.sha256"]));
  });

  it("refuses sizes of zero, fractions and past 50 GiB", async () => {
    const sizes = [0, 1.5, 50 * 1024 ** 3 + 1, -1];

    const statuses = await Promise.all(
      sizes.map(async (size_bytes) => {
        const response = await as(
          alice,
          "/customer/datasets",
          json({ name: "x", size_bytes, sha256: SHA }),
        );
        return [response.status, await errorCode(response)];
      }),
    );

    expect(statuses).toEqual(sizes.map(() => [400, "VALIDATION_FAILED"]));
  });

  it("refuses a name over 200 characters", async () => {
    const body = { name: "n".repeat(201), size_bytes: 1, sha256: SHA };

    const response = await as(alice, "/customer/datasets", json(body));

    expect(response.status).toBe(400);
  });
});

describe("reading datasets", () => {
  it("lists the customer's datasets newest first, page by page", async () => {
    const customer = await createCustomer();
    const names = ["first", "second", "third"];
    for (const name of names) await createRecord(customer, "datasets", bytesOf(name), { name });

    const first = await as(customer, "/customer/datasets?limit=2");
    const page1 = (await first.json()) as { data: UploadBody[]; page: { next_cursor: string } };
    const second = await as(
      customer,
      `/customer/datasets?limit=2&cursor=${page1.page.next_cursor}`,
    );
    const page2 = (await second.json()) as { data: UploadBody[]; page: { has_more: boolean } };

    expect(page1.data.map((d) => d.name)).toEqual(["third", "second"]);
    expect(page2.data.map((d) => d.name)).toEqual(["first"]);
    expect(page2.page.has_more).toBe(false);
  });

  it("refuses a limit over 100", async () => {
    const response = await as(alice, "/customer/datasets?limit=101");

    expect(await errorCode(response)).toBe("VALIDATION_FAILED");
  });

  it("gets one dataset by id", async () => {
    const created = await createRecord(alice, "datasets", bytesOf("one"));

    const response = await as(alice, `/customer/datasets/${created.id}`);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: created.id, status: "pending_upload" });
  });
});

describe("another customer's dataset", () => {
  it("is not found, whatever the route", async () => {
    const own = await readyRecord(alice, "datasets", bytesOf("alice's data"));
    const path = `/customer/datasets/${own.id}`;

    const responses = [
      await as(bob, path),
      await putBytes(bob, `${path}/content`, bytesOf("alice's data")),
      await post(bob, `${path}/finalize`),
      await post(bob, `${path}/uploads`),
      await as(bob, path, { method: "DELETE" }),
    ];

    for (const response of responses) {
      expect(response.status).toBe(404);
      expect(await errorCode(response)).toBe("DATASET_NOT_FOUND");
    }
    expect((await as(alice, path)).status).toBe(200);
  });

  it("never appears in the customer's list", async () => {
    const own = await createRecord(alice, "datasets", bytesOf("private"));

    const response = await as(bob, "/customer/datasets?limit=100");
    const page = (await response.json()) as { data: UploadBody[] };

    expect(page.data.map((d) => d.id)).not.toContain(own.id);
  });
});

describe("dataset scopes", () => {
  it("refuses writes to a key with only datasets:read", async () => {
    const reader = await keyWithScopes(alice, ["datasets:read"]);

    const create = await as(
      reader,
      "/customer/datasets",
      json({ name: "x", size_bytes: 1, sha256: SHA }),
    );
    const list = await as(reader, "/customer/datasets");

    expect(create.status).toBe(403);
    expect(await errorCode(create)).toBe("API_KEY_SCOPE_DENIED");
    expect(list.status).toBe(200);
  });

  it("refuses reads to a key without datasets:read", async () => {
    const packager = await keyWithScopes(alice, ["packages:read", "packages:write"]);

    const response = await as(packager, "/customer/datasets");

    expect(await errorCode(response)).toBe("API_KEY_SCOPE_DENIED");
  });

  it("asks for an API key", async () => {
    const response = await call("/customer/datasets");

    expect(await errorCode(response)).toBe("CUSTOMER_AUTH_REQUIRED");
  });
});

describe("deleting a dataset", () => {
  it("removes the record and its bytes", async () => {
    const dataset = await readyRecord(alice, "datasets", bytesOf("to delete"));
    const key = `datasets/${alice.customerId}/${dataset.id}`;

    const response = await as(alice, `/customer/datasets/${dataset.id}`, { method: "DELETE" });

    expect(response.status).toBe(204);
    expect((await as(alice, `/customer/datasets/${dataset.id}`)).status).toBe(404);
    expect(await env.BUCKET.head(key)).toBeNull();
  });

  it("refuses while an active job uses it, and allows it once the job ended", async () => {
    const dataset = await readyRecord(alice, "datasets", bytesOf("in use"));
    const jobId = await insertJob(alice.customerId, { datasetId: dataset.id }, "queued");
    await insertJob(alice.customerId, { datasetId: dataset.id }, "completed");

    const refused = await as(alice, `/customer/datasets/${dataset.id}`, { method: "DELETE" });
    const body = (await refused.json()) as { error: { code: string; details: unknown } };

    expect(refused.status).toBe(409);
    expect(body.error).toMatchObject({ code: "DATASET_IN_USE", details: { job_ids: [jobId] } });
    expect((await as(alice, `/customer/datasets/${dataset.id}`)).status).toBe(200);

    await finishJob(jobId);
    const allowed = await as(alice, `/customer/datasets/${dataset.id}`, { method: "DELETE" });

    expect(allowed.status).toBe(204);
  });
});

describe("the OpenAPI document", () => {
  it("describes every dataset route, with raw-byte uploads", async () => {
    const doc = (await (await call("/openapi.json")).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: object } }>>;
    };

    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/customer/datasets",
        "/customer/datasets/{id}",
        "/customer/datasets/{id}/content",
        "/customer/datasets/{id}/uploads",
        "/customer/datasets/{id}/uploads/{upload_id}/parts/{part_number}",
        "/customer/datasets/{id}/uploads/{upload_id}/complete",
        "/customer/datasets/{id}/finalize",
      ]),
    );
    const put = doc.paths["/customer/datasets/{id}/content"]?.put;
    expect(Object.keys(put?.requestBody?.content ?? {})).toEqual(["application/octet-stream"]);
  });
});

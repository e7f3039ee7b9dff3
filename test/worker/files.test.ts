import { env, exports } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { advanceClock, now, resetClock } from "../../src/domain/clock";
import { sha256Hex } from "../../src/domain/crypto";
import { type FileGrant, signFileGrant } from "../../src/domain/signed-url";
import { BASE, errorCode } from "./helpers";
import { text } from "./node-helpers";

afterEach(() => resetClock());

const BYTES = text("0123456789abcdefghij");

async function urlFor(grant: Partial<FileGrant> & Pick<FileGrant, "k" | "m">): Promise<string> {
  const token = await signFileGrant(env.SIGNING_SECRET, { e: now() + 60_000, ...grant });
  return `${BASE}/files/${token}`;
}

/** An object in R2 and a GET URL for it. */
async function storedObject(name = "weights.bin") {
  const key = `artifacts/test/${crypto.randomUUID()}/${name}`;
  await env.BUCKET.put(key, BYTES);
  return { key, url: await urlFor({ k: key, m: "GET", n: name }) };
}

function fetchUrl(url: string, init: RequestInit = {}) {
  return exports.default.fetch(new Request(url, init));
}

describe("signed file URLs", () => {
  it("serves an object through a signed GET URL with its name", async () => {
    const { url } = await storedObject("weights.bin");

    const response = await fetchUrl(url);

    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toContain('filename="weights.bin"');
    expect(response.headers.get("Accept-Ranges")).toBe("bytes");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(BYTES);
  });

  it("answers a Range GET with 206 and only the requested bytes", async () => {
    const { url } = await storedObject();

    const response = await fetchUrl(url, { headers: { Range: "bytes=5-9" } });

    expect(response.status).toBe(206);
    expect(response.headers.get("Content-Range")).toBe(`bytes 5-9/${BYTES.byteLength}`);
    expect(await response.text()).toBe("56789");
  });

  it("answers a suffix Range GET with the object's last bytes", async () => {
    const { url } = await storedObject();

    const response = await fetchUrl(url, { headers: { Range: "bytes=-4" } });

    expect(response.status).toBe(206);
    expect(await response.text()).toBe("ghij");
  });

  it("refuses an expired URL: 403 SIGNED_URL_EXPIRED", async () => {
    const { url } = await storedObject();

    advanceClock(60_001);
    const response = await fetchUrl(url);

    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe("SIGNED_URL_EXPIRED");
  });

  it("refuses a URL whose grant was altered: 403 SIGNED_URL_INVALID", async () => {
    const { url } = await storedObject();
    const [body, signature] = url.slice(`${BASE}/files/`.length).split(".");
    const grant = JSON.parse(atob(body!.replace(/-/g, "+").replace(/_/g, "/")));
    const forged = btoa(JSON.stringify({ ...grant, k: "datasets/someone-else/data.csv" }))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");

    const response = await fetchUrl(`${BASE}/files/${forged}.${signature}`);

    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe("SIGNED_URL_INVALID");
  });

  it("refuses a URL with a forged or missing signature: 403 SIGNED_URL_INVALID", async () => {
    const { url } = await storedObject();
    const token = url.slice(`${BASE}/files/`.length);
    const [body] = token.split(".");
    const otherSecret = await signFileGrant("another-secret-0123456789abcdef", {
      k: "x",
      m: "GET",
      e: now() + 60_000,
    });

    const responses = await Promise.all(
      [`${body}.AAAA`, `${body}`, `${token}.extra`, otherSecret].map((t) =>
        fetchUrl(`${BASE}/files/${t}`),
      ),
    );

    for (const response of responses) {
      expect(response.status).toBe(403);
      expect(await errorCode(response)).toBe("SIGNED_URL_INVALID");
    }
  });

  it("refuses a GET URL used to upload and a PUT URL used to download", async () => {
    const { url: getUrl } = await storedObject();
    const putUrl = await urlFor({
      k: `artifacts/test/${crypto.randomUUID()}/out.bin`,
      m: "PUT",
      s: BYTES.byteLength,
      h: await sha256Hex(BYTES),
    });

    const put = await fetchUrl(getUrl, { method: "PUT", body: BYTES });
    const get = await fetchUrl(putUrl);

    expect(put.status).toBe(403);
    expect(await errorCode(put)).toBe("SIGNED_URL_INVALID");
    expect(get.status).toBe(403);
    expect(await errorCode(get)).toBe("SIGNED_URL_INVALID");
  });

  it("answers 404 ARTIFACT_NOT_FOUND for a signed URL whose object is gone", async () => {
    const { key, url } = await storedObject();
    await env.BUCKET.delete(key);

    const response = await fetchUrl(url);

    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe("ARTIFACT_NOT_FOUND");
  });
});

describe("uploads through signed PUT URLs", () => {
  async function putUrl(bytes: Uint8Array) {
    const key = `artifacts/test/${crypto.randomUUID()}/out.bin`;
    const url = await urlFor({ k: key, m: "PUT", s: bytes.byteLength, h: await sha256Hex(bytes) });
    return { key, url };
  }

  it("stores bytes of the signed size and digest, with R2's own checksum", async () => {
    const { key, url } = await putUrl(BYTES);

    const response = await fetchUrl(url, { method: "PUT", body: BYTES });
    const head = await env.BUCKET.head(key);

    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      size_bytes: BYTES.byteLength,
      sha256: await sha256Hex(BYTES),
    });
    expect(head?.size).toBe(BYTES.byteLength);
    expect(head?.checksums.sha256).toBeDefined();
  });

  it("refuses other bytes of the signed size with CHECKSUM_MISMATCH and stores nothing", async () => {
    const { key, url } = await putUrl(BYTES);
    const other = text("abcdefghij0123456789");

    const response = await fetchUrl(url, { method: "PUT", body: other });

    expect(response.status).toBe(422);
    expect(await errorCode(response)).toBe("CHECKSUM_MISMATCH");
    expect(await env.BUCKET.head(key)).toBeNull();
  });

  it("refuses more bytes than signed and stores nothing", async () => {
    const { key, url } = await putUrl(BYTES);

    const response = await fetchUrl(url, { method: "PUT", body: text("0123456789abcdefghij!") });

    expect(response.status).toBe(413);
    expect(await env.BUCKET.head(key)).toBeNull();
  });

  it("refuses an upload URL once it expired", async () => {
    const { url } = await putUrl(BYTES);

    advanceClock(60_001);
    const response = await fetchUrl(url, { method: "PUT", body: BYTES });

    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe("SIGNED_URL_EXPIRED");
  });
});

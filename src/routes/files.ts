/**
 * @module files
 * `/api/v1/files/<token>`: objects in R2 served to and from holders of a
 * signed URL (nodes fetching inputs and uploading outputs, customers
 * downloading artifacts). GET streams out with `Range` support; PUT streams in,
 * refusing bytes past the signed size and a digest other than the signed one.
 * The SHA-256 the platform computed is kept as the object's metadata, which is
 * what verification trusts.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { now } from "../domain/clock";
import { ApiError } from "../domain/errors";
import { verifyFileGrant } from "../domain/signed-url";
import { settings } from "../env";
import { router } from "../http";
import { errors } from "../schemas/common";
import { checkContentLength, meterBody } from "../storage/streams";

const TokenParam = z.object({
  token: z
    .string()
    .min(10)
    .max(4096)
    .openapi({ param: { name: "token", in: "path" } }),
});

const tags = ["files"];

export const files = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/files/{token}",
      tags,
      summary: "Download an object through a signed URL (Range supported)",
      request: { params: TokenParam },
      responses: {
        200: { description: "The object's bytes" },
        206: { description: "The requested range" },
        ...errors(403, 404, 502),
      },
    }),
    async (c) => {
      const grant = await verifyFileGrant(
        settings(c.env).SIGNING_SECRET,
        c.req.valid("param").token,
        "GET",
        now(),
      );
      const range = c.req.header("Range");
      const object = await storage(() =>
        c.env.BUCKET.get(grant.k, range ? { range: c.req.raw.headers } : {}),
      );
      if (!object) throw new ApiError("ARTIFACT_NOT_FOUND", "The object no longer exists");

      const headers = new Headers();
      object.writeHttpMetadata(headers);
      headers.set("ETag", object.httpEtag);
      headers.set("Accept-Ranges", "bytes");
      headers.set("Cache-Control", "private, no-store");
      if (grant.n) headers.set("Content-Disposition", attachment(grant.n));

      const part = object.range as { offset?: number; length?: number } | undefined;
      if (range && part && (part.offset !== undefined || part.length !== undefined)) {
        const offset = part.offset ?? 0;
        const length = part.length ?? object.size - offset;
        headers.set("Content-Range", `bytes ${offset}-${offset + length - 1}/${object.size}`);
        headers.set("Content-Length", String(length));
        return new Response(object.body, { status: 206, headers });
      }
      headers.set("Content-Length", String(object.size));
      return new Response(object.body, { status: 200, headers });
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/files/{token}",
      tags,
      summary: "Upload an object through a signed URL",
      request: {
        params: TokenParam,
        body: { content: { "application/octet-stream": { schema: z.any() } } },
      },
      responses: {
        201: {
          description: "Stored",
          content: {
            "application/json": {
              schema: z.object({ size_bytes: z.number(), sha256: z.string() }),
            },
          },
        },
        ...errors(400, 403, 413, 422, 502),
      },
    }),
    async (c) => {
      const grant = await verifyFileGrant(
        settings(c.env).SIGNING_SECRET,
        c.req.valid("param").token,
        "PUT",
        now(),
      );
      const size = grant.s ?? 0;
      const limits = { max: size, maxName: "the signed size", exact: size };
      checkContentLength(c.req.raw, limits);

      const body = c.req.raw.body ?? new Blob([]).stream();
      const metered = meterBody(body, limits);

      // R2 checks the signed digest itself and stores nothing on a mismatch;
      // the metered digest tells the uploader which bytes it actually sent.
      let failed: unknown;
      try {
        await c.env.BUCKET.put(grant.k, metered.readable, grant.h ? { sha256: grant.h } : {});
      } catch (err) {
        failed = err;
      }
      const stopped = metered.failure();
      if (stopped) throw stopped;

      const sha256 = await metered.sha256();
      if (grant.h && sha256 !== grant.h) {
        throw new ApiError("CHECKSUM_MISMATCH", "The bytes' SHA-256 differs from the one signed", {
          expected_sha256: grant.h,
          received_sha256: sha256,
        });
      }
      if (failed) throw storageError(failed);
      return c.json({ size_bytes: size, sha256 }, 201);
    },
  );

/** Runs an R2 call, answering `SIGNED_URL_FAILED` when the backend fails. */
async function storage<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw storageError(err);
  }
}

function storageError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError("SIGNED_URL_FAILED", "The storage backend failed; retry shortly");
}

function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

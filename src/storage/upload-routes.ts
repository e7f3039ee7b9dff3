/**
 * @module upload-routes
 * The HTTP face of the upload lifecycle, built once and mounted twice (at
 * `/datasets` and `/training-packages`): create, upload in one PUT or in
 * parts, finalize, list, read, delete. Every route is a `createRoute`, so
 * both resources appear in full in the OpenAPI document; the byte uploads
 * are declared as `application/octet-stream` and read as a stream.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { PageQuery, pageOf } from "../db/paginate";
import type { Scope } from "../domain/api-keys";
import { router } from "../http";
import { requireScope } from "../middleware/customer-auth";
import { errors, IdParam, jsonContent } from "../schemas/common";
import { finalizeUpload } from "./finalize";
import { completeMultipart, putContent, putPart, startMultipart } from "./upload-content";
import { MAX_PARTS, type UploadKind, type UploadRow } from "./upload-kinds";
import {
  CompleteMultipartBody,
  MultipartUpload,
  multipartUrls,
  PartReceipt,
} from "./upload-schemas";
import { createUpload, deleteUpload, findUpload, listUploads, type NewUpload } from "./uploads";

export interface UploadRouteSpec<Resource extends z.ZodType, Body extends z.ZodType> {
  kind: UploadKind;
  /** The OpenAPI tag and the plural that summaries use. */
  tag: string;
  scopes: { read: Scope; write: Scope };
  resource: Resource;
  createBody: Body;
  present: (row: UploadRow) => z.infer<Resource>;
  toNewUpload: (body: z.infer<Body>) => NewUpload;
}

const UploadParams = IdParam.extend({
  upload_id: z
    .string()
    .min(1)
    .max(1024)
    .openapi({ param: { name: "upload_id", in: "path" } }),
});

const PartParams = UploadParams.extend({
  part_number: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PARTS)
    .openapi({ param: { name: "part_number", in: "path" }, example: 1 }),
});

const rawBytes = {
  required: true,
  content: {
    "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) },
  },
};

export function uploadRouter<Resource extends z.ZodType, Body extends z.ZodType>(
  spec: UploadRouteSpec<Resource, Body>,
) {
  const { kind, tag, present } = spec;
  const read = requireScope(spec.scopes.read);
  const write = requireScope(spec.scopes.write);
  const one = `${kind.path}/{id}`;
  const resource = (description: string) => jsonContent(spec.resource, description);

  return router()
    .openapi(
      createRoute({
        method: "post",
        path: kind.path,
        tags: [tag],
        summary: `Create a ${kind.noun} record; upload its bytes next`,
        middleware: [write],
        request: {
          body: { required: true, content: { "application/json": { schema: spec.createBody } } },
        },
        responses: { 201: resource("Created, waiting for its bytes"), ...errors(400, 401, 403) },
      }),
      async (c) => {
        // TypeScript cannot name the validated type of a generic schema; zod checked it.
        const body = c.req.valid("json" as never) as z.infer<Body>;
        const input = spec.toNewUpload(body);
        const row = await createUpload(c.env, kind, c.get("customer").customerId, input);
        return c.json(present(row), 201);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: kind.path,
        tags: [tag],
        summary: `List ${tag}, newest first`,
        middleware: [read],
        request: { query: PageQuery },
        responses: {
          200: jsonContent(pageOf(spec.resource), `A page of ${tag}`),
          ...errors(400, 401, 403),
        },
      }),
      async (c) => {
        const customerId = c.get("customer").customerId;
        const page = await listUploads(c.env, kind, customerId, c.req.valid("query"));
        return c.json({ data: page.data.map(present), page: page.page }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: one,
        tags: [tag],
        summary: `Get a ${kind.noun}`,
        middleware: [read],
        request: { params: IdParam },
        responses: { 200: resource(`The ${kind.noun}`), ...errors(401, 403, 404) },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const row = await findUpload(c.env, kind, c.get("customer").customerId, id);
        return c.json(present(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: "delete",
        path: one,
        tags: [tag],
        summary: `Delete a ${kind.noun} and its bytes, unless an active job uses it`,
        middleware: [write],
        request: { params: IdParam },
        responses: { 204: { description: "Deleted" }, ...errors(401, 403, 404, 409) },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        await deleteUpload(c.env, kind, c.get("customer").customerId, id);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: "put",
        path: `${one}/content`,
        tags: [tag],
        summary: `Upload the whole ${kind.noun} in one request (up to 100 MiB)`,
        middleware: [write],
        request: { params: IdParam, body: rawBytes },
        responses: {
          200: resource("Stored and its digest matched; finalize it next"),
          ...errors(400, 401, 403, 404, 409, 413, 422),
        },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const row = await findUpload(c.env, kind, c.get("customer").customerId, id);
        return c.json(present(await putContent(c.env, kind, row, c.req.raw)), 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: `${one}/uploads`,
        tags: [tag],
        summary: "Start a multipart upload (replaces one still open)",
        middleware: [write],
        request: { params: IdParam },
        responses: {
          201: jsonContent(MultipartUpload, "Started; PUT the parts, then complete"),
          ...errors(401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const row = await findUpload(c.env, kind, c.get("customer").customerId, id);
        const uploadId = await startMultipart(c.env, kind, row);
        return c.json({ upload_id: uploadId, ...multipartUrls(kind, id, uploadId) }, 201);
      },
    )
    .openapi(
      createRoute({
        method: "put",
        path: `${one}/uploads/{upload_id}/parts/{part_number}`,
        tags: [tag],
        summary: "Upload one part (1–10,000; up to 100 MiB; all but the last at least 5 MiB)",
        description: "Send Content-Length. Parts may be sent in any order and retried.",
        middleware: [write],
        request: { params: PartParams, body: rawBytes },
        responses: {
          200: jsonContent(PartReceipt, "Stored; keep the etag for complete"),
          ...errors(400, 401, 403, 404, 409, 413, 422),
        },
      }),
      async (c) => {
        const { id, upload_id, part_number } = c.req.valid("param");
        const row = await findUpload(c.env, kind, c.get("customer").customerId, id);
        const part = await putPart(c.env, kind, row, upload_id, part_number, c.req.raw);
        return c.json(part, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: `${one}/uploads/{upload_id}/complete`,
        tags: [tag],
        summary: "Assemble the uploaded parts into the file",
        middleware: [write],
        request: {
          params: UploadParams,
          body: {
            required: true,
            content: { "application/json": { schema: CompleteMultipartBody } },
          },
        },
        responses: {
          200: resource("Assembled; finalize it next"),
          ...errors(400, 401, 403, 404, 409, 422),
        },
      }),
      async (c) => {
        const { id, upload_id } = c.req.valid("param");
        const { parts } = c.req.valid("json");
        const row = await findUpload(c.env, kind, c.get("customer").customerId, id);
        return c.json(present(await completeMultipart(c.env, kind, row, upload_id, parts)), 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: `${one}/finalize`,
        tags: [tag],
        summary: `Verify the stored bytes and make the ${kind.noun} ready`,
        description:
          "Idempotent: a ready one answers 200 unchanged; a failed one answers its error again.",
        middleware: [write],
        request: { params: IdParam },
        responses: {
          200: resource("Verified and ready"),
          ...errors(401, 403, 404, 409, 422),
        },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const row = await findUpload(c.env, kind, c.get("customer").customerId, id);
        return c.json(present(await finalizeUpload(c.env, kind, row)), 200);
      },
    );
}

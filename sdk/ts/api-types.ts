/**
 * @module sdk/api-types
 * Every request and response type of the SDK, derived from `openapi.d.ts`,
 * which `npm run sdk:generate` writes from the API's served OpenAPI document.
 * Nothing here restates a field: when a route changes, regenerating changes
 * these types, and the compiler points at every call that no longer fits.
 */
import type { components, paths } from "./openapi.d.ts";

type Schemas = components["schemas"];
type Method = "get" | "post" | "put" | "patch" | "delete";

/** The operation at `P` `M`, or `never` while the served document lacks it. */
type Operation<P extends string, M extends Method> = P extends keyof paths
  ? M extends keyof paths[P]
    ? NonNullable<paths[P][M]>
    : never
  : never;

type JsonOf<T> = T extends { content: { "application/json": infer J } } ? J : never;

/** The JSON body an operation takes. */
export type RequestBody<P extends string, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query parameters an operation takes. */
export type QueryOf<P extends string, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/**
 * The JSON of an operation's success (the first 2xx it declares). An operation
 * the served document does not have yet types as `unknown`, so callers see it.
 */
export type ResponseBody<P extends string, M extends Method> = [Operation<P, M>] extends [never]
  ? unknown
  : Operation<P, M> extends { responses: infer R }
    ? R extends { 200: infer O }
      ? JsonOf<O>
      : R extends { 201: infer O }
        ? JsonOf<O>
        : unknown
    : unknown;

export type TrainingJob = Schemas["TrainingJob"];
export type JobStatus = TrainingJob["status"];
export type CreateTrainingJobParams = Schemas["CreateTrainingJob"];
export type ComputeUnit = Schemas["ComputeUnit"];
export type JobEvent = Schemas["JobEvent"];
export type Artifact = Schemas["Artifact"];
export type ArtifactKind = Artifact["kind"];
export type Dataset = Schemas["Dataset"];
export type TrainingPackage = Schemas["TrainingPackage"];
export type CreateDatasetParams = Schemas["CreateDataset"];
export type CreateTrainingPackageParams = Schemas["CreateTrainingPackage"];
export type MultipartUpload = Schemas["MultipartUpload"];
export type UploadedPart = Schemas["UploadedPart"];
export type PageInfo = Schemas["PageInfo"];
export type ErrorEnvelope = Schemas["Error"];
export type ErrorCode = ErrorEnvelope["error"]["code"];

export type ListJobsQuery = QueryOf<"/customer/training-jobs", "get">;
export type ListArtifactsQuery = QueryOf<"/customer/training-jobs/{id}/artifacts", "get">;
export type UnitOutput = ResponseBody<
  "/customer/training-jobs/{id}/compute-units/{unit_id}/output",
  "get"
>;
export type DownloadUrl = ResponseBody<
  "/customer/training-jobs/{id}/artifacts/{artifact_id}/download-url",
  "post"
>;
export type UsageSummary = ResponseBody<"/customer/usage/summary", "get">;
export type UsageDaily = ResponseBody<"/customer/usage/daily", "get">;
export type LedgerEntry = ListItem<"/customer/credits/ledger">;

/** The item type of a paginated list at `P`. */
type ListItem<P extends string> =
  ResponseBody<P, "get"> extends { data: (infer T)[] } ? T : unknown;

/** A page of any list endpoint: `{data, page: {limit, next_cursor, has_more}}`. */
export interface Page<T> {
  data: T[];
  page: PageInfo;
}

/** Statuses after which a job never changes again. */
export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = ["completed", "failed", "cancelled"];

export type ApiKey = Schemas["ApiKey"];
export type NewApiKey = Schemas["NewApiKey"];
export type CreateApiKeyParams = RequestBody<"/customer/api-keys", "post">;
export type WebhookEndpoint = Schemas["WebhookEndpoint"];
export type CreatedWebhookEndpoint = Schemas["CreatedWebhookEndpoint"];
export type CreateWebhookParams = RequestBody<"/customer/webhooks", "post">;
export type WebhookDelivery = Schemas["WebhookDelivery"];

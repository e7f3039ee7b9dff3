/**
 * @module @gpu-agent/sdk
 * The TypeScript SDK of GPU-Agent: `new GpuAgent({ apiKey, baseUrl })`, then
 * upload a dataset and a training package, create a training job, wait for
 * it and download its artifacts. Types come from the API's OpenAPI document.
 */
export { ApiKeys, Webhooks } from "./account.ts";
export type * from "./api-types.ts";
export { TERMINAL_JOB_STATUSES } from "./api-types.ts";
export {
  type ClientOptions,
  type DownloadOptions,
  GpuAgent,
  type ListOptions,
  type WaitOptions,
} from "./client.ts";
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ChecksumError,
  ConflictError,
  GpuAgentError,
  InsufficientCreditsError,
  NetworkError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  UnprocessableError,
} from "./errors.ts";
export { hashFile } from "./files.ts";
export { apiBase, type RetryInfo, type TransportOptions } from "./http.ts";
export { collect, listAll, pages } from "./pagination.ts";
export type { UploadOptions } from "./uploads.ts";

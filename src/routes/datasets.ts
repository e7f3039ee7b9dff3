/**
 * @module datasets
 * `/customer/datasets`: a customer's training data, up to 50 GiB each,
 * through the shared upload lifecycle (create → upload → finalize).
 */

import { DATASET } from "../storage/upload-kinds";
import { uploadRouter } from "../storage/upload-routes";
import { CreateDatasetBody, DatasetSchema, presentDataset } from "../storage/upload-schemas";

export const datasets = uploadRouter({
  kind: DATASET,
  tag: "datasets",
  scopes: { read: "datasets:read", write: "datasets:write" },
  resource: DatasetSchema,
  createBody: CreateDatasetBody,
  present: presentDataset,
  toNewUpload: ({ format, ...common }) => ({
    name: common.name,
    description: common.description,
    sizeBytes: common.size_bytes,
    sha256: common.sha256,
    extra: { format: format ?? null },
  }),
});

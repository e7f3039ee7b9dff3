/**
 * @module training-packages
 * `/customer/training-packages`: zips holding a Python entry point and an
 * optional `gpu-agent.json`, up to 2 GiB each, through the shared upload
 * lifecycle; finalize also checks the zip (see `domain/package-zip`).
 */

import { TRAINING_PACKAGE } from "../storage/upload-kinds";
import { uploadRouter } from "../storage/upload-routes";
import {
  CreateTrainingPackageBody,
  presentTrainingPackage,
  TrainingPackageSchema,
} from "../storage/upload-schemas";

export const trainingPackages = uploadRouter({
  kind: TRAINING_PACKAGE,
  tag: "training-packages",
  scopes: { read: "packages:read", write: "packages:write" },
  resource: TrainingPackageSchema,
  createBody: CreateTrainingPackageBody,
  present: presentTrainingPackage,
  toNewUpload: (body) => ({
    name: body.name,
    description: body.description,
    sizeBytes: body.size_bytes,
    sha256: body.sha256,
  }),
});

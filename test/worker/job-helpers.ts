/**
 * Helpers for job tests: a ready dataset and package made through the public
 * API, and the staging page's job body.
 */
import { TextReader, Uint8ArrayWriter, ZipWriter } from "@zip.js/zip.js";
import { as, json, type TestCustomer } from "./helpers";
import { bytesOf, readyRecord } from "./upload-helpers";

export async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false, level: 0 });
  for (const [name, text] of Object.entries(files)) await writer.add(name, new TextReader(text));
  return writer.close();
}

export interface ReadyInputs {
  datasetId: string;
  packageId: string;
}

/** A ready dataset and a ready package; `manifest` becomes gpu-agent.json. */
export async function readyInputs(
  customer: TestCustomer,
  manifest?: Record<string, unknown>,
): Promise<ReadyInputs> {
  const files: Record<string, string> = { "train.py": "print('training')\n" };
  if (manifest) {
    files["gpu-agent.json"] = JSON.stringify(manifest);
    for (const stage of (manifest.stages as { entrypoint: string }[] | undefined) ?? []) {
      files[stage.entrypoint] = "print('stage')\n";
    }
  }
  const dataset = await readyRecord(customer, "datasets", bytesOf("x,y\n1,2\n3,4\n"));
  const pkg = await readyRecord(customer, "training-packages", await zipOf(files));
  return { datasetId: dataset.id, packageId: pkg.id };
}

/** The staging page's exact request body, with real ids. */
export function pageBody(inputs: ReadyInputs, overrides: Record<string, unknown> = {}) {
  return {
    name: "tiny-mlp-fine-tune",
    dataset_id: inputs.datasetId,
    training_package_id: inputs.packageId,
    required_vram_mb: 8000,
    required_disk_mb: 1024,
    max_runtime_seconds: 600,
    sensitivity: "low_sensitive",
    ...overrides,
  };
}

export function createJob(
  customer: TestCustomer,
  body: Record<string, unknown>,
  idempotencyKey?: string,
): Promise<Response> {
  const headers: Record<string, string> = idempotencyKey
    ? { "Idempotency-Key": idempotencyKey }
    : {};
  return as(customer, "/customer/training-jobs", json(body, headers));
}

export interface JobBody {
  id: string;
  status: string;
  progress: Record<string, number>;
  projected_credits: number;
  charged_credits: number;
  error: { code: string; message: string } | null;
}

export interface UnitBody {
  id: string;
  stage: string;
  kind: "cpu" | "gpu";
  status: string;
  node_id: string | null;
  depends_on: string[];
  credits_charged: number;
  attempts: { node_id: string; outcome: string | null; status: string }[];
}

export async function unitsOf(customer: TestCustomer, jobId: string): Promise<UnitBody[]> {
  const response = await as(customer, `/customer/training-jobs/${jobId}/compute-units`);
  return ((await response.json()) as { data: UnitBody[] }).data;
}

export async function jobOf(customer: TestCustomer, jobId: string): Promise<JobBody> {
  const response = await as(customer, `/customer/training-jobs/${jobId}`);
  return (await response.json()) as JobBody;
}

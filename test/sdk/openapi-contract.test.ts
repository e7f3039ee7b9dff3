/**
 * The SDKs call only operations that the platform's OpenAPI document
 * declares, and the generated types cover each of them. (Whether
 * `sdk/ts/openapi.d.ts` is current is `npm run sdk:generate -- --check`.)
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { platform } from "./support.ts";

const OPERATIONS = [
  ["post", "/customer/datasets"],
  ["get", "/customer/datasets"],
  ["get", "/customer/datasets/{id}"],
  ["delete", "/customer/datasets/{id}"],
  ["put", "/customer/datasets/{id}/content"],
  ["post", "/customer/datasets/{id}/uploads"],
  ["put", "/customer/datasets/{id}/uploads/{upload_id}/parts/{part_number}"],
  ["post", "/customer/datasets/{id}/uploads/{upload_id}/complete"],
  ["post", "/customer/datasets/{id}/finalize"],
  ["post", "/customer/training-packages"],
  ["put", "/customer/training-packages/{id}/content"],
  ["post", "/customer/training-packages/{id}/finalize"],
  ["post", "/customer/training-jobs"],
  ["get", "/customer/training-jobs"],
  ["get", "/customer/training-jobs/{id}"],
  ["post", "/customer/training-jobs/{id}/cancel"],
  ["get", "/customer/training-jobs/{id}/compute-units"],
  ["get", "/customer/training-jobs/{id}/compute-units/{unit_id}/output"],
  ["get", "/customer/training-jobs/{id}/events"],
  ["get", "/customer/training-jobs/{id}/artifacts"],
  ["post", "/customer/training-jobs/{id}/artifacts/{artifact_id}/download-url"],
  ["get", "/customer/usage/summary"],
  ["get", "/customer/usage/daily"],
  ["get", "/customer/usage/export.csv"],
  ["get", "/customer/credits/ledger"],
] as const;

describe("SDK and OpenAPI document", () => {
  it("declares every operation the SDKs call", async () => {
    const response = await fetch(`${platform().url}/api/v1/openapi.json`);
    const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };

    const missing = OPERATIONS.filter(([method, path]) => !document.paths[path]?.[method]);

    expect(missing).toEqual([]);
  });

  it("has generated types for every operation the SDKs call", () => {
    const types = readFileSync(resolve(import.meta.dirname, "../../sdk/ts/openapi.d.ts"), "utf8");

    const missing = OPERATIONS.filter(([, path]) => !types.includes(`"${path}": {`));

    expect(missing).toEqual([]);
  });
});

/**
 * @module manifest
 * `gpu-agent.json`, the optional manifest at a training package's root. It
 * names the entry point and may declare the job's stages; without stages the
 * planner uses the default prepare → train → package plan.
 */
import { z } from "zod";

/** A path inside the package: relative, no `..`, no backslashes. */
export const PackagePath = z
  .string()
  .min(1)
  .max(255)
  .refine((p) => !p.startsWith("/") && !p.includes("\\") && !p.split("/").includes(".."), {
    message: "must be a relative path inside the package",
  })
  .refine((p) => p.endsWith(".py"), { message: "must be a Python file (.py)" });

export const StageName = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, "lowercase letters, digits, '-' or '_', at most 40");

export const ManifestStage = z.strictObject({
  name: StageName,
  kind: z.enum(["cpu", "gpu"]),
  entrypoint: PackagePath,
  depends_on: z.array(StageName).max(32).default([]),
  parallel: z.number().int().min(1).max(64).default(1),
});

export const Manifest = z.strictObject({
  entrypoint: PackagePath.default("train.py"),
  stages: z.array(ManifestStage).min(1).max(32).optional(),
});

export type Manifest = z.infer<typeof Manifest>;
export type ManifestStage = z.infer<typeof ManifestStage>;

export const MANIFEST_FILE = "gpu-agent.json";
export const DEFAULT_ENTRYPOINT = "train.py";

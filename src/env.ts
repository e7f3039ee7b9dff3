/**
 * @module env
 * The Worker's configuration, parsed once where it enters. Bindings come typed
 * from `wrangler types`; the string settings are checked here so a missing
 * secret fails loudly instead of signing URLs with `undefined`.
 */
import { z } from "zod";

const Settings = z.object({
  ADMIN_TOKEN: z.string().min(16, "ADMIN_TOKEN must be at least 16 characters"),
  SIGNING_SECRET: z.string().min(16, "SIGNING_SECRET must be at least 16 characters"),
  ENVIRONMENT: z.enum(["development", "production"]).default("production"),
  WEBHOOK_ALLOW_LOCALHOST: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  PUBLIC_URL: z.url().optional(),
});

export type Settings = z.infer<typeof Settings>;

const cache = new WeakMap<object, Settings>();

export function settings(env: Env): Settings {
  let parsed = cache.get(env);
  if (!parsed) {
    const result = Settings.safeParse(env);
    if (!result.success) {
      const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      throw new Error(`invalid Worker configuration: ${problems.join("; ")}`);
    }
    parsed = result.data;
    cache.set(env, parsed);
  }
  return parsed;
}

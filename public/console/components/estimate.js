/**
 * @module estimate
 * What a would-be job reserves, computed in the browser from the public rate
 * table (`GET /customer/pricing`) the way the platform projects it: every
 * planned unit running its full `max_runtime_seconds` at its rate. The plan
 * is `prepare` → the package's stages (or `train`) → `package`. The job's own
 * `projected_credits` stays the authority; this is a preview.
 */

/** The units' kinds for a package: its manifest's stages, fanned out, or train. */
export function plannedKinds(pkg) {
  const stages = pkg?.manifest?.stages;
  const middle =
    Array.isArray(stages) && stages.length > 0
      ? stages.flatMap((s) =>
          Array.from({ length: Math.max(1, s.parallel ?? 1) }, () => s.kind ?? "gpu"),
        )
      : ["gpu"];
  return ["cpu", ...middle, "cpu"];
}

function gpuRate(pricing, vramMb) {
  const tiers = pricing.gpu_tiers ?? [];
  const tier = tiers.find((t) => t.max_vram_mb === null || vramMb <= t.max_vram_mb) ?? tiers.at(-1);
  return tier?.credits_per_second ?? 0;
}

/** Credits reserved for `kinds` at `vramMb` for `seconds`; null without pricing. */
export function projectedCredits(pricing, kinds, vramMb, seconds) {
  if (!pricing || !Number.isFinite(seconds) || seconds <= 0) return null;
  const cpu = pricing.cpu?.credits_per_second ?? 0;
  const perSecond = kinds.reduce(
    (sum, kind) => sum + (kind === "cpu" ? cpu : gpuRate(pricing, vramMb)),
    0,
  );
  return Math.ceil(seconds) * perSecond;
}

/**
 * @module pricing
 * What compute costs. Credits are whole numbers, charged per started second
 * of a unit's runtime at the unit's rate: CPU units at one flat rate, GPU
 * units by the tier of VRAM the job asks for. The tier follows the
 * requirement, not the card that ran the unit, so the price never depends on
 * which node happened to pick the unit up and the projection made at
 * admission is always an upper bound on the charges. `RATE_TABLE` is served
 * as is at `GET /customer/pricing`; the reservation and every charge read the
 * same table, so the three cannot disagree.
 */
import type { PlannedUnit } from "./planner";

export interface GpuTier {
  readonly tier: string;
  /** Inclusive upper bound of required VRAM; null for the open top tier. */
  readonly max_vram_mb: number | null;
  readonly credits_per_second: number;
}

export interface RateTable {
  readonly billing_increment_seconds: number;
  readonly cpu: { readonly credits_per_second: number };
  readonly gpu_tiers: readonly GpuTier[];
}

export const RATE_TABLE: RateTable = {
  billing_increment_seconds: 1,
  cpu: { credits_per_second: 1 },
  gpu_tiers: [
    { tier: "gpu-8gb", max_vram_mb: 8 * 1024, credits_per_second: 4 },
    { tier: "gpu-16gb", max_vram_mb: 16 * 1024, credits_per_second: 8 },
    { tier: "gpu-24gb", max_vram_mb: 24 * 1024, credits_per_second: 12 },
    { tier: "gpu-48gb", max_vram_mb: 48 * 1024, credits_per_second: 20 },
    { tier: "gpu-xl", max_vram_mb: null, credits_per_second: 32 },
  ],
};

export type PricedUnit = Pick<PlannedUnit, "kind" | "requiredVramMb">;

/** The tier a GPU unit is priced at: the smallest that holds its VRAM requirement. */
export function gpuTier(requiredVramMb: number): GpuTier {
  const tier = RATE_TABLE.gpu_tiers.find(
    (t) => t.max_vram_mb === null || requiredVramMb <= t.max_vram_mb,
  );
  return tier!;
}

/** Credits per second of runtime. */
export function unitRate(unit: PricedUnit): number {
  if (unit.kind === "cpu") return RATE_TABLE.cpu.credits_per_second;
  return gpuTier(unit.requiredVramMb).credits_per_second;
}

/** What a job reserves at admission: every unit running its full allowance. */
export function projectedCost(units: readonly PricedUnit[], maxRuntimeSeconds: number): number {
  const seconds = wholeSeconds(maxRuntimeSeconds, "maxRuntimeSeconds");
  return units.reduce((sum, unit) => sum + seconds * unitRate(unit), 0);
}

/**
 * What one verified unit is charged: each started second at its rate, never
 * more than its share of the projection.
 */
export function chargeFor(
  unit: PricedUnit,
  runtimeSeconds: number,
  maxRuntimeSeconds: number,
): number {
  const ran = wholeSeconds(runtimeSeconds, "runtimeSeconds");
  const allowed = wholeSeconds(maxRuntimeSeconds, "maxRuntimeSeconds");
  return Math.min(ran, allowed) * unitRate(unit);
}

function wholeSeconds(seconds: number, name: string): number {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(`${name} must be a finite, non-negative number, not ${seconds}`);
  }
  return Math.ceil(seconds);
}

import { describe, expect, it } from "vitest";
import { chargeFor, gpuTier, projectedCost, RATE_TABLE, unitRate } from "../../src/domain/pricing";

const cpu = { kind: "cpu" as const, requiredVramMb: 0 };
const gpu = (requiredVramMb: number) => ({ kind: "gpu" as const, requiredVramMb });

describe("pricing: rates", () => {
  it("charges CPU units the flat CPU rate whatever VRAM they name", () => {
    const rate = unitRate({ kind: "cpu", requiredVramMb: 80_000 });

    expect(rate).toBe(RATE_TABLE.cpu.credits_per_second);
  });

  it("prices a GPU unit at the smallest tier that holds its VRAM", () => {
    const rates = [0, 8192, 8193, 16384, 24576, 49152].map((mb) => unitRate(gpu(mb)));

    expect(rates).toEqual([4, 4, 8, 8, 12, 20]);
  });

  it("prices a GPU unit above every bounded tier at the open top tier", () => {
    const tier = gpuTier(80 * 1024);

    expect(tier.max_vram_mb).toBeNull();
    expect(unitRate(gpu(80 * 1024))).toBe(32);
  });

  it("publishes tiers in ascending VRAM and ascending price, the open tier last", () => {
    const tiers = RATE_TABLE.gpu_tiers;
    const bounded = tiers.slice(0, -1).map((t) => t.max_vram_mb as number);

    expect(bounded).toEqual([...bounded].sort((a, b) => a - b));
    expect(tiers.at(-1)?.max_vram_mb).toBeNull();
    for (let i = 1; i < tiers.length; i++) {
      expect(tiers[i]!.credits_per_second).toBeGreaterThan(tiers[i - 1]!.credits_per_second);
    }
  });

  it("serves a rate table that survives JSON unchanged", () => {
    const roundTrip = JSON.parse(JSON.stringify(RATE_TABLE));

    expect(roundTrip).toEqual(RATE_TABLE);
  });
});

describe("pricing: projection and charges", () => {
  it("projects every unit running its full allowance at its rate", () => {
    const units = [cpu, gpu(12_000), cpu];

    const cost = projectedCost(units, 600);

    expect(cost).toBe(600 * 1 + 600 * 8 + 600 * 1);
  });

  it("projects nothing for a plan without units", () => {
    expect(projectedCost([], 600)).toBe(0);
  });

  it("charges each started second", () => {
    const charge = chargeFor(gpu(8_000), 10.2, 600);

    expect(charge).toBe(11 * 4);
  });

  it("never charges more than the unit's maximum runtime", () => {
    const charge = chargeFor(gpu(20_000), 900, 600);

    expect(charge).toBe(600 * 12);
  });

  it("charges nothing for a unit that took no time", () => {
    expect(chargeFor(cpu, 0, 600)).toBe(0);
  });

  it("refuses a negative or non-finite runtime rather than inventing a price", () => {
    expect(() => chargeFor(cpu, -1, 600)).toThrow(RangeError);
    expect(() => chargeFor(cpu, Number.NaN, 600)).toThrow(RangeError);
    expect(() => projectedCost([cpu], Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

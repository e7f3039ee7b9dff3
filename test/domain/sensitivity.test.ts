import { describe, expect, it } from "vitest";
import {
  canRun,
  DEFAULT_NODE_CLEARANCE,
  POLICY_TABLE,
  SENSITIVITIES,
  Sensitivity,
} from "../../src/domain/sensitivity";

describe("sensitivity policy", () => {
  it("lets a node run jobs at or below its clearance", () => {
    expect(canRun("public", "public")).toBe(true);
    expect(canRun("low_sensitive", "public")).toBe(true);
    expect(canRun("low_sensitive", "low_sensitive")).toBe(true);
    expect(canRun("high_sensitive", "high_sensitive")).toBe(true);
    expect(canRun("high_sensitive", "public")).toBe(true);
  });

  it("keeps a node from running jobs above its clearance", () => {
    expect(canRun("public", "low_sensitive")).toBe(false);
    expect(canRun("public", "high_sensitive")).toBe(false);
    expect(canRun("low_sensitive", "high_sensitive")).toBe(false);
  });

  it("clears new nodes for low_sensitive work but never high_sensitive", () => {
    expect(DEFAULT_NODE_CLEARANCE).toBe("low_sensitive");
    expect(canRun(DEFAULT_NODE_CLEARANCE, "low_sensitive")).toBe(true);
    expect(canRun(DEFAULT_NODE_CLEARANCE, "high_sensitive")).toBe(false);
  });

  it("documents, for every sensitivity, exactly the clearances canRun allows", () => {
    const rows = POLICY_TABLE.map((row) => [row.sensitivity, row.runs_on]);

    expect(rows).toEqual([
      ["public", ["public", "low_sensitive", "high_sensitive"]],
      ["low_sensitive", ["low_sensitive", "high_sensitive"]],
      ["high_sensitive", ["high_sensitive"]],
    ]);
  });

  it("parses the three levels and rejects any other", () => {
    expect(SENSITIVITIES.map((level) => Sensitivity.parse(level))).toEqual([...SENSITIVITIES]);
    expect(Sensitivity.safeParse("secret").success).toBe(false);
  });
});

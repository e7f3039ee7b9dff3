import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/domain/errors";
import { Manifest } from "../../src/domain/manifest";
import {
  findCycle,
  MAX_PLAN_UNITS,
  type PlanInput,
  planJob,
  topologicalOrder,
} from "../../src/domain/planner";

const JOB = { requiredVramMb: 12_000, requiredDiskMb: 4_000 };

function plan(manifest: unknown, extra: Partial<PlanInput> = {}) {
  const parsed = manifest === null ? null : Manifest.parse(manifest);
  return planJob({ manifest: parsed, ...JOB, ...extra });
}

function stage(name: string, depends_on: string[] = [], more: object = {}) {
  return { name, kind: "gpu", entrypoint: `${name}.py`, depends_on, ...more };
}

function rejection(manifest: unknown, extra: Partial<PlanInput> = {}): ApiError {
  try {
    plan(manifest, extra);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("the plan was accepted");
}

function keysOf(units: { key: string }[]): string[] {
  return units.map((unit) => unit.key);
}

describe("planner: the default plan", () => {
  it("plans prepare, train and package when the package has no manifest", () => {
    const { units } = plan(null);

    expect(units).toEqual([
      {
        key: "prepare",
        stage: "prepare",
        kind: "cpu",
        shardIndex: 0,
        shardCount: 1,
        entrypoint: "prepare",
        dependsOn: [],
        requiredVramMb: 0,
        requiredDiskMb: 4_000,
        builtin: true,
      },
      {
        key: "train",
        stage: "train",
        kind: "gpu",
        shardIndex: 0,
        shardCount: 1,
        entrypoint: "train.py",
        dependsOn: ["prepare"],
        requiredVramMb: 12_000,
        requiredDiskMb: 4_000,
        builtin: false,
      },
      {
        key: "package",
        stage: "package",
        kind: "cpu",
        shardIndex: 0,
        shardCount: 1,
        entrypoint: "package",
        dependsOn: ["train"],
        requiredVramMb: 0,
        requiredDiskMb: 4_000,
        builtin: true,
      },
    ]);
  });

  it("trains with the manifest's entry point when the manifest declares no stages", () => {
    const { units } = plan({ entrypoint: "src/fit.py" });

    expect(keysOf(units)).toEqual(["prepare", "train", "package"]);
    expect(units[1]?.entrypoint).toBe("src/fit.py");
  });
});

describe("planner: manifest stages", () => {
  it("runs the platform's prepare before root stages and package after leaf stages", () => {
    const manifest = {
      stages: [stage("tokenize", [], { kind: "cpu" }), stage("fit", ["tokenize"]), stage("eval")],
    };

    const { units } = plan(manifest);

    const byKey = new Map(units.map((unit) => [unit.key, unit]));
    expect(byKey.get("tokenize")?.dependsOn).toEqual(["prepare"]);
    expect(byKey.get("eval")?.dependsOn).toEqual(["prepare"]);
    expect(byKey.get("fit")?.dependsOn).toEqual(["tokenize"]);
    expect(byKey.get("package")?.dependsOn).toEqual(["fit", "eval"]);
    expect(units[0]?.key).toBe("prepare");
    expect(units.at(-1)?.key).toBe("package");
  });

  it("fans a parallel stage out into one unit per shard", () => {
    const manifest = { stages: [stage("sweep", [], { parallel: 3 })] };

    const { units } = plan(manifest);

    const sweep = units.filter((unit) => unit.stage === "sweep");
    expect(keysOf(sweep)).toEqual(["sweep#0", "sweep#1", "sweep#2"]);
    expect(sweep.map((unit) => unit.shardIndex)).toEqual([0, 1, 2]);
    expect(sweep.every((unit) => unit.shardCount === 3)).toBe(true);
  });

  it("makes each unit depend on every unit of the stages its stage depends on", () => {
    const manifest = {
      stages: [stage("shard", [], { parallel: 2 }), stage("merge", ["shard"], { parallel: 2 })],
    };

    const { units } = plan(manifest);

    const merges = units.filter((unit) => unit.stage === "merge");
    expect(merges.map((unit) => unit.dependsOn)).toEqual([
      ["shard#0", "shard#1"],
      ["shard#0", "shard#1"],
    ]);
    expect(units.at(-1)?.dependsOn).toEqual(["merge#0", "merge#1"]);
  });

  it("asks VRAM only for GPU units and the job's disk for every unit", () => {
    const manifest = { stages: [stage("clean", [], { kind: "cpu" }), stage("fit", ["clean"])] };

    const { units } = plan(manifest);

    expect(units.map((unit) => [unit.key, unit.requiredVramMb])).toEqual([
      ["prepare", 0],
      ["clean", 0],
      ["fit", 12_000],
      ["package", 0],
    ]);
    expect(units.every((unit) => unit.requiredDiskMb === 4_000)).toBe(true);
  });

  it("lists units in topological order even when stages are declared out of order", () => {
    const manifest = { stages: [stage("c", ["b"]), stage("b", ["a"]), stage("a")] };

    const { units } = plan(manifest);

    expect(keysOf(units)).toEqual(["prepare", "a", "b", "c", "package"]);
  });

  it("plans one manifest the same way every time", () => {
    const manifest = {
      stages: [stage("x"), stage("y", [], { parallel: 4 }), stage("z", ["x", "y"])],
    };

    const first = plan(manifest);
    const second = plan(manifest);

    expect(second).toEqual(first);
    expect(keysOf(first.units)).toEqual([
      "prepare",
      "x",
      "y#0",
      "y#1",
      "y#2",
      "y#3",
      "z",
      "package",
    ]);
  });

  it("ignores a dependency listed twice", () => {
    const manifest = { stages: [stage("a"), stage("b", ["a", "a"])] };

    const { units } = plan(manifest);

    expect(units.find((unit) => unit.key === "b")?.dependsOn).toEqual(["a"]);
  });
});

describe("planner: rejections", () => {
  it("rejects a manifest whose stages form a cycle, naming the stages in it", () => {
    const manifest = { stages: [stage("a", ["c"]), stage("b", ["a"]), stage("c", ["b"])] };

    const error = rejection(manifest);

    expect(error.code).toBe("PLAN_INVALID");
    expect(error.status).toBe(422);
    expect(error.message).toContain("a → c → b → a");
    expect(error.details).toEqual({ stage: "a", reason: "cycle", cycle: ["a", "c", "b"] });
  });

  it("rejects a stage that depends on a stage the manifest does not declare", () => {
    const manifest = { stages: [stage("fit", ["tokenize"])] };

    const error = rejection(manifest);

    expect(error.code).toBe("PLAN_INVALID");
    expect(error.message).toContain('"tokenize"');
    expect(error.details).toEqual({
      stage: "fit",
      reason: "unknown_dependency",
      dependency: "tokenize",
    });
  });

  it("rejects two stages with the same name", () => {
    const manifest = { stages: [stage("fit"), stage("fit")] };

    const error = rejection(manifest);

    expect(error.code).toBe("PLAN_INVALID");
    expect(error.details).toEqual({ stage: "fit", reason: "duplicate_stage" });
  });

  it("rejects a stage that depends on itself", () => {
    const manifest = { stages: [stage("fit", ["fit"])] };

    const error = rejection(manifest);

    expect(error.code).toBe("PLAN_INVALID");
    expect(error.details).toEqual({ stage: "fit", reason: "self_dependency" });
  });

  it("rejects an empty stages list that bypassed the manifest schema", () => {
    const manifest: Manifest = { entrypoint: "train.py", stages: [] };

    const run = () => planJob({ manifest, ...JOB });

    expect(run).toThrow(ApiError);
    expect(run).toThrow(/stages list is empty/);
  });

  it.each(["prepare", "package"])("rejects a stage named %s (reserved)", (name) => {
    const manifest = { stages: [stage(name)] };

    const error = rejection(manifest);

    expect(error.code).toBe("PLAN_INVALID");
    expect(error.details).toEqual({ stage: name, reason: "reserved_name" });
  });

  it("rejects a plan with more units than the platform allows", () => {
    const stages = [1, 2, 3, 4, 5].map((i) => stage(`sweep${i}`, [], { parallel: 64 }));

    const error = rejection({ stages });

    expect(error.code).toBe("PLAN_INVALID");
    expect(error.details).toEqual({
      reason: "too_many_units",
      units: 322,
      max_units: MAX_PLAN_UNITS,
    });
  });

  it("accepts a plan of exactly the maximum number of units", () => {
    const stages = [stage("a", [], { parallel: 64 }), stage("b", [], { parallel: 64 })];
    stages.push(stage("c", [], { parallel: 64 }), stage("d", [], { parallel: 62 }));

    const { units } = plan({ stages });

    expect(units).toHaveLength(MAX_PLAN_UNITS);
  });

  it("refuses a plan with more units than remain in today's quota", () => {
    const error = rejection(null, { dailyUnitsRemaining: 2 });

    expect(error.code).toBe("DAILY_TASK_LIMIT_EXCEEDED");
    expect(error.status).toBe(429);
    expect(error.details).toEqual({ planned_units: 3, remaining_units: 2 });
  });

  it("accepts a plan that uses exactly what remains of today's quota", () => {
    const { units } = plan(null, { dailyUnitsRemaining: 3 });

    expect(units).toHaveLength(3);
  });
});

describe("planner: graph helpers", () => {
  it("orders nodes after their dependencies, ties in the order given", () => {
    const nodes = [
      { key: "d", dependsOn: ["b", "c"] },
      { key: "c", dependsOn: [] },
      { key: "b", dependsOn: ["a"] },
      { key: "a", dependsOn: [] },
    ];

    const order = topologicalOrder(nodes);

    expect(keysOf(order)).toEqual(["c", "a", "b", "d"]);
  });

  it("throws when asked to order a graph with a cycle", () => {
    const nodes = [
      { key: "a", dependsOn: ["b"] },
      { key: "b", dependsOn: ["a"] },
    ];

    expect(() => topologicalOrder(nodes)).toThrow(/cycle/);
  });

  it("throws when asked to order a node whose dependency is missing", () => {
    const nodes = [{ key: "a", dependsOn: ["ghost"] }];

    expect(() => topologicalOrder(nodes)).toThrow(/unknown ghost/);
  });

  it("finds no cycle in a graph without one", () => {
    const nodes = [
      { key: "a", dependsOn: [] },
      { key: "b", dependsOn: ["a"] },
      { key: "c", dependsOn: ["a", "b"] },
    ];

    expect(findCycle(nodes)).toBeNull();
  });
});

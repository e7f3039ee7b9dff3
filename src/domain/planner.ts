/**
 * @module planner
 * Turns a training package's manifest and a job's requirements into the job's
 * plan: its compute units, what each needs and what each waits for. Pure: the
 * job scheduler stores the plan; a rejection is an `ApiError` that the error
 * handler answers as `PLAN_INVALID` (422) or `DAILY_TASK_LIMIT_EXCEEDED` (429).
 *
 * - Without stages the plan is `prepare` → `train` → `package`, where `train`
 *   runs the manifest's entry point (`train.py` when there is no manifest).
 * - With stages, the platform's own `prepare` still runs before every root
 *   stage and `package` after every leaf stage, so every job's dataset is
 *   checked and its artifacts collected the same way. Both names are
 *   therefore reserved: a manifest declaring either is rejected, not merged.
 *   The manifest's top-level `entrypoint` is unused once it declares stages.
 * - A stage with `parallel: n` becomes n units keyed `stage#0`…`stage#<n-1>`
 *   (a single unit keeps the bare stage name; stage names cannot hold `#`).
 *   A unit depends on every unit of each stage its own stage depends on.
 * - Units come out in topological order, ties broken by declaration order, so
 *   one manifest always yields the same plan.
 * - The daily quota check only compares counts: the caller knows the clock
 *   and adds `Retry-After` (seconds to UTC midnight) to the 429 it sends.
 */
import { ApiError } from "./errors";
import { DEFAULT_ENTRYPOINT, type Manifest, type ManifestStage } from "./manifest";

/** Far above any real sweep, low enough that one job cannot flood the pool. */
export const MAX_PLAN_UNITS = 256;

export const RESERVED_STAGE_NAMES = ["prepare", "package"] as const;

export type UnitKind = "cpu" | "gpu";

export interface PlannedUnit {
  /** Unique within the plan: the stage name, or `stage#<shard>` for fan-outs. */
  key: string;
  stage: string;
  kind: UnitKind;
  shardIndex: number;
  shardCount: number;
  entrypoint: string;
  /** Keys of the units that must complete before this one is ready. */
  dependsOn: string[];
  /** Zero for CPU units. */
  requiredVramMb: number;
  requiredDiskMb: number;
  /** True for the platform's own `prepare` and `package` steps. */
  builtin: boolean;
}

export interface PlanInput {
  manifest: Manifest | null;
  requiredVramMb: number;
  requiredDiskMb: number;
  /** Units the customer may still plan today; omitted, the quota is not checked. */
  dailyUnitsRemaining?: number;
}

export interface Plan {
  units: PlannedUnit[];
}

/** Anything with a key and the keys it depends on. */
export interface DagNode {
  key: string;
  dependsOn: readonly string[];
}

interface StageSpec extends DagNode {
  kind: UnitKind;
  entrypoint: string;
  parallel: number;
  builtin: boolean;
}

export function planJob(input: PlanInput): Plan {
  const stages = topologicalOrder(stagesOf(input.manifest));
  const units = expand(stages, input);

  checkDailyQuota(units.length, input.dailyUnitsRemaining);
  return { units };
}

/**
 * Orders nodes so that each comes after everything it depends on; among nodes
 * ready at the same time, the one given first goes first. Validate with
 * `findCycle` beforehand: a cycle, a duplicate key or a dependency outside
 * `nodes` here is a programming error and throws a plain `Error`.
 */
export function topologicalOrder<N extends DagNode>(nodes: readonly N[]): N[] {
  const position = new Map<string, number>();
  for (const [i, node] of nodes.entries()) {
    if (position.has(node.key)) throw new Error(`duplicate key ${node.key}`);
    position.set(node.key, i);
  }

  const waitingOn = nodes.map((node) => new Set(node.dependsOn).size);
  const dependants = nodes.map((): number[] => []);
  for (const [i, node] of nodes.entries()) {
    for (const dep of new Set(node.dependsOn)) {
      const d = position.get(dep);
      if (d === undefined) throw new Error(`${node.key} depends on unknown ${dep}`);
      dependants[d]!.push(i);
    }
  }

  const ready = [...nodes.keys()].filter((i) => waitingOn[i] === 0);
  const order: N[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const i = ready.shift()!;
    order.push(nodes[i]!);
    for (const j of dependants[i]!) {
      waitingOn[j]! -= 1;
      if (waitingOn[j] === 0) ready.push(j);
    }
  }

  if (order.length < nodes.length) throw new Error("the graph has a cycle");
  return order;
}

/**
 * The first dependency cycle found, as keys in "depends on" order (`[a, b]`
 * means a depends on b and b on a), or null. Unknown dependencies are ignored.
 */
export function findCycle(nodes: readonly DagNode[]): string[] | null {
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  const state = new Map<string, "visiting" | "done">();
  const path: string[] = [];

  const visit = (key: string): string[] | null => {
    const seen = state.get(key);
    if (seen === "done") return null;
    if (seen === "visiting") return path.slice(path.indexOf(key));
    const node = byKey.get(key);
    if (!node) return null;

    state.set(key, "visiting");
    path.push(key);
    for (const dep of node.dependsOn) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(key, "done");
    return null;
  };

  for (const node of nodes) {
    const cycle = visit(node.key);
    if (cycle) return cycle;
  }
  return null;
}

function stagesOf(manifest: Manifest | null): StageSpec[] {
  const declared = manifest?.stages;
  if (declared === undefined) {
    const train = gpuStage("train", manifest?.entrypoint ?? DEFAULT_ENTRYPOINT, ["prepare"]);
    return [builtinStage("prepare", []), train, builtinStage("package", ["train"])];
  }

  validateStages(declared);

  const stages = declared.map((stage) => ({
    key: stage.name,
    kind: stage.kind,
    entrypoint: stage.entrypoint,
    dependsOn: stage.depends_on.length > 0 ? [...new Set(stage.depends_on)] : ["prepare"],
    parallel: stage.parallel,
    builtin: false,
  }));
  const dependedOn = new Set(declared.flatMap((stage) => stage.depends_on));
  const leaves = declared.map((stage) => stage.name).filter((name) => !dependedOn.has(name));
  return [builtinStage("prepare", []), ...stages, builtinStage("package", leaves)];
}

function validateStages(stages: readonly ManifestStage[]): void {
  if (stages.length === 0) {
    throw invalid(
      "The manifest's stages list is empty; declare at least one stage, or drop " +
        '"stages" to use the default prepare → train → package plan',
      { reason: "empty_plan" },
    );
  }

  const names = new Set<string>();
  for (const stage of stages) {
    if ((RESERVED_STAGE_NAMES as readonly string[]).includes(stage.name)) {
      throw invalid(
        `Stage "${stage.name}" uses a name the platform reserves for its own ` +
          "prepare and package steps, which run around every plan; rename the stage",
        { stage: stage.name, reason: "reserved_name" },
      );
    }
    if (names.has(stage.name)) {
      throw invalid(`Two stages are named "${stage.name}"; give each stage its own name`, {
        stage: stage.name,
        reason: "duplicate_stage",
      });
    }
    names.add(stage.name);
  }

  for (const stage of stages) checkDependencies(stage, names);

  const cycle = findCycle(stages.map((s) => ({ key: s.name, dependsOn: s.depends_on })));
  if (cycle) {
    const loop = [...cycle, cycle[0]].join(" → ");
    throw invalid(`Stages depend on each other in a cycle (${loop}); break one dependency`, {
      stage: cycle[0],
      reason: "cycle",
      cycle,
    });
  }

  const units = RESERVED_STAGE_NAMES.length + stages.reduce((n, s) => n + s.parallel, 0);
  if (units > MAX_PLAN_UNITS) {
    throw invalid(
      `The plan has ${units} compute units, more than the ${MAX_PLAN_UNITS} allowed; ` +
        "lower the stages' parallel counts",
      { reason: "too_many_units", units, max_units: MAX_PLAN_UNITS },
    );
  }
}

function checkDependencies(stage: ManifestStage, names: ReadonlySet<string>): void {
  for (const dep of stage.depends_on) {
    if (dep === stage.name) {
      throw invalid(`Stage "${dep}" depends on itself; remove it from its own depends_on`, {
        stage: dep,
        reason: "self_dependency",
      });
    }
    if (!names.has(dep)) {
      throw invalid(
        `Stage "${stage.name}" depends on "${dep}", which the manifest does not declare; ` +
          "declare that stage or remove it from depends_on",
        { stage: stage.name, reason: "unknown_dependency", dependency: dep },
      );
    }
  }
}

function expand(stages: readonly StageSpec[], input: PlanInput): PlannedUnit[] {
  const unitKeys = new Map<string, string[]>();
  const units: PlannedUnit[] = [];

  for (const stage of stages) {
    const keys = shardKeys(stage.key, stage.parallel);
    const dependsOn = stage.dependsOn.flatMap((dep) => unitKeys.get(dep)!);
    unitKeys.set(stage.key, keys);

    for (const [shardIndex, key] of keys.entries()) {
      units.push({
        key,
        stage: stage.key,
        kind: stage.kind,
        shardIndex,
        shardCount: stage.parallel,
        entrypoint: stage.entrypoint,
        dependsOn: [...dependsOn],
        requiredVramMb: stage.kind === "gpu" ? input.requiredVramMb : 0,
        requiredDiskMb: input.requiredDiskMb,
        builtin: stage.builtin,
      });
    }
  }
  return units;
}

function checkDailyQuota(units: number, remaining: number | undefined): void {
  if (remaining === undefined || units <= remaining) return;

  throw new ApiError(
    "DAILY_TASK_LIMIT_EXCEEDED",
    `The job plans ${units} compute units but only ${Math.max(remaining, 0)} remain in ` +
      "today's quota; retry after UTC midnight or plan fewer units",
    { planned_units: units, remaining_units: Math.max(remaining, 0) },
  );
}

function shardKeys(stage: string, parallel: number): string[] {
  if (parallel === 1) return [stage];
  return Array.from({ length: parallel }, (_, i) => `${stage}#${i}`);
}

function builtinStage(name: "prepare" | "package", dependsOn: string[]): StageSpec {
  return { key: name, kind: "cpu", entrypoint: name, dependsOn, parallel: 1, builtin: true };
}

function gpuStage(name: string, entrypoint: string, dependsOn: string[]): StageSpec {
  return { key: name, kind: "gpu", entrypoint, dependsOn, parallel: 1, builtin: false };
}

function invalid(message: string, details: Record<string, unknown>): ApiError {
  return new ApiError("PLAN_INVALID", message, details);
}

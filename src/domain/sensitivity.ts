/**
 * @module sensitivity
 * Which nodes may see which jobs' data. A job declares a sensitivity; a node
 * holds a clearance on the same ordered scale, `public` < `low_sensitive` <
 * `high_sensitive`, and may run a job whose sensitivity is at or below it.
 *
 * How nodes get their clearance:
 * - A node enrolled without a stated clearance is cleared for
 *   `low_sensitive` (so also `public`): every node is enrolled by an
 *   operator-issued token and runs units in the agent's sandbox, which is
 *   enough for data a customer calls only mildly sensitive.
 * - `high_sensitive` is never a default. Only an operator grants it, on the
 *   enrollment token or on the node afterwards, to machines they vouch for.
 * - An operator may also narrow a node to `public`.
 */
import { z } from "zod";

export const SENSITIVITIES = ["public", "low_sensitive", "high_sensitive"] as const;

export const Sensitivity = z.enum(SENSITIVITIES);
export type Sensitivity = z.infer<typeof Sensitivity>;

/** A node's clearance is a level on the same scale as a job's sensitivity. */
export type Clearance = Sensitivity;

export const DEFAULT_NODE_CLEARANCE: Clearance = "low_sensitive";

const LEVEL: Record<Sensitivity, number> = { public: 0, low_sensitive: 1, high_sensitive: 2 };

export function canRun(nodeClearance: Clearance, jobSensitivity: Sensitivity): boolean {
  return LEVEL[jobSensitivity] <= LEVEL[nodeClearance];
}

export interface PolicyRow {
  sensitivity: Sensitivity;
  /** The node clearances that may run a job of this sensitivity. */
  runs_on: Clearance[];
  /** How a node comes to hold the lowest of those clearances. */
  granted: string;
}

const GRANTED: Record<Sensitivity, string> = {
  public: "every node",
  low_sensitive: "every node by default, unless an operator narrowed it to public",
  high_sensitive: "only nodes an operator explicitly cleared for high_sensitive",
};

/** The policy as documentation shows it, derived from `canRun` so it cannot drift. */
export const POLICY_TABLE: readonly PolicyRow[] = SENSITIVITIES.map((sensitivity) => ({
  sensitivity,
  runs_on: SENSITIVITIES.filter((clearance) => canRun(clearance, sensitivity)),
  granted: GRANTED[sensitivity],
}));

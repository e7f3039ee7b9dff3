/**
 * @module contracts
 * What the objects and the Worker hand each other over RPC. Types only: an
 * object reaches another through its `env` binding, never by importing it.
 */
import type { PlannedUnit } from "../src/domain/planner";
import type { Sensitivity } from "../src/domain/sensitivity";
import type { Assign, Capabilities, OutputReport } from "../src/protocol/messages";

export interface StoredInput {
  id: string;
  name: string;
  objectKey: string;
  sizeBytes: number;
  sha256: string;
}

/** Everything a job's scheduler needs to run it, fixed at admission. */
export interface SchedulerStart {
  jobId: string;
  customerId: string;
  name: string;
  sensitivity: Sensitivity;
  maxRuntimeSeconds: number;
  hyperparameters: Record<string, unknown>;
  projectedCredits: number;
  dataset: StoredInput;
  trainingPackage: StoredInput;
  units: (PlannedUnit & { id: string })[];
}

/** A ready unit waiting in the pool for a node. */
export interface UnitOffer {
  computeUnitId: string;
  jobId: string;
  kind: "cpu" | "gpu";
  requiredVramMb: number;
  requiredDiskMb: number;
  sensitivity: Sensitivity;
  /** Nodes that already tried this unit: it goes to another one. */
  excludeNodes: string[];
}

/** The assignment the scheduler makes when the pool matched a node. */
export type Assignment = Omit<Assign, "v" | "type">;

export interface NodeContext {
  nodeId: string;
  /** Origin the node connected to; signed URLs are made against it. */
  origin: string;
}

export interface CompleteReport {
  attemptId: string;
  runtimeSeconds: number;
  outputs: OutputReport[];
}

export interface VerdictReply {
  accepted: boolean;
  reasons: string[];
}

export interface NodeSummary {
  nodeId: string;
  capabilities: Capabilities;
}

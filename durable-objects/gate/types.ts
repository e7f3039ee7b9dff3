/**
 * @module gate/types
 * What the customer's gate takes and answers over RPC, and its account row.
 */
import type { ErrorCode } from "../../src/domain/errors";
import type { Limits, RateLimitState } from "../../src/domain/limits";
import type { Statement } from "../outbox";

/** A refusal, as data: errors lose their fields when thrown across RPC. */
export interface GateRefusal {
  ok: false;
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
  rateLimit?: RateLimitState;
}

export interface JobAdmission {
  customerId: string;
  jobId: string;
  idempotencyKey: string | null;
  bodyHash: string;
  unitCount: number;
  projectedCredits: number;
  /** The D1 statements that record the job and its units, run with the reservation. */
  recordJob: Statement[];
  /** What the job's scheduler is started with. */
  schedulerStart: unknown;
}

export type AdmissionResult =
  | { ok: true; jobId: string; replayed: boolean; rateLimit: RateLimitState }
  | GateRefusal;

export interface Account {
  customerId: string;
  balance: number;
  reserved: number;
  limits: Limits;
  activeJobs: number;
  unitsToday: number;
}

export interface UnitCharge {
  customerId: string;
  jobId: string;
  computeUnitId: string;
  amount: number;
  description: string;
}

export interface AccountRow extends Record<string, SqlStorageValue> {
  customer_id: string;
  balance: number;
  reserved: number;
  jobs_per_minute: number;
  max_active_jobs: number;
  daily_unit_quota: number;
  requests_per_minute: number;
}

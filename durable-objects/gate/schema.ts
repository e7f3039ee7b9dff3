/** The gate's own SQLite tables; `CREATE … IF NOT EXISTS`, run on every start. */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS account (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  customer_id TEXT NOT NULL,
  balance INTEGER NOT NULL,
  reserved INTEGER NOT NULL CHECK (reserved >= 0),
  jobs_per_minute INTEGER NOT NULL,
  max_active_jobs INTEGER NOT NULL,
  daily_unit_quota INTEGER NOT NULL,
  requests_per_minute INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS job_creations (at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS active_jobs (
  job_id TEXT PRIMARY KEY,
  reserved INTEGER NOT NULL CHECK (reserved >= 0)
);
CREATE TABLE IF NOT EXISTS daily_units (day INTEGER PRIMARY KEY, units INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS request_windows (start INTEGER PRIMARY KEY, count INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (
  key TEXT PRIMARY KEY,
  body_hash TEXT NOT NULL,
  job_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS ledger_clock (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS charges (
  compute_unit_id TEXT PRIMARY KEY,
  amount INTEGER NOT NULL CHECK (amount >= 0)
);
`;

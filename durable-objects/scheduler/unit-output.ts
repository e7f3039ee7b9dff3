/**
 * @module scheduler/unit-output
 * What a running unit says about itself: its last log lines (a bounded tail
 * per unit) and the metric points it reported, kept for the job's page.
 */
const KEPT_LOG_LINES = 500;

export function keepLogs(sql: SqlStorage, unitId: string, attemptId: string, lines: string[]) {
  for (const line of lines) {
    sql.exec(
      "INSERT INTO logs (unit_id, attempt_id, line) VALUES (?, ?, ?)",
      unitId,
      attemptId,
      line,
    );
  }
  if (lines.length > 0) {
    sql.exec(
      `DELETE FROM logs WHERE unit_id = ? AND seq <= (
         SELECT seq FROM logs WHERE unit_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`,
      unitId,
      unitId,
      KEPT_LOG_LINES,
    );
  }
}

export function keepMetrics(
  sql: SqlStorage,
  unitId: string,
  attemptId: string,
  points: Record<string, unknown>[],
) {
  for (const point of points) {
    sql.exec(
      "INSERT INTO metrics (unit_id, attempt_id, data) VALUES (?, ?, ?)",
      unitId,
      attemptId,
      JSON.stringify(point),
    );
  }
}

/** The last `lines` log lines, oldest first, and every metric point of a unit. */
export function readUnitOutput(sql: SqlStorage, unitId: string, lines: number) {
  const logs = sql
    .exec<{ line: string }>(
      "SELECT line FROM logs WHERE unit_id = ? ORDER BY seq DESC LIMIT ?",
      unitId,
      Math.min(lines, KEPT_LOG_LINES),
    )
    .toArray()
    .map((r) => r.line)
    .reverse();
  const metrics = sql
    .exec<{ data: string }>("SELECT data FROM metrics WHERE unit_id = ? ORDER BY seq", unitId)
    .toArray()
    .map((r) => JSON.parse(r.data) as Record<string, unknown>);
  return { logs, metrics };
}

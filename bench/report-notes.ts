/**
 * @module bench/report-notes
 * The prose of the report: how each figure is measured, and what the local
 * figures do and do not say about production.
 */
import type { Results } from "./report.ts";

export function methodNotes(): string {
  return "## Method\n";
}

export function productionNotes(_r: Results): string {
  return "## Production\n";
}

/**
 * @module usage/csv
 * Writing CSV records as RFC 4180 defines them: CRLF after every record, and
 * a field that holds a comma, a double quote, CR or LF is enclosed in double
 * quotes with its quotes doubled.
 *
 * Written here rather than with csv-stringify: its sync API runs in workerd,
 * but only through `nodejs_compat`, because it calls the global `Buffer` when
 * imported; a rule this small is not worth tying the export to that flag.
 *
 * Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, tab or CR as a
 * formula, and job and stage names are the customer's own text. Such a text
 * cell is written with a leading apostrophe (OWASP's advice for CSV
 * injection), so opening an export never runs what a name smuggled in; a
 * program that parses the file sees the apostrophe. Numbers are written as
 * they are.
 */

export type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One text field, guarded and quoted as needed. */
export function csvField(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";

  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, with its CRLF. */
export function csvRecord(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}

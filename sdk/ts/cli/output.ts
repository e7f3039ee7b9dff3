/**
 * @module sdk/cli/output
 * How the CLI answers: a JSON document on stdout with `--json`, sentences
 * and small tables otherwise; progress and errors on stderr; and an exit
 * code that tells what went wrong: 2 bad usage, 3 the platform refused
 * (an API error), 4 the platform could not be reached, 1 anything else
 * (a failed job, a file that does not verify).
 */
import { ApiError, ChecksumError, NetworkError } from "../errors.ts";
import { column, t } from "./i18n.ts";

export const EXIT = { ok: 0, failed: 1, usage: 2, api: 3, network: 4 } as const;

/** Bad flags or arguments, a missing key: the person must change the command. */
export class UsageError extends Error {
  override name = "UsageError";
}

export interface Output {
  json: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Prints the command's result: `value` as JSON, or `human()` as text. */
export function result(output: Output, value: unknown, human: () => string): void {
  output.out(output.json ? JSON.stringify(value, null, 2) : human());
}

/** A fixed-width table, for `jobs list` and the like, under translated column titles. */
export function table(rows: string[][], titles?: string[]): string {
  const all = titles ? [titles.map(column), ...rows] : rows;
  if (all.length === 0) return "";
  const widths = all[0]!.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ""))));
  const pad = (cell: string, i: number) => cell + " ".repeat(widths[i]! - displayWidth(cell));
  return all.map((r) => r.map(pad).join("  ").trimEnd()).join("\n");
}

/** Columns a terminal gives the text: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(char)
      ? 2
      : 1;
  return width;
}

/** Reports a failure on stderr (as JSON with `--json`) and picks the exit code. */
export function fail(output: Output, err: unknown, baseUrl: string): number {
  if (err instanceof UsageError) {
    report(output, { code: "USAGE", message: err.message }, err.message);
    return EXIT.usage;
  }
  if (err instanceof ApiError) {
    const { code, status, requestId, rawMessage: message, details } = err;
    const text = t("api_error", { code, status, message, requestId: requestId ?? "-" });
    report(output, { code, status, request_id: requestId, message, details }, text);
    return EXIT.api;
  }
  if (err instanceof NetworkError) {
    const text = t("network_error", { url: baseUrl, reason: err.message });
    report(output, { code: "NETWORK_ERROR", message: err.message }, text);
    return EXIT.network;
  }
  if (err instanceof ChecksumError) {
    report(
      output,
      { code: "CHECKSUM_MISMATCH", message: err.message },
      t("checksum_error", {
        reason: err.message,
      }),
    );
    return EXIT.failed;
  }
  const message = err instanceof Error ? err.message : String(err);
  report(output, { code: "FAILED", message }, t("failed", { reason: message }));
  return EXIT.failed;
}

function report(output: Output, error: Record<string, unknown>, text: string): void {
  output.err(output.json ? JSON.stringify({ error }) : text);
}
